"""The headings of a page and its source, paired for comparing their ids.

When both have the same outline (as many headings, of the same levels, in the same order) the
headings pair by position, which no rewording can upset. When the outlines differ the
translation is out of date or restructured; then a heading pairs only where the aligned text
puts it with a source heading of the same level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tcheck.markup.blocks import PagePair
from tcheck.markup.markdown import Page
from tcheck.markup.marks import ANCHOR, Mark

_LEVEL = re.compile(r"[ \t]*(#{1,6})[ \t]")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: its block, level and explicit id (None when it has none)."""

    block: int
    level: int
    start: int
    end: int
    anchor: Mark | None


def headings(page: Page, text: str) -> list[Heading]:
    anchors = {m.block: m for m in page.marks if m.kind == ANCHOR and m.block >= 0}
    out = []
    for index, block in enumerate(page.blocks):
        if block.kind != "heading":
            continue
        match = _LEVEL.match(text, block.start)
        level = len(match.group(1)) if match else (1 if text[block.end + 1 : block.end + 2] == "=" else 2)
        out.append(Heading(index, level, block.start, block.end, anchors.get(index)))
    return out


def paired_headings(pair: PagePair) -> tuple[list[tuple[Heading, Heading]], bool]:
    """Pairs ``(source, target)`` and whether the outlines are the same."""
    source = headings(pair.source_page, pair.source_doc.text)
    target = headings(pair.page, pair.doc.text)
    if [h.level for h in source] == [h.level for h in target]:
        return list(zip(source, target, strict=True)), True
    by_block_s = {h.block: h for h in source}
    by_block_t = {h.block: h for h in target}
    out: list[tuple[Heading, Heading]] = []
    seen: set[int] = set()
    for seg in pair.doc.segments:
        src = seg.counterpart
        if src is None or seg.kind != "heading":
            continue
        t = by_block_t.get(pair.page.block_at(seg.file_span(0, 0).start))
        s = by_block_s.get(pair.source_page.block_at(src.file_span(0, 0).start))
        if t is not None and s is not None and t.level == s.level and t.block not in seen:
            seen.add(t.block)
            out.append((s, t))
    return out, False
