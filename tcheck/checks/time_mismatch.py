"""TC204 time-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._bilingual import Pair, pairs
from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.model import Document, Hit, Severity
from tcheck.recognise.compare import compare_times
from tcheck.recognise.timefind import TimeMention
from tcheck.registry import register


def clock(t: TimeMention) -> str:
    hours, minutes = divmod(t.minutes, 60)
    return f"{hours:02d}:{minutes:02d}"


@register("TC204", "time-mismatch", Severity.ERROR, needs=("source",))
def time_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A clock time in the translation differs from the time in its source.

    What it does: reads clock times on both sides in each language's own forms (``3 p.m.``,
    ``kl. 15.00``, ``15 Uhr``, ``15 h``, ``a las 3 de la tarde``, ``в 15:00``, ``7 утра``,
    ``下午三点``; AM/PM markers, day periods and their hours come from CLDR) and compares them as
    times of day. An hour written without AM/PM or a day period (``at 3``) may be twelve hours
    off. A time given in a time zone (``5 a.m. Eastern time``) may have been converted to the
    readers' zone, which is not reported. Reported: a time of the translation where the source
    has a different one.

    Why it matters: a kick-off, a deadline or the moment of an explosion moved by an hour or by
    twelve is wrong information that looks right.

    Example (source ``The attack occurred just before 7 a.m.``)::

        Angrepet fant sted like før kl. 17.00.
                                    ^^^^^^^^^ TC204: the source says 07:00
    """
    for pair in pairs(doc):
        yield from capped(_pair_hits(pair), "times that differ from the source's", doc.path, Severity.ERROR)


def _pair_hits(pair: Pair) -> Iterator[Hit]:
    source, target = compare_times(pair.source_mentions.times, pair.mentions.times, pair.mentions.zoned)
    if not source or not target:
        return
    said = ", ".join(f"'{s.text}' ({clock(s)})" for s in source)
    related = tuple(pair.related(s.start, s.end, "the source's time") for s in source)
    for t in target:
        yield Hit(
            span=pair.target.file_span(t.start, t.end),
            message=f"'{t.text}' ({clock(t)}) is not the time in the source: {said}",
            related=related,
        )
