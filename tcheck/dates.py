"""Dates and weekdays in running text, with names from CLDR for any language.

A *dateline* is the date a piece speaks from: a ``date:`` in front matter, or a short segment at
the top of the document that is nothing but a date (``Wednesday, January 19``,
``onsdag 19. januar 2022``, ``Mittwoch, 19. Januar``, ``2022-01-19``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from tcheck.locale import month_names, weekday_names
from tcheck.model import Document, Span


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
    """The document's date: front matter ``date:`` first, else a date-only segment near the top."""
    meta_date = doc.metadata.get("date")
    if meta_date:
        day = _from_iso(meta_date)
        if day:
            return Dateline(day.weekday(), day.day, day.month, day.year, None, meta_date)
    pattern = date_regex(lang)
    for seg in doc.segments[:max_segments]:
        text = seg.text.strip()
        if not text or len(text) > max_length:
            continue
        iso = _ISO.fullmatch(text)
        if iso:
            day = _from_iso(text)
            if day:
                return Dateline(
                    day.weekday(), day.day, day.month, day.year, seg.file_span(0, len(seg.text)), text
                )
        match = pattern.match(seg.text)
        if not match or not match.group(0).strip():
            continue
        rest = seg.text[match.end() :].strip(" ,.–-")
        if rest and not re.fullmatch(r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}.*", rest):
            continue
        wd = match.group("wd")
        month = match.group("m1") or match.group("m2")
        if wd is None and month is None:
            continue
        day_text = match.group("d1") or match.group("d2")
        year = int(match.group("y")) if match.group("y") else None
        return Dateline(
            weekday_names(lang)[wd.lower()] if wd else None,
            int(day_text) if day_text else None,
            month_names(lang)[month.lower()] if month else None,
            year,
            seg.file_span(match.start(), match.end()),
            match.group(0),
        )
    return None


@dataclass(frozen=True)
class SameDayRules:
    before: tuple[re.Pattern[str], ...]
    after: tuple[re.Pattern[str], ...]
    future: tuple[re.Pattern[str], ...]


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

    return SameDayRules(compile_all("before"), compile_all("after"), compile_all("future"))


@cache
def weekday_regex(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(weekday_names(lang))})", re.IGNORECASE)
