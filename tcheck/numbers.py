"""Numbers as written in running text, in any locale's convention.

``NUMBER_PATTERN`` matches digit groups with thousands separators of any convention (``2,300``,
``2.300``, ``2 300`` with a space, no-break or narrow no-break space, ``2'300``) and an optional
decimal part (``1,5``, ``3.2``); which reading is right is decided with the locale's CLDR symbols by
:func:`parse_number`. Multiplier words (``million``, ``millioner``, ``Milliarden``) come from CLDR's
long compact-decimal patterns.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from tcheck.locale import babel_locale

GROUP_SEPARATORS = ",.\u00a0\u202f '’"
NUMBER_PATTERN = r"\d{1,3}(?:[,.\u00a0\u202f '’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@cache
def number_symbols(lang: str) -> tuple[str, str]:
    """``(decimal, group)`` symbols of ``lang`` (Latin digits)."""
    locale = babel_locale(lang)
    symbols = locale.number_symbols.get("latn", locale.number_symbols)
    return str(symbols.get("decimal", ".")), str(symbols.get("group", ","))


@cache
def multiplier_words(lang: str) -> frozenset[str]:
    """Lower-cased words for thousand, million, billion ... from CLDR long compact patterns."""
    locale = babel_locale(lang)
    words: set[str] = set()
    try:
        patterns = locale.compact_decimal_formats["long"]
    except KeyError:
        return frozenset()
    for forms in patterns.values():
        for pattern in forms.values():
            text = re.sub(r"[0#.,]+", " ", str(pattern.pattern)).strip().lower()
            if text and not any(ch.isdigit() for ch in text):
                words.add(text)
    return frozenset(words)


def parse_number(text: str, lang: str) -> Decimal | None:
    """The value of a number written in ``lang``'s convention, or None when it cannot be one."""
    decimal, group = number_symbols(lang)
    cleaned = text.strip()
    group_chars = {group, "\u00a0", "\u202f", " "} if group in "\u00a0\u202f " else {group}
    for ch in group_chars:
        cleaned = cleaned.replace(ch, "")
    cleaned = cleaned.replace(decimal, ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None
