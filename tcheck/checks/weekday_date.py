"""TC201 weekday-date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale import babel_locale
from tcheck.locale.dates import YearHint, dated_indices, document_year, year_in_context
from tcheck.model import Document, Hit, Segment, Severity
from tcheck.recognise import dates_of
from tcheck.registry import register


def _weekday(lang: str, number: int, like: str) -> str:
    """The CLDR name of weekday ``number``, capitalised like ``like``."""
    return _weekday_name(lang, number, like[:1].isupper())


@lru_cache(maxsize=64)
def _weekday_name(lang: str, number: int, upper: bool) -> str:
    name = str(babel_locale(lang).days["format"]["wide"][number])
    return name[:1].upper() + name[1:] if upper else name


@lru_cache(maxsize=1024)
def _message(lang: str, year: int, month: int, day: int, actual: int, written: int) -> str:
    """What a finding says (one string for every date written alike, not one per finding)."""
    from babel.dates import format_date

    said = str(format_date(dt.date(year, month, day), "long", locale=babel_locale(lang)))
    return f"{said} is a {_weekday(lang, actual, 'a')}, not a {_weekday(lang, written, 'a')}"


@register("TC201", "weekday-date", Severity.ERROR)
def weekday_date(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday written beside a date it does not fall on.

    What it does: finds dates written with their weekday (``Thursday, January 19, 2022``,
    ``onsdag 19. januar 2022``, ``Mittwoch, 19. Januar``, ``2022年1月19日星期三``; names from CLDR)
    and checks the weekday against the calendar. The year is the date's own; without one it is
    inferred, never taken from today: from an earlier date in the same paragraph that has a year,
    else from the document's front matter ``date:`` or its dateline. A date whose year cannot be
    inferred is not checked. A finding that depends on an inferred year says where the year came
    from and is a warning rather than an error.

    Why it matters: a weekday and a date that disagree make readers doubt both; one of them is
    wrong, and a translation may have "corrected" the wrong one.

    Example::

        The summit opens on Thursday, January 19, 2022.
                            ^^^^^^^^ TC201: January 19, 2022 is a Wednesday
    """
    lang = doc.lang
    if not lang:
        return
    hint = document_year(doc, lang)
    for seg in doc.segments:
        found = _segment(seg, lang, hint)
        yield from capped(found, "weekdays that do not fall on their dates", doc.path, Severity.ERROR)


def _segment(seg: Segment, lang: str, hint: YearHint | None) -> Iterator[Hit]:
    dates = dates_of(seg.text, lang)
    dated = dated_indices(dates)
    for index, mention in enumerate(dates):
        if (
            mention.weekday is None
            or mention.day is None
            or mention.month is None
            or mention.weekday_at is None
        ):
            continue
        inferred: str | None = None
        if mention.year is not None:
            year = mention.year
        else:
            found = year_in_context(dates, index, hint, dated)
            if found is None:
                continue
            year, inferred = found
        try:
            actual = dt.date(year, mention.month, mention.day).weekday()
        except ValueError:
            continue
        if actual == mention.weekday:
            continue
        ws, we = mention.weekday_at
        written = seg.text[ws:we]
        message = _message(lang, year, mention.month, mention.day, actual, mention.weekday)
        if inferred:
            message += f" (the year {year} is inferred from {inferred})"
        yield Hit(
            span=seg.file_span(ws, we),
            message=message,
            suggestion=_weekday(lang, actual, written),
            severity=Severity.WARNING if inferred else None,
        )
