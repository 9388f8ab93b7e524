"""TC502 term-drift."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._protected import extract, lost
from tcheck.context import Context
from tcheck.model import Document, Hit, Severity, frozen_map
from tcheck.registry import register
from tcheck.services.roundtrip import translations_of
from tcheck.services.scoring import normalise

KIND_NAMES = {
    "number": "number",
    "weekday": "weekday",
    "month": "month",
    "acronym": "acronym",
    "name": "name",
    "term": "glossary term",
}


@register("TC502", "term-drift", Severity.WARNING, needs=("mt",))
def term_drift(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A name, number, date, weekday, acronym or glossary term that does not survive the round trip.

    What it does: looks at the protected items of every target sentence — numbers (compared by
    value: ``2,300`` = ``2300``), weekday and month names (from CLDR, compared as days and months),
    acronyms, names (capitalised words that cross into the back translation nearly unchanged) and
    glossary terms (any allowed target term of the same entry) — and reports each one that is
    missing from the sentence's round-trip translation (``target → source → target``). When an
    item of the same kind took its place, the finding says which (``Wednesday`` came back as
    ``Thursday``); an item that simply vanished gets a lower confidence.

    Why it matters: these are the facts of a text. When a translation model turns ``onsdag`` into
    ``Thursday`` on the way back, the target's ``Wednesday`` may itself come from such a slip, or
    the sentence is ambiguous enough that a reader could get it wrong too. Check the source.

    Example::

        The police said on Wednesday that 2,300 people had been detained.
                           ^^^^^^^^^ TC502: 'Wednesday' does not survive the round trip
                           through nb: it comes back as 'Thursday'
    """
    data = translations_of(doc, ctx.services)
    if data is None or not doc.lang:
        return
    terms = ctx.target_matcher(doc) if ctx.glossaries_for(doc) else None
    for trip in data.trips:
        seg = doc.segments[trip.segment]
        sentence = seg.text[trip.start : trip.end]
        mine = extract(sentence, doc.lang, names_near=trip.back, terms=terms)
        if not mine:
            continue
        theirs = extract(trip.round, doc.lang, terms=terms)
        for item, partner in lost(mine, len(sentence), theirs, len(trip.round)):
            kind = KIND_NAMES[item.kind]
            if partner is not None:
                how = f"it comes back as '{partner.text}'"
            else:
                how = f'it is missing from "{normalise(trip.round)[:160]}"'
            yield Hit(
                span=seg.file_span(trip.start + item.start, trip.start + item.end),
                message=f"{kind} '{item.text}' does not survive the round trip through {data.via}: {how}",
                confidence=0.9 if partner is not None else 0.5,
                data=frozen_map(
                    {
                        "kind": item.kind,
                        "became": partner.text if partner is not None else None,
                        "round_trip": trip.round,
                        "back_translation": trip.back,
                        "via": data.via,
                    }
                ),
            )
