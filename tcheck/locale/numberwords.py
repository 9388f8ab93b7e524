"""Number words in running text: ``two``, ``tretten``, ``тысячи``, compounds (``twenty-one``,
``dreiundzwanzig``), inflected forms, and numerals written with characters (``三``, ``十五``,
``两万``), with their values. The words come from ``tcheck/data/numbers.toml`` and CLDR's
multiplier words (:mod:`tcheck.locale.numbers`); generated cardinals from the number-word tables
(:mod:`tcheck.recognise.numtables`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from tcheck.locale.numbers import _data, _decimal, lang_data, multipliers
from tcheck.services import regexes


@dataclass(frozen=True)
class WordLexicon:
    """Number words of one language: exact words and prefixes (for compounds and inflection)."""

    exact: dict[str, Decimal]
    prefixes: dict[str, Decimal]
    cjk_digits: dict[str, int]
    cjk_units: dict[str, int]
    cjk_big: dict[str, int]


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@cache
def word_lexicon(lang: str) -> WordLexicon:
    """The number words of ``lang`` (from ``numbers.toml`` and CLDR's multiplier words, derived once
    and kept in the cache folder)."""
    from tcheck.locale import numbers
    from tcheck.services.tables import data_file, derived

    sources = (data_file("numbers.toml"), numbers.__file__)
    return derived(f"number-lexicon-{lang}", lambda: _build(lang), files=sources)


def _build(lang: str) -> WordLexicon:
    data = lang_data(lang)
    words = {w.lower(): _decimal(v) for w, v in data.get("words", {}).items()}
    words.update({w.lower(): _decimal(v) for w, v in data.get("cardinals", {}).items()})
    for word, value in multipliers(lang).items():
        if len(word) > 2 and word.isalpha():
            words.setdefault(word, value)
    compounds = bool(data.get("compounds"))
    prefixes = {w: v for w, v in words.items() if len(w) >= 4 and compounds}
    cjk = data.get("cjk") or _data().get(lang.split("_")[0], {}).get("cjk") or {}
    return WordLexicon(
        words,
        prefixes,
        {k: int(v) for k, v in cjk.get("digits", {}).items()},
        {k: int(v) for k, v in cjk.get("units", {}).items()},
        {k: int(v) for k, v in cjk.get("big", {}).items()},
    )


def cjk_value(text: str, lex: WordLexicon) -> int | None:
    """The value of a numeral written with characters (``三``, ``十五``, ``两万``), or None."""
    total = section = digit = 0
    seen = False
    for ch in text:
        if ch in lex.cjk_digits:
            digit = lex.cjk_digits[ch]
            seen = True
        elif ch in lex.cjk_units:
            section += (digit or 1) * lex.cjk_units[ch]
            digit = 0
            seen = True
        elif ch in lex.cjk_big:
            total += (section + digit or 1) * lex.cjk_big[ch]
            section = digit = 0
            seen = True
        else:
            return None
    return total + section + digit if seen else None


@cache
def cjk_regex(lang: str) -> re.Pattern[str] | None:
    lex = word_lexicon(lang)
    chars = "".join(sorted({*lex.cjk_digits, *lex.cjk_units, *lex.cjk_big}))
    return re.compile(f"[{re.escape(chars)}]+") if chars else None


@cache
def _cardinals(lang: str) -> dict[str, Decimal]:
    return {w.lower(): _decimal(v) for w, v in lang_data(lang).get("cardinals", {}).items()}


def _compound(word: str, table: dict[str, Decimal]) -> Decimal | None:
    """``fifty-eight`` → 58, ``vingt-deux`` → 22: tens and units joined by a hyphen."""
    parts = re.split(r"[-‐]", word)
    if len(parts) != 2 or not all(p in table for p in parts):
        return None
    tens, units = table[parts[0]], table[parts[1]]
    return tens + units if tens >= 20 and tens % 10 == 0 and 0 < units < 10 else None


@cache
def _word_starts(lang: str) -> re.Pattern[str] | None:
    """Where a lower-cased word may start with a number word of ``lang`` (a word trie)."""
    from tcheck.recognise.wordtrie import first_letters, trie_pattern

    words = word_lexicon(lang).exact
    return (
        regexes.compile(rf"{first_letters(words)}(?<![^\W\d_])(?={trie_pattern(words)})") if words else None
    )


_LETTER = re.compile(r"[^\W\d_]")


def _lexicon_words(text: str, lang: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` that may start with a number word of ``lang``'s ``numbers.toml``
    (every word that can be one; the others are passed over by one regex search)."""
    pattern = _word_starts(lang)
    if pattern is None:
        return
    lowered = text.lower()
    if len(lowered) != len(text) or "\u03a3" in text:  # lower-casing not one to one (İ, Σ)
        yield from _WORD_RE.finditer(text)
        return
    for start in pattern.finditer(lowered):
        at = start.start()
        if at > 0 and _LETTER.match(text, at - 1):
            continue
        if at > 1 and text[at - 1] in "-'’" and _LETTER.match(text, at - 2):
            continue  # inside a hyphenated word
        match = _WORD_RE.match(text, at)
        if match is not None:
            yield match


