"""Where a lost mark is reported, and how sure that place is.

A mark of the source that the translation lacks is placed with the aligned text: the passage that
translates the source's sentence holding it (:class:`Placer`). That place is only as good as the
pair: when the passage holds a mark of another passage of the source, it may translate other text
(:func:`other_markup`); when the headings or the marks show the pairs are shifted by a section,
or the source's section has no text in the translation, the mark is reported on its section's
heading or on the page (:func:`relocated`, :mod:`tcheck.markup.outline`).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable

from tcheck.markup.anchoring import Anchors
from tcheck.markup.blocks import PagePair
from tcheck.markup.marks import CODE_BLOCK, Mark
from tcheck.markup.outline import Sections
from tcheck.model import Document, Hit, Severity, Span


class Placer:
    """Where the translation of a source offset is: the aligned segments, sorted by source."""

    def __init__(self, doc: Document) -> None:
        points: list[tuple[int, int, Span, Span]] = []
        source_text = doc.source.text if doc.source is not None else ""
        for seg in doc.segments:
            src = seg.counterpart
            if src is None:
                continue
            where = seg.file_span(0, len(seg.text))
            source_span = src.file_span(0, len(src.text))
            shorter = len(src.sentence_texts()) > len(seg.sentence_texts())
            for start, end, _ in src.sentence_texts():  # a pair may span paragraphs: by sentence
                span = src.file_span(start, end)
                line_end = source_text.find("\n", span.end)
                # a translation with fewer sentences than its source may lack the one that holds
                # the markup (an out-of-date paragraph): nothing in it counts as translated
                end_at = -1 if shorter else len(source_text) if line_end < 0 else line_end
                points.append((span.start, end_at, where, source_span))
        points.sort(key=lambda p: p[0])
        self.starts = [p[0] for p in points]
        self.ends = [p[1] for p in points]
        self.spans = [p[2] for p in points]
        self.sources = [p[3] for p in points]

    def place(self, source_offset: int) -> Span:
        """The translation of the nearest aligned source text at or before ``source_offset``."""
        index = bisect.bisect_right(self.starts, source_offset) - 1
        if index < 0:
            return self.spans[0] if self.spans else Span(0, 0)
        return self.spans[index]

    def source_of(self, source_offset: int) -> Span | None:
        """The source segment whose translation :meth:`place` gives for ``source_offset``."""
        index = bisect.bisect_right(self.starts, source_offset) - 1
        return self.sources[index] if index >= 0 else None

    def translated(self, source_offset: int) -> bool:
        """Whether the source text at ``source_offset`` (up to the end of its line) is aligned,
        in a pair whose translation has as many sentences as its source."""
        index = bisect.bisect_right(self.starts, source_offset) - 1
        return index >= 0 and source_offset <= self.ends[index]


def unique_marks(pair: PagePair, key: Callable[[Mark], tuple[str, str]]) -> list[tuple[int, int]]:
    """The marks found once on each page (a link to one page, a code span), as their offsets in
    the translation and in the source: they show which text of the source a passage translates."""
    source = Counter(key(m) for m in pair.source_page.marks if m.kind != CODE_BLOCK)
    target = Counter(key(m) for m in pair.page.marks if m.kind != CODE_BLOCK)
    where = {key(m): m.start for m in pair.source_page.marks if m.kind != CODE_BLOCK and source[key(m)] == 1}
    return [
        (m.start, where[key(m)])
        for m in pair.page.marks
        if m.kind != CODE_BLOCK and target[key(m)] == 1 and key(m) in where
    ]


def other_markup(
    pair: PagePair, placer: Placer, lost: Mark, span: Span, key: Callable[[Mark], tuple[str, str]]
) -> bool:
    """Whether the passage a lost mark is placed in holds a mark of its kind that the source text
    it is paired with lacks and another passage of the source has (``/zh-cn/scalability/`` in a
    sentence paired with the source's sentence about ``/runtime/``, while the source links
    ``/scalability/`` in the next one): the pair joins text that does not translate each other (a
    neighbour's, or the source was rewritten since), so the lost mark's place and loss are not
    certain."""
    source = placer.source_of(lost.start)
    if source is None:
        return False
    mine = Counter(
        key(m) for m in pair.page.marks if span.start <= m.start < span.end and m.kind == lost.kind
    )
    theirs = Counter(key(m) for m in pair.source_page.marks if source.start <= m.start < source.end)
    elsewhere = {key(m) for m in pair.source_page.marks if not source.start <= m.start < source.end}
    return any(k in elsewhere for k in mine - theirs)


def section_lost(anchors: Anchors, sections: Sections, mark: Mark) -> bool:
    """Whether a heading of the source stands between the mark (between passages) and the
    aligned text before it: its section has no text in the translation to place it after."""
    before, _ = anchors.around_source(mark.start, mark.end)
    return before is not None and sections.heading_between(before.source_start, mark.start)


def section_place(sections: Sections, offset: int) -> tuple[Span, str | None, bool]:
    """Where a lost mark at ``offset`` of the source goes when its passage cannot hold it: on the
    heading of its section in the translation (``True``, with that heading's id), else on the
    page (``False``, with the id of its section in the source, if it has one)."""
    found = sections.heading(offset)
    if found is not None:
        return found[0], found[1], True
    return Span(0, 0), sections.source_id(offset), False


def relocated(hit: Hit, lost: Mark, what: str, sections: Sections) -> Hit:
    """A lost mark that the aligned text would place in another section of the translation than
    the one that translates the mark's section (by heading id): reported on that section's
    heading, or on the page when no heading has its id (the page lacks the mark; its text there
    is paired with other text, so it may be out of date)."""
    span, name, on_heading = section_place(sections, lost.start)
    if on_heading:
        where = f"the section '#{name}' of the translation"
    else:
        where = "the translation" + (f" (its section '#{name}')" if name else "")
    return dataclasses.replace(
        hit,
        span=span,
        message=f"the source's {what} is missing from {where} (the text around it is "
        "paired with text of another section of the source: it may be out of date)",
        severity=Severity.INFO,
    )
