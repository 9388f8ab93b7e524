"""The units of a bilingual or resource document, with the raw text of both sides.

Placeholders are read from the file text of a unit (its ``extent``: the whole value, the
placeholders at its ends included), so every position is a file offset; for the source side of
a resource file paired by key that is the source file's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tcheck.markup.markdown import is_markdown
from tcheck.model import Document, Segment, Span

# Files whose units are messages a program shows (placeholders matter); prose formats are not.
MESSAGE_SUFFIXES = (
    ".po", ".pot", ".xlf", ".xliff", ".sdlxliff", ".mxliff", ".tmx", ".tsv", ".json", ".yaml", ".yml",
    ".toml", ".arb", ".properties", ".strings", ".resx", ".csv",
)  # fmt: skip
XML_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".tmx", ".resx")


@dataclass(frozen=True)
class MessagePair:
    """A translated unit and its source: their segments, raw texts and where those start."""

    target: Segment
    source: Segment
    text: str
    source_text: str
    start: int
    source_start: int
    source_path: str

    @property
    def plural_form(self) -> bool:
        """Whether the unit is one plural form of a PO entry (``msgstr[1]``)."""
        return "[" in self.target.id


def _extent(seg: Segment) -> Span:
    return seg.extent if seg.extent is not None else seg.file_span(0, len(seg.text))


def is_messages(doc: Document) -> bool:
    return doc.path.lower().endswith(MESSAGE_SUFFIXES) and not is_markdown(doc.path)


def is_xml(doc: Document) -> bool:
    return doc.path.lower().endswith(XML_SUFFIXES)


def message_pairs(doc: Document) -> Iterator[MessagePair]:
    """Every unit of a message file that has a source."""
    if not is_messages(doc):
        return
    source_doc = doc.source
    for seg in doc.segments:
        src = seg.counterpart
        if src is None:
            continue
        source_text = source_doc.text if source_doc is not None else doc.text
        t, s = _extent(seg), _extent(src)
        yield MessagePair(
            seg,
            src,
            doc.text[t.start : t.end],
            source_text[s.start : s.end],
            t.start,
            s.start,
            src.path or (source_doc.path if source_doc is not None else doc.path),
        )
