"""Run checks' digests grow with what a document says, not with copies of its text."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths
from tcheck.checks.inconsistent_translation import InconsistentTranslation
from tcheck.config import Config
from tcheck.context import Context
from tcheck.formats import tsv

ROWS = [
    ("Lagre endringene", "Save the changes"),
    ("Avbryt opplastingen", "Cancel the upload"),
    ("Lagre endringene", "Store the changes"),
    ("Lagre endringene", "Save the changes"),
]


def _memory() -> str:
    return "nb\ten\n" + "".join(f"{s}\t{t}\n" for s, t in ROWS)


def test_tc106_digest_keeps_wordings_as_digests_and_texts_by_reference() -> None:
    doc = tsv.read("minne.tsv", _memory())
    entries = InconsistentTranslation.digest(doc, Context(Config()))
    assert len(entries) == 2 * len(ROWS)
    for _, key, wording, _text, _place in entries:
        assert isinstance(key, bytes) and isinstance(wording, bytes) and len(wording) == 16
    texts = {id(seg.text) for seg in doc.segments} | {
        id(seg.counterpart.text) for seg in doc.segments if seg.counterpart
    }
    assert all(id(text) in texts for *_, text, _ in entries)  # the segment's own string, no copy
    # two rows with one source and one wording share their wording's digest; another does not
    saves = [e[2] for e in entries if e[0] and e[3] == "Save the changes"]
    stores = [e[2] for e in entries if e[0] and e[3] == "Store the changes"]
    assert saves[0] == saves[1] != stores[0]


def test_tc106_digest_costs_tens_of_bytes_an_entry() -> None:
    import gc
    import pickle
    import tracemalloc

    rows = [
        (f"Lagre endringene i fil {n}", f"Speichern Sie die Änderungen in Datei {n}") for n in range(3000)
    ]
    doc = tsv.read("minne.tsv", "nb\tde\n" + "".join(f"{s}\t{t}\n" for s, t in rows))
    ctx = Context(Config())
    InconsistentTranslation.digest(tsv.read("warm.tsv", _memory()), ctx)
    gc.collect()
    tracemalloc.start()
    try:
        entries = InconsistentTranslation.digest(doc, ctx)
        size, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(entries) == 2 * len(rows)
    # a tuple per entry with its place, span and two digest objects cost ~250 bytes; columns ~65
    assert size < 100 * len(entries), f"{size / len(entries):.0f} bytes an entry"
    again = pickle.loads(pickle.dumps(entries))  # a parallel run sends it from its worker
    assert list(again) == list(entries)


def test_tc106_still_reports_the_odd_wording(tmp_path: Path) -> None:
    path = tmp_path / "minne.tsv"
    path.write_text(_memory(), encoding="utf-8")
    found = findings(run_paths([path], select=["TC106"]), "TC106")
    assert [f["line"] for f in found] == [4]
    assert found[0]["suggestion"] == "Save the changes"


def test_tc103_words_are_found_without_a_record_per_character() -> None:
    import subprocess
    import sys

    from tcheck.checks._variants import TOKEN

    text = "Statsminister O'Brien møtte Kassym-Jomart Tokayev's folk i Nur-Sultan; 2,300 e-poster."
    words = [m.group() for m in TOKEN.finditer(text)]
    assert words == [
        "Statsminister", "O'Brien", "møtte", "Kassym-Jomart", "Tokayev", "s", "folk", "i",
        "Nur-Sultan", "2", "300", "e-poster",
    ]  # fmt: skip
    probe = (
        "import resource\n"
        "from tcheck.checks._variants import TOKEN\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "spans = [m.span() for m in TOKEN.finditer('1' * 2_000_000 + ' Kassym-Jomart')]\n"
        "assert spans == [(0, 2_000_000), (2_000_001, 2_000_014)], spans\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024)\n"
    )
    grown = int(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    assert grown < 40  # MB for a 2 MB word (a record per character: ~240 MB)
