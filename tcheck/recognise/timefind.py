"""Clock times in running text, for any language CLDR describes.

From CLDR through Babel: whether the locale writes the 12- or the 24-hour clock (its short time
pattern), its AM/PM markers, its day periods with their hours (``7 утра``, ``下午3点``,
``3 de la tarde``, ``3 in the afternoon``) and hour words in its patterns (``14 Uhr``, ``14 h``,
``3时``). ``tcheck/data/times.toml`` adds words CLDR lacks (``kl. 14``, ``o'clock``,
``Norwegian time``). Each mention has its time of day in minutes and its span.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from tcheck.locale import babel_locale
from tcheck.locale.memo import shared
from tcheck.locale.numberwords import cjk_value, word_lexicon
from tcheck.locale.zones import twelve_hour_locale
from tcheck.recognise.packed import Packer, Shape
from tcheck.recognise.technical import version_like
from tcheck.services import regexes
from tcheck.services.tables import data_file, derived, read_toml

DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A clock time; offsets are relative to the text searched.

    ``minutes`` is the time of day as read. ``ambiguous`` is true for an hour of 1-12 written
    without AM/PM or a day period, which may also mean twelve hours later. ``marker_kind`` is
    ``ampm`` (a 12-hour clock marker), ``period`` (a day period such as ``утра``) or None.
    ``padded`` is true when the hour has a leading zero (``07:30``), a 24-hour clock form.
    ``zone`` is the time zone written after it (``GMT``, ``Norwegian time``), if any.
    """

    start: int
    end: int
    text: str
    minutes: int
    ambiguous: bool
    hour: int
    has_minutes: bool
    marker: str | None
    marker_kind: str | None
    padded: bool
    hour_at: tuple[int, int]
    zone: str | None = None


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return read_toml("times.toml")


