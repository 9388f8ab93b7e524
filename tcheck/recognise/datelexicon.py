"""The words and patterns of dates in one language: CLDR names through Babel (weekdays and
months, wide and abbreviated, format and stand-alone), day and year suffixes, connecting words
and numeric orders, with what ``tcheck/data/dates.toml`` adds (``19th``, ``onsdagen``, case
endings). :mod:`tcheck.recognise.datefind` finds dates with them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from tcheck.locale import babel_locale
from tcheck.services import regexes
from tcheck.services.tables import data_file, derived, read_toml

_SPACE = r"[\s\u00a0\u202f]"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return read_toml("dates.toml")


def date_data(lang: str) -> dict[str, Any]:
    data: dict[str, Any] = _data().get(lang.split("_")[0], {})
    return data


def spaced(word: str) -> bool:
    return not ("\u2e80" <= word[-1] <= "\u9fff" or "\uac00" <= word[-1] <= "\ud7af")


def _inflect(names: dict[str, int], data: dict[str, Any]) -> dict[str, int]:
    """``names`` plus their inflected forms from the data file."""
    out = dict(names)
    for name, number in names.items():
        if not name.isalpha() or not spaced(name):
            continue
        for ending in data.get("inflections", []):
            out.setdefault(name + ending, number)
        stems = data.get("stem-endings")
        if stems and name[-1] in stems["strip"] and len(name) >= 5:
            for ending in stems["endings"]:
                out.setdefault(name[:-1] + ending, number)
    return out


@dataclass(frozen=True)
class DateLexicon:
    """Date vocabulary of one language and the patterns built from it."""

    lang: str
    weekdays: dict[str, int]
    months: dict[str, int]  # wide names and their forms (may stand alone)
    short_months: dict[str, int]  # abbreviated names (only inside a date)
    capitalised: bool  # CLDR writes the names with a capital letter
    pattern: re.Pattern[str]
    numeric: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, field order)
    year_words: frozenset[str]
    noun_capitals: bool = False
    heads: frozenset[str] | None = (
        None  # first three letters of every name (spaced scripts)  # every noun has a capital (German): a capital proves nothing
    )


def _literals(lang: str) -> tuple[set[str], set[str], set[str]]:
    """Day suffixes, year suffixes and connecting words found in CLDR's date patterns."""
    from babel.dates import tokenize_pattern

    locale = babel_locale(lang)
    patterns = [str(locale.date_formats[k].pattern) for k in ("full", "long", "medium")]
    skeletons = locale.datetime_skeletons
    patterns += [
        str(getattr(skeletons[k], "pattern", skeletons[k])) for k in ("MMMMd", "yMMMMd") if k in skeletons
    ]
    day_suffixes: set[str] = set()
    year_suffixes: set[str] = set()
    connectors: set[str] = set()
    for pattern in patterns:
        tokens = tokenize_pattern(pattern)
        for i, (kind, value) in enumerate(tokens):
            if kind == "chars":
                connectors.update(w for w in re.findall(r"[^\W\d_]{2,}", str(value)) if spaced(w))
                continue
            following = ""
            for kind_after, chars in tokens[i + 1 :]:
                if kind_after != "chars":
                    break
                following += str(chars)
            text = following.replace("\u202f", " ").replace("\u00a0", " ")
            if value[0] == "d" and text.strip() and text.lstrip()[:1] not in ",/-–":
                day_suffixes.add(text.strip().split(" ")[0])
            if value[0] == "y" and text.strip() and text.lstrip()[:1] not in ",/-–":
                year_suffixes.add(text.strip().split(" ")[0])
    return day_suffixes, year_suffixes, connectors


def _alternation(names: list[str]) -> str:
    ordered = sorted(set(names), key=lambda w: (-len(w), w))
    return "|".join(re.escape(n) + (r"(?![^\W\d_])" if spaced(n) else "") for n in ordered)


def _optional(words: set[str]) -> str:
    if not words:
        return ""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return rf"(?:(?:{alternatives}){_SPACE}+)?"


def _numeric_patterns(lang: str) -> tuple[tuple[str, str], ...]:
    """ISO dates everywhere, plus the locale's short numeric date (``dd.MM.y``, ``M/d/yy``): each
    pattern and the order of its fields."""
    iso = r"(?<![\d.,/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"
    out = [(iso, "ymd")]
    pattern = str(babel_locale(lang).date_formats["short"].pattern)
    order = "".join(ch for ch in re.sub(r"'[^']*'", "", pattern) if ch in "dMy")
    order = re.sub(r"(.)\1+", r"\1", order).lower()
    seps = re.findall(r"[^dMy'\s]+", pattern)
    if (len(order) == 3 and seps and order != "ymd") or (order == "ymd" and seps and seps[0] != "-"):
        sep = re.escape(seps[0].strip() or seps[0])
        year = r"(\d{4}|\d{2})"
        parts = [year if f == "y" else r"(\d{1,2})" for f in order]
        body = sep.join(parts)
        out.append((rf"(?<![\d.,/:-]){body}(?![\d]|{sep}\d)", order))
    return tuple(out)


