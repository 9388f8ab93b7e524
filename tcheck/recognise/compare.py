"""Comparing what a source text and its translation say about numbers, times and dates.

The comparisons are lenient where translators are free (a number written as a word, a unit
converted, ``1930s`` rendered as ``30-е годы``, a repeated number said once) and strict where a
reader would be misled: a number on one side that has a *different* number in its place on the
other. Only such substitutions count as mismatches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from itertools import pairwise

__all__ = ["NumberDiff", "compare_amounts", "compare_dates", "compare_numbers", "compare_times", "measured"]

from tcheck.recognise import Mentions, Quantity
from tcheck.recognise.agree import compare_amounts, compare_dates, compare_times
from tcheck.recognise.matching import FEW, Matcher, match_few, window
from tcheck.recognise.timefind import TimeMention


@dataclass(frozen=True)
class NumberDiff:
    """Numbers of each side that the other side does not state.

    ``source_words`` are number words of the source (``Fifty-eight``) and ``source_times`` its
    clock times that the translation states in no form: a target number in their place is a
    substitution too (``52 %`` for ``Fifty-eight percent``, ``17.50`` for ``5.30pm``).
    """

    source: tuple[Quantity, ...]
    target: tuple[Quantity, ...]
    source_words: tuple[tuple[int, int, Decimal], ...] = ()
    source_times: tuple[TimeMention, ...] = ()
    target_words: tuple[tuple[int, int, Decimal], ...] = ()  # cardinal words the source lacks

    @property
    def substituted(self) -> bool:
        return bool(self.target or self.target_words) and bool(
            self.source or self.source_words or self.source_times
        )


def _pair(
    source: Sequence[Quantity], target: Sequence[Quantity], strict: bool = True
) -> tuple[list[Quantity], list[Quantity]]:
    """One-to-one matching by value (either reading of an ambiguous token); among equal values
    the one at the nearest relative position, so that the number left over is the right one.
    ``strict``: numbers with different units of one quantity (``2 inches``, ``2 cm``) differ."""
    left = list(source)
    right = list(target)
    src_size = max((q.end for q in source), default=1) or 1
    tgt_size = max((t.end for t in target), default=1) or 1
    for primary in (True, False):
        if not left or not right:
            break
        if len(left) * len(right) <= FEW:
            places = [t.start / tgt_size for t in right]
            if all(a < b for a, b in pairwise(places)):  # as Matcher requires
                left, right = match_few(
                    left,
                    right,
                    places,
                    partial(_wanted, primary=primary, size=src_size),
                    _first_value if primary else Quantity.values,
                    _unit_kind if strict else _no_kind,
                    _kinds_agree,
                )
                continue
        matcher = Matcher(
            right,
            _first_value if primary else Quantity.values,
            lambda t: t.start / tgt_size,
            _unit_kind if strict else _no_kind,
        )
        remaining: list[Quantity] = []
        for q in left:
            values = (q.value,) if primary else q.values()
            hit = matcher.take(
                values, q.start / src_size, partial(_kinds_agree, _unit_kind(q) if strict else None)
            )
            if hit is None:
                remaining.append(q)
        left, right = remaining, matcher.remaining()
    return left, right


def _wanted(q: Quantity, primary: bool, size: int) -> tuple[tuple[Decimal, ...], float]:
    """The values a source number is matched by (its first reading only, or both) and its place."""
    return ((q.value,) if primary else q.values()), q.start / size


def _first_value(q: Quantity) -> tuple[Decimal]:
    return (q.value,)


def _no_kind(q: Quantity) -> None:
    return None


def _unit_kind(q: Quantity) -> tuple[str, str] | None:
    sized = _size(q.unit)
    return (sized[0], sized[1]) if sized is not None else None


def _kinds_agree(a: object, b: object) -> bool:
    """``_same_unit`` on unit kinds: unknown, another quantity or the same unit."""
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return True
    return bool(a[0] != b[0] or a[1] == b[1])


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """``2 inches`` is not ``2 cm``; a number without a known unit can be anything."""
    x, y = _size(a.unit), _size(b.unit)
    return x is None or y is None or x[0] != y[0] or x[1] == y[1]


def _decade(a: Quantity, b: Quantity) -> bool:
    """``1930`` (the 1930s) and ``30`` (``30-е годы``, ``30 年代``, ``00'erne``)."""
    x, y = a.value, b.value
    return x >= 1000 and x % 10 == 0 and x == x.to_integral_value() and y == x % 100 and len(b.text) == 2


def _century(a: Quantity, b: Quantity) -> bool:
    """``19th century`` and ``1800-tallet``."""
    n = a.value
    return a.ordinal and 1 <= n <= 21 and b.value == (n - 1) * 100


_TEMPERATURE = ("temperature", "angle-degree")


def _temperature(unit: str | None) -> bool:
    return bool(unit) and unit is not None and unit.startswith(_TEMPERATURE)


def _fahrenheit_celsius(a: Decimal, b: Decimal) -> bool:
    """``80 degrees`` (Fahrenheit) and ``26,5 grader`` (Celsius), or a difference of degrees."""
    for f, c in ((a, b), (b, a)):
        slack = 1 + abs(c) / 10
        if abs((f - 32) * 5 / 9 - c) <= slack or abs(f * 5 / 9 - c) <= slack:
            return True
    return False


# Sizes of units in a base unit per quantity (CLDR unit keys without their category): physics,
# not locale data. A number converted between two of them is not a mismatch.
_SIZES: dict[str, dict[str, float]] = {
    "length": {
        "millimeter": 0.001,
        "centimeter": 0.01,
        "meter": 1,
        "kilometer": 1000,
        "inch": 0.0254,
        "foot": 0.3048,
        "yard": 0.9144,
        "mile": 1609.344,
        "nautical-mile": 1852,
        "mile-scandinavian": 10_000,
    },
    "mass": {
        "gram": 0.001,
        "kilogram": 1,
        "tonne": 1000,
        "ounce": 0.028350,
        "pound": 0.453592,
        "stone": 6.35029,
        "ton": 907.185,
    },
    "volume": {
        "milliliter": 0.001,
        "liter": 1,
        "gallon": 3.78541,
        "gallon-imperial": 4.54609,
        "pint": 0.473176,
        "cubic-meter": 1000,
        "cubic-foot": 28.3168,
    },
    "speed": {"kilometer-per-hour": 1, "meter-per-second": 3.6, "mile-per-hour": 1.609344, "knot": 1.852},
    "area": {
        "square-meter": 1,
        "hectare": 10_000,
        "square-kilometer": 1_000_000,
        "acre": 4046.86,
        "square-foot": 0.092903,
        "square-mile": 2_589_988,
    },
}
_METRIC = frozenset(
    {
        "millimeter",
        "centimeter",
        "meter",
        "kilometer",
        "gram",
        "kilogram",
        "tonne",
        "milliliter",
        "liter",
        "cubic-meter",
        "kilometer-per-hour",
        "meter-per-second",
        "square-meter",
        "hectare",
        "square-kilometer",
        "mile-scandinavian",
    }
)


def _size(unit: str | None) -> tuple[str, str, float] | None:
    if not unit or "-" not in unit:
        return None
    cat, name = unit.split("-", 1)
    size = _SIZES.get(cat, {}).get(name)
    return (cat, name, size) if size is not None else None


def measured(unit: str | None) -> bool:
    """Whether ``unit`` is one that translations convert (length, mass, speed ...)."""
    return _size(unit) is not None or _temperature(unit)


def _imperial(unit: str | None) -> bool:
    sized = _size(unit)
    return sized is not None and sized[1] not in _METRIC


def _converts(q: Quantity, t: Quantity) -> bool:
    """Whether ``t`` is ``q`` converted to another unit of the same quantity (rounded)."""
    a = _size(q.unit)
    if a is None or q.value <= 0 or t.value <= 0:
        return False
    b = _size(t.unit)
    if b is not None and b[1] == a[1]:
        return False
    if b is not None and b[0] != a[0]:
        b = None  # "85 miles per hour" rendered "137 km": the unit is cut short
    targets = [b] if b is not None else [(a[0], n, v) for n, v in _SIZES[a[0]].items() if n in _METRIC]
    for _, _, size in targets:
        expected = float(q.value) * a[2] / size
        if abs(float(t.value) - expected) <= max(0.05 * expected, 0.7):
            return True
    return False


def _short_year(a: Decimal, b: Decimal) -> bool:
    """``SS19`` or ``1950-53`` and ``2019`` / ``1953``."""
    return 10 <= a < 100 and a == a.to_integral_value() and b in (1900 + a, 2000 + a)


def _absorbed(q: Quantity, values: set[Decimal]) -> bool:
    return any(v in values for v in q.values()) or q.reading.value in values


def _drop_pairs(
    src: list[Quantity], tgt: list[Quantity], related: Callable[[Quantity, Quantity], bool], both: bool = True
) -> tuple[list[Quantity], list[Quantity]]:
    """Remove pairs (one from each side) that ``related`` ties together (in either order).

    Each source number is compared with the target numbers nearest to its relative position
    (all of them in a real sentence), so that a paragraph of thousands of numbers stays linear.
    """
    if not src or not tgt:
        return src, tgt
    src_size = max(q.end for q in src) or 1
    taken: set[int] = set()
    kept: list[Quantity] = []
    for q in src:
        near = window(tgt, q.start / src_size)
        other = next(
            (t for t in near if id(t) not in taken and (related(q, t) or (both and related(t, q)))), None
        )
        if other is None:
            kept.append(q)
        else:
            taken.add(id(other))
    return kept, [t for t in tgt if id(t) not in taken]


_NO_DIFF = NumberDiff((), ())


def compare_numbers(source: Mentions, target: Mentions) -> NumberDiff:
    """The numbers each side has that the other lacks, after every allowance."""
    if not (source.numbers or target.numbers or source.cardinals or source.times):
        return _NO_DIFF  # most sentences: nothing on either side to compare
    src, tgt = _pair(source.numbers, target.numbers)
    src_values, tgt_values = source.spoken(), target.spoken()
    src = [q for q in src if not _absorbed(q, tgt_values)]
    tgt = [q for q in tgt if not _absorbed(q, src_values)]
    two_digit: dict[Decimal, list[Quantity]] = {}
    for t in tgt:
        if len(t.text) == 2:
            two_digit.setdefault(t.value, []).append(t)
    src_decades = [q for q in src if any(_decade(q, t) for t in two_digit.get(q.value % 100, ()))]
    by_decade: dict[Decimal, list[Quantity]] = {}
    for q in src_decades:
        by_decade.setdefault(q.value % 100, []).append(q)
    tgt = [t for t in tgt if not any(_decade(q, t) for q in by_decade.get(t.value, ()))]
    decade_ids = {id(q) for q in src_decades}
    src = [q for q in src if id(q) not in decade_ids]
    if src_decades:  # "20 世纪 30 年代": the century is said too
        centuries = {Decimal(int(q.value) // 100 + 1) for q in src_decades}
        tgt = [t for t in tgt if t.value not in centuries]
    src, tgt = _drop_pairs(src, tgt, _century)
    src, tgt = _drop_pairs(
        src,
        tgt,
        lambda q, t: (_temperature(q.unit) or _temperature(t.unit)) and _fahrenheit_celsius(q.value, t.value),
    )
    src, tgt = _drop_pairs(src, tgt, lambda q, t: _short_year(q.value, t.value))
    # "30 meters (100 feet)": the source gives both; the imperial figure is only a gloss
    metric = {_size(q.unit)[0] for q in source.numbers if _size(q.unit) and not _imperial(q.unit)}  # type: ignore[index]
    src = [q for q in src if not (_imperial(q.unit) and _size(q.unit)[0] in metric)]  # type: ignore[index]
    src, tgt = _drop_pairs(src, tgt, _converts, both=False)
    src, tgt = _pair(src, tgt, strict=False)  # "30 yards" left as "30 meter": not a changed number
    if source.times:
        clock = {time.minutes for time in source.times}
        half_days = {time.minutes % 720 for time in source.times if time.ambiguous}
        tgt = [t for t in tgt if not _clock_equal(t, clock, half_days)]
    if not any(t.code for t in tgt):  # "kubernetes.mp4", "A380": a code differs only from a code
        src = [q for q in src if not q.code]
    if not any(q.code for q in src):
        tgt = [t for t in tgt if not t.code]
    stated = _stated_values(target)
    words = tuple(w for w in _free_cardinals(source) if w[2] not in stated)
    source_stated = _stated_values(source)
    target_words = tuple(w for w in _free_cardinals(target) if w[2] not in source_stated)
    times: tuple[TimeMention, ...] = ()
    if not target.times:  # a time the translation gives in no form (TC204 compares times)
        times = tuple(t for t in source.times if not {Decimal(t.hour), Decimal(t.minutes // 60)} & stated)
    lonely = [q.start / _size_of(source) for q in src] + [w[0] / _size_of(source) for w in words]
    lonely += [t.start / _size_of(source) for t in times]
    return NumberDiff(tuple(src), tuple(tgt), words, times, _nearest_words(target_words, lonely, target))


def _size_of(mentions: Mentions) -> int:
    ends = (
        [q.end for q in mentions.numbers]
        + [w[1] for w in mentions.cardinals]
        + [t.end for t in mentions.times]
    )
    return max(ends, default=1) or 1


def _nearest_words(
    words: tuple[tuple[int, int, Decimal], ...], places: list[float], target: Mentions
) -> tuple[tuple[int, int, Decimal], ...]:
    """For each number of the source left over (at relative ``places``), the target number word
    nearest to it: a word the translation adds (``De to parene`` for ``The couples``) is not
    taken for the changed number."""
    if not words or not places:
        return ()
    size = _size_of(target)
    free = list(words)
    kept: list[tuple[int, int, Decimal]] = []
    for place in places:
        if not free:
            break
        best = min(free, key=lambda w: abs(w[0] / size - place))
        free.remove(best)
        kept.append(best)
    return tuple(sorted(kept))


def _free_cardinals(mentions: Mentions) -> list[tuple[int, int, Decimal]]:
    """Cardinal words of two or more that are not part of a number written with digits
    (``million`` in ``20 million``)."""
    spans = [(q.start, q.end) for q in mentions.numbers]
    return [w for w in mentions.cardinals if w[2] >= 2 and not any(a < w[1] and w[0] < b for a, b in spans)]


def _clock_equal(q: Quantity, clock: set[int], half_days: set[int]) -> bool:
    """``17.30`` written without ``kl.``: a number that is one of the source's clock times
    (``clock``: minutes of the day; ``half_days``: those of ambiguous times, modulo 12 hours)."""
    text = q.text
    if q.reading.decimal is None or len(text.split(q.reading.decimal)[-1]) != 2:
        return False
    hours, minutes = (int(x) for x in text.split(q.reading.decimal))
    value = hours * 60 + minutes
    return value in clock or value % 720 in half_days


def _stated_values(mentions: Mentions) -> set[Decimal]:
    """Every value ``mentions`` states: its numbers (both readings) and what it says otherwise."""
    return {v for q in mentions.numbers for v in q.values()} | mentions.spoken()
