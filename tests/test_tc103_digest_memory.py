"""TC103's digest of one document grows with its distinct forms, never with its words."""

from __future__ import annotations

import dataclasses
import tracemalloc
from pathlib import Path

from helpers import findings, run_text
from tcheck.checks._variant_digest import Digest
from tcheck.checks._variants import MAX_SPANS
from tcheck.checks.term_variant import TermVariant
from tcheck.config import resolve
from tcheck.context import Context
from tcheck.formats.text import read

STORY = (
    "President Tokayev ba CSTO om hjelp, og Kassym-Jomart Tokayev takket Putin. "
    "Protestene i Almaty fikk stor oppmerksomhet på e-post og epost.\n"
)


def _digest(tmp_path: Path, text: str, lang: str = "nb") -> Digest:
    config = dataclasses.replace(resolve({"target-lang": lang}, None, tmp_path), default_glossaries=False)
    doc = dataclasses.replace(read(f"nyhet.{lang}.txt", text), lang=lang)
    return TermVariant.digest(doc, Context(config))


def _peak(tmp_path: Path, text: str) -> int:
    """Bytes allocated at the peak of one digest, above what was held before."""
    config = dataclasses.replace(resolve({"target-lang": "en"}, None, tmp_path), default_glossaries=False)
    doc = dataclasses.replace(read("hostile.en.txt", text), lang="en")
    ctx = Context(config)
    TermVariant.digest(read("warm.en.txt", "Tokayev asked CSTO.\n"), ctx)  # imports, caches
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        TermVariant.digest(doc, ctx)
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def test_a_digest_of_many_repetitions_keeps_counts_and_a_few_places(tmp_path: Path) -> None:
    digest = _digest(tmp_path, STORY * 20_000)
    tokayev = digest.forms["Tokayev"]
    assert tokayev.count == 40_000 and tokayev.mid == 40_000
    assert len(tokayev.places) == MAX_SPANS
    assert digest.forms["CSTO"].count == 20_000
    assert digest.spaced["President Tokayev"].count == 20_000
    # both spellings of the compound counted, each with a bounded number of places
    assert set(digest.compounds) == {"e-post", "epost"}
    assert [t.count for t in digest.compounds.values()] == [20_000, 20_000]
    assert all(len(t.places) == MAX_SPANS for t in digest.compounds.values())
    assert digest.sentences == 40_000
    places = [p for tally in (*digest.forms.values(), *digest.spaced.values()) for p in tally.places]
    places += [p for tally in digest.compounds.values() for p in tally.places]
    assert len(places) <= MAX_SPANS * (len(digest.forms) + len(digest.spaced) + len(digest.compounds))


def test_compound_places_and_sentences_are_those_of_the_first_occurrences(tmp_path: Path) -> None:
    text = "Send en e-post i dag.\n\nEn epost kom. Enda en e-post kom.\n"
    digest = _digest(tmp_path, text)
    hyphen, joined = digest.compounds["e-post"], digest.compounds["epost"]
    assert [(text[s:e], sentence) for s, e, _, sentence in hyphen.places] == [("e-post", 1), ("e-post", 3)]
    assert [(text[s:e], sentence) for s, e, _, sentence in joined.places] == [("epost", 2)]
    assert list(digest.compounds) == ["e-post", "epost"]  # in the order they first occur


def test_a_pair_of_names_across_a_batch_of_words_is_still_a_pair(tmp_path: Path) -> None:
    # 4,095 words, then the pair: the two names fall in two batches of split_tokens
    filler = "og " * 4_095
    digest = _digest(tmp_path, filler + "Kassym Jomart sa det. Kassym Jomart Tokayev kom.\n")
    assert digest.spaced["Kassym Jomart"].count == 2
    digest = _digest(tmp_path, filler + "Kassym 2 Jomart sa det.\n")
    assert "Kassym Jomart" not in digest.spaced  # a number between two names: no pair


def test_numbers_between_names_change_no_finding(tmp_path: Path) -> None:
    text = (
        "Kassym Jomart Tokayev sa 19. januar 2022 at 2 300 soldater kom. "
        "Kassym-Jomart Tokayev takket CSTO. Kassym-Jomart 2022 Tokayev og 1 000 Kassym 3 Jomart.\n"
    )
    found = findings(run_text(tmp_path, text, target_lang="nb"), "TC103")
    assert [f["message"].split(" look")[0] for f in found] == ["'Kassym Jomart' and 'Kassym-Jomart'"]
    assert len(found[0]["related"]) == 2


def test_peak_memory_of_a_digest_does_not_grow_with_numbers_or_dates(tmp_path: Path) -> None:
    # about 300 kB each: a tuple per word held at once took 15 MB and more
    numbers = "1,000 " * 50_000 + "\n"
    dates = "".join(f"Wednesday, January {1 + i % 28}, 2022, " for i in range(10_000)) + "\n"
    assert _peak(tmp_path, numbers) < 3 * len(numbers)
    assert _peak(tmp_path, dates) < 3 * len(dates)
