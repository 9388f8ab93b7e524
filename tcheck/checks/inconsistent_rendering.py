"""TC104 inconsistent-rendering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from tcheck.checks._terms import pairs, spans, where
from tcheck.context import Context, TermHit
from tcheck.glossary.model import SHORT_FORMS, Entry, Term
from tcheck.model import Document, Hit, Related, Segment, Severity
from tcheck.registry import register

MAX_RELATED = 8
# One use of a variant: segment, start, end (in the segment's text), which term, which hit.
Use = tuple[Segment, int, int, Term, TermHit]
_SHORT: dict[tuple[int, int], bool] = {}


def _short(term: Term, entry: Entry) -> bool:
    """A short form (acronym, abbreviation) of a longer term of the same entry."""
    key = (id(term), id(entry))
    known = _SHORT.get(key)
    if known is None:
        letters = [c for c in term.text if c.isalnum()]
        known = term.kind in SHORT_FORMS or (
            " " not in term.text and len(letters) <= 6 and any(" " in t.text for t in entry.allowed)
        )
        if len(_SHORT) < 500_000:
            _SHORT[key] = known
    return known


def _rivals(uses: list[Use], entry: Entry) -> list[list[Use]]:
    """Uses split into groups of rival variants: full forms apart from short forms."""
    if len({u[3].text for u in uses}) < 2:
        return []
    groups: dict[bool, list[Use]] = {}
    for use in uses:
        groups.setdefault(_short(use[3], entry), []).append(use)
    return [g for g in groups.values() if len({u[3].text for u in g}) > 1]


def _report(path: str, uses: list[Use], what: str) -> Iterator[Hit]:
    counts = Counter(u[3].text for u in uses)
    hit = uses[0][4]
    preferred = hit.entry.preferred
    order = sorted(counts, key=lambda t: (-counts[t], preferred is None or t != preferred.text))
    major = order[0]
    others = ", ".join(f"'{t}' {_times(counts[t])}" for t in order)
    related = tuple(
        Related(path, seg.file_span(s, e), f"'{major}'") for seg, s, e, t, _ in uses if t.text == major
    )[:MAX_RELATED]
    for seg, start, end, term, found in uses:
        if term.text == major:
            continue
        yield Hit(
            span=seg.file_span(start, end),
            message=(
                f"'{term.text}' and '{major}' both render {what} ({where(found)}); "
                f"use one of them throughout ({others})"
            ),
            suggestion=major,
            related=related,
        )


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


@register("TC104", "inconsistent-rendering", Severity.WARNING, needs=("glossary",))
def inconsistent_rendering(doc: Document, ctx: Context) -> Iterator[Hit]:
    """One concept is rendered with different allowed variants in the same document.

    What it does: when a glossary admits several target terms for one concept (``adviser`` |
    ``advisor``, ``NATO`` | ``Nato``), a document should still use one of them throughout. In a
    bilingual document the check groups renderings by the source term that was translated (the
    same source term rendered ``World Food Programme`` in one segment and ``WFP`` in another is
    reported only if the source used the same term both times); otherwise by concept. A short
    form and its full form (``UN`` and ``United Nations``; a TBX ``termType`` of acronym or
    abbreviation, or a single short word beside a multi-word term) are not rivals: introducing an
    acronym after its full name is normal. The rarer variant is reported at each use, with the
    most frequent (on a tie the preferred term) as suggestion and related spans.

    Why it matters: readers take two spellings for two things, and a search for one misses the
    other; style guides and translation memories stay consistent only if each text is.

    Example (glossary ``adviser`` | ``advisor``)::

        The adviser to the minister ... the advisor said ...
                                            ^^^^^^^ TC104: 'advisor' and 'adviser' both render ...
    """
    if doc.bilingual:
        yield from _bilingual(doc, ctx)
        return
    matcher = ctx.target_matcher(doc)
    if not len(matcher):
        return
    by_entry: dict[str, list[Use]] = {}
    for seg in doc.segments:
        for (start, end), matches in spans(matcher, seg.text, notable_only=True).items():
            for m in matches:
                if m.payload.term.status != "forbidden":
                    by_entry.setdefault(m.payload.entry.id, []).append(
                        (seg, start, end, m.payload.term, m.payload)
                    )
                    break
    for uses in by_entry.values():
        for group in _rivals(uses, uses[0][4].entry):
            yield from _report(doc.path, group, "one glossary concept")


def _bilingual(doc: Document, ctx: Context) -> Iterator[Hit]:
    # uses per (concept, source surface), each once: keyed by place, in order of appearance
    by_source: dict[tuple[str, str], dict[tuple[int, int, int, str], Use]] = {}
    for seg, _src, source, target in pairs(doc, ctx):
        for (_s, _e), matches in source.items():
            surface = matches[0].text
            for m in matches:
                entry_id = m.payload.entry.id
                for (start, end), t_matches in target.items():
                    for t in t_matches:
                        if t.payload.entry.id == entry_id and t.payload.term.status != "forbidden":
                            key = (entry_id, surface.casefold())
                            place = (id(seg), start, end, t.payload.term.text)
                            known = by_source.setdefault(key, {})
                            if place not in known:
                                known[place] = (seg, start, end, t.payload.term, t.payload)
    for (_, surface), found in by_source.items():
        uses = list(found.values())
        for group in _rivals(uses, uses[0][4].entry):
            yield from _report(doc.path, group, f"the source term '{surface}'")
