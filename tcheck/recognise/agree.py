"""Whether the dates, times and amounts of a translation agree with its source's.

Each comparison indexes one side by value so that a paragraph with thousands of mentions is
compared in linear time; the results are those of comparing every pair.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from tcheck.locale.currency import Amount
from tcheck.recognise.datefind import DateMention
from tcheck.recognise.timefind import TimeMention

_HALF_DAY = 12 * 60


class _FirstFree:
    """Items listed under keys, each list in input order, giving the first item not yet taken."""

    def __init__(self, items: Iterable[tuple[Hashable, int]]) -> None:
        self._lists: dict[Hashable, list[int]] = {}
        self._next: dict[Hashable, int] = {}
        for key, index in items:
            self._lists.setdefault(key, []).append(index)

    def first(self, key: Hashable, taken: set[int]) -> int | None:
        found = self._lists.get(key)
        if not found:
            return None
        at = self._next.get(key, 0)
        while at < len(found) and found[at] in taken:
            at += 1
        self._next[key] = at
        return found[at] if at < len(found) else None


def _earliest(*indices: int | None) -> int | None:
    present = [i for i in indices if i is not None]
    return min(present) if present else None


def compare_times(
    source: Sequence[TimeMention], target: Sequence[TimeMention], target_zone: bool = False
) -> tuple[list[TimeMention], list[TimeMention]]:
    """Times of each side with no equal time on the other side.

    A time given in a time zone (``5 a.m. Eastern time``) may be converted to the readers' zone
    when the translation names another zone (``kl. 10 (dansk tid)``): a whole number of hours'
    difference is then not a mismatch. ``target_zone``: the translation names a zone somewhere.
    Two times agree when they are the same time of day, or 12 hours apart when one of them does
    not say whether it is morning or afternoon (``9 o'clock``).
    """
    source_zones = {s.zone.lower() for s in source if s.zone}
    target_zones = {t.zone.lower() for t in target if t.zone}
    converted = bool(source_zones) and (target_zone or bool(target_zones)) and source_zones != target_zones
    zoned = [s for s in source if s.zone] + [t for t in target if t.zone] if converted else []
    if zoned:
        others = [t for t in target if not t.zone] + [s for s in source if not s.zone]
        steps = {z.minutes % 30 for z in zoned}
        dropped = set(zoned) | {o for o in others if o.minutes % 30 in steps}
        source = [s for s in source if s not in dropped]
        target = [t for t in target if t not in dropped]
    exact = _FirstFree((t.minutes, i) for i, t in enumerate(target))
    by_half_day = _FirstFree((t.minutes % _HALF_DAY, i) for i, t in enumerate(target))
    loose = _FirstFree((t.minutes % _HALF_DAY, i) for i, t in enumerate(target) if t.ambiguous)
    taken: set[int] = set()
    remaining: list[TimeMention] = []
    for s in source:
        if s.ambiguous:
            hit = by_half_day.first(s.minutes % _HALF_DAY, taken)
        else:
            hit = _earliest(exact.first(s.minutes, taken), loose.first(s.minutes % _HALF_DAY, taken))
        if hit is None:
            remaining.append(s)
        else:
            taken.add(hit)
    right = [t for i, t in enumerate(target) if i not in taken]
    source_sets, target_sets = _time_sets(source), _time_sets(target)
    unmatched_right = [t for t in right if not _agrees_with_any(t, source_sets)]
    unmatched_left = [s for s in remaining if not _agrees_with_any(s, target_sets)]
    return unmatched_left, unmatched_right


def _time_sets(times: Sequence[TimeMention]) -> tuple[set[int], set[int], set[int]]:
    """Minutes of the day; the same modulo 12 hours; those of the ambiguous times only."""
    return (
        {o.minutes for o in times},
        {o.minutes % _HALF_DAY for o in times},
        {o.minutes % _HALF_DAY for o in times if o.ambiguous},
    )


def _agrees_with_any(time: TimeMention, others: tuple[set[int], set[int], set[int]]) -> bool:
    """Whether ``time`` is the same time of day as one of the times ``others`` describes."""
    minutes, half_days, loose = others
    return (
        time.minutes in minutes
        or time.minutes % _HALF_DAY in loose
        or (time.ambiguous and time.minutes % _HALF_DAY in half_days)
    )


_FIELDS = ("weekday", "month", "day", "year")


def compare_dates(
    source: Sequence[DateMention], target: Sequence[DateMention]
) -> list[tuple[DateMention, DateMention, list[str]]]:
    """Target dates that contradict the source: ``(target, source, differing parts)``.

    Each part (weekday, month, day, year) is compared on its own, as a multiset: a value of the
    translation that the source does not have, where the source has a value the translation
    lacks, is a contradiction (``lørdag 29. oktober`` against ``Saturday (September 29)``: the
    month). Parts only one side states are not compared.
    """
    # keyed by the target's index: mentions may be made anew each time they are read
    differing: dict[int, list[str]] = {}
    partner: dict[int, DateMention] = {}
    for field in _FIELDS:
        having = [s for s in source if getattr(s, field) is not None]
        index = _FirstFree((getattr(s, field), i) for i, s in enumerate(having))
        used: set[int] = set()
        extra: list[tuple[int, DateMention]] = []
        for n, t in enumerate(target):
            if getattr(t, field) is None:
                continue
            same = index.first(getattr(t, field), used)
            if same is None:
                extra.append((n, t))
            else:
                used.add(same)
        left = [s for i, s in enumerate(having) if i not in used]
        if not left:
            continue
        starts = [s.start for s in left]
        if any(a > b for a, b in pairwise(starts)):
            left.sort(key=lambda m: m.start)
            starts.sort()
        for n, t in extra:
            differing.setdefault(n, []).append(field)
            if n not in partner:
                partner[n] = _nearest(left, starts, t.start)
    return [(t, partner[n], differing[n]) for n, t in enumerate(target) if n in differing]


def _nearest(mentions: list[DateMention], starts: list[int], start: int) -> DateMention:
    """The mention whose start is nearest to ``start`` (the earlier one on a tie); ``starts``
    are the mentions' starts, in ascending order."""
    j = bisect_left(starts, start)
    if j == 0:
        return mentions[0]
    if j == len(starts) or start - starts[j - 1] <= starts[j] - start:
        return mentions[j - 1]
    return mentions[j]


def compare_amounts(source: Sequence[Amount], target: Sequence[Amount]) -> list[tuple[Amount, Amount, str]]:
    """Target amounts that contradict a source amount:
    ``(target, source, "currency"|"amount"|"converted")``.

    Amounts agree when their currencies can be the same (``kroner`` can be NOK) and their values
    are equal. A target amount that agrees with none is reported against a source amount that
    agrees with none: with the same currency its value differs (``amount``); with another
    currency and the same value the currency is swapped (``currency``); with another currency
    and another value it is the amount converted for the readers (``converted``).
    """
    target_keys = {key for t in target for key in _keys(t)}
    source_keys = {key for s in source for key in _keys(s)}
    lonely = [s for s in source if not any(key in target_keys for key in _keys(s))]
    if not lonely:
        return []
    by_currency: dict[str, int] = {}
    by_value: dict[Decimal, int] = {}
    for i, s in enumerate(lonely):
        for currency in s.currencies:
            by_currency.setdefault(currency, i)
        for value in s.quantity.values():
            by_value.setdefault(value, i)
    found: list[tuple[Amount, Amount, str]] = []
    for t in target:
        if any(key in source_keys for key in _keys(t)):
            continue
        same_currency = _earliest(*(by_currency.get(c) for c in t.currencies))
        if same_currency is not None:
            found.append((t, lonely[same_currency], "amount"))
            continue
        same_value = _earliest(*(by_value.get(v) for v in t.quantity.values()))
        if same_value is None:  # "$100" -> "700 kroner": the amount converted, not swapped
            found.append((t, lonely[0], "converted"))
        else:
            found.append((t, lonely[same_value], "currency"))
    return found


def _keys(amount: Amount) -> set[tuple[str, Decimal]]:
    return {(c, v) for c in amount.currencies for v in amount.quantity.values()}
