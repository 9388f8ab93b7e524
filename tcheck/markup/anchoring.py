"""Whether a code block of the translation stands where a code block of the source stands.

Code blocks are not aligned as text; their place is known from the aligned text around them.
A target block and a source block correspond when the aligned text just before the target
block is the translation of text before the source block, with no other source block between,
and the same holds after them. A source block is lost (not merely out of date) when the text
before and after it is translated and the translations are neighbours with no block between.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tcheck.markup.marks import Mark
from tcheck.model import Document


@dataclass(frozen=True)
class _Link:
    target_start: int
    target_end: int
    source_start: int


class Anchors:
    """The aligned segments of a translation as ``(target span, source start)``, in target order."""

    def __init__(self, doc: Document) -> None:
        links = []
        for seg in doc.segments:
            if seg.counterpart is not None:
                span = seg.file_span(0, len(seg.text))
                links.append(_Link(span.start, span.end, seg.counterpart.file_span(0, 0).start))
        links.sort(key=lambda link: link.target_start)
        self.links = links
        self.starts = [link.target_start for link in links]
        by_source = sorted(links, key=lambda link: link.source_start)
        self.source_starts = [link.source_start for link in by_source]
        self.by_source = by_source

    def around_target(self, start: int, end: int) -> tuple[_Link | None, _Link | None]:
        """The aligned segments just before ``start`` and just after ``end`` in the translation."""
        index = bisect.bisect_left(self.starts, start)
        before = self.links[index - 1] if index > 0 else None
        after_index = bisect.bisect_left(self.starts, end)
        after = self.links[after_index] if after_index < len(self.links) else None
        return before, after

    def around_source(self, start: int, end: int) -> tuple[_Link | None, _Link | None]:
        index = bisect.bisect_left(self.source_starts, start)
        before = self.by_source[index - 1] if index > 0 else None
        after_index = bisect.bisect_left(self.source_starts, end)
        after = self.by_source[after_index] if after_index < len(self.by_source) else None
        return before, after


def corresponds(anchors: Anchors, source: Mark, target: Mark) -> bool:
    """Whether the target block stands where the source block does (see the module docstring)."""
    t_before, t_after = anchors.around_target(target.start, target.end)
    s_before, s_after = anchors.around_source(source.start, source.end)
    if t_before is None and t_after is None:
        return False
    return t_before is s_before and t_after is s_after


def in_place(anchors: Anchors, source: Mark) -> bool:
    """Whether the text just before and just after ``source`` is translated by neighbouring
    segments of the translation (so whatever stood between them in the source was dropped)."""
    before, after = anchors.around_source(source.start, source.end)
    if before is None or after is None:
        return False
    return anchors.links.index(after) == anchors.links.index(before) + 1


def lost_in_place(anchors: Anchors, source: Mark, target_blocks: list[Mark]) -> bool:
    """Whether the text around the source block is translated, and its translations are
    neighbours with no code block between them (the block was dropped, not left out of date)."""
    before, after = anchors.around_source(source.start, source.end)
    if before is None or after is None:
        return False
    if anchors.links.index(after) != anchors.links.index(before) + 1:
        return False
    return not any(before.target_end <= b.start and b.end <= after.target_start for b in target_blocks)
