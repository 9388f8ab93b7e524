"""Whether a mark the translation adds can be a mark of the source, changed.

A link, code span or tag that the source has and the translation lacks, beside one that the
translation has and the source lacks, is the same mark changed only when the two stand in text
that translates each other: the added mark's block is aligned with the lost mark's block, its
line (where the page was paired line by line) with the lost mark's line, and its block does not
say more than its source (two or more sentences more: the source was rewritten since the
translation, which still says what the source no longer says).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from tcheck.markup.blocks import PagePair
from tcheck.markup.marks import Mark
from tcheck.model import Segment


class BlockPairs:
    """Which source blocks each block of the translation is aligned with, and how many
    sentences each block holds on either side."""

    EXTRA_SENTENCES = 2  # a translated block this many sentences longer holds text the source lacks

    def __init__(self, pair: PagePair) -> None:
        self.paired: dict[int, set[int]] = {}
        self.t_sentences: Counter[int] = Counter()
        self.s_sentences: Counter[int] = Counter()
        for seg in pair.doc.segments:  # every sentence of a block counts, paired or not
            self.t_sentences[pair.page.block_at(seg.file_span(0, 0).start)] += len(seg.sentence_texts())
        for seg in pair.source_doc.segments:
            where = pair.source_page.block_at(seg.file_span(0, 0).start)
            self.s_sentences[where] += len(seg.sentence_texts())
        for seg in pair.doc.segments:
            src = seg.counterpart
            if src is None:
                continue
            t_block = pair.page.block_at(seg.file_span(0, 0).start)
            s_block = pair.source_page.block_at(src.file_span(0, 0).start)
            if t_block >= 0 and s_block >= 0:
                self.paired.setdefault(t_block, set()).add(s_block)
        self.t_segments = _Spans(pair.doc.segments)
        self.s_segments = _Spans(pair.source_doc.segments)
        self.partners: dict[int, set[int]] = {}  # source segment -> the target segments paired with it
        for seg in pair.doc.segments:
            if seg.counterpart is not None:
                t_index = self.t_segments.at(seg.file_span(0, 0).start)
                s_index = self.s_segments.at(seg.counterpart.file_span(0, 0).start)
                self.partners.setdefault(s_index, set()).add(t_index)

    def corresponding(self, lost: Mark, added: Mark) -> bool:
        """Whether an added mark can stand for a lost one: markup outside text blocks, or the
        added mark in a block aligned with the lost mark's block (not in a neighbouring
        paragraph that joined the group), which does not hold two or more sentences more than
        its source (the translation there says what the source no longer says: the paragraph
        was rewritten in the source, and its new link is not the old one changed)."""
        if lost.block < 0 or added.block < 0:
            return True
        partners = self.partners.get(self.s_segments.at(lost.start))
        holder = self.t_segments.at(added.start)  # -1: markup at a segment's edge, outside its text
        if partners and holder >= 0 and holder not in partners:
            return False  # the lost mark's sentence is translated by another line than the added one's
        sources = self.paired.get(added.block, set())
        if lost.block not in sources:
            return False
        source_sentences = sum(self.s_sentences[b] for b in sources)
        return self.t_sentences[added.block] < source_sentences + self.EXTRA_SENTENCES


class _Spans:
    """The segments of a document by file position: which one holds an offset (-1: none)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        spans = sorted(
            (span.start, span.end) for span in (seg.file_span(0, len(seg.text)) for seg in segments)
        )
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def at(self, offset: int) -> int:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index if index >= 0 and offset < self.ends[index] else -1
