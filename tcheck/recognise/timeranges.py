"""Clock times that need their neighbours to be read: the two ends of a range and 4-digit times.

``kl. 18-20`` is 18:00 to 20:00, ``6-8 p.m.`` and ``from 6 to 8 p.m.`` 18:00 to 20:00, ``von 18
bis 20 Uhr`` 18:00 to 20:00: the bare hour takes the clock of the time it is joined to, so that a
range compares with a range (``kl. 18-20`` and ``6-8 p.m.`` agree). ``at 0430``, ``1800 hours``
and ``2100 GMT`` are 24-hour times written without a separator. The words between the ends and
the military suffixes are data (``[_all]`` in ``tcheck/data/times.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from tcheck.recognise.spans import SpanSet
from tcheck.recognise.timefind import DAY, TimeMention, _alt, _data, time_data

_ZONES = ("GMT", "UTC", "Z")
_DIGIT = re.compile(r"\d")
_MILITARY = re.compile(r"(?=[012])(?<![\d.,:/-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.,:/]\d|[^\W\d_])")


def _after_time_word(text: str, start: int, prefixes: tuple[str, ...]) -> bool:
    word = re.search(r"([^\W\d_][\w.]*)[\s\u00a0]+$", text[max(0, start - 20) : start])
    return word is not None and word.group(1).lower() in prefixes


@cache
def _time_words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words a military time comes after (``at``, ``kl.``) and before (``hours``)."""
    data = time_data(lang)
    prefixes = tuple(
        re.sub(r"\\(.)", r"\1", p).lower()
        for p in (*data.get("prefixes", ()), *data.get("weak-prefixes", ()))
    )
    return prefixes, tuple(_data().get("_all", {}).get("military-suffixes", ()))


def military_times(text: str, found: Sequence[TimeMention], lang: str) -> list[TimeMention]:
    """``at 0430``, ``at 0600 hours``, ``2100 GMT``: a 24-hour time in four digits, with a
    leading zero after a time word (``at``, ``kl.``; ``[_all] military-suffixes`` in
    ``times.toml`` may follow), or before a time zone. ``1800 hours`` alone may be a duration."""
    out: list[TimeMention] = []
    matches = _MILITARY.finditer(text) if _DIGIT.search(text) is not None else ()
    prefixes, suffixes = _time_words(lang)
    taken: SpanSet | None = None
    for match in matches:
        if taken is None:
            taken = SpanSet((t.start, t.end) for t in found)
        if taken.overlaps(match.start(), match.end()):
            continue
        after = text[match.end() : match.end() + 8].lstrip(" \u00a0")
        word = re.match(r"[^\W\d_]+", after)
        suffix = word.group(0) if word and word.group(0) in suffixes else None
        zone = suffix in _ZONES
        if not (
            zone or (match.group("h").startswith("0") and _after_time_word(text, match.start(), prefixes))
        ):
            continue  # "1800 hours" alone may be a duration; "at 0430", "2100 GMT" are times
        end = match.end() + (len(text[match.end() :]) - len(text[match.end() :].lstrip(" \u00a0")))
        end = end + len(suffix) if suffix else match.end()
        hour, minute = int(match.group("h")), int(match.group("m"))
        out.append(
            TimeMention(
                match.start(),
                end,
                text[match.start() : end],
                hour * 60 + minute,
                False,
                hour,
                True,
                None,
                None,
                True,
                match.span("h"),
                suffix if zone else None,
            )
        )
    return out


@cache
def _range_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The hour before a range's time (``6-`` of ``6-8 p.m.``) and the one after (``-20``)."""
    words = _alt(list(_data().get("_all", {}).get("range-words", ())))
    gap = rf"[\s\u00a0]*(?:{words})[\s\u00a0]*" if words else r"[\s\u00a0]*[-–—][\s\u00a0]*"
    after = re.compile(rf"{gap}(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?(?![\d.,:]\d|[^\W\d_])", re.IGNORECASE)
    before = re.compile(rf"(?<![\d.,:])(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?{gap}$", re.IGNORECASE)
    return before, after


def range_ends(text: str, found: Sequence[TimeMention]) -> list[TimeMention]:
    """The bare hour at the other end of a range: ``kl. 18-20`` (20:00), ``6-8 p.m.`` (18:00),
    ``from 6 to 8 p.m.``. It takes the clock of the time it is joined to."""
    before, after = _range_patterns()
    taken = SpanSet((t.start, t.end) for t in found)
    out: list[TimeMention] = []
    for time in found:
        if time.ambiguous:
            continue
        m = before.search(text, max(0, time.hour_at[0] - 12), time.hour_at[0])
        if m is not None and time.start == time.hour_at[0]:  # "6-8 p.m.", "von 18 bis 20 Uhr"
            hour = int(m.group("h"))
            if time.marker_kind == "ampm":
                if not 1 <= hour < time.hour:
                    continue  # "11-1 p.m." crosses noon: left alone
                minutes = (hour % 12) * 60 + (time.minutes // (12 * 60)) * 12 * 60
            elif time.marker_kind is None and hour < time.hour:
                minutes = hour * 60
            else:
                continue
            minutes += int(m.group("m") or 0)
        elif time.marker_kind is None and (m := after.match(text, time.end)) is not None:  # "kl. 18-20"
            hour = int(m.group("h"))
            if hour > 24 or hour <= time.hour:
                continue
            minutes = hour * 60 + int(m.group("m") or 0)
        else:
            continue
        start, end = m.start("h"), m.end("m") if m.group("m") else m.end("h")
        if taken.overlaps(start, end):
            continue
        out.append(
            TimeMention(
                start,
                end,
                text[start:end],
                minutes % DAY,
                False,
                hour,
                m.group("m") is not None,
                time.marker,
                time.marker_kind,
                False,
                (m.start("h"), m.end("h")),
                time.zone,
            )
        )
    return out