def time_data(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = _data().get(lang.split("_")[0], {})
    return data


@cache
def uses_12_hour_clock(lang: str) -> bool:
    """Whether the locale's own short time format is on the 12-hour clock (``h:mm a``): kept in the
    cache folder, as reading it loads the language's whole CLDR data (30 ms)."""
    from tcheck.locale import zones

    return derived(
        f"twelve-hour-{lang}", lambda: twelve_hour_locale(babel_locale(lang)), files=(zones.__file__,)
    )


def _period_names(lang: str) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]]]:
    """AM/PM markers (name → ``am``/``pm``) and day periods (name → hour ranges in minutes)."""
    locale = babel_locale(lang)
    ampm: dict[str, str] = {}
    periods: dict[str, list[tuple[int, int]]] = {}
    rules = locale.day_period_rules.get(None, {}) if locale.day_period_rules else {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated", "narrow"):
            try:
                names = locale.day_periods[context][width]
            except KeyError:
                continue
            for key, name in names.items():
                text = str(name).replace("\u202f", " ").replace("\u00a0", " ")
                if len(text) < 2 and text.isascii():
                    continue
                if key in ("am", "pm"):
                    ampm.setdefault(text, key)
                    continue
                for rule in rules.get(key, []):
                    if "at" in rule:
                        span = (rule["at"] // 60, rule["at"] // 60 + 1)
                    else:
                        span = (rule["from"] // 60, rule["before"] // 60)
                    periods.setdefault(text, []).append(span)
    data = time_data(lang)
    for key in ("am", "pm"):
        for text in [*data.get(key, []), *_data().get("_all", {}).get(key, [])]:
            ampm.setdefault(text, key)
    return ampm, periods


@dataclass(frozen=True)
class TimeLexicon:
    lang: str
    ampm: dict[str, str]
    periods: dict[str, list[tuple[int, int]]]
    strong: frozenset[str]
    pattern: re.Pattern[str]


def _alt(words: list[str], escape: bool = True) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in ordered)


def _bounded(patterns: list[str]) -> str:
    """Alternatives that end at a word boundary, except in scripts written without spaces."""
    parts = []
    for p in sorted(set(patterns), key=lambda w: (-len(w), w)):
        cjk = "\u2e80" <= p[-1] <= "\u9fff"
        parts.append(f"(?:{p})" if cjk else f"(?:{p})(?![^\\W\\d_])")
    return "(?:" + "|".join(parts) + ")"


def _cldr_hour_words(lang: str) -> list[str]:
    skeletons = babel_locale(lang).datetime_skeletons
    words: list[str] = []
    for key in ("H", "h"):
        if key in skeletons:
            pattern = str(getattr(skeletons[key], "pattern", skeletons[key]))
            words += [w for w in re.findall(r"'([^']+)'", pattern) if w.strip()]
            words += [w for w in re.findall(r"[^\x00-\x7f\s]+", re.sub(r"'[^']*'", "", pattern))]
    return words


def _period_first(lang: str) -> bool:
    skeletons = babel_locale(lang).datetime_skeletons
    pattern = str(getattr(skeletons.get("h", ""), "pattern", skeletons.get("h", "")))
    hour = next((c for c in "hK" if c in pattern), None)  # Japanese "aK時": 0-11 after 午前/午後
    return hour is not None and "a" in pattern and pattern.index("a") < pattern.index(hour)


@cache
def time_lexicon(lang: str) -> TimeLexicon:
    """The clock-time words and pattern of ``lang`` (derived from CLDR and ``times.toml`` once and
    kept in the cache folder)."""
    from tcheck.locale import numbers, numberwords

    sources = (data_file("times.toml"), data_file("numbers.toml"), numberwords.__file__, numbers.__file__)
    ampm, periods, strong, pattern = derived(f"time-words-{lang}", lambda: _build(lang), files=sources)
    return TimeLexicon(lang, ampm, periods, strong, regexes.compile(pattern, re.IGNORECASE))


def _build(lang: str) -> tuple[dict[str, str], dict[str, list[tuple[int, int]]], frozenset[str], str]:
    """AM/PM markers, day periods, strong prefixes and the pattern source of :func:`time_lexicon`."""
    data = time_data(lang)
    ampm, periods = _period_names(lang)
    prefix_suffixes = list(data.get("prefix-suffixes", []))
    suffixes = list(data.get("suffixes", []))
    suffixes += [re.escape(w) for w in _cldr_hour_words(lang) if w not in prefix_suffixes]
    zones = _zones(lang)
    strong = list(data.get("prefixes", []))
    weak = [re.escape(w) for w in data.get("weak-prefixes", [])]
    markers = _alt([*ampm, *periods])
    cjk = "".join(sorted({*word_lexicon(lang).cjk_digits, *word_lexicon(lang).cjk_units}))
    hour = rf"\d{{1,2}}|[{re.escape(cjk)}]{{1,3}}" if cjk else r"\d{1,2}"
    minutes = data.get("minutes")
    s = r"[\s\u00a0\u202f]"
    # a marker before the hour ("午前9時", "오전 9시"), not the end of a word ("RAM 4GB")
    before = rf"(?:(?<![A-Za-z])(?P<pb>{markers}){s}*)?" if _period_first(lang) and markers else ""
    prefix_alt = _alt(strong + weak, escape=False)
    pattern = (
        (rf"(?:(?P<pre>(?<![^\W\d_])(?:{prefix_alt})){s}*)?" if prefix_alt else "")
        + before
        + rf"(?<![\d.,:/])(?P<h>{hour})(?:(?P<sep>[:.：])(?P<m>\d{{2}}))?(?![\d]|[.,:：]\d)"
        + (rf"(?:{s}?(?P<suf>{_bounded(suffixes)}))?" if suffixes else "")
        + (rf"(?:{s}?(?P<psuf>{_bounded(prefix_suffixes)}))?" if prefix_suffixes else "")
        + (rf"(?:{s}?{minutes})?" if minutes else "")
        + (rf"(?:{s}?(?P<zone>{_bounded(zones)}))?" if zones else "")
        + (rf"(?:{s}?(?P<pa>{markers})(?![^\W\d_\u2e80-\u9fff]))?" if markers else "")
        + (rf"(?:{s}?(?P<zone2>{_bounded(zones)}))?" if zones else "")
    )
    strong_set = frozenset(re.sub(r"\\(.)", r"\1", p).lower() for p in strong)
    return ampm, periods, strong_set, pattern


def _number(text: str, lang: str) -> int | None:
    if text.isdigit():
        return int(text)
    return cjk_value(text, word_lexicon(lang))


def _in_period(minutes: int, ranges: list[tuple[int, int]]) -> bool:
    for start, end in ranges:
        if start <= end and start <= minutes < end:
            return True
        if start > end and (minutes >= start or minutes < end):
            return True
    return False


@cache
def _hour_chars(lang: str) -> re.Pattern[str]:
    """A character an hour can start with (a digit, or a CJK numeral)."""
    lex = word_lexicon(lang)
    cjk = "".join(sorted({*lex.cjk_digits, *lex.cjk_units}))
    return re.compile(rf"[\d{re.escape(cjk)}]" if cjk else r"\d")


def _split(t: TimeMention) -> tuple[int, Hashable]:
    s = t.start
    hour_at = (t.hour_at[0] - s, t.hour_at[1] - s)
    return s, (
        t.end - s,
        t.text,
        t.minutes,
        t.ambiguous,
        t.hour,
        t.has_minutes,
        t.marker,
        t.marker_kind,
        t.padded,
        hour_at,
        t.zone,
    )


def _join(start: int, s: tuple[Any, ...]) -> TimeMention:
    hour_at = (start + s[9][0], start + s[9][1])
    text, minutes, ambiguous, hour, has_minutes, marker, kind, padded = s[1:9]
    return TimeMention(
        start, start + s[0], text, minutes, ambiguous, hour, has_minutes, marker, kind, padded, hour_at, s[10]
    )


TIME_SHAPE: Shape[TimeMention] = Shape(_split, _join)


def _start(t: TimeMention) -> int:
    return t.start


def find_times(text: str, lang: str) -> Sequence[TimeMention]:
    """Every clock time in ``text``, in order (many of them packed: :mod:`tcheck.recognise.packed`)."""
    lex = time_lexicon(lang)
    if _hour_chars(lang).search(text) is None:  # every time has an hour
        return ()
    found: Packer[TimeMention] = Packer(TIME_SHAPE)
    for match in lex.pattern.finditer(text):
        mention = _mention(lex, text, match)
        if mention is not None:
            found.append(mention)
    times = found.done()
    military = military_times(text, times, lang)
    if military:
        found = Packer(TIME_SHAPE)
        found.extend(times)
        found.extend(military)
        times = found.done()
    if not times:
        return times
    found = Packer(TIME_SHAPE)
    found.extend(times)
    found.extend(range_ends(text, times))
    return found.done(sort=True, start=_start)


def _mention(lex: TimeLexicon, text: str, match: re.Match[str]) -> TimeMention | None:
    groups = match.groupdict()
    hour_text = groups["h"]
    hour = _number(hour_text, lex.lang)
    if hour is None:
        return None
    start_h = match.start("h")
    if start_h > 0 and text[start_h - 1].isalpha() and hour_text.isdigit() and not groups.get("pb"):
        if not ("\u2e80" <= text[start_h - 1] <= "\u9fff"):
            return None
    minute_text = groups.get("m") or groups.get("m2")
    minute = 30 if groups.get("half") else (_number(minute_text, lex.lang) if minute_text else 0)
    if minute is None or minute > 59:
        return None
    pre = (groups.get("pre") or "").lower()
    marker = groups.get("pa") or groups.get("pb")
    marker_text = marker.replace("\u202f", " ").replace("\u00a0", " ") if marker else None
    kind = None
    if marker_text is not None:
        if marker_text in lex.periods:
            kind = "period"
        elif marker_text in lex.ampm:
            kind = "ampm"
        else:
            low = {k.lower(): k for k in (*lex.ampm, *lex.periods)}.get(marker_text.lower())
            if low is not None and not low.isascii():
                marker_text, kind = low, "ampm" if low in lex.ampm else "period"
            else:
                marker_text = None
    colon = groups.get("sep") in (":", "：") and groups.get("m") is not None
    if not hour_text.isdigit() and not (groups.get("suf") or groups.get("m2") or groups.get("half")):
        return None  # a numeral written with characters is a time only with its hour word: 三点
    zone = groups.get("zone") or groups.get("zone2")
    evidence = bool(pre in lex.strong or groups.get("suf") or zone or kind or groups.get("pb"))
    evidence = evidence or bool(groups.get("m2"))
    evidence = evidence or bool(groups.get("psuf") and pre)
    dotted = groups.get("sep") == "." and groups.get("m") is not None
    if not (colon or evidence or (dotted and pre)):
        return None
    if dotted and not evidence and _quantity_follows(text, match.end("m"), lex.lang):
        return None  # "to 1.05 million", "at 2.25 percent"
    if dotted and not evidence and version_like(text, start_h, match.end("m"), lex.lang):
        return None  # "Upgrade controller-runtime to 0.24", "from 1.28 to 1.29.1"
    if kind == "ampm" and not 1 <= hour <= 12:
        return None
    if hour > 24 or (hour == 24 and minute):
        return None
    value = hour * 60 + minute
    if kind == "ampm" and marker_text is not None:
        value = (hour % 12 + (12 if lex.ampm[marker_text] == "pm" else 0)) * 60 + minute
    elif kind == "period" and marker_text is not None:
        ranges = lex.periods[marker_text]
        candidates = [value, value + 12 * 60] if hour < 12 else [value]
        value = next((c for c in candidates if _in_period(c % DAY, ranges)), value)
    padded = hour_text.isdigit() and len(hour_text) == 2 and hour_text.startswith("0")
    ambiguous = kind is None and 1 <= hour <= 12 and not padded
    start = (
        match.start("pre")
        if groups.get("pre") and pre in lex.strong
        else match.start("pb")
        if groups.get("pb")
        else start_h
    )
    end = match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return TimeMention(
        start,
        end,
        shared(text[start:end]),
        value % DAY,
        ambiguous,
        hour,
        groups.get("m") is not None or minute_text is not None,
        marker_text,
        kind,
        padded,
        (start_h, match.end("h")),
        zone,
    )


def _zones(lang: str) -> list[str]:
    """Time-zone expressions of ``lang`` and the abbreviations every language uses."""
    common = _data().get("_all", {}).get("zones", [])
    own = time_data(lang).get("zones", [])
    return [*own, *(z for z in common if z not in own)]


@cache
def _zone_regex(lang: str) -> re.Pattern[str] | None:
    zones = _zones(lang)
    return re.compile(_bounded(zones)) if zones else None


def has_zone(text: str, lang: str) -> bool:
    """Whether ``text`` names a time zone anywhere (``(dansk tid)``, ``GMT``)."""
    pattern = _zone_regex(lang)
    return bool(pattern and pattern.search(text))


def _quantity_follows(text: str, pos: int, lang: str) -> bool:
    from tcheck.locale.numbers import multiplier_regex
    from tcheck.recognise.units import unit_at

    pattern = multiplier_regex(lang)
    return bool(pattern and pattern.match(text, pos)) or unit_at(text, pos, lang) is not None


def same_time(a: TimeMention, b: TimeMention) -> bool:
    """Whether two mentions can be the same time of day (12 hours apart when one is ambiguous)."""
    if a.minutes == b.minutes:
        return True
    if a.ambiguous or b.ambiguous:
        return (a.minutes - b.minutes) % (12 * 60) == 0
    return False


# The ranges' module imports this one's names: imported last, when those are defined.
from tcheck.recognise.timeranges import military_times, range_ends  # noqa: E402
