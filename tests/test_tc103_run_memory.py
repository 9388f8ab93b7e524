"""TC103 over many documents: what the run keeps grows with distinct names, not with documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from helpers import findings, run_paths
from tcheck.checks.term_variant import TOPIC_DOCS, TermVariant
from tcheck.config import resolve
from tcheck.context import Context
from tcheck.formats.text import read

STORY = (
    "I Almaty møtte president Tokayev Putin, Lukashenko og Pashinyan mandag. "
    "Tokayev takket CSTO for hjelpen, og Lukashenko lovte flere soldater.\n"
)
FILLER = "President Tokayev snakket med journalister i Astana om økonomien og om Sberbank.\n"
OTHER = "Statsminister Støre besøkte Tromsø og Bodø tirsdag. Støre snakket om fiske og olje.\n"


def _absorbed(tmp_path: Path, texts: list[str]) -> TermVariant:
    config = dataclasses.replace(resolve({"target-lang": "nb"}, None, tmp_path), default_glossaries=False)
    ctx = Context(config)
    check = TermVariant()
    for n, text in enumerate(texts):
        doc = dataclasses.replace(read(f"nyhet-{n:03d}.nb.txt", text), lang="nb")
        check.absorb(TermVariant.digest(doc, ctx), ctx)
    return check


def test_names_of_documents_never_compared_are_not_kept(tmp_path: Path) -> None:
    check = _absorbed(tmp_path, [STORY] * 60 + [OTHER] * 5)
    kept = [n for n in check.names if n is not None]
    # the first TOPIC_DOCS copies of the story, and the copies of the other story (new names)
    assert len(kept) == TOPIC_DOCS + 5
    assert check.names[TOPIC_DOCS] is None and check.names[59] is None
    assert check.names[60] is not None
    # each name is kept once for the run, numbered, and counted per document
    assert len(check.name_ids) == len(set(check.name_ids))
    tokayev = check.name_ids["tokayev"]
    assert check.df["nb"][tokayev] == 60  # per language
    form = check.langs["nb"].forms["Tokayev"]
    assert list(form.docs) == list(range(60))  # one number per document, in order
    assert form.count == 120


def _corpus(tmp_path: Path, late_text: str) -> list[Path]:
    """One story, 39 other pieces naming Tokayev (so that the story is among his first
    TOPIC_DOCS documents and the late piece is not), and a late piece."""
    paths = []
    for n, text in enumerate([STORY] + [FILLER] * 39):
        path = tmp_path / f"nyhet-{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    late = tmp_path / "nyhet-99.txt"
    late.write_text(late_text, encoding="utf-8")
    return [*paths, late]


def test_a_variant_after_many_documents_is_still_compared_with_the_story(tmp_path: Path) -> None:
    late = "Pashinyan, Lukashenko og Putin kom til Almaty, sa Tokaev onsdag. Tokaev takket alle.\n"
    found = findings(run_paths(_corpus(tmp_path, late), target_lang="nb"), "TC103")
    tokaev = [f for f in found if f["message"].startswith("'Tokaev'")]
    assert [f["path"].endswith("nyhet-99.txt") for f in tokaev] == [True, True]
    assert all(f["suggestion"] == "Tokayev" for f in tokaev)
    assert tokaev[0]["related"][0]["path"].endswith("nyhet-00.txt")


def test_unrelated_late_document_is_not_compared(tmp_path: Path) -> None:
    late = "Tokaev er et vanlig etternavn, sa Hansen i Bergen. Tokaev bor i Oslo.\n"
    found = findings(run_paths(_corpus(tmp_path, late), target_lang="nb"), "TC103")
    assert not [f for f in found if "Tokaev" in f["message"]]


def test_a_form_keeps_its_first_places_packed(tmp_path: Path) -> None:
    """A form read in 60 documents keeps its count, its documents, and its first MAX_SPANS places
    (document, start, end, sentence) in arrays: a few hundred bytes, not a tuple and a set entry
    per place."""
    import tracemalloc

    from tcheck.checks._variants import MAX_SPANS, Form

    check = _absorbed(tmp_path, [FILLER] * 60)
    form = check.langs["nb"].forms["Tokayev"]
    assert (form.count, form.mid, list(form.docs)) == (60, 60, list(range(60)))
    assert form.spans == [(doc, 10, 17) for doc in range(MAX_SPANS)]
    assert form.sentences == set(range(1, MAX_SPANS + 1))  # one sentence a document
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fresh = Form("Tokayev")
        for doc in range(1000):
            fresh.add(doc, 10, 17, False, doc)
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # 40 places as (doc, start, end) tuples and a set of 40 sentences cost about 6 kB
    assert size < 3_000 + 4 * 1000, f"{size} bytes"
    assert len(fresh.places) == 4 * MAX_SPANS and fresh.count == 1000
