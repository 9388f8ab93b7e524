"""Numbers as written in running text, in any locale's convention.

``NUMBER_PATTERN`` matches digit groups with thousands separators of any convention (``2,300``,
``2.300``, ``2 300`` with a space, no-break or narrow no-break space, ``2'300``) and an optional
decimal part (``1,5``, ``3.2``); which reading is right is decided with the locale's CLDR symbols by
:func:`read_number`. Multiplier words (``million``, ``millioner``, ``Milliarden``, ``万``) come from
CLDR's compact-decimal patterns, with their values; abbreviations CLDR lacks (``bn``) and number
words (``two``, ``tretten``, ``тысячи``, ``三``) come from ``tcheck/data/numbers.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from tcheck.locale import babel_locale

GROUP_SEPARATORS = ",.\u00a0\u202f\u2009 '’"
SPACES = "\u00a0\u202f\u2009 "
NUMBER_PATTERN = r"\d{1,3}(?:[,.\u00a0\u202f\u2009 '’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

# A number token: grouped (one separator kind throughout) or plain, with an optional decimal part.
_TOKEN = re.compile(
    r"(?<![\d.,])(?:(?P<grouped>\d{1,3}(?P<g>[,.\u00a0\u202f\u2009 '’])\d{3}(?:(?P=g)\d{3})*)"
    r"(?:(?P<gd>[.,])(?P<gfrac>\d+))?|(?P<plain>\d+)(?:(?P<pd>[.,])(?P<pfrac>\d+))?)(?![.,]?\d)"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """How one digit token reads in a locale.

    ``value`` is the locale's reading; ``alt`` the other reading when the token is ambiguous
    (``2,300`` in Norwegian: 2.3 by the locale, 2300 in English convention). ``foreign`` is true
    when the separators are not the locale's (``1.5`` or ``2,300`` in German).
    """

    value: Decimal
    alt: Decimal | None
    foreign: bool
    group: str | None  # the group separator used, if any
    decimal: str | None  # the decimal separator used, if any
    int_digits: int


@cache
def number_symbols(lang: str) -> tuple[str, str]:
    """``(decimal, group)`` symbols of ``lang`` (Latin digits)."""
    locale = babel_locale(lang)
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return str(symbols.get("decimal", ".")), str(symbols.get("group", ","))


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = resources.files("tcheck.data").joinpath("numbers.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def lang_data(lang: str) -> dict[str, Any]:
    """The ``numbers.toml`` table of ``lang`` (by its base language), or an empty one."""
    data: dict[str, Any] = _data().get(lang.split("_")[0], {})
    return data


def shared_data() -> dict[str, Any]:
    """The ``[_all]`` table of ``numbers.toml``: suffixes and words of every language."""
    data: dict[str, Any] = _data().get("_all", {})
    return data


def min_grouping(lang: str) -> int:
    """1: a 4-digit number takes a group separator (``1,000``); 2: it may be written ``1000``."""
    return int(lang_data(lang).get("min-grouping", 1))


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


@cache
def multipliers(lang: str) -> dict[str, Decimal]:
    """Lower-cased multiplier words and abbreviations → value (``millioner`` → 10⁶, ``万`` → 10⁴)."""
    locale = babel_locale(lang)
    found: dict[str, Decimal] = {}
    for width in ("long", "short"):
        try:
            patterns = locale.compact_decimal_formats[width]
        except KeyError:
            continue
        for forms in patterns.values():
            for magnitude, pattern in forms.items():
                text = str(pattern.pattern)
                zeros = text.count("0")
                word = re.sub(r"[0#.,\s]+", " ", text.replace("'", "")).strip().lower()
                if not word or zeros == 0 or any(ch.isdigit() for ch in word) or word == "¤":
                    continue
                if width == "short" and len(word.rstrip(".")) < 2 and not word.isalpha():
                    continue
                value = Decimal(int(magnitude)) / Decimal(10) ** (zeros - 1)
                found.setdefault(word, value)
                if word.endswith("."):
                    found.setdefault(word[:-1], value)
    for word, value in lang_data(lang).get("multipliers", {}).items():
        found[word.lower()] = _decimal(value)
    return found


def multiplier_words(lang: str) -> frozenset[str]:
    """Lower-cased words for thousand, million, billion ... (CLDR long and short patterns)."""
    return frozenset(multipliers(lang))


@cache
def multiplier_regex(lang: str) -> re.Pattern[str] | None:
    """Matches a multiplier right after a number (optional space; whole word)."""
    words = sorted(multipliers(lang), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(_bounded(w) for w in words)
    infixes = "|".join(re.escape(i) for i in lang_data(lang).get("multiplier-infixes", []))
    infix = f"(?:{infixes})?" if infixes else ""
    return re.compile(rf"[ \u00a0\u202f-]?{infix}(?P<mult>{alternatives})", re.IGNORECASE)


def _bounded(word: str) -> str:
    """``word`` ending at a word boundary (inflected forms allowed), except in CJK scripts."""
    if "\u2e80" <= word[-1] <= "\u9fff":
        return re.escape(word)
    inflection = r"[^\W\d_]{0,3}" if len(word) >= 4 and word.isalpha() else ""
    return re.escape(word) + inflection + r"(?![^\W\d_])"


def read_number(text: str, lang: str) -> Reading | None:
    """How a digit token (a match of ``NUMBER_PATTERN``) reads in ``lang``'s convention."""
    match = _TOKEN.fullmatch(text.strip())
    if match is None:
        return None
    return _reading(match, lang)


