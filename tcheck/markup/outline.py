"""Which section of a translation translates which section of its source, by heading id.

A heading of the translation that keeps an explicit id (``## 解決的問題 {#problem-it-addresses}``)
says which section of the source it translates: the one whose heading has that id, written or
generated from its text (``## Problem it addresses``). The aligner pairs text by its length and
its numbers and names; where the translation lacks a section of the source, or adds one, it may
pair every paragraph after it with the paragraph of the next section. A mark of the source placed
by those pairs would be reported on a paragraph that never held it, and two different marks
would be taken for one mark changed. With the ids, a place that the aligned text gives can be
checked: the source's mark is in the section with id X, so its place in the translation must be
in the section the translation's heading ``{#X}`` opens, and no aligned pair may join text of
that section with text of another (the pairs there are shifted: a place they give is a guess).
Sections of a translation without ids cannot be checked this way, and are trusted as aligned.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from tcheck.markup.markdown import Page, heading_words, slug
from tcheck.markup.marks import ANCHOR
from tcheck.model import Document, Span


def heading_id(page: Page, text: str, block: int, ids: dict[int, str] | None = None) -> str:
    """The id of the heading in ``block``: its explicit id, else the one generated from its text
    (``ids``: the page's :func:`explicit_ids`, when known)."""
    found = explicit_id(page, block) if ids is None else ids.get(block)
    if found is not None:
        return found
    return slug(heading_words(text[page.blocks[block].start : page.blocks[block].end]))


def explicit_id(page: Page, block: int) -> str | None:
    """The id written on the heading in ``block`` (``{#next-steps}``), or None."""
    return next((m.key for m in page.marks if m.kind == ANCHOR and m.block == block), None)


def explicit_ids(page: Page) -> dict[int, str]:
    """:func:`explicit_id` of every block that has one, in one pass over the page's marks."""
    ids: dict[int, str] = {}
    for mark in page.marks:
        if mark.kind == ANCHOR:
            ids.setdefault(mark.block, mark.key)
    return ids


def _level(text: str, start: int) -> int:
    """The level of the heading at ``start``: its ``#`` marks (2 for an underlined one)."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].lstrip()
    marks = len(line) - len(line.lstrip("#"))
    return marks if marks else 2


class Sections:
    """The sections (heading to heading) of a translation and of its source, matched by id."""

    def __init__(
        self,
        doc: Document,
        page: Page,
        source_doc: Document,
        source_page: Page,
        marks: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.page = page
        self.t_starts = [page.blocks[i].start for i in page.headings]
        self.t_levels = [_level(doc.text, page.blocks[i].start) for i in page.headings]
        self.s_starts = [source_page.blocks[i].start for i in source_page.headings]
        s_explicit, t_explicit = explicit_ids(source_page), explicit_ids(page)
        self.s_ids = [heading_id(source_page, source_doc.text, i, s_explicit) for i in source_page.headings]
        # the translation's own ids: written, or generated from a heading left as the source's
        # (``## Go SDK``); a translated heading's generated id matches nothing
        t_ids = [heading_id(page, doc.text, i, t_explicit) for i in page.headings]
        once_s = {k for k, n in Counter(self.s_ids).items() if n == 1}
        once_t = {k for k, n in Counter(t_ids).items() if n == 1}
        # an id both sides give one heading each: the two sections translate each other
        self.by_id = {k: index for index, k in enumerate(t_ids) if k in once_t and k in once_s}
        self.names = {index: k for k, index in self.by_id.items()}
        matched = sorted((self.s_ids.index(k), index) for k, index in self.by_id.items())
        in_order = all(a[1] < b[1] for a, b in pairwise(matched))
        # sections matched in the same order on both sides bound where the others can be
        self.bounds = matched if in_order else []
        # a section without a matching id whose marks found once on each page (``marks``: their
        # offsets in the translation and the source) all come from one section of the source
        with_id = set(self.by_id.values())
        votes: dict[int, Counter[int]] = {}
        for t_at, s_at in marks:
            votes.setdefault(self.target_section(t_at), Counter())[self._source_section(s_at)] += 1
        self.by_marks = {
            t: next(iter(counted))
            for t, counted in votes.items()
            if t >= 0 and t not in with_id and len(counted) == 1 and counted.total() >= 2
        }
        self.shifted: set[int] = set()  # sections of the translation with a pair across sections
        if self.by_id or self.by_marks:
            for seg in doc.segments:
                if seg.counterpart is not None:
                    here = self.target_section(seg.file_span(0, 0).start)
                    source_at = seg.counterpart.file_span(0, 0).start
                    want = self.expected(source_at)
                    if want is not None and not self._within(here, want):
                        self.shifted.update((want, here))
                    if here in self.by_marks and self.by_marks[here] != self._source_section(source_at):
                        self.shifted.add(here)
            for section in range(1, len(self.t_starts)):  # a shift goes on until a section matches again
                if section - 1 in self.shifted and section not in with_id and section not in self.by_marks:
                    self.shifted.add(section)

    def _within(self, section: int, outer: int) -> bool:
        """Whether ``section`` is ``outer`` or one of its subsections (a heading of a lower level
        that the translation adds under it, ``## Was es ist`` under ``# Serverless``)."""
        if section < outer:
            return False
        level = self.t_levels[outer]
        return all(self.t_levels[i] > level for i in range(outer + 1, section + 1))

    def target_section(self, offset: int) -> int:
        """The section of the translation that holds ``offset`` (-1: before the first heading)."""
        return bisect.bisect_right(self.t_starts, offset) - 1

    def _source_section(self, offset: int) -> int:
        return bisect.bisect_right(self.s_starts, offset) - 1

    def expected(self, source_offset: int) -> int | None:
        """The section of the translation whose heading has the id of the source's section at
        ``source_offset``, or None when the translation has no heading with that id."""
        index = self._source_section(source_offset)
        return self.by_id.get(self.s_ids[index]) if index >= 0 else None

    def misplaced(self, source_offset: int, target_offset: int) -> bool:
        """Whether the aligned text puts the source's ``source_offset`` at ``target_offset`` in
        another section of the translation than the one its id says translates it, or in that
        section while its pairs are shifted (one of them joins it with another section; a shift
        goes on into the sections after it until one matches again). The
        source's section without a match must be placed between the matched sections around
        it (a section the source has between ``#b`` and ``#c`` is not after the translation's
        ``#c``)."""
        want = self.expected(source_offset)
        if want is not None:
            return not self._within(self.target_section(target_offset), want) or want in self.shifted
        if self.target_section(target_offset) in self.shifted:
            return True
        if not self.bounds:
            return False
        index = self._source_section(source_offset)
        at = bisect.bisect_left(self.bounds, (index, -1))
        section = self.target_section(target_offset)
        before = self.bounds[at - 1][1] if at > 0 else -1
        after = self.bounds[at][1] if at < len(self.bounds) else len(self.t_starts)
        return not before <= section < after

    def heading_between(self, start: int, end: int) -> bool:
        """Whether a heading of the source starts after ``start`` and at or before ``end``:
        text aligned before it cannot place what its section holds (a section the translation
        lacks, whose heading no text of the translation is paired with)."""
        return bisect.bisect_right(self.s_starts, end) > bisect.bisect_right(self.s_starts, start)

    def source_id(self, source_offset: int) -> str | None:
        """The id of the source's section at ``source_offset`` (None: before its first heading)."""
        index = self._source_section(source_offset)
        return self.s_ids[index] if index >= 0 else None

    def heading(self, source_offset: int) -> tuple[Span, str] | None:
        """The heading of the translation that opens the section translating the source's
        section at ``source_offset``, and its id; None when no heading has its id."""
        section = self.expected(source_offset)
        if section is None:
            return None
        block = self.page.blocks[self.page.headings[section]]
        return Span(block.start, block.end), self.names[section]