@cache
def date_lexicon(lang: str) -> DateLexicon:
    """The date words and patterns of ``lang`` (derived from CLDR once and kept in the cache
    folder: Babel's names and patterns of a language cost 5-70 ms a run to read)."""
    words = derived(f"date-words-{lang}", lambda: _build(lang), files=(data_file("dates.toml"),))
    return DateLexicon(
        lang,
        words.weekdays,
        words.months,
        words.short_months,
        words.capitalised,
        regexes.compile(words.pattern, re.IGNORECASE),
        tuple((re.compile(p), order) for p, order in words.numeric),
        words.year_words,
        words.noun_capitals,
        words.heads,
    )


@dataclass(frozen=True)
class _DateWords:
    """What :class:`DateLexicon` holds, its patterns not yet compiled: the table kept between runs."""

    weekdays: dict[str, int]
    months: dict[str, int]
    short_months: dict[str, int]
    capitalised: bool
    pattern: str
    numeric: tuple[tuple[str, str], ...]
    year_words: frozenset[str]
    noun_capitals: bool
    heads: frozenset[str] | None


def _build(lang: str) -> _DateWords:
    """The date words of ``lang`` and the pattern source of :func:`date_lexicon`."""
    locale = babel_locale(lang)
    data = date_data(lang)
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    short_months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.days[context]["wide"].items():
            weekdays[str(name).lower()] = int(number)
        if data.get("abbreviated-weekdays"):
            for number, name in locale.days[context]["abbreviated"].items():
                weekdays[str(name).lower()] = int(number)
        for number, name in locale.months[context]["wide"].items():
            months[str(name).lower()] = int(number)
        for number, name in locale.months[context]["abbreviated"].items():
            short = str(name).lower()
            short_months[short] = int(number)
            if short.endswith("."):
                short_months[short[:-1]] = int(number)
    weekdays.update({k.lower(): int(v) for k, v in data.get("weekdays", {}).items()})
    months.update({k.lower(): int(v) for k, v in data.get("months", {}).items()})
    weekdays = _inflect(weekdays, data)
    months = _inflect(months, data)
    short_months = {k: v for k, v in short_months.items() if k not in months and len(k.rstrip(".")) >= 2}
    capitalised = str(locale.months["format"]["wide"][1])[:1].isupper()
    day_sfx, year_sfx, connectors = _literals(lang)
    day_sfx.update(data.get("day-suffixes", []))
    connectors.update(data.get("connectors", []))
    connectors -= set(weekdays) | set(months)
    wd = _alternation(list(weekdays))
    mon = (
        r"(?<!\d)(?:"
        + _alternation(
            list(months) + [m + "." if not m.endswith(".") else m for m in short_months] + list(short_months)
        )
        + ")"
    )
    lone = r"(?<!\d)(?:" + _alternation(list(months)) + ")"
    dotted_names = [m if m.endswith(".") else m + "." for m in short_months if len(m.rstrip(".")) >= 3]
    dotted = "|".join(re.escape(m) for m in sorted(set(dotted_names), key=lambda w: (-len(w), w))) or "(?!)"
    dsfx = "|".join(re.escape(s) for s in sorted(day_sfx, key=lambda w: (-len(w), w)))
    day = rf"(?:{dsfx})?" if dsfx else ""
    ysfx = "|".join(re.escape(s) for s in sorted(year_sfx, key=lambda w: (-len(w), w)))
    year_suffix = rf"(?:{_SPACE}?(?:{ysfx}))?" if ysfx else ""
    conn = _optional(connectors)
    s = _SPACE
    pattern = (  # a large pattern: compiled once per machine (regexes.compile)
        rf"(?<![^\W\d_])(?:(?P<wd>{wd})[,.]?{s}*{conn})?"
        rf"(?:(?<!\d)(?P<d1>\d{{1,2}})(?!\d){day}{s}*{conn}(?P<m1>{mon})|(?P<m2>{mon}){s}*{conn}(?P<d2>\d{{1,2}}){day}(?!\d))"
        rf"(?:,?{s}*{conn}(?P<y>\d{{4}}){year_suffix}(?!\d))?"
        rf"(?:{s}*[,(（]?{s}*(?P<wd2>{wd})[)）]?)?"
        + (
            rf"|(?<!\d)(?P<y0>\d{{4}}){s}?(?:{ysfx}){s}*(?P<m0>{mon}){s}*(?P<d0>\d{{1,2}}){day}(?:{s}*[(（]?(?P<wd0>{wd})[)）]?)?"
            if ysfx
            else ""
        )
        + rf"|(?P<m3>{lone}|{dotted})(?:,?{s}+(?P<y3>\d{{4}})(?!\d))?"
        rf"|(?P<wd3>{wd})"
    )
    return _DateWords(
        weekdays,
        months,
        short_months,
        capitalised,
        pattern,
        _numeric_patterns(lang),
        frozenset(w.lower() for w in data.get("year-words", [])),
        bool(data.get("noun-capitals")),
        _heads([*weekdays, *months, *short_months]),
    )


def _heads(names: list[str]) -> frozenset[str] | None:
    """First three letters of the names, or None when some name is not written between spaces."""
    if not all(spaced(n) for n in names):
        return None
    return frozenset(n[:3].lower() for n in names)
