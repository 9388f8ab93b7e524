"""TC503 mt-disagreement."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._protected import extract, lost
from tcheck.checks.term_drift import KIND_NAMES
from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Severity, frozen_map
from tcheck.registry import register
from tcheck.services.roundtrip import translations_of


@register("TC503", "mt-disagreement", Severity.WARNING, needs=("mt", "source"))
def mt_disagreement(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The target and a fresh machine translation of the source disagree on a protected item.

    What it does: when the source text is at hand (``--source`` or a bilingual file), each source
    segment is machine-translated into the target language with the installed Argos Translate
    models. The protected items of the target segment — numbers (by value), weekday and month
    names (by day and month), acronyms, names (capitalised words also found, nearly unchanged, in
    the source) and glossary terms — are compared with those of the fresh translation. A target
    item is reported when it is missing from the fresh translation *and* an item of the same kind
    stands there instead: the target says ``Wednesday``, the fresh translation ``Thursday``.
    Items that the machine translation merely leaves out are not reported.

    Why it matters: a substituted number, day or name is the kind of error a reader cannot catch,
    and an independent translation of the source is a cheap second opinion on exactly those facts.

    Example::

        source: Politiet sa torsdag at 2 300 personer var arrestert.
        target: The police said on Wednesday that 2,300 people had been arrested.
                                   ^^^^^^^^^ TC503: the target says 'Wednesday' where a machine
                                   translation of the source says 'Thursday'
    """
    data = translations_of(doc, ctx.services)
    if data is None or not doc.lang or not data.fresh:
        return
    terms = ctx.target_matcher(doc) if ctx.glossaries_for(doc) else None
    for fresh in data.fresh:
        seg = doc.segments[fresh.segment]
        source = seg.counterpart
        if source is None:
            continue
        mine = extract(seg.text, doc.lang, names_near=source.text, terms=terms)
        if not mine:
            continue
        theirs = extract(fresh.text, doc.lang, terms=terms)
        where = source.path or (doc.source.path if doc.source is not None else doc.path)
        related = (Related(where, source.file_span(0, len(source.text)), "source"),)
        for item, partner in lost(mine, len(seg.text), theirs, len(fresh.text)):
            if partner is None:
                continue
            yield Hit(
                span=seg.file_span(item.start, item.end),
                message=(
                    f"the target says '{item.text}' where a machine translation of the source says "
                    f"'{partner.text}' ({KIND_NAMES[item.kind]})"
                ),
                related=related,
                confidence=0.8,
                data=frozen_map(
                    {"kind": item.kind, "machine": partner.text, "fresh_translation": fresh.text}
                ),
            )
