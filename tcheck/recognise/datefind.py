"""Dates and weekdays in running text, for any language CLDR describes.

Names (wide and abbreviated weekdays and months, format and stand-alone forms), the day and year
suffixes (``19.``, ``19日``, ``2022 г.``), the connecting words (``19 de enero``,
``onsdag den 19.``) and the order of numeric dates (``19.01.2022``, ``1/19/2022``) come from CLDR
through Babel; ``tcheck/data/dates.toml`` adds what CLDR lacks (``19th``, ``onsdagen``, Russian
case endings, ``周三``). Each mention carries its normalised parts and its span in the text.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tcheck.locale.memo import shared
from tcheck.recognise.datelexicon import DateLexicon, date_lexicon, spaced
from tcheck.recognise.packed import Packer, Shape
from tcheck.recognise.spans import SpanSet
from tcheck.recognise.stamps import date_stamps
from tcheck.recognise.wordtrie import trie_pattern
from tcheck.services import regexes


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, a month or a weekday in text; offsets are relative to the text searched.

    ``kind`` is ``date`` (a day with its month), ``month`` (a month, maybe with a year),
    ``weekday`` (a weekday on its own) or ``stamp`` (a program's ``12-Jun-2026``). ``weekday_at`` is the weekday name's own span.
    """

    start: int
    end: int
    text: str
    kind: str
    weekday: int | None = None  # 0 = Monday
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday_at: tuple[int, int] | None = None


def sentence_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence (or the text)."""
    before = text[:pos].rstrip(" \t\u00a0\"'“«‘(–—-*#")
    return not before or before[-1] in ".!?:;\n…•" or before.endswith(("\n", "»", "”"))


_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’.-]*)[\s\u00a0]+$")


def _proper_noun_context(lex: DateLexicon, text: str, pos: int) -> bool:
    """A capitalised word right before ``pos`` that is not a preposition (``Theresa May``,
    ``The Sunday Telegraph``; but ``In May``)."""
    match = _PREVIOUS_WORD.search(text[max(0, pos - 40) : pos])
    if match is None:
        return False
    word = match.group(1)
    if not word[:1].isupper():
        return False
    if not sentence_initial(text, pos - len(match.group(0))):
        return True
    return word.lower() not in lex.year_words


_NEXT_CAPITAL = re.compile(r"[\s\u00a0]+[A-ZÆØÅÄÖÜ][a-zæøåäöü]")


def _name_ok(lex: DateLexicon, text: str, start: int, end: int, lone: bool, weekday: bool = False) -> bool:
    """Whether a matched name is written as the language writes month and weekday names."""
    first = text[start]
    if not first.isalpha() or not spaced(text[start:end]):
        return True
    if lex.capitalised:
        if not first.isupper():
            return False
        if weekday:  # "The Sunday Telegraph", "Saturday Night Live"; but "the Assembly Saturday"
            named = lone and not lex.noun_capitals and _NEXT_CAPITAL.match(text, end)
            return not (named and not sentence_initial(text, start))
        return not (lone and _proper_noun_context(lex, text, start))
    if first.isupper() and not text[start:end].isupper():
        return sentence_initial(text, start) or not lone
    return True


def _valid(day: int | None, month: int | None) -> bool:
    return (day is None or 1 <= day <= 31) and (month is None or 1 <= month <= 12)


_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
_DIGIT = re.compile(r"\d")


# Every character ``str.isdigit`` accepts, as a character class: ``\d`` and the digits that are
# not decimal (``²``, ``①``, ``🄀``; Unicode 14, Python 3.11). A constant: finding them by trying
# every code point took 60 ms of each run's start (tests/test_recognise_digits.py checks it).
DIGIT_CLASS = (
    r"\d\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
    r"\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
    r"\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a"
)


@cache
def _starts_regex(heads: frozenset[str]) -> re.Pattern[str]:
    """Where a word starts with a digit or with a name's first letters (a head shorter than three
    letters only at the very end, as ``text[at : at + 3]`` is), searched in ``" "`` + the
    lower-cased text: a match is the character before the word (no letter or digit), so its
    start there is the word's start in the text. Starting with that character and the first
    characters of the heads, the search passes over most of the text without trying the rest
    (a quarter less time than a word-start lookbehind tried at every character)."""
    short = [h for h in heads if len(h) < 3]
    alternatives = [trie_pattern(h for h in heads if len(h) >= 3), f"[{DIGIT_CLASS}]"]
    if short:
        alternatives.append(rf"(?:{trie_pattern(short)})\Z")
    first = "".join(sorted({re.escape(h[0]) for h in heads if h}))
    return regexes.compile(rf"[\W_](?=[{first}{DIGIT_CLASS}])(?=[^\W_])(?=(?:{'|'.join(alternatives)}))")


def _matches(lex: DateLexicon, text: str) -> Iterator[re.Match[str]]:
    """Matches of the date pattern, tried only where a name or a number can start (fast):
    the words that start so are found with one search of the names' first letters."""
    if lex.heads is None:
        yield from lex.pattern.finditer(text)
        return
    heads = lex.heads
    lowered = text.lower()
    one_to_one = len(lowered) == len(text) and "\u03a3" not in text  # not so with İ, Σ
    if one_to_one:
        starts = (m.start() for m in _starts_regex(heads).finditer(" " + lowered))
    else:
        starts = (m.start() for m in _WORD_START.finditer(text))
    pos = 0
    for at in starts:
        if at < pos:
            continue
        if not text[at].isdigit():
            # one to one, lowered[at : at + 3] is text[at : at + 3].lower(), without a new string
            if (lowered[at : at + 3] if one_to_one else text[at : at + 3].lower()) not in heads:
                continue
        match = lex.pattern.match(text, at)
        if match is not None and match.end() > at:
            pos = match.end()
            yield match


