"""TC107's per-document digest is compact: numbered words in arrays, not a tuple per word."""

from __future__ import annotations

import gc
import pickle
import tracemalloc
from array import array
from pathlib import Path

from tcheck.bilingual.keptpair import Kept, WordTable
from tcheck.bilingual.wordterms import digest_document
from tcheck.formats import read_document

ROWS = [
    ("Open your account settings before the update.", "Åpne kontoinnstillingene dine før oppdateringen."),
    (
        "Your account is locked after three failed attempts.",
        "Kontoen din blir låst etter tre mislykkede forsøk.",
    ),
    (
        "The account owner receives an email from support.",
        "Eieren av kontoen får en e-post fra kundestøtten.",
    ),
    (
        "Each account has its own password and history.",
        "Hver konto har sitt eget passord og sin egen historikk.",
    ),
    (
        "Support answers every question within two days.",
        "Kundestøtten svarer på alle spørsmål innen to dager.",
    ),
]


def _long_tsv(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "konto.tsv"
    lines = ["en\tnb"]
    for i in range(rows):
        en, nb = ROWS[i % len(ROWS)]
        lines.append(f"{en} Ticket {i}.\t{nb} Sak {i}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_kept_pairs_hold_one_array_and_share_the_document_word_table(tmp_path: Path) -> None:
    digest = digest_document(read_document(str(_long_tsv(tmp_path, 400))), False)
    assert len(digest.kept) == 400
    first = digest.kept[0]
    for pair in digest.kept:
        assert pair.words is first.words  # one table of distinct words per document
        assert isinstance(pair._data, array) and pair._data.itemsize == 4
        assert not any(isinstance(v, tuple) for v in (pair.path, pair.words, pair._data))
    assert len(first.words) == len(set(first.words))  # each word string stored once
    assert len(first.words) < 1000  # 400 pairs of about 8 words: keys and surfaces repeat
    assert first.source[:2] == ("open", "account") and first.surfaces[:2] == ("Open", "account")
    assert first.target_keys()[0] == first.target[0][0] == first.token(0)[0]


def test_digest_memory_per_target_word(tmp_path: Path) -> None:
    """The old digest kept a 5-tuple, two int objects and a string per target word, and tuples
    of the source words: about 340 bytes per target word here; numbered in one array, about 66."""
    doc = read_document(str(_long_tsv(tmp_path, 2000)))
    digest_document(doc, False)  # lemmatiser tables and caches loaded outside the measure
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        digest = digest_document(doc, False)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    words = sum(len(pair.target) for pair in digest.kept)
    assert words > 10_000
    assert held / words < 120, f"{held / words:.0f} bytes per target word"


def test_kept_round_trip_of_words_spans_and_joins() -> None:
    table = WordTable()
    source = [("schwarz", "schwarzen"), ("loch", "Lochs"), ("klang", "Klang")]
    target = [("svart", 10, 15, "svarte", True), ("hull", 16, 21, "hullet", False)]
    pair = Kept.make("talk.nb.xlf", table, source, target, (True, False))
    assert pair.source == ("schwarz", "loch", "klang")
    assert pair.surfaces == ("schwarzen", "Lochs", "Klang")
    assert pair.joined == (True, False)
    assert pair.target == tuple(target)
    assert pair.token(-1) == target[-1]
    far = Kept.make("big.po", table, source[:1], [("hull", 2**40, 2**40 + 4, "hull", False)])
    assert far.token(0)[1:3] == (2**40, 2**40 + 4)  # spans beyond 32 bits kept exactly
    assert far.words is pair.words and table.words.count("hull") == 1
    assert pair != far and pair == Kept.make("talk.nb.xlf", WordTable(), source, target, (True, False))


def test_pickled_digest_keeps_one_table_for_all_pairs(tmp_path: Path) -> None:
    digest = digest_document(read_document(str(_long_tsv(tmp_path, 200))), False)
    again = pickle.loads(pickle.dumps(digest))
    assert again.kept == digest.kept
    assert all(pair.words is again.kept[0].words for pair in again.kept)