def _reading(match: re.Match[str], lang: str) -> Reading:
    decimal, group = number_symbols(lang)
    if match.group("grouped") is not None:
        sep = match.group("g")
        digits = match.group("grouped").replace(sep, "")
        frac_sep, frac = match.group("gd"), match.group("gfrac")
        grouped = Decimal(digits + ("." + frac if frac else ""))
        groups = match.group("grouped").count(sep)
        is_space = sep in SPACES
        if is_space:
            # a space between thousands (SI style) is never ambiguous, whatever the locale uses
            foreign = frac_sep is not None and frac_sep != decimal
            return Reading(grouped, None, foreign, sep, frac_sep, len(digits))
        if sep == group:
            foreign = frac_sep is not None and frac_sep != decimal
            # "1.500" in German: 1500 here, 1.5 in the other convention
            other = (
                Decimal(match.group("grouped").replace(sep, ".")) if groups == 1 and frac is None else None
            )
            return Reading(grouped, other if sep in ",." else None, foreign, sep, frac_sep, len(digits))
        if sep == decimal and groups == 1 and frac is None:
            # "2,300" where ',' is the decimal mark: 2.3 here, 2300 in the other convention
            as_decimal = Decimal(match.group("grouped").replace(sep, "."))
            return Reading(as_decimal, grouped, True, None, sep, len(digits) - 3)
        return Reading(grouped, None, True, sep, frac_sep, len(digits))
    plain = match.group("plain")
    sep, frac = match.group("pd"), match.group("pfrac")
    if sep is None:
        return Reading(Decimal(plain), None, False, None, None, len(plain))
    value = Decimal(f"{plain}.{frac}")
    if sep == decimal:
        return Reading(value, None, False, None, sep, len(plain))
    if len(frac) == 3 and len(plain) <= 3 and sep == group:
        # "1.500" in German is 1500; in English it would be 1.5
        return Reading(Decimal(plain + frac), value, False, sep, None, len(plain) + 3)
    return Reading(value, None, True, None, sep, len(plain))


def parse_number(text: str, lang: str) -> Decimal | None:
    """The value of a number written in ``lang``'s convention, or None when it cannot be one."""
    reading = read_number(text, lang)
    if reading is not None:
        return reading.value
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None


def format_number(value: Decimal, lang: str, grouped: bool = True, decimals: int | None = None) -> str:
    """``value`` written in ``lang``'s convention (CLDR decimal pattern); ``grouped=False``
    leaves out group separators (``2021``, not ``2,021``); ``decimals`` keeps that many digits
    after the decimal mark (``3,10``, not ``3,1``)."""
    from babel.numbers import format_decimal

    locale = babel_locale(lang)
    if decimals is None:
        return str(format_decimal(value, locale=locale, decimal_quantization=False, group_separator=grouped))
    pattern = str(locale.decimal_formats[None].pattern).split(";")[0].split(".")[0]
    if decimals > 0:
        pattern += "." + "0" * decimals
    return str(format_decimal(value, format=pattern, locale=locale, group_separator=grouped))


def written_decimals(text: str, reading: Reading) -> int | None:
    """How many digits ``text`` (a number token) writes after its decimal mark, if it has one."""
    if reading.decimal is None:
        return None
    return len(text.rsplit(reading.decimal, 1)[-1])


# --- number words -------------------------------------------------------------------------------


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
    from tcheck.recognise.wordtrie import trie_pattern

    words = word_lexicon(lang).exact
    return re.compile(rf"(?<![^\W\d_])(?={trie_pattern(words)})") if words else None


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
    from tcheck.recognise.numwords import generated_words

    return generated_words(text, lang, counted)


def cardinal_values(text: str, lang: str) -> list[tuple[int, int, Decimal]]:
    """``(start, end, value)`` of cardinal number words of ``text``: generated from num2words
    (``sieben``, ``трех``), numerals before a counter (``九人``), else ``numbers.toml``'s."""
    generated = _generated(text, lang)
    if generated is not None:
        return [(w.start, w.end, w.value) for w in generated if not w.ordinal]
    if lang_data(lang).get("counters"):
        from tcheck.recognise.numwords import counted_numerals

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
