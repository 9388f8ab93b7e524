"""Dates and weekdays in running text, with names from CLDR for any language.

A *dateline* is the date a piece speaks from: a ``date:`` in front matter, or a short segment at
the top of the document that is nothing but a date (``Wednesday, January 19``,
``onsdag 19. januar 2022``, ``Mittwoch, 19. Januar``, ``2022-01-19``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import tomllib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from tcheck.locale import month_names, weekday_names
from tcheck.model import Document, Span
from tcheck.recognise.datefind import DateMention


@dataclass(frozen=True)
class Dateline:
    """The document's own date; ``span`` is None when it comes from metadata."""

    weekday: int | None  # 0 = Monday
    day: int | None
    month: int | None
    year: int | None
    span: Span | None
    text: str


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def date_regex(lang: str) -> re.Pattern[str]:
    """A date with optional weekday, day and month in either order, optional year."""
    wd = _alternation(weekday_names(lang))
    mon = _alternation(month_names(lang))
    return re.compile(
        rf"(?:(?P<wd>{wd})\b[,.]?\s*(?:(?:den|le|el|der)\s+)?)?"
        rf"(?:(?P<d1>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<m1>{mon})\b"
        rf"|(?P<m2>{mon})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
        rf"(?:,?\s+(?:de\s+)?(?P<y>\d{{4}}))?",
        re.IGNORECASE,
    )


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _from_iso(value: str) -> dt.date | None:
    match = _ISO.search(value)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def find_dateline(doc: Document, lang: str, max_segments: int = 3, max_length: int = 60) -> Dateline | None:
    """The document's date: front matter ``date:`` first, else a date-only segment near the top,
    else the file's own date (``metadata["file-date"]``: a Word document's core properties).

    A dateline is a short segment that is nothing but a date with a weekday or a month
    (``Wednesday, January 19``, ``onsdag 19. januar 2022``, ``2022年1月19日星期三``,
    ``2022-01-19``), maybe followed by a clock time.
    """
    meta_date = doc.metadata.get("date")
    if meta_date:
        day = _from_iso(meta_date)
        if day:
            return Dateline(day.weekday(), day.day, day.month, day.year, None, meta_date)
    for seg in doc.segments[:max_segments]:
        text = seg.text.strip()
        if not text or len(text) > max_length:
            continue
        lead = len(seg.text) - len(seg.text.lstrip())
        mentions = _dates_of(seg.text, lang)
        if not mentions or mentions[0].start != lead or mentions[0].kind == "month":
            continue
        first = mentions[0]
        if first.kind == "weekday" and len(mentions) > 1:
            continue
        rest = seg.text[first.end :].strip(" ,.–-\t")
        if rest and not _is_time(rest, lang):
            continue
        weekday = first.weekday
        if weekday is None and first.year and first.month and first.day:
            weekday = _weekday_of(first.year, first.month, first.day)
        return Dateline(
            weekday, first.day, first.month, first.year, seg.file_span(first.start, first.end), first.text
        )
    file_date = doc.metadata.get("file-date")  # a file property (a Word document's creation date)
    day = _from_iso(file_date) if file_date else None
    if day is not None and file_date is not None:
        return Dateline(day.weekday(), day.day, day.month, day.year, None, file_date)
    return None


def _dates_of(text: str, lang: str) -> Sequence[DateMention]:
    """:func:`~tcheck.recognise.datefind.find_dates` through the recognisers' cache: the
    segments a dateline is looked for in are read again by TC201 and TC202, which ask for it,
    and by every check of dates after them."""
    from tcheck.recognise import dates_of

    return dates_of(text, lang)


def _is_time(text: str, lang: str) -> bool:
    from tcheck.recognise.timefind import find_times

    times = find_times(text, lang)
    return bool(times) and times[0].start <= 4


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


