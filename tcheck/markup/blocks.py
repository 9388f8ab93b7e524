"""Which markup of a page stands against which markup of its source.

Where the text aligns, markup is compared block by block: a block of the translation (a
paragraph, a heading, a table row) and the source blocks its aligned segments come from form a
group (blocks that align across each other join one group). The markup of every block that no
aligned segment can reach (lines of JSX or HTML, reference definitions) is compared in one last
group, the rest of the page. Markup of text that is not aligned is not compared: that text is
missing or moved, which TC002 reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tcheck.markup.markdown import Page, is_markdown, page_of
from tcheck.markup.marks import Mark
from tcheck.model import Document, Segment


@dataclass(frozen=True)
class Group:
    """Source and target marks that should match; ``segment`` is a target segment of the group
    (where to report a lost mark), None for the rest of the page."""

    source: tuple[Mark, ...]
    target: tuple[Mark, ...]
    segment: Segment | None


@dataclass(frozen=True)
class PagePair:
    """A translated Markdown page and its source, read for markup."""

    doc: Document
    source_doc: Document
    page: Page
    source_page: Page

    @property
    def source_path(self) -> str:
        return self.source_doc.path

    @property
    def aligned_share(self) -> float:
        """The smaller of the shares of the translation's and the source's segments that are
        paired: a page that is out of date with its source (whole sections missing, or moved)
        aligns poorly, and its pairs cannot be trusted to put markup side by side."""
        return aligned_share(self.doc)


def aligned_share(doc: Document) -> float:
    """See :attr:`PagePair.aligned_share`."""
    segments = doc.segments
    if not segments or doc.source is None:
        return 0.0
    paired = sum(1 for s in segments if s.counterpart is not None)
    used = {id(s.counterpart) for s in segments if s.counterpart is not None}
    sources = doc.source.segments
    reached = sum(1 for s in sources if id(s) in used)
    return min(paired / len(segments), reached / max(1, len(sources)))


def page_pair(
    doc: Document, text_attributes: Sequence[str] | None = None, min_aligned: float = 0.0
) -> PagePair | None:
    """The page and its source when both are Markdown/MDX files with text and at least
    ``min_aligned`` of each side is paired, else None."""
    source = doc.source
    if source is None or source.path == doc.path or not is_markdown(doc.path) or not is_markdown(source.path):
        return None
    if min_aligned > 0 and aligned_share(doc) < min_aligned:
        return None
    attrs = {} if text_attributes is None else {"text_attributes": text_attributes}
    return PagePair(doc, source, page_of(doc, **attrs), page_of(source, **attrs))


def groups(pair: PagePair, kinds: Sequence[str]) -> Iterator[Group]:
    """Groups of marks of ``kinds`` to compare: aligned blocks first, then the rest."""
    page, source_page = pair.page, pair.source_page
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    segment_of: dict[int, Segment] = {}
    for seg in pair.doc.segments:
        src = seg.counterpart
        if src is None:
            continue
        t_block = page.block_at(seg.file_span(0, 0).start)
        s_block = source_page.block_at(src.file_span(0, 0).start)
        if t_block < 0 or s_block < 0:
            continue
        segment_of.setdefault(t_block, seg)
        a, b = find(("t", t_block)), find(("s", s_block))
        if a != b:
            parent[a] = b
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        side, index = node
        entry = members.setdefault(find(node), ([], []))
        (entry[1] if side == "t" else entry[0]).append(index)
    source_marks = _ByBlock([m for m in source_page.marks if m.kind in kinds])
    target_marks = _ByBlock([m for m in page.marks if m.kind in kinds])
    for s_blocks, t_blocks in sorted(members.values(), key=lambda e: min(e[1], default=0)):
        if not t_blocks or not s_blocks:
            continue
        yield Group(source_marks.of(s_blocks), target_marks.of(t_blocks), segment_of[min(t_blocks)])
    yield Group(source_marks.outside(), target_marks.outside(), None)  # JSX and HTML lines, references


class _ByBlock:
    """A page's marks by block, to take those of a group of blocks in page order without going
    through every mark of the page for each group."""

    def __init__(self, marks: Sequence[Mark]) -> None:
        self.marks = marks
        self.where: dict[int, list[int]] = {}
        for index, mark in enumerate(marks):
            self.where.setdefault(mark.block, []).append(index)

    def of(self, blocks: Sequence[int]) -> tuple[Mark, ...]:
        """The marks of ``blocks`` (each block once), in page order."""
        found = [i for block in set(blocks) for i in self.where.get(block, ())]
        found.sort()
        return tuple(self.marks[i] for i in found)

    def outside(self) -> tuple[Mark, ...]:
        """The marks outside text blocks (block -1 and below)."""
        return self.of([block for block in self.where if block < 0])
