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
# It starts with a digit: the lookahead first lets a search pass over the other characters without
# trying the lookbehind at each (the token scan of a sentence costs 40% less).
_TOKEN = re.compile(
    r"(?=\d)(?<![\d.,])(?:(?P<grouped>\d{1,3}(?P<g>[,.\u00a0\u202f\u2009 '’])\d{3}(?:(?P=g)\d{3})*)"
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


_SHARED: dict[tuple[str, str], tuple[str, Reading]] = {}
_SHARED_LIMIT = 4096  # tokens remembered; a token longer than _SHARED_LONGEST is never kept
_SHARED_LONGEST = 40


def shared_reading(match: re.Match[str], lang: str) -> tuple[str, Reading]:
    """The token of ``match`` (a ``_TOKEN`` match) and its reading in ``lang``, one shared
    string and :class:`Reading` per distinct token: ``1,000`` written 100,000 times is one
    string, one reading and one ``Decimal`` in memory, not 100,000 of each. The reading
    depends on the token alone (its groups are the same wherever it is written)."""
    token = match.group(0)
    if len(token) > _SHARED_LONGEST:
        return token, _reading(match, lang)
    key = (token, lang)
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            del _SHARED[next(iter(_SHARED))]  # the oldest
        found = _SHARED[key] = (token, _reading(match, lang))
    return found


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
