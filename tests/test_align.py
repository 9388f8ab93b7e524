"""Sentence alignment: bead shapes, anchors, confidence, structure, pairing of --source files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tcheck.bilingual.align import _PENALTY, Coster, Unit, align, units
from tcheck.bilingual.aligned import pair_confidences, pair_documents
from tcheck.config import Config
from tcheck.engine import Input
from tcheck.errors import UsageError
from tcheck.formats import text as plain
from tcheck.formats.markdown import read as read_md
from tcheck.loader import load_documents

EN = (
    "The storm hit the coast on Sunday night.\n"
    "About 2,300 homes lost power, the grid company said.\n"
    "Schools in Bergen and Stavanger stayed closed on Monday.\n"
    "Will the ferries run tomorrow?\n"
    "Nobody knows yet.\n"
)
NB_MERGED_AND_SPLIT = (
    "Stormen traff kysten søndag kveld, og rundt 2 300 husstander mistet strømmen, opplyser nettselskapet.\n"
    "Skolene i Bergen og Stavanger holdt stengt mandag.\n"
    "Går fergene i morgen?\n"
    "Det vet ingen\n"
    "ennå.\n"
)


def test_merged_and_split_lines_align() -> None:
    src = units(plain.read("en.txt", EN))
    tgt = units(plain.read("nb.txt", NB_MERGED_AND_SPLIT))
    beads = align(src, tgt)
    shapes = [(b.source, b.target) for b in beads]
    assert shapes == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]
    assert all(b.confidence >= 0.5 for b in beads)


def test_numbers_anchor_a_pair() -> None:
    src = units(plain.read("en.txt", EN))
    nb = units(plain.read("nb.txt", NB_MERGED_AND_SPLIT))
    assert "2300" in src[1].numbers and "2300" in nb[0].numbers
    assert {"berge", "stava"} <= src[2].names


def test_pair_documents_keeps_offsets_and_confidence() -> None:
    source = plain.read("en.txt", EN)
    target = plain.read("nb.txt", NB_MERGED_AND_SPLIT)
    doc, paired = pair_documents(target, source)
    assert paired == len(units(target))
    first = doc.segments[0]
    assert first.counterpart is not None
    assert (
        first.counterpart.text
        == "The storm hit the coast on Sunday night.\nAbout 2,300 homes lost power, the grid company said."
    )
    span = first.file_span(0, len(first.text))
    assert doc.text[span.start : span.end] == first.text
    assert first.confidence is not None and 0 < first.confidence <= 1
    assert doc.metadata["alignment"] == "sentences"


def test_heading_is_not_paired_with_a_paragraph() -> None:
    source = read_md("en.md", "# Budget approved\n\nThe council approved the budget.\n")
    target = read_md("nb.md", "Bystyret vedtok budsjettet.\n")
    beads = align(units(source), units(target))
    assert [(b.source, b.target) for b in beads if b.source and b.target] == [((1,), (0,))]


def test_one_to_one_pairs_need_plausible_lengths() -> None:
    a = plain.read("a.txt", "Short.\n\nA much longer paragraph that goes on and on about many things.\n")
    b = plain.read(
        "b.txt", "A much longer paragraph that goes on and on about many things, translated.\n\nKort.\n"
    )
    assert pair_confidences(b.segments, a.segments) is None
    assert pair_confidences(a.segments, a.segments) is not None


def _load(tmp_path: Path, target: str, source: str, name: str = "t.txt") -> object:
    (tmp_path / name).write_text(target, encoding="utf-8")
    (tmp_path / f"s-{name}").write_text(source, encoding="utf-8")
    config = Config(target_lang="nb", source_lang="en")
    return next(
        iter(load_documents([Input(str(tmp_path / name), name)], config, str(tmp_path / f"s-{name}")))
    )


def test_source_with_different_line_counts_is_aligned(tmp_path: Path) -> None:
    doc = _load(tmp_path, NB_MERGED_AND_SPLIT.replace("\n", "\n\n"), EN.replace("\n", "\n\n"))
    assert doc.metadata["alignment"] == "sentences"  # type: ignore[attr-defined]
    assert all(s.counterpart is not None for s in doc.segments)  # type: ignore[attr-defined]
    assert len(doc.segments) == 4  # type: ignore[attr-defined]


def test_equal_paragraphs_are_checked_sentence_by_sentence(tmp_path: Path) -> None:
    source = "Ferry cancelled.\n\nAbout 300 passengers were sent home from Aker brygge. Departures resume tomorrow.\n"
    target = "Fergen innstilt.\n\nAvgangene starter igjen i morgen.\n"
    doc = _load(tmp_path, target, source)
    missing = [s for s in doc.source.segments if all(t.counterpart is not s for t in doc.segments)]  # type: ignore[attr-defined]
    assert [s.text for s in missing] == ["About 300 passengers were sent home from Aker brygge."]


def test_hopeless_source_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot align"):
        _load(tmp_path, "En.\n\nTo.\n\nTre.\n\nFire.\n", "One.\n")


def test_markdown_pairs_follow_the_structure(tmp_path: Path) -> None:
    source = (
        "# Ferry cancelled\n\nThe ferry to Bygdøy is cancelled for the rest of the day.\n\n"
        "## Refunds\n\nPassengers who have bought tickets will get their money back.\n\n"
        "- Departures resume tomorrow at 07:30.\n- The night boat runs as usual.\n"
    )
    target = (
        "# Fergen innstilt\n\nFergen til Bygdøy er innstilt resten av dagen.\n\n"
        "## Refusjon\n\n"
        "- Avgangene starter igjen i morgen klokken 07.30.\n- Nattbåten går som vanlig.\n"
    )
    (tmp_path / "nb.md").write_text(target, encoding="utf-8")
    (tmp_path / "en.md").write_text(source, encoding="utf-8")
    config = Config(target_lang="nb", source_lang="en")
    doc = next(
        iter(load_documents([Input(str(tmp_path / "nb.md"), "nb.md")], config, str(tmp_path / "en.md")))
    )
    pairs = [(s.kind, s.text, s.counterpart.text if s.counterpart else None) for s in doc.segments]  # type: ignore[attr-defined]
    assert pairs[0] == ("heading", "Fergen innstilt", "Ferry cancelled")
    assert pairs[2] == ("heading", "Refusjon", "Refunds")
    assert pairs[3][2] == "Departures resume tomorrow at 07:30."
    unpaired = [s.text for s in doc.source.segments if all(t.counterpart is not s for t in doc.segments)]  # type: ignore[attr-defined]
    assert unpaired == ["Passengers who have bought tickets will get their money back."]


def test_a_long_lagging_page_is_cut_at_unique_anchors() -> None:
    """A changelog whose translation lacks 300 releases in the middle: aligned piece by piece
    between the version numbers found once on each side, and every release finds its own."""
    from tcheck.bilingual import align as align_module

    source, target, truth = [], [], {}
    for n in range(600):
        source.append(f"Version 3.{n}.0 fixed {n + 7} bugs in the chart loader.")
        if not 150 <= n < 450:
            truth[len(target)] = n
            target.append(f"Versjon 3.{n}.0 rettet {n + 7} feil i lasteren for diagrammer.")
    src = units(plain.read("en.txt", "\n".join(source) + "\n"))
    tgt = units(plain.read("nb.txt", "\n".join(target) + "\n"))
    pieces = align_module._anchored(src, tgt, align_module.length_ratio(src, tgt))
    assert pieces is not None
    right = [b for b in pieces if b.target and b.source == (truth[b.target[0]],) and len(b.target) == 1]
    assert len(right) >= 298
    assert [b.source for b in align(src, tgt) if b.target] == [b.source for b in pieces if b.target]


def test_facts_of_a_sentence_are_its_length_numbers_names_and_marks() -> None:
    from tcheck.bilingual import units as aligning

    text = "Om lag 2 300 hjem i Bergen og Stavanger mistet strømmen, sa Lyse AS?"
    length, numbers, names, marks = aligning.facts(text)
    assert length == len(text) - text.count(" ")
    assert numbers == {"2300"}
    assert names == {"berge", "stava", "lyse"}  # "Om" opens the text, "AS" is too short
    assert marks == {"?"}
    assert aligning.facts(text) is aligning.facts(text)  # asked again for its sentences: kept
    long = "Stortinget vedtok loven 14. mai. " * 100
    assert aligning.facts(long)[1] == {"14"}
    assert long not in aligning._FACTS  # a long paragraph is not kept


def _plain_search(src: list[Unit], tgt: list[Unit]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The same band search written plainly, every bead priced by Coster.cost."""
    coster = Coster(src, tgt)
    n, m = len(src), len(tgt)
    width = abs(n - m) + 10 + max(n, m) // 25
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre - width)), min(m, int(centre + width) + 1) + 1):
            if i == 0 and j == 0:
                continue
            best, move = float("inf"), (0, 0)
            for di, dj in _PENALTY:
                prev = cost.get((i - di, j - dj))
                if i - di >= 0 and j - dj >= 0 and prev is not None:
                    value = prev + coster.cost(i - di, j - dj, di, dj)
                    if value < best:
                        best, move = value, (di, dj)
            if best < float("inf"):
                cost[i, j], back[i, j] = best, move
    beads = []
    i, j = n, m
    while i or j:
        di, dj = back[i, j]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def _random_units(rng: random.Random, count: int) -> list[Unit]:
    names = [frozenset(), frozenset({"oslo"}), frozenset({"berge", "stava"}), frozenset({"equin"})]
    numbers = [frozenset(), frozenset(), frozenset({"2300"}), frozenset({"14", "2026"})]
    out = []
    for k in range(count):
        kind = "heading" if rng.random() < 0.1 else rng.choice(["paragraph", "paragraph", "list_item"])
        first = kind == "heading" or rng.random() < 0.5
        out.append(
            Unit(k, 0, 1, rng.randint(0, 160), rng.choice(numbers), rng.choice(names),
                 frozenset("?") if rng.random() < 0.1 else frozenset(), first, first or rng.random() < 0.3, kind)
        )  # fmt: skip
    return out


@pytest.mark.parametrize("seed", range(40))
def test_the_search_finds_the_path_a_plain_search_with_coster_cost_finds(seed: int) -> None:
    rng = random.Random(seed)
    src = _random_units(rng, rng.randint(0, 40))
    tgt = [u for u in src if rng.random() > 0.15]  # a translation that left sentences out...
    tgt = [u._replace(length=max(0, int(u.length * rng.uniform(0.6, 1.6)))) for u in tgt]
    tgt += _random_units(rng, rng.randint(0, 3))  # ...and added some
    if not src or not tgt:
        return
    assert [(b.source, b.target) for b in align(src, tgt)] == _plain_search(src, tgt)
