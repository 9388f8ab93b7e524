"""Date stamps that programs write the same way in every language: ``12-Jun-2026``.

Generated pages (command references, changelogs) carry a build date in Go's or C's English
format (``2-Jan-2006``, ``02-Jan-2006``) whatever the page's language; it is a date, not two
numbers. The month abbreviations are CLDR's English ones.
"""

from __future__ import annotations

import re
from functools import cache

from tcheck.locale import babel_locale
from tcheck.services.tables import derived


def _months() -> dict[str, int]:
    """CLDR's English month abbreviations (``Jan``) and their numbers."""
    return {
        str(name): int(number) for number, name in babel_locale("en").months["format"]["abbreviated"].items()
    }


@cache
def _stamp() -> tuple[re.Pattern[str], dict[str, int]]:
    months = derived("stamp-months", _months)
    names = "|".join(re.escape(m) for m in months)
    return re.compile(rf"(?<![\w-])(\d{{1,2}})-({names})-(\d{{4}})(?![\w-])"), months


def date_stamps(text: str) -> list[tuple[int, int, int, int, int]]:
    """``(start, end, day, month, year)`` of every ``12-Jun-2026`` stamp in ``text``."""
    if "-" not in text:
        return []
    pattern, months = _stamp()
    found = []
    for match in pattern.finditer(text):
        day = int(match.group(1))
        if 1 <= day <= 31:
            found.append((match.start(), match.end(), day, months[match.group(2)], int(match.group(3))))
    return found
