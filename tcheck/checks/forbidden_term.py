"""TC101 forbidden-term."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tcheck.context import Context, TermHit
from tcheck.glossary.matcher import Match
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


@register("TC101", "forbidden-term", Severity.ERROR, needs=("glossary",))
def forbidden_term(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A glossary marks this variant as forbidden; use the preferred term instead.

    What it does: finds every target-language term that a glossary entry lists as forbidden
    (deprecated, superseded, a known misspelling) and names the entry's preferred term. Matching is
    whole-word (any substring in scripts written without spaces) and case-insensitive unless the
    entry says otherwise; the longest term wins where terms overlap, and a span that is also an
    allowed term of another entry is left alone.

    Why it matters: machine translation and hurried editing bring back spellings an organisation
    has decided against; a reader sees the same alliance written two ways.

    Example (glossary entry ``CSTO``, forbidden ``CTSO``)::

        Tokayev asked the Russian-led security alliance CTSO for help.
                                                        ^^^^ TC101: use 'CSTO'
    """
    matcher = ctx.target_matcher(doc)
    if not len(matcher):
        return
    for seg in doc.segments:
        by_span: dict[tuple[int, int], list[Match[TermHit]]] = {}
        for match in matcher.find(seg.text):
            by_span.setdefault((match.start, match.end), []).append(match)
        for (start, end), matches in by_span.items():
            if any(m.payload.term.status != "forbidden" for m in matches):
                continue
            hit = matches[0].payload
            preferred = hit.entry.preferred
            fix = preferred.text if preferred else None
            source = Path(hit.glossary.path).name
            line = f":{hit.entry.line}" if hit.entry.line else ""
            instead = f"; use '{fix}'" if fix else ""
            yield Hit(
                span=seg.file_span(start, end),
                message=f"'{matches[0].text}' is a forbidden term ({source}{line}){instead}",
                suggestion=fix,
            )
