"""Building blocks shared by the bilingual readers (TSV, XLIFF, PO, TMX).

A bilingual file becomes a target :class:`Document` whose segments carry their source segment as
``counterpart`` and whose ``source`` is a Document for the source side; both sides keep offsets
into the same file, so findings on either side point at the right characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from tcheck.formats.masking import mask_urls
from tcheck.formats.sentences import split_sentences
from tcheck.formats.xmlsafe import Chunk, Element, Text
from tcheck.model import Document, Segment, Span, frozen_map

# How inline elements of XLIFF 1.2/2.0 and TMX are read: their text is prose ("text"), they stand
# for a piece of native code (one space in the text, "code"), they open or close formatting
# (nothing, "mark"), or they are a code point (XLIFF 2.0 ``<cp hex="..."/>``).
INLINE: Mapping[str, str] = {
    "g": "text",
    "pc": "text",
    "mrk": "text",
    "hi": "text",
    "x": "code",
    "ph": "code",
    "it": "code",
    "ut": "code",
    "bpt": "mark",
    "ept": "mark",
    "bx": "mark",
    "ex": "mark",
    "sc": "mark",
    "ec": "mark",
    "sm": "mark",
    "em": "mark",
    "sub": "mark",
    "cp": "cp",
}


class TextBuilder:
    """Collects the characters of one segment with the file span of each."""

    __slots__ = ("chars", "ends", "starts")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, text: str, start: int) -> None:
        """Text that appears in the file as it is, from offset ``start``."""
        for i, ch in enumerate(text):
            self.add_char(ch, start + i, start + i + 1)

    def add_char(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def add_chunk(self, chunk: Chunk, source: Text) -> None:
        for ch, (start, end) in zip(chunk.text, source.char_spans(chunk), strict=True):
            self.add_char(ch, start, end)

    def add_inline(self, node: Element, source: Text) -> None:
        """The prose of an XML element, inline codes replaced by one space each.

        Walked with a stack of its own, not by recursion: inline elements nested thousands deep
        (``<g><g><g>...``) are read like any others.
        """
        pending: list[Iterator[Element | Chunk]] = [iter(node.children)]
        while pending:
            child = next(pending[-1], None)
            if child is None:
                pending.pop()
                continue
            if isinstance(child, Chunk):
                self.add_chunk(child, source)
                continue
            how = INLINE.get(child.name, "text")
            if how == "text":
                pending.append(iter(child.children))
            elif how == "code":
                self.add_char(" ", child.start, child.end)
            elif how == "cp":
                try:
                    self.add_char(chr(int(child.get("hex", "20") or "20", 16)), child.start, child.end)
                except (ValueError, OverflowError):
                    self.add_char(" ", child.start, child.end)

    def build(self, seg_id: str, path: str, kind: str = "unit") -> Segment | None:
        """The segment (surrounding white space trimmed), or None when there is no text."""
        chars = self.chars
        first, last = 0, len(chars)
        while first < last and chars[first].isspace():
            first += 1
        while last > first and chars[last - 1].isspace():
            last -= 1
        if first == last:
            return None
        text = "".join(chars[first:last])
        starts = self.starts[first:last]
        end = self.ends[last - 1]
        base = starts[0]
        linear = end == base + len(text) and all(s == base + i for i, s in enumerate(starts))
        offsets = None if linear else (*starts, end)
        ends = None if linear else tuple(self.ends[first:last])
        masked = mask_urls(text)
        return Segment(
            id=seg_id,
            text=masked,
            span=Span(starts[0], end),
            kind=kind,
            sentences=split_sentences(masked),
            offsets=offsets,
            path=path,
            ends=ends,
        )


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit read from a bilingual file."""

    source: Segment
    target: Segment


def bilingual_document(
    path: str,
    text: str,
    units: Iterable[Unit],
    lang: str | None,
    source_lang: str | None,
    metadata: Mapping[str, str] | None = None,
) -> Document:
    """The target document of a bilingual file, its ``source`` the source side of the same file."""
    import dataclasses

    pairs = list(units)
    sources = tuple(u.source for u in pairs)
    targets = tuple(dataclasses.replace(u.target, counterpart=u.source) for u in pairs)
    meta = dict(metadata or {})
    if source_lang:
        meta["source-lang"] = source_lang
    source = Document(path=path, text=text, lang=source_lang, segments=sources, metadata=frozen_map(meta))
    return Document(
        path=path,
        text=text,
        lang=lang,
        segments=targets,
        source_lang=source_lang,
        metadata=frozen_map(meta),
        source=source,
    )
