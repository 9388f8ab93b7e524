"""TC107's index of target words: the same answers as comparing a word with every kept word."""

from __future__ import annotations

import random

import pytest

from tcheck.bilingual.termindex import SameTermIndex
from tcheck.bilingual.wordalign import same_term, tokens

# Target sentences of one news story in several languages, as a multilingual PO file holds them.
SENTENCES = {
    "de": (
        "Die Nationalversammlung für Wales soll in Walisisches Parlament umbenannt werden. "
        "Mitglieder der Nationalversammlung befürchten den Spott; ein Nationalversammlungsmitglied "
        "der Labour-Partei sagte, die Umbenennung der Versammlung sei ein Angriff. Die Abgeordneten "
        "wurden angegriffen, der Klang des Namens und die Klangfarbe seien falsch. Die FBI-Untersuchung "
        "des FBI dauert an; Milchpumpen und die Pumpe, der Sportrat und der Rat stimmten zu."
    ),
    "nb": (
        "Nasjonalforsamlingen i Wales skal få navnet Det walisiske parlamentet. Medlemmene av "
        "forsamlingen frykter latterliggjøring; Bjørn og Bjorn sa at e-post og epost er det samme. "
        "Regjeringen og regjeringens ministre ble angrepet, og angrepene fortsatte."
    ),
    "fr": (
        "L'Assemblée nationale du pays de Galles pourrait devenir le Parlement gallois. Les députés "
        "nord-coréens et le Nord craignent le ridicule ; l'inondation et les inondations ont suivi."
    ),
    "zh": "威尔士国民议会计划更名为威尔士议会。一些议员担心新名称会招致嘲笑，议会成员表示担忧。",
    "ja": "ウェールズ議会の議員は、新しい名称がマペットのように聞こえることを心配している。カタカナのマペット。",
}


def _keys() -> list[str]:
    found: list[str] = []
    for lang, text in SENTENCES.items():
        found += [t.key for t in tokens(text, lang)]
        found += [t.surface.casefold() for t in tokens(text, lang)]
    return list(dict.fromkeys(found))


def _first(kept: list[str], word: str, lang: str | None) -> str | None:
    return next((r for r in kept if same_term(r, word, lang)), None)


@pytest.mark.parametrize("lang", ["de", "nb", "fr", "zh", "en", None])
def test_index_answers_as_comparing_every_word(lang: str | None) -> None:
    words = _keys()
    rng = random.Random(7)
    for _ in range(5):
        order = rng.sample(words, len(words))
        index = SameTermIndex(lang)
        kept: list[str] = []
        for word in order:
            expected = _first(kept, word, lang)
            assert index.first(word) == expected, word
            if expected is None:
                kept.append(word)
                index.add(word)
        assert index.words == kept
        assert len(index) == len(kept) < len(words)  # some words were one rendering with another


@pytest.mark.parametrize(
    ("kept", "word", "lang", "found"),
    [
        (["ton", "klangfarbe"], "klang", "de", "klangfarbe"),  # a word starting a compound
        (["milchpumpen"], "pumpe", "de", "milchpumpen"),  # a stem inside a compound's stem
        (["sportrat"], "rat", "de", "sportrat"),  # a stem ending a compound's stem (three letters)
        (["angegriffen"], "angriff", "de", "angegriffen"),  # five letters in common
        (["fbi-untersuchung"], "fbi", "de", "fbi-untersuchung"),  # one part of a hyphenated word
        (["bjørn"], "bjorn", "nb", "bjørn"),  # folded letters
        (["holt"], "holts", "en", "holt"),  # one letter added
        (["议会"], "会成", "zh", "议会"),  # character bigrams sharing a character
        (["ton", "geräusch"], "klang", "de", None),
        (["diskette"], "disk", "de", "diskette"),  # a word starting a compound (four letters)
        (["diskette"], "disk", "en", None),  # English writes no compounds
    ],
)
def test_index_finds_each_way_of_being_one_rendering(
    kept: list[str], word: str, lang: str, found: str | None
) -> None:
    index = SameTermIndex(lang)
    for k in kept:
        index.add(k)
    assert index.first(word) == found == _first(kept, word, lang)
