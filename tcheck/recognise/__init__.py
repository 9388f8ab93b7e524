"""Recognisers for dates, weekdays, times, numbers and amounts in any language CLDR describes.

:func:`recognise` runs them all over one text and keeps them apart: the day and year of a date
are not also numbers, nor the hour of a time; the number of an amount is both an amount and a
number. Results are cached per text, so several checks can ask for the same segment, and
:func:`dates_of` and :func:`times_of` give the dates or the times alone to checks that need no
more (``--select TC201`` does not read numbers and amounts).
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tcheck.locale.currency import AMOUNT_SHAPE, Amount, find_amounts
from tcheck.locale.memo import MENTION_BYTES, sized
from tcheck.locale.numberwords import cardinal_values, word_values
from tcheck.recognise.datefind import DateMention, find_dates
from tcheck.recognise.packed import Packer, Shape, pack, weight
from tcheck.recognise.prefilter import needs
from tcheck.recognise.quantities import QUANTITY_SHAPE, Quantity, find_quantities
from tcheck.recognise.spans import SpanSet
from tcheck.recognise.timefind import TIME_SHAPE, TimeMention, find_times
from tcheck.recognise.units import unit_at

__all__ = [
    "Amount",
    "DateMention",
    "Mentions",
    "Quantity",
    "TimeMention",
    "dates_of",
    "recognise",
    "times_of",
]


@dataclass(frozen=True)
class Mentions:
    """What one text says about dates, times, numbers and money (offsets relative to it).

    Each kind is a sequence in order of position: a tuple of objects, or, for a text with
    hundreds of them, columns that make each object when asked (:mod:`tcheck.recognise.packed`).
    """

    dates: Sequence[DateMention]
    times: Sequence[TimeMention]
    amounts: Sequence[Amount]
    numbers: Sequence[Quantity]  # digits outside dates and times (amounts' numbers included)
    words: Sequence[tuple[int, int, Decimal]]  # number words (``two``, ``tretten``, ``三``)
    cardinals: Sequence[tuple[int, int, Decimal]] = ()  # cardinal words (``Fifty-eight``)
    zoned: bool = False  # names a time zone somewhere (``norsk tid``)

    def spoken(self) -> set[Decimal]:
        """Values the text states other than as plain numbers: words, dates' and times' parts."""
        values: set[Decimal] = {v for _, _, v in self.words}
        for d in self.dates:
            values.update(Decimal(x) for x in (d.day, d.year) if x is not None)
        for t in self.times:
            values.update((Decimal(t.hour), Decimal(t.minutes // 60), Decimal(t.minutes % 60)))
        return values


@dataclass(frozen=True)
class _Core:
    """What does not depend on the other side's language (``quantities``: those outside the
    dates and times, the only ones :func:`recognise` keeps)."""

    dates: Sequence[DateMention]
    times: Sequence[TimeMention]
    taken: SpanSet
    quantities: Sequence[Quantity]
    words: Sequence[tuple[int, int, Decimal]]
    cardinals: Sequence[tuple[int, int, Decimal]]
    zoned: bool


def _per_mention(found: Sequence[Any]) -> int:
    return weight(found, MENTION_BYTES)


def _split_word(word: tuple[int, int, Decimal]) -> tuple[int, Hashable]:
    return word[0], (word[1] - word[0], word[2], str(word[2]))


def _join_word(start: int, s: tuple[Any, ...]) -> tuple[int, int, Decimal]:
    return start, start + s[0], s[1]


def _start(q: Quantity) -> int:
    return q.start


WORD_SHAPE: Shape[tuple[int, int, Decimal]] = Shape(_split_word, _join_word)


@sized(_per_mention)
def dates_of(text: str, lang: str) -> Sequence[DateMention]:
    """The dates, months and weekdays of ``text`` (as :func:`recognise` has them), found once:
    a check that needs only these (TC201) does not pay for numbers and amounts, and
    :func:`recognise` takes them from here."""
    return find_dates(text, lang)


@sized(_per_mention)
def times_of(text: str, lang: str) -> Sequence[TimeMention]:
    """The clock times of ``text`` (as :func:`recognise` has them: not a day of a date)."""
    times = find_times(text, lang)
    if not times:
        return times
    names = SpanSet((d.start, d.end) for d in dates_of(text, lang))
    return pack((t for t in times if not names.overlaps(*t.hour_at)), TIME_SHAPE)


def _core_weight(core: _Core) -> int:
    # the dates and times are weighed in their own caches
    kept = _per_mention(core.quantities) + _per_mention(core.words) + _per_mention(core.cardinals)
    return kept + 16 * len(core.taken)


_NOTHING = _Core((), (), SpanSet(), (), (), (), False)


@sized(_core_weight)
def _core(text: str, lang: str) -> _Core:
    need = needs(text, lang)
    if need.nothing:
        return _NOTHING
    dates = dates_of(text, lang) if need.digits or need.names else ()
    times = times_of(text, lang) if need.digits else ()
    taken = (
        SpanSet(
            heapq.merge(
                ((d.start, d.end) for d in dates if d.kind != "weekday"),
                ((t.hour_at[0], t.end) for t in times),
            )
        )
        if dates or times
        else _NOTHING.taken
    )
    quantities = find_quantities(text, lang) if need.digits or need.roman else ()
    if taken and quantities:
        quantities = pack(
            (q for q in quantities if not taken.overlaps(q.start, q.digits_end)), QUANTITY_SHAPE
        )
    words: Sequence[tuple[int, int, Decimal]] = ()
    cardinals: Sequence[tuple[int, int, Decimal]] = ()
    if need.names:
        words = pack(word_values(text, lang), WORD_SHAPE)
        cardinals = pack(
            (c for c in cardinal_values(text, lang) if not measured(unit_at(text, c[1], lang))), WORD_SHAPE
        )
    return _Core(dates, times, taken, quantities, words, cardinals, need.zone)


_NO_MENTIONS = Mentions((), (), (), (), ())


def _mentions_weight(found: Mentions) -> int:
    return _per_mention(found.amounts) + _per_mention(found.numbers) + 100


@sized(_mentions_weight)
def recognise(text: str, lang: str, also: str | None = None) -> Mentions:
    """All mentions in ``text`` written in ``lang`` (``also``: the other side's language)."""
    core = _core(text, lang)
    if core is _NOTHING:  # no digits either: no amounts
        return _NO_MENTIONS
    taken = core.taken
    amounts = find_amounts(text, lang, also)
    if amounts and taken:
        amounts = pack(
            (a for a in amounts if not taken.overlaps(a.quantity.start, a.quantity.end)), AMOUNT_SHAPE
        )
    if not amounts:
        numbers = core.quantities
    else:
        in_amounts = SpanSet((a.quantity.start, a.quantity.end) for a in amounts)
        packer = Packer(QUANTITY_SHAPE)
        packer.extend(a.quantity for a in amounts)
        packer.extend(q for q in core.quantities if not in_amounts.overlaps(q.start, q.digits_end))
        numbers = packer.done(sort=True, start=_start)
    return Mentions(
        core.dates,
        core.times,
        amounts,
        numbers,
        core.words,
        core.cardinals,
        core.zoned,
    )


def clear_caches() -> None:
    """Forget every text recognised so far (benchmarks time the recognisers from scratch)."""
    from tcheck.locale.currency import _amounts, _money
    from tcheck.recognise.numwords import _dead, _readings

    for cached in (recognise, _core, dates_of, times_of, _amounts, _money, _readings, _dead):
        cached.cache_clear()


# The comparisons import this package's names: imported last, when those are defined.
from tcheck.recognise.compare import measured  # noqa: E402