def _generated(text: str, lang: str, counted: bool = True) -> list[Any] | None:
    """Number words from the generated tables (None when num2words lacks ``lang``)."""
    return generated_words(text, lang, counted)


def cardinal_values(text: str, lang: str) -> list[tuple[int, int, Decimal]]:
    """``(start, end, value)`` of cardinal number words of ``text``: generated from num2words
    (``sieben``, ``трех``), numerals before a counter (``九人``), else ``numbers.toml``'s."""
    generated = _generated(text, lang)
    if generated is not None:
        return [(w.start, w.end, w.value) for w in generated if not w.ordinal]
    if lang_data(lang).get("counters"):
        return counted_numerals(text, lang)
    table = _cardinals(lang)
    if not table:
        return []
    found = []
    scale = word_lexicon(lang).exact
    mults = multipliers(lang)
    for match in _lexicon_words(text, lang):
        word = match.group(0).lower()
        value = table.get(word)
        end = match.end()
        if value is None and "-" in word:
            value = _compound(word, table)
            if value is None and word.split("-", 1)[0] in table:  # "two-foot", "seven-year"
                value = table[word.split("-", 1)[0]]
                end = match.start() + len(word.split("-", 1)[0])
        if value is None:
            continue
        following = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if following is not None:  # "three million", "two decades", "two hundred"
            factor = mults.get(following.group(0).lower()) or scale.get(following.group(0).lower())
            if factor is not None and factor >= 10:
                value, end = value * factor, following.end()
        found.append((match.start(), end, value))
    return found


def _by_prefix(word: str, lex: WordLexicon) -> Decimal | None:
    """The value of the longest number word that ``word`` starts with (``tretten``åring)."""
    for end in range(len(word), 3, -1):
        value = lex.prefixes.get(word[:end])
        if value is not None:
            return value
    return None


def word_values(text: str, lang: str) -> list[tuple[int, int, Decimal]]:
    """``(start, end, value)`` of every number word in ``text``: cardinals and ordinals generated
    from num2words, and the words of ``numbers.toml`` (``tretten`` in ``trettenåring``)."""
    lex = word_lexicon(lang)
    found = [(w.start, w.end, w.value) for w in _generated(text, lang, counted=False) or ()]
    generated = {start for start, _, _ in found}
    if lex.exact:
        for match in _lexicon_words(text, lang):
            if match.start() in generated:
                continue  # "førtien" is 41, not "førti" (40) by its prefix
            word = match.group(0).lower()
            value = lex.exact.get(word)
            if value is None and "-" in word:
                value = _compound(word, lex.exact)
            if value is None and lex.prefixes:
                value = _by_prefix(word, lex)
            if value is not None:
                found.append((match.start(), match.end(), value))
    pattern = cjk_regex(lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            number = cjk_value(match.group(0), lex)
            if number is not None:
                found.append((match.start(), match.end(), Decimal(number)))
        for word, value in lex.exact.items():
            if not word.isascii():
                at = text.find(word)
                while at >= 0:
                    found.append((at, at + len(word), value))
                    at = text.find(word, at + len(word))
    return sorted(set(found), key=lambda w: (w[0], w[1]))


# The generated tables' module imports this one: it is imported last, when every name it asks
# for here is defined (not in each call: an import statement costs microseconds a text).
from tcheck.recognise.numwords import counted_numerals, generated_words  # noqa: E402
