"""Locale data from CLDR (through Babel): weekday and month names, currencies, territories.

The package holds what the recognisers (:mod:`tcheck.recognise`) read: :mod:`.numbers` (number
symbols, number words, magnitudes), :mod:`.currency` (amounts and currency names) and
:mod:`.dates` (dates, datelines, weekdays).

Nothing here is a hand-written table of a language: every name comes from CLDR, so any language
CLDR describes works. Results are cached per language.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from tcheck.errors import UsageError


@cache
def babel_locale(lang: str) -> Any:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise UsageError(
            f"unknown language code {lang!r} (use a CLDR/BCP 47 code such as nb, en, de)"
        ) from None


def primary(lang: str) -> str:
    """The primary language subtag: ``pt-BR`` / ``pt_BR`` → ``pt``."""
    return lang.replace("-", "_").split("_")[0].lower()


_CODE_NAME = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}")


@lru_cache(maxsize=4096)
def language_code(name: str) -> str | None:
    """A file or folder name read as a CLDR language code (``nb``, ``pt-BR``, ``fil``, ``no`` →
    ``nb``), or None for ordinary names: ``src`` is not Sardinian here, nor ``eng`` English."""
    if not _CODE_NAME.fullmatch(name):
        return None
    try:
        code = normalize_lang(name)
    except UsageError:
        return None
    first = primary(name)
    if len(first) == 3 and primary(code) != first:
        return None
    return code


def normalize_lang(lang: str) -> str:
    """Validate ``lang`` against CLDR and return its canonical form (``no`` → ``nb``)."""
    code = lang.strip().replace("-", "_")
    if code.lower() == "no":
        code = "nb"
    locale = babel_locale(code)
    return str(locale)


@cache
def weekday_names(lang: str) -> dict[str, int]:
    """Lower-cased weekday names (wide, format and stand-alone) → 0 (Monday) .. 6."""
    locale = babel_locale(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.days[context]["wide"].items():
            names[name.lower()] = number
    return names


@cache
def month_names(lang: str) -> dict[str, int]:
    """Lower-cased month names (wide, format and stand-alone, incl. genitives) → 1..12."""
    locale = babel_locale(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.months[context]["wide"].items():
            names[name.lower()] = number
    return names


def weekday_name(lang: str, number: int) -> str:
    """The display (format, wide) name of weekday ``number`` (0 = Monday)."""
    return str(babel_locale(lang).days["format"]["wide"][number])


@cache
def language_territories(lang: str) -> frozenset[str]:
    """Territories where ``lang`` is official nationally (plus the locale's likely territory)."""
    from babel.core import get_global

    base = str(babel_locale(lang).language)
    territories = {
        territory
        for territory, languages in get_global("territory_languages").items()
        if any(
            code.split("_")[0] == base and info.get("official_status") in ("official", "de_facto_official")
            for code, info in languages.items()
        )
    }
    likely = get_global("likely_subtags").get(base, "")
    parts = likely.split("_")
    if len(parts) >= 2 and parts[-1].isupper():
        territories.add(parts[-1])
    return frozenset(territories)


@cache
def home_currencies(lang: str) -> frozenset[str]:
    """Currencies in current use in the territories of ``lang``."""
    from babel.numbers import get_territory_currencies

    found: set[str] = set()
    for territory in language_territories(lang):
        found.update(get_territory_currencies(territory, tender=True))
    return frozenset(found)
