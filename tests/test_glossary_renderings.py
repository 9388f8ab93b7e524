"""The word-by-word search TC102 makes before it reports a term missing (tcheck.glossary.renderings)."""

from __future__ import annotations

import pytest

from tcheck.glossary.renderings import Words, forms_for, holds


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("de", "Europäische Kommission", "Ein Sprecher der Europäischen Kommission sagte"),
        ("de", "Haus", "Die Krankenhäuser sind voll."),  # head with an umlaut plural
        ("nl", "systeem", "Het informatiesysteem werkt."),
        ("sv", "regering", "Regeringsförklaringen kom i går."),  # modifier with a linking s
        ("nb", "by", "Byen Palu ble rammet."),  # a short word and its ending
        ("fi", "järjestelmä", "Tietojärjestelmä kaatui."),
        ("ru", "Организация Объединённых Наций", "в Организации Объединённых Наций"),
        ("pl", "szkoła", "W szkole nie było lekcji."),
        ("ar", "حكومة", "قالت الحكومة"),
    ],
)
def test_forms_the_matcher_misses_are_found(lang: str, term: str, text: str) -> None:
    assert holds(forms_for(lang), term, Words(text))


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("de", "Europäische Kommission", "Die Kommission der Europäischen Union"),  # not in order
        ("de", "Rat", "Die Beratung dauert."),  # too short to be a compound's part
        ("es", "tipo", "Este prototipo es nuevo."),  # Spanish writes no closed compounds
        ("ru", "вода", "Водитель уехал."),
        ("en", "policy", "The police arrived."),
        ("zh", "世界卫生组织", "世界卫生组织发布"),  # scripts without spaces: the matcher's job
    ],
)
def test_other_words_are_not_forms(lang: str, term: str, text: str) -> None:
    assert not holds(forms_for(lang), term, Words(text))


def test_each_distinct_word_is_judged_once() -> None:
    words = Words("Die Häuser, die Häuser und die Häuser.")
    assert words.distinct == ["Die", "Häuser", "die", "und"]
    assert holds(forms_for("de"), "Haus", words)
