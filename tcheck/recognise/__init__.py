"""Recognisers for dates, weekdays, times, numbers and amounts in any language CLDR describes.

:func:`recognise` runs them all over one text and keeps them apart: the day and year of a date
are not also numbers, nor the hour of a time; the number of an amount is both an amount and a
number. Results are cached per text, so several checks can ask for the same segment, and
:func:`dates_of` and :func:`times_of` give the dates or the times alone to checks that need no
more (``--select TC201`` does not read numbers and amounts).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tcheck.locale.currency import Amount, find_amounts
from tcheck.locale.memo import MENTION_BYTES, per_mention, sized
from tcheck.locale.numberwords import cardinal_values, word_values
from tcheck.recognise.datefind import DateMention, find_dates
from tcheck.recognise.quantities import Quantity, find_quantities
from tcheck.recognise.spans import SpanSet
from tcheck.recognise.timefind import TimeMention, find_times, has_zone
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
    """What one text says about dates, times, numbers and money (offsets relative to it)."""

    dates: tuple[DateMention, ...]
    times: tuple[TimeMention, ...]
    amounts: tuple[Amount, ...]
    numbers: tuple[Quantity, ...]  # digits outside dates and times (amounts' numbers included)
    words: tuple[tuple[int, int, Decimal], ...]  # number words (``two``, ``tretten``, ``三``)
    cardinals: tuple[tuple[int, int, Decimal], ...] = ()  # cardinal words (``Fifty-eight``)
    zoned: bool = False  # names a time zone somewhere (``norsk tid``)

    def spoken(self) -> set[Decimal]:
        """Values the text states other than as plain numbers: words, dates' and times' parts."""
        values: set[Decimal] = {v for _, _, v in self.words}
        for d in self.dates:
            values.update(Decimal(x) for x in (d.day, d.year) if x is not None)
        for t in self.times:
            values.update((Decimal(t.hour), Decimal(t.minutes // 60), Decimal(t.minutes % 60)))
        return values


def measured(unit: str | None) -> bool:
    from tcheck.recognise.compare import measured as is_measured

    return is_measured(unit)


@dataclass(frozen=True)
class _Core:
    """What does not depend on the other side's language (``quantities``: those outside the
    dates and times, the only ones :func:`recognise` keeps)."""

    dates: tuple[DateMention, ...]
    times: tuple[TimeMention, ...]
    taken: SpanSet
    quantities: tuple[Quantity, ...]
    words: tuple[tuple[int, int, Decimal], ...]
    cardinals: tuple[tuple[int, int, Decimal], ...]
    zoned: bool


@sized(per_mention)
def dates_of(text: str, lang: str) -> tuple[DateMention, ...]:
    """The dates, months and weekdays of ``text`` (as :func:`recognise` has them), found once:
    a check that needs only these (TC201) does not pay for numbers and amounts, and
    :func:`recognise` takes them from here."""
    return tuple(find_dates(text, lang))


@sized(per_mention)
def times_of(text: str, lang: str) -> tuple[TimeMention, ...]:
    """The clock times of ``text`` (as :func:`recognise` has them: not a day of a date)."""
    names = SpanSet((d.start, d.end) for d in dates_of(text, lang))
    return tuple(t for t in find_times(text, lang) if not names.overlaps(*t.hour_at))


def _core_weight(core: _Core) -> int:
    kept = len(core.dates) + len(core.times) + len(core.quantities) + len(core.words)
    return MENTION_BYTES * (kept + len(core.cardinals)) + 40 * len(core.taken)


@sized(_core_weight)
def _core(text: str, lang: str) -> _Core:
    dates = dates_of(text, lang)
    times = times_of(text, lang)
    taken = SpanSet(
        [(d.start, d.end) for d in dates if d.kind != "weekday"] + [(t.hour_at[0], t.end) for t in times]
    )
    return _Core(
        dates,
        times,
        taken,
        tuple(q for q in find_quantities(text, lang) if not taken.overlaps(q.start, q.digits_end)),
        tuple(word_values(text, lang)),
        tuple(c for c in cardinal_values(text, lang) if not measured(unit_at(text, c[1], lang))),
        has_zone(text, lang),
    )


def _mentions_weight(found: Mentions) -> int:
    return MENTION_BYTES * (len(found.amounts) + len(found.numbers)) + 100


@sized(_mentions_weight)
def recognise(text: str, lang: str, also: str | None = None) -> Mentions:
    """All mentions in ``text`` written in ``lang`` (``also``: the other side's language)."""
    core = _core(text, lang)
    taken = core.taken
    amounts = [
        a for a in find_amounts(text, lang, also) if not taken.overlaps(a.quantity.start, a.quantity.end)
    ]
    in_amounts = SpanSet((a.quantity.start, a.quantity.end) for a in amounts)
    numbers = [a.quantity for a in amounts]
    numbers += [q for q in core.quantities if not in_amounts.overlaps(q.start, q.digits_end)]
    numbers.sort(key=lambda q: q.start)
    return Mentions(
        core.dates,
        core.times,
        tuple(amounts),
        tuple(numbers),
        core.words,
        core.cardinals,
        core.zoned,
    )


def clear_caches() -> None:
    """Forget every text recognised so far (benchmarks time the recognisers from scratch)."""
    from tcheck.locale.currency import _amounts
    from tcheck.recognise.numwords import _readings

    for cached in (recognise, _core, dates_of, times_of, _amounts, _readings):
        cached.cache_clear()
