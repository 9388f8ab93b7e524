"""Number words generated from num2words, and Roman numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tcheck.locale.numberwords import cardinal_values, word_values
from tcheck.recognise.numwords import find_number_words, tables
from tcheck.recognise.roman import find_roman, roman_value


def _words(text: str, lang: str) -> list[tuple[str, Decimal]]:
    return [(text[a:b], v) for a, b, v in cardinal_values(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Er hat sieben Kinder und einundzwanzig Enkel.", [("sieben", 7), ("einundzwanzig", 21)]),
        ("es", "Tiene cuatro hermanos y veintiún primos.", [("cuatro", 4)]),
        ("es", "Un hombre de treinta y dos años.", [("treinta y dos", 32)]),
        ("ar", "قتل خمسة و عشرون شخصا.", [("خمسة و عشرون", 25)]),
        ("ru", "Погибли трое из двадцати пяти пассажиров.", [("двадцати пяти", 25)]),
        ("ru", "Он провёл там трех лет.", [("трех", 3)]),
        ("nb", "Hun har sju barn og tjueen barnebarn.", [("sju", 7), ("tjueen", 21)]),
        ("fr", "Elle a vingt et un ans et quatre-vingts amis.", [("vingt et un", 21), ("quatre-vingts", 80)]),
        (
            "en",
            "A seven-year-old and forty-two-year-old, three million people.",
            [("seven", 7), ("forty-two", 42), ("three million", 3_000_000)],
        ),
    ],
)
def test_cardinals_in_many_languages(lang: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert _words(text, lang) == [(w, Decimal(v)) for w, v in expected]


def test_articles_and_other_words_are_not_numbers() -> None:
    # "en" (a) and "andre" (other) in Norwegian, "un" in French: not the numbers 1 and 2
    assert _words("en gutt og to andre", "nb") == [("to", Decimal(2))]
    assert _words("un garçon", "fr") == []


def test_ordinals_excuse_but_do_not_count() -> None:
    text = "the fifteenth century"
    assert cardinal_values(text, "en") == []
    assert (4, 13, Decimal(15)) in word_values(text, "en")
    (word,) = find_number_words("im siebten Jahr", "de")
    assert (word.value, word.ordinal) == (Decimal(7), True)


def test_tables_are_generated_and_languages_without_num2words_are_empty() -> None:
    assert tables("da").cardinals["enogtyve"] == Decimal(21)
    assert tables("nb").cardinals["tjueen"] == Decimal(21)  # Bokmål through num2words' "no"
    assert tables("hi").cardinals == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fue construido en el siglo XV.", [("XV", 15)]),
        ("au XVe siècle", [("XVe", 15)]),
        ("im XV. Jahrhundert", [("XV.", 15)]),
        ("в XV веке", [("XV", 15)]),
        ("Louis XIV était roi.", [("XIV", 14)]),
        ("Kapitel IV und Chapter I", [("IV", 4), ("I", 1)]),
        ("the Henry V play", [("V", 5)]),
        ("Then I went to see the CV of the DC manager.", []),
        ("THE XX FILES", []),
        ("a 2M download, iOS X-ray", []),
    ],
)
def test_roman_numerals_only_in_context(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(text[r.start : r.end], r.value) for r in find_roman(text, "en")] == expected


def test_roman_values() -> None:
    assert [roman_value(x) for x in ("XIV", "MCMXC", "IIII", "VX")] == [14, 1990, None, None]


def test_scripts_with_vowel_signs_and_one_syllable_numerals() -> None:
    # Bengali vowel signs are combining marks: "তিন" (3) is one word, not "ত" and "ন"
    assert _words("আমার তিন বন্ধু এসেছে।", "bn") == [("তিন", Decimal(3))]
    # Korean "이" is 2 but also the subject particle: one-letter words are never numbers
    assert _words("이 파일은 차트의 이름입니다.", "ko") == []
    assert _words("이십 개의 파일", "ko") == [("이십", Decimal(20))]
