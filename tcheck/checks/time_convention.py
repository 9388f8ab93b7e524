"""TC205 time-convention."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale import babel_locale
from tcheck.locale.zones import regional_clock_zones
from tcheck.model import Document, Hit, Segment, Severity
from tcheck.recognise import times_of
from tcheck.recognise.timefind import TimeLexicon, TimeMention, time_data, time_lexicon, uses_12_hour_clock
from tcheck.registry import register


def _format(minutes: int, skeleton: str, lang: str) -> str | None:
    """The time written with the locale's CLDR pattern for ``skeleton`` (``h a``, ``Hm``)."""
    from babel.dates import format_time

    locale = babel_locale(lang)
    pattern = locale.datetime_skeletons.get(skeleton)
    if pattern is None:
        return None
    value = dt.time(minutes // 60 % 24, minutes % 60)
    text = str(format_time(value, str(getattr(pattern, "pattern", pattern)), locale=locale))
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@cache
def _elapsed_before(lang: str) -> re.Pattern[str] | None:
    """The end of a text that puts the number after it on a game clock or a stopwatch
    (``elapsed-prefixes`` in ``tcheck/data/times.toml``: English ``on 13:10``, ``in 13:10``)."""
    words = time_data(lang).get("elapsed-prefixes", [])
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[\s\u00a0]+\Z", re.IGNORECASE)


def _elapsed(text: str, t: TimeMention, lang: str) -> bool:
    """Whether ``t`` is minutes and seconds of play or of a race (``on 13:10``), not a time of
    day: such a time has no zone and no AM/PM, and one of the language's elapsed-time words
    right before it."""
    pattern = _elapsed_before(lang)
    if pattern is None or t.zone or t.marker_kind is not None:
        return False
    return pattern.search(text, max(0, t.start - 16), t.start) is not None


def _regional(t: TimeMention, lang: str) -> bool:
    """Whether ``t`` is given in a zone that only regions writing the other clock use
    (``09:30 BST`` in English, the British 24-hour clock; ``3:30 p. m. EST`` in Spanish)."""
    return t.zone is not None and t.zone in regional_clock_zones(lang)


def _twelve_hour_issue(t: TimeMention, lang: str) -> tuple[str, str | None, Severity] | None:
    """A 24-hour clock time in a language that writes the 12-hour clock."""
    if t.marker_kind is not None or not (t.hour >= 13 or t.hour == 0 or t.padded):
        return None
    skeleton = "hm" if t.minutes % 60 else "h"
    suggestion = _format(t.minutes, skeleton, lang)
    if not t.has_minutes:
        message = f"'{t.text}' gives the hour on the 24-hour clock, which '{lang}' readers do not use without minutes"
        return message, suggestion, Severity.WARNING
    message = f"'{t.text}' is on the 24-hour clock; '{lang}' writes the 12-hour clock"
    return message, suggestion, Severity.INFO


@lru_cache(maxsize=64)
def _own_markers(lang: str) -> frozenset[str]:
    """The language's own AM/PM words where they are not English's (``午後``, ``下午``, ``오후``):
    prose in those languages writes the 12-hour clock with them, whatever the CLDR time format."""

    def names(code: str) -> set[str]:
        periods = babel_locale(code).day_periods.get("format", {})
        return {
            str(w).casefold() for width in periods.values() for k, w in width.items() if k in ("am", "pm")
        }

    return frozenset(names(lang) - names("en") - {"a.m.", "p.m."})


def _ampm_issue(t: TimeMention, lang: str) -> tuple[str, str | None, Severity] | None:
    """An AM/PM time in a language that writes the 24-hour clock, with a marker not its own."""
    if t.marker_kind != "ampm" or (t.marker or "").casefold() in _own_markers(lang):
        return None
    message = f"'{t.text}' is on the 12-hour clock; '{lang}' writes the 24-hour clock"
    return message, _format(t.minutes, "Hm", lang), Severity.WARNING


@register("TC205", "time-convention", Severity.WARNING)
def time_convention(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A clock time written in a form the document's language does not use.

    What it does: takes the locale's clock from CLDR (its short time format: ``h:mm a`` for
    English, ``HH:mm`` for Norwegian, German, French ...) and reports times written the other
    way: an hour of the 24-hour clock without minutes in a 12-hour language (``At 14 Norwegian
    time``), a time with AM/PM in a 24-hour language (``kl. 3 p.m.``). A 24-hour time with
    minutes in a 12-hour language (``14:00 GMT`` in English) is reported as info only: some
    house styles use it. Day periods that 24-hour languages use themselves (``7 утра``,
    ``下午3点``, ``3 de la tarde``) are fine, and so is a language's own AM/PM word where it is
    not English's (``午後3時``, ``오후 3시``). The suggestion is the time in the locale's CLDR
    format. Use a regional locale (``en_GB``) to get its own clock. A time given in a zone that
    only regions writing the other clock use follows that region's clock (``09:30 BST`` in
    English is British; CLDR's regional zone names), and a time on a game clock or a stopwatch
    (``on 13:10`` of play, ``in 13:10`` over 5,000 m) is no time of day.

    Why it matters: machine translation carries the source's clock over; ``14`` is not a time to
    an English reader, and ``3 p.m.`` reads as foreign in Norwegian.

    Example (English target)::

        At 14 Norwegian time, a new shooting was reported.
           ^^^^^^^^^^^^^^^^^ TC205: write '2 PM Norwegian time'
    """
    lang = doc.lang
    if not lang:
        return
    twelve = uses_12_hour_clock(lang)
    lexicon = time_lexicon(lang)
    what = f"clock times in a form '{lang}' does not use"
    for seg in doc.segments:
        yield from capped(_segment(seg, lang, twelve, lexicon), what, doc.path, Severity.WARNING)


def _segment(seg: Segment, lang: str, twelve: bool, lexicon: TimeLexicon) -> Iterator[Hit]:
    for t in times_of(seg.text, lang):
        issue = _twelve_hour_issue(t, lang) if twelve else _ampm_issue(t, lang)
        if issue is None or (t.marker in lexicon.periods) or _regional(t, lang):
            continue
        if twelve and _elapsed(seg.text, t, lang):
            continue
        message, suggestion, severity = issue
        if suggestion and t.zone:
            suggestion = f"{suggestion} {t.zone}"
        yield Hit(
            span=seg.file_span(t.start, t.end),
            message=message,
            suggestion=suggestion,
            severity=severity if severity != Severity.WARNING else None,
        )