@dataclass(frozen=True)
class SameDayRules:
    before: tuple[re.Pattern[str], ...]
    after: tuple[re.Pattern[str], ...]
    future: tuple[re.Pattern[str], ...]
    distant: tuple[re.Pattern[str], ...] = ()
    recurring: tuple[re.Pattern[str], ...] = ()

    def is_distant(self, head: str, tail: str) -> bool:
        """``last Thursday``, ``jeudi dernier``: a weekday of another week."""
        return any(p.match(tail) if p.pattern.startswith("^") else p.search(head) for p in self.distant)

    def is_recurring(self, head: str, tail: str, sentence: str) -> bool:
        """``every Thursday``, ``on Thursdays``, ``hver torsdag``, ``donnerstags``, ``每周四``,
        ``weekly meetings on Thursday``: a weekday that comes back every week. ``head`` ends
        right before the weekday name, ``tail`` starts right after its CLDR form."""
        for p in self.recurring:
            if p.pattern.startswith("^"):
                if p.match(tail):
                    return True
            elif p.pattern.endswith("$"):
                if p.search(head):
                    return True
            elif p.search(sentence):
                return True
        return False


@lru_cache(maxsize=1)
def _sameday_data() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("tcheck.data").joinpath("sameday.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@cache
def sameday_rules(lang: str) -> SameDayRules | None:
    """Connecting words that tie a weekday to the day of writing, for ``lang`` (or None)."""
    data = _sameday_data().get(lang.split("_")[0])
    if data is None:
        return None

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, []))

    return SameDayRules(
        compile_all("before"),
        compile_all("after"),
        compile_all("future"),
        compile_all("distant"),
        compile_all("recurring"),
    )


@cache
def weekday_regex(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(weekday_names(lang))})", re.IGNORECASE)


# --- year inference -----------------------------------------------------------------------------


@dataclass(frozen=True)
class YearHint:
    """A year for dates written without one, and where it comes from (said in findings)."""

    year: int
    source: str


def document_year(doc: Document, lang: str) -> YearHint | None:
    """The year the document speaks from: its front matter ``date:``, else its dateline's year.

    Never today's date, and never a bare year in the text (``in 2019`` is history as often as it
    is the present).
    """
    meta_date = doc.metadata.get("date")
    if meta_date:
        day = _from_iso(meta_date)
        if day:
            return YearHint(day.year, f"the front matter date {meta_date}")
        match = re.search(r"\b(1[89]\d\d|2[01]\d\d)\b", meta_date)
        if match:
            return YearHint(int(match.group(1)), f"the front matter date {meta_date}")
    dateline = find_dateline(doc, lang)
    if dateline is not None and dateline.year is not None:
        return YearHint(dateline.year, f"the dateline '{dateline.text.strip()}'")
    return None


def dated_indices(mentions: Sequence[DateMention]) -> Sequence[int]:
    """Indices of the mentions that give a year and a month, in order (for :func:`year_in_context`;
    an array of numbers: a paragraph of 100,000 dates keeps no 100,000 integer objects)."""
    return array("q", (n for n, m in enumerate(mentions) if m.year is not None and m.month is not None))


_LOOKBACK = 16  # earlier dated mentions tried: keeps a paragraph of many dates linear


def year_in_context(
    mentions: Sequence[DateMention],
    index: int,
    fallback: YearHint | None,
    dated: Sequence[int] | None = None,
) -> tuple[int, str] | None:
    """The year of ``mentions[index]`` (a date written without a year): the nearest earlier
    date of the same text that has one (``3 January 2022 ... Wednesday 5 January``), moving to the
    next year across a new year, else the document's year. ``dated`` (from
    :func:`dated_indices`, computed once per text) keeps the search short."""
    mention = mentions[index]
    if dated is None:
        dated = dated_indices(mentions[:index])
    stop = bisect.bisect_left(dated, index)
    for k in range(stop - 1, max(-1, stop - 1 - _LOOKBACK), -1):
        earlier = mentions[dated[k]]
        if earlier.year is None or earlier.month is None or mention.month is None:
            continue
        year = earlier.year + (1 if earlier.month >= 11 and mention.month <= 2 else 0)
        if mention.month >= earlier.month or year > earlier.year:
            return year, f"'{earlier.text.strip()}' earlier in the text"
    if fallback is not None:
        return fallback.year, fallback.source
    return None
