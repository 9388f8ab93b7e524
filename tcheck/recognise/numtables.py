"""The number-word tables of one language, generated from num2words (see
:mod:`tcheck.recognise.numwords`, which finds the words in text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from tcheck.locale.numbers import lang_data, shared_data

# languages num2words knows under another code
_CODES = {"nb": "no", "nn": "no"}
_VALUES = (
    *range(0, 100),
    *range(100, 1001, 10),
    *range(2000, 10_001, 1000),
    100_000,
    1_000_000,
    1_000_000_000,
)
# letters and the combining marks of Indic, Thai and Lao script (vowel signs are not \w)
LETTER = r"(?:[^\W\d_]|(?!\d)[\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff])"
WORD = re.compile(rf"{LETTER}+(?:[-'’]{LETTER}+)*")
_CJK = re.compile(r"[\u2e80-\u9fff]")


@dataclass(frozen=True)
class Tables:
    cardinals: dict[str, Decimal]
    ordinals: dict[str, Decimal]
    firsts: frozenset[str]  # first words of every phrase
    prefixes: frozenset[str]  # first two letters of every one-word entry (lemma pre-filter)


def num2words_code(lang: str) -> str | None:
    """The num2words code of ``lang`` (``nb`` → ``no``), or None when num2words lacks it."""
    try:
        from num2words import CONVERTER_CLASSES  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - num2words is a dependency
        return None
    base = lang.replace("-", "_").split("_")[0].lower()
    for code in (lang.replace("-", "_"), _CODES.get(base, base)):
        if code in CONVERTER_CLASSES:
            return code
    return None


def _spell(value: int, code: str, to: str) -> str | None:
    from num2words import num2words

    try:
        return str(num2words(value, lang=code, to=to)).lower()
    except (NotImplementedError, OverflowError, KeyError, IndexError, TypeError, ValueError):
        return None


def _variants(phrase: str, one: str | None) -> set[str]:
    """``phrase`` and the forms writers use beside it: without a leading ``one`` (``hundred``),
    with a conjunction joined to the next word (Arabic ``و عشرون`` → ``وعشرون``)."""
    words = WORD.findall(phrase)
    if not words:
        return set()
    found = {" ".join(words)}
    if one and len(words) > 1 and words[0] == one:
        found.add(" ".join(words[1:]))
    joined = re.sub(r"(?<=\s)(\S)\s+", r"\1", phrase)
    if joined != phrase and len(phrase.split()[0]) > 1:
        found.add(" ".join(WORD.findall(joined)))
    return found


@cache
def tables(lang: str) -> Tables:
    """The generated cardinal and ordinal tables of ``lang`` (empty when num2words lacks it).

    Kept in the cache folder between runs (:mod:`tcheck.services.tables`): generating them
    imports num2words and spells some 400 numbers.
    """
    from importlib import resources

    from tcheck.services.tables import derived

    data = resources.files("tcheck.data").joinpath("numbers.toml")
    return derived(f"number-words-{lang}", lambda: _generate(lang), ("num2words",), (data,))


def _generate(lang: str) -> Tables:
    code = num2words_code(lang)
    cardinals: dict[str, Decimal] = {}
    ordinals: dict[str, Decimal] = {}
    if code is not None:
        one = _spell(1, code, "cardinal")  # "one hundred" is also written "hundred"
        for value in _VALUES:
            for to, table in (("cardinal", cardinals), ("ordinal", ordinals)):
                if value == 1 or (value == 2 and to == "ordinal"):
                    continue  # "en", "un", "one" are articles, "andre", "segundo" also other words
                phrase = _spell(value, code, to)
                if phrase is None or _CJK.search(phrase):
                    continue  # Chinese and Japanese numerals are read positionally (numberwords.cjk_value)
                for form in _variants(phrase, one):
                    if len(form) >= 2:  # Korean "이" (2) is also a particle
                        table.setdefault(form, Decimal(value))
    if cardinals:
        for word, value in lang_data(lang).get("cardinals", {}).items():
            cardinals.setdefault(word.lower(), Decimal(str(value)))
    for word in [w for w in ordinals if w in cardinals]:
        del ordinals[word]  # a word that is both is read as the cardinal
    entries = [*cardinals, *ordinals]
    return Tables(
        cardinals,
        ordinals,
        frozenset(e.split(" ")[0] for e in entries),
        frozenset(e[:2] for e in entries if " " not in e and len(e) >= 3),
    )


@cache
def inflects(lang: str) -> bool:
    """Whether ``lang``'s number words are read through their dictionary forms."""
    base = lang.replace("-", "_").split("_")[0].lower()
    return base in shared_data().get("inflected-numerals", ())
