"""Time zones that tell which regional convention a clock time follows, from CLDR.

A language is written with one clock in one country and with the other elsewhere: English
writes ``2:30 PM`` in the United States (CLDR ``en``: ``h:mm a``) and ``14:30`` in Britain,
Ireland and most of Europe (``en_GB``, ``en_IE``, ``en_150``: ``HH:mm``); Spanish writes
``15:30`` in Spain and ``3:30 p. m.`` in the United States (``es_US``). A zone written after a
time says where the text speaks from: ``09:30 BST`` is British Summer Time, and British
English writes the 24-hour clock.

:func:`regional_clock_zones` lists, for a language, the short zone names (``BST``, ``CET``,
``IST``) that only its regional locales with the *other* clock use: CLDR gives a locale a short
name for a zone only where that abbreviation is current there. A name that the language's own
locale or a regional locale with the same clock also uses (``GMT`` and ``EST`` in ``en``;
``IST``, which ``en_IE`` and ``en_IN`` both use) says nothing about the clock and is not listed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tcheck.locale import babel_locale

_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
_REGIONAL = re.compile(r"[a-z]{2,3}_(?:[A-Z]{2}|\d{3})")  # en_GB, en_150 (no script: en_Shaw)


def twelve_hour_locale(locale: Any) -> bool:
    """Whether a Babel locale's own short time format is on the 12-hour clock (``h:mm a``)."""
    pattern = re.sub(r"'[^']*'", "", str(locale.time_formats["short"].pattern))
    return "h" in pattern or "K" in pattern


def _short_names(locale: Any) -> set[str]:
    """The short zone names (abbreviations) a Babel locale uses, for zones and metazones."""
    found: set[str] = set()
    for table in (locale.meta_zones, locale.time_zones):
        for names in table.values():
            short = names.get("short") or {}
            for kind in ("generic", "standard", "daylight"):
                name = short.get(kind)
                if name and _ABBREVIATION.fullmatch(str(name)):
                    found.add(str(name))
    return found


@cache
def regional_clock_zones(lang: str) -> frozenset[str]:
    """Short zone names used only by regional locales of ``lang`` whose clock is not ``lang``'s
    (``BST``, ``CET`` for English, from ``en_GB``, ``en_150``...; ``EST`` for Spanish, from
    ``es_US``): a time given in one of them follows that region's clock. Read from CLDR once
    (about a fifth of a second and 16 MB of locale data for English's 130 locales) and kept in
    the cache folder's tables (:func:`tcheck.services.tables.derived`); a check asks only when a
    time written with the other clock carries a zone."""
    from tcheck.services.tables import derived

    return derived(f"clock-zones-{lang}", lambda: _regional_clock_zones(lang))


def _regional_clock_zones(lang: str) -> frozenset[str]:
    from babel import Locale
    from babel.localedata import locale_identifiers

    own = babel_locale(lang)
    clock = twelve_hour_locale(own)
    base = str(own.language)
    same = _short_names(own)
    other: set[str] = set()
    for ident in locale_identifiers():
        if not ident.startswith(base + "_") or not _REGIONAL.fullmatch(ident):
            continue
        regional = Locale.parse(ident)
        (same if twelve_hour_locale(regional) == clock else other).update(_short_names(regional))
    return frozenset(other - same)
