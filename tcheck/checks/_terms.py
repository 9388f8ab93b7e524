"""Helpers shared by the bilingual glossary checks (TC102, TC104, TC105)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tcheck.context import Context, TermHit
from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.patterns import Match
from tcheck.model import Document, Related, Segment, Span

Matches = dict[tuple[int, int], list[Match[TermHit]]]


def decisive(matches: list[Match[TermHit]]) -> list[Match[TermHit]]:
    """The matches that decide what a span is: exact ones over inflected ones."""
    if len(matches) == 1:
        return matches
    exact = [m for m in matches if m.exact]
    return exact or matches


def by_span(matches: Iterator[Match[TermHit]]) -> Matches:
    out: dict[tuple[int, int], list[Match[TermHit]]] = {}
    for match in matches:
        out.setdefault((match.start, match.end), []).append(match)
    return {span: found if len(found) == 1 else decisive(found) for span, found in out.items()}


_RECENT: dict[tuple[int, int, bool, bool], tuple[str, Matches]] = {}


def spans(
    matcher: TermMatcher[TermHit], text: str, notable_only: bool = False, forbidden_only: bool = False
) -> Matches:
    """``by_span(matcher.find(text))``, computed once per segment for all the checks that ask.

    ``notable_only``: nothing when no notable term occurs (see :meth:`Context.target_matcher`);
    ``forbidden_only``: nothing when no forbidden term occurs, else the same as ``notable_only``.
    """
    key = (id(matcher), id(text), notable_only, forbidden_only)
    recent = _RECENT.get(key)
    if recent is not None and recent[0] is text:
        return recent[1]
    found = by_span(matcher.find(text, notable_only=notable_only, selective=forbidden_only))
    if len(_RECENT) >= 4096:
        _RECENT.clear()
    _RECENT[key] = (text, found)
    return found


def where(hit: TermHit) -> str:
    """``file:line`` of a glossary term (or of its entry)."""
    line = hit.term.line or hit.entry.line
    return f"{Path(hit.glossary.path).name}{f':{line}' if line else ''}"


def pairs(doc: Document, ctx: Context) -> Iterator[tuple[Segment, Segment, Matches, Matches]]:
    """Each bilingual segment with its source, and the glossary terms found on both sides."""
    source_matcher = ctx.source_matcher(doc)
    target_matcher = ctx.target_matcher(doc)
    if not len(source_matcher):
        return
    for seg in doc.segments:
        src = seg.counterpart
        if src is None or not src.text.strip():
            continue
        found = spans(source_matcher, src.text)
        if found:
            yield seg, src, found, spans(target_matcher, seg.text)


def source_path(doc: Document, src: Segment) -> str:
    return src.path or (doc.source.path if doc.source is not None else doc.path)


def source_related(doc: Document, src: Segment, start: int, end: int, note: str) -> Related:
    return Related(source_path(doc, src), src.file_span(start, end), note)


def aligned_span(seg: Segment, src: Segment, source_start: int) -> Span:
    """Where a source position probably went: the target sentence with the same index when both
    sides have as many sentences, else the whole target segment (trimmed)."""
    t_sents, s_sents = seg.sentence_texts(), src.sentence_texts()
    if len(t_sents) == len(s_sents) > 1:
        for (s_start, s_end, _), (t_start, _t_end, t_text) in zip(s_sents, t_sents, strict=True):
            if s_start <= source_start < s_end:
                lead = len(t_text) - len(t_text.lstrip())
                return seg.file_span(t_start + lead, t_start + len(t_text.rstrip()))
    text = seg.text
    lead = len(text) - len(text.lstrip())
    return seg.file_span(lead, max(lead, len(text.rstrip())))
