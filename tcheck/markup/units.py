"""The units of a bilingual or resource document, with the raw text of both sides.

Placeholders are read from the file text of a unit (its ``extent``: the whole value, the
placeholders at its ends included), so every position is a file offset; for the source side of
a resource file paired by key that is the source file's text.
"""

from __future__ import annotations

import re
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
    """A translated unit and its source: their segments, their texts with the file's escapes
    decoded, and the file offset of each character of those texts (one more for the end)."""

    target: Segment
    source: Segment
    text: str
    source_text: str
    offsets: tuple[int, ...]
    source_offsets: tuple[int, ...]
    source_path: str

    def span(self, start: int, end: int, source: bool = False) -> Span:
        """The file span of ``text[start:end]`` (of ``source_text`` with ``source``)."""
        offsets = self.source_offsets if source else self.offsets
        return Span(offsets[start], offsets[end])

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def source_start(self) -> int:
        return self.source_offsets[0]

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
        escaped = not is_xml(doc)
        po = doc.path.lower().endswith((".po", ".pot"))
        text, offsets = decode(doc.text, t.start, t.end, escaped, po)
        s_text, s_offsets = decode(source_text, s.start, s.end, escaped, po)
        yield MessagePair(
            seg,
            src,
            text,
            s_text,
            offsets,
            s_offsets,
            src.path or (source_doc.path if source_doc is not None else doc.path),
        )


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "/": "/", "'": "'"}
_PO_CONTINUATION = re.compile(r'"[ \t]*\r?\n[ \t]*"')
_UNICODE = re.compile(r"u([0-9a-fA-F]{4})")


def decode(text: str, start: int, end: int, escaped: bool, po: bool) -> tuple[str, tuple[int, ...]]:
    """``text[start:end]`` with backslash escapes decoded (``\\"``, ``\\n``, ``\\u00e9``;
    PO's ``"`` line continuations dropped), and the file offset of each character."""
    if not escaped or ("\\" not in text[start:end] and not (po and '"' in text[start:end])):
        return text[start:end], tuple(range(start, end + 1))
    chars: list[str] = []
    offsets: list[int] = []
    i = start
    while i < end:
        if po and text[i] == '"':
            joint = _PO_CONTINUATION.match(text, i, end)
            if joint is not None:
                i = joint.end()
                continue
        if text[i] == "\\" and i + 1 < end:
            nxt = text[i + 1]
            code = _UNICODE.match(text, i + 1, end) if nxt == "u" else None
            if code is not None:
                chars.append(chr(int(code.group(1), 16)))
                offsets.append(i)
                i = code.end()
                continue
            if nxt in _ESCAPES:
                chars.append(_ESCAPES[nxt])
                offsets.append(i)
                i += 2
                continue
        chars.append(text[i])
        offsets.append(i)
        i += 1
    offsets.append(end)
    return "".join(chars), tuple(offsets)