# a lookbehind, then a group whose every alternative starts with a digit: (?<![\d.,/-])(\d{4}|\d{2})
_LOOKBEHIND_THEN_DIGIT = re.compile(r"\(\?<!\[[^\]]*\]\)\(\\d[^()|]*(?:\|\\d[^()|]*)*\)")


@cache
def _digit_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (a numeric date's: a lookbehind, then a group that starts with a digit) with a
    digit lookahead first: the same matches, but a search passes over the other characters
    without trying the lookbehind at each (half the time of a sentence's scan)."""
    if _LOOKBEHIND_THEN_DIGIT.match(pattern.pattern) is None:
        return pattern
    return re.compile(r"(?=\d)" + pattern.pattern, pattern.flags)


def _split(d: DateMention) -> tuple[int, Hashable]:
    s = d.start
    at = None if d.weekday_at is None else (d.weekday_at[0] - s, d.weekday_at[1] - s)
    return s, (d.end - s, d.text, d.kind, d.weekday, d.day, d.month, d.year, at)


def _join(start: int, s: tuple[Any, ...]) -> DateMention:
    at = None if s[7] is None else (start + s[7][0], start + s[7][1])
    return DateMention(start, start + s[0], s[1], s[2], s[3], s[4], s[5], s[6], at)


DATE_SHAPE: Shape[DateMention] = Shape(_split, _join)


def _start(d: DateMention) -> int:
    return d.start


_NO_SPANS = SpanSet()


def find_dates(text: str, lang: str) -> Sequence[DateMention]:
    """Every date, month and weekday mention in ``text``, in order, not overlapping (many of
    them packed: :mod:`tcheck.recognise.packed`)."""
    lex = date_lexicon(lang)
    found: Packer[DateMention] = Packer(DATE_SHAPE)
    taken: list[tuple[int, int]] = []
    digits = _DIGIT.search(text) is not None
    for pattern, order in lex.numeric if digits else ():
        for match in _digit_first(pattern).finditer(text):
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts["y"]
            if year < 100:
                year += 2000 if year < 70 else 1900
            if not (_valid(parts["d"], parts["m"]) and parts["d"] >= 1 and parts["m"] >= 1):
                continue
            found.append(
                DateMention(
                    match.start(),
                    match.end(),
                    shared(match.group(0)),
                    "date",
                    None,
                    parts["d"],
                    parts["m"],
                    year,
                )
            )
            taken.append((match.start(), match.end()))
    for start, end, day, month, year in date_stamps(text) if digits else ():  # "12-Jun-2026" anywhere
        found.append(DateMention(start, end, shared(text[start:end]), "stamp", None, day, month, year))
        taken.append((start, end))
    numeric = SpanSet(taken) if taken else _NO_SPANS  # most texts: no numeric date
    for match in _matches(lex, text):
        start, end = match.span()
        if start == end or numeric.overlaps(start, end):
            continue
        mention = _mention(lex, text, match)
        if mention is not None:
            found.append(mention)
    return found.done(sort=True, start=_start)


def _mention(lex: DateLexicon, text: str, match: re.Match[str]) -> DateMention | None:
    groups = match.groupdict()

    def g(name: str) -> str | None:
        return groups.get(name)

    wd_group = next((n for n in ("wd", "wd2", "wd0", "wd3") if g(n)), None)
    weekday = lex.weekdays.get((g(wd_group) or "").lower()) if wd_group else None
    weekday_at = match.span(wd_group) if wd_group else None
    month_group = next((n for n in ("m1", "m2", "m0", "m3") if g(n)), None)
    if month_group is None:
        assert wd_group is not None and weekday_at is not None
        if not _name_ok(lex, text, *weekday_at, lone=True, weekday=True):
            return None
        return DateMention(
            match.start(), match.end(), shared(match.group(0)), "weekday", weekday, weekday_at=weekday_at
        )
    name = (g(month_group) or "").lower()
    month = lex.months.get(name) or lex.short_months.get(name) or lex.short_months.get(name.rstrip("."))
    day_text = g("d1") or g("d2") or g("d0")
    year_text = g("y") or g("y0") or g("y3")
    lone = month_group == "m3"
    if not _name_ok(lex, text, *match.span(month_group), lone=lone and not year_text):
        return None
    if weekday_at and not _name_ok(lex, text, *weekday_at, lone=False, weekday=True):
        weekday = weekday_at = None
    day = int(day_text) if day_text else None
    if not _valid(day, month) or month is None:
        return None
    kind = "date" if day is not None else "month"
    return DateMention(
        match.start(),
        match.end(),
        shared(match.group(0)),
        kind,
        weekday,
        day,
        month,
        int(year_text) if year_text else None,
        weekday_at,
    )


def is_year_context(text: str, start: int, lang: str) -> bool:
    """Whether a bare 4-digit number at ``start`` follows a year word (``in 2016``, ``i 2016``)."""
    match = _PREVIOUS_WORD.search(text[max(0, start - 30) : start])
    return bool(match and match.group(1).lower().rstrip(".") in date_lexicon(lang).year_words)
