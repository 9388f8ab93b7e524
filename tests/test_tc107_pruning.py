"""TC107 leaves out early the work whose result it would throw away: the same renderings and the
same findings as working everything out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from helpers import CHECK_FIXTURES
from tcheck.bilingual import wordterms
from tcheck.bilingual.keptpair import Kept
from tcheck.bilingual.phraseterms import MIN_TIED, _main_candidates, phrase_rendering
from tcheck.bilingual.wordalign import Counts, same_term
from tcheck.bilingual.wordterms import digest_document, renderings_of
from tcheck.checks.inconsistent_term import MIN_MAIN
from tcheck.formats import read_document

LIGHT = CHECK_FIXTURES / "TC107" / "fail-de-light-black-hole.tsv"
TALK = CHECK_FIXTURES / "TC107" / "fail-de-talk.tsv"
# Like a multilingual PO file: one English source, its sentences rendered in several languages,
# all read as one target language (the file names none).
NB_ROWS = (
    "The immune system protects the body against infections.\tImmunsystemet beskytter kroppen mot infeksjoner.\n"
    "Stress weakens the immune system over time.\tStress svekker immunsystemet over tid.\n"
    "Sleep helps the immune system recover.\tSøvn hjelper immunsystemet å komme seg.\n"
    "Children have an immune system that is still learning.\tBarn har et immunforsvar som fortsatt lærer.\n"
    "Vaccines train the immune system safely.\tVaksiner trener immunforsvaret på en trygg måte.\n"
    "The Welsh Parliament met in Cardiff on Tuesday.\tDet walisiske parlamentet møttes i Cardiff tirsdag.\n"
    "Members of the Welsh Parliament voted in Cardiff.\tMedlemmer av Det walisiske parlamentet stemte i Cardiff.\n"
)
FR_ROWS = (
    "The immune system protects the body against infections.\tLe système immunitaire protège le corps.\n"
    "Stress weakens the immune system over time.\tLe stress affaiblit le système immunitaire.\n"
    "Sleep helps the immune system recover.\tLe sommeil aide les défenses immunitaires.\n"
    "The Welsh Parliament met in Cardiff on Tuesday.\tLe Parlement gallois s'est réuni à Cardiff mardi.\n"
    "Members of the Welsh Parliament voted in Cardiff.\tLes membres du Parlement gallois ont voté à Cardiff.\n"
    "The Welsh Parliament sits in Cardiff.\tLe Parlement gallois siège à Cardiff.\n"
)


# one sentence in seven languages: its words are tied to none of their renderings (Dice 0.25)
COUNCIL_ROWS = "".join(
    f"The council met on Monday.\t{text}\n"
    for text in (
        "Der Rat tagte am Montag.",
        "Rådet møttes mandag.",
        "Le conseil s'est réuni lundi.",
        "El consejo se reunió el lunes.",
        "Il consiglio si è riunito lunedì.",
        "Rada zebrała się w poniedziałek.",
        "Neuvosto kokoontui maanantaina.",
    )
)


def _mixed(tmp_path: Path) -> Path:
    rows = LIGHT.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    rows += TALK.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    path = tmp_path / "ntrex.tsv"
    path.write_text("en\tde\n" + "".join(rows) + NB_ROWS + FR_ROWS + NB_ROWS + COUNCIL_ROWS, encoding="utf-8")
    return path


def _digest(path: Path) -> wordterms.Digest:
    return digest_document(read_document(str(path)), False)


@pytest.mark.parametrize("name", ["mixed", "light", "talk"])
def test_min_main_drops_only_renderings_tied_less(tmp_path: Path, name: str) -> None:
    path = {"mixed": _mixed(tmp_path), "light": LIGHT, "talk": TALK}[name]
    found = _digest(path)
    every = list(renderings_of([found.kept], found.counts, "de", False, 3))
    pruned = list(renderings_of([found.kept], found.counts, "de", False, 3, min_main=MIN_MAIN))
    assert pruned == [r for r in every if r.groups[0].association >= MIN_MAIN]
    assert pruned  # the fixtures hold renderings TC107 reports


def test_min_main_drops_weakly_tied_words(tmp_path: Path) -> None:
    found = _digest(_mixed(tmp_path))
    every = list(renderings_of([found.kept], found.counts, "de", False, 3))
    pruned = list(renderings_of([found.kept], found.counts, "de", False, 3, min_main=MIN_MAIN))
    assert len(pruned) < len(every)
    dropped = {r.key for r in every} - {r.key for r in pruned}
    assert dropped and dropped <= {"council", "meet", "monday"}  # the seven-language sentence's


def _reference(
    key: str,
    occurrences: list[tuple[int, int, Sequence[int]]],
    kept: Sequence[Kept],
    counts: Counts,
    lang: str,
) -> list[dict[str, list[int]]] | None:
    """Every target word placed, by comparing it with every kept word, then the tied words kept."""
    places_of = Counter(t for k, _, _ in occurrences for t in set(kept[k].target_keys()))
    words: list[str] = []
    for t in sorted((t for t, c in places_of.items() if c >= 2), key=lambda t: (-places_of[t], t)):
        if not any(same_term(w, t, lang) for w in words):
            words.append(t)
    tied = {w for w in words if counts.dice(key, w) >= MIN_TIED}
    if not tied:
        return None
    here: list[dict[str, list[int]]] = []
    for k, _, _ in occurrences:
        found: dict[str, list[int]] = {}
        for j, t in enumerate(kept[k].target_keys()):
            rep = next((w for w in words if same_term(w, t, lang)), None)
            if rep in tied:
                found.setdefault(rep, []).append(j)
        here.append(found)
    return here


@pytest.mark.parametrize("lang", ["de", "nb"])
def test_main_candidates_as_comparing_every_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    asked: list[tuple[Any, ...]] = []

    def record(*args: Any) -> Any:
        asked.append(args)
        return phrase_rendering(*args)

    monkeypatch.setattr(wordterms, "phrase_rendering", record)
    found = _digest(_mixed(tmp_path))
    list(renderings_of([found.kept], found.counts, lang, False, 3))
    assert len(asked) >= 3  # light black hole, immune system, Welsh Parliament
    placed = 0
    for key, _, occurrences, kept, counts, _, _ in asked:
        expected = _reference(key, occurrences, kept, counts, lang)
        assert _main_candidates(key, occurrences, kept, counts, lang) == expected, key
        placed += expected is not None
    assert placed >= 2
