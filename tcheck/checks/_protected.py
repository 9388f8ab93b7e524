"""Protected items: what a translation must carry over — numbers, weekdays, months, acronyms,
names and glossary terms — found in a text and compared with another text in the same language.

Used by the round-trip checks (TC502, TC503). Weekday and month names come from CLDR; numbers are
compared by value in the language's convention (``2,300`` = ``2300``). A *name* is a capitalised
word, not the first of its sentence, that has a close relative (same letters, allowing for
transliteration) among the words of a text in the other language (the back translation, or the
source): a word that crosses languages nearly unchanged. This keeps capitalised nouns (German
``Regierung``) out without a list of languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tcheck.locale import month_names, weekday_names
from tcheck.locale.dates import weekday_regex
from tcheck.locale.numbers import NUMBER_PATTERN, parse_number

KINDS = ("number", "weekday", "month", "acronym", "name", "term")
NAME_SIMILARITY = 75.0  # rapidfuzz ratio for "the same name, spelt otherwise"

_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER_PATTERN}(?!\w)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Item:
    """A protected item at ``start..end`` of the text it was found in; ``key`` compares items."""

    kind: str
    key: str
    text: str
    start: int
    end: int


@cache
def month_regex(lang: str) -> re.Pattern[str]:
    names = sorted(month_names(lang), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)", re.IGNORECASE)


def _number_key(text: str, lang: str) -> str:
    value = parse_number(text, lang)
    if value is None:
        return re.sub(r"\D", "", text)
    return format(value.normalize(), "f")


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(ch.isupper() for ch in word) >= 2


def _capitalised(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text) if m.group()[0].isupper()]


def _sentence_initial(text: str) -> set[int]:
    """Offsets of the first word of every sentence (roughly: after . ! ? or at the start)."""
    starts = {0}
    for match in re.finditer(r"[.!?…:]\s+|[\n]", text):
        starts.add(match.end())
    initial = set()
    for start in starts:
        word = _WORD.search(text, start)
        if word and not text[start : word.start()].strip("\"'“”«»‘’([–—- "):
            initial.add(word.start())
    return initial


def similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a.lower(), b.lower()))


def extract(text: str, lang: str, *, names_near: str | None = None, terms: object = None) -> list[Item]:
    """Protected items of ``text`` in order.

    ``names_near``: text in the other language that qualifies names (see the module docstring);
    None counts every capitalised word as a name (for the text compared against). ``terms`` is a
    :class:`~tcheck.glossary.matcher.TermMatcher` of glossary terms, or None.
    """
    items: list[Item] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, key: str, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        items.append(Item(kind, key, text[start:end], start, end))

    if terms is not None:
        for match in terms.find(text):  # type: ignore[attr-defined]
            hit = match.payload
            add("term", f"{hit.glossary.path}#{hit.entry.id}", match.start, match.end)
    days, months = weekday_names(lang), month_names(lang)
    for match in weekday_regex(lang).finditer(text):
        if not text[match.end() : match.end() + 1].isalpha():
            add("weekday", str(days[match.group().lower()]), match.start(), match.end())
    for match in month_regex(lang).finditer(text):
        add("month", str(months[match.group().lower()]), match.start(), match.end())
    for match in _NUMBER.finditer(text):
        add("number", _number_key(match.group(), lang), match.start(), match.end())
    near = [w for _, _, w in _capitalised(names_near)] if names_near is not None else None
    initial = _sentence_initial(text) if names_near is not None else set()
    for start, end, word in _capitalised(text):
        if _is_acronym(word):
            add("acronym", word, start, end)
        elif near is None or (
            start not in initial and any(similarity(word, w) >= NAME_SIMILARITY for w in near)
        ):
            add("name", word, start, end)
    return sorted(items, key=lambda i: (i.start, i.end))


def _unmatched(mine: list[Item], theirs: Iterable[Item]) -> list[Item]:
    """Items of ``mine`` whose key ``theirs`` does not have (as often), keeping order."""
    left = Counter(i.key for i in theirs)
    out = []
    for item in mine:
        if left[item.key] > 0:
            left[item.key] -= 1
        else:
            out.append(item)
    return out


def _partner(item: Item, pool: list[Item], where: float, size: int) -> Item | None:
    if not pool:
        return None
    if item.kind in ("name", "acronym"):
        best = max(pool, key=lambda p: similarity(item.text, p.text))
        return best if similarity(item.text, best.text) >= NAME_SIMILARITY * 0.8 else None
    return min(pool, key=lambda p: abs(p.start / max(size, 1) - where))


def lost(
    original: list[Item], length: int, other: list[Item], other_length: int
) -> list[tuple[Item, Item | None]]:
    """Items of ``original`` that ``other`` lacks, each with the item of ``other`` that seems to
    have taken its place (same kind, not in ``original``), or None."""
    out: list[tuple[Item, Item | None]] = []
    for kind in KINDS:
        mine = [i for i in original if i.kind == kind]
        theirs = [i for i in other if i.kind == kind]
        missing = _unmatched(mine, theirs)
        extra = _unmatched(theirs, mine)
        for item in missing:
            partner = _partner(item, extra, item.start / max(length, 1), other_length)
            if partner is not None:
                extra.remove(partner)
            out.append((item, partner))
    return sorted(out, key=lambda pair: pair[0].start)
