"""Hardened XML parsing that keeps the file offset of every character of text.

XML goes through defusedxml's expat driver: entity declarations (billion laughs, quadratic blow-up)
and external entities or DTDs (XXE) are refused before anything is expanded or fetched, so a hostile
file fails at once with bounded memory and never touches the network. The result is a small tree
of :class:`Element` and :class:`Chunk` objects; a chunk records where its raw text lies in the
decoded file, so readers can map each unescaped character (``&amp;`` → ``&``) back to the file.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tcheck.errors import InputError

_REFERENCE = re.compile(rb"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);")


@dataclass(slots=True)
class Chunk:
    """Character data as delivered by the parser, at ``start`` (a byte index until resolved)."""

    text: str
    start: int


@dataclass(slots=True)
class Element:
    """An element with its attributes (local names, no prefixes) and children."""

    name: str
    attrs: dict[str, str]
    start: int
    line: int
    end: int = 0
    children: list[Element | Chunk] = field(default_factory=list)

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrs.get(key, default)

    def elements(self, name: str | None = None) -> Iterator[Element]:
        """Direct child elements (of one local name)."""
        for child in self.children:
            if isinstance(child, Element) and (name is None or child.name == name):
                yield child

    def iter(self, name: str) -> Iterator[Element]:
        """All descendant elements (and this one) of one local name, in document order."""
        stack: list[Element] = [self]
        while stack:
            node = stack.pop()
            if node.name == name:
                yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Element)]))

    def first(self, name: str) -> Element | None:
        return next(self.elements(name), None)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _Offsets:
    """Byte index → code-point index of the decoded text."""

    def __init__(self, text: str) -> None:
        self._bytes: list[int] = []
        self._extra: list[int] = []
        if text.isascii():
            return
        extra = 0
        for i, ch in enumerate(text):
            if ord(ch) >= 0x80:
                width = len(ch.encode("utf-8")) - 1
                self._bytes.append(i + extra)
                extra += width
                self._extra.append(extra)

    def char(self, byte: int) -> int:
        k = bisect.bisect_left(self._bytes, byte)
        return byte - (self._extra[k - 1] if k else 0)


class Text:
    """The decoded text, its UTF-8 bytes and the mapping between the two."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self._map = _Offsets(text)

    def char(self, byte: int) -> int:
        return self._map.char(byte)

    def char_spans(self, chunk: Chunk) -> list[tuple[int, int]]:
        """``(start, end)`` file offsets (code points) of each character of ``chunk.text``."""
        data, pos = self.data, chunk.start
        raw = chunk.text.encode("utf-8")
        # expat hands over each entity or character reference as a chunk of its own
        reference = chunk.text == "&" or (len(chunk.text) == 1 and _REFERENCE.match(data, pos) is not None)
        if not reference and data.startswith(raw, pos):
            first = self.char(pos)
            return [(first + i, first + i + 1) for i in range(len(chunk.text))]
        spans = []
        for ch in chunk.text:
            enc = ch.encode("utf-8")
            if reference and (match := _REFERENCE.match(data, pos)):
                end = match.end()
            elif data.startswith(enc, pos) and enc != b"\r":
                end = pos + len(enc)
            elif data.startswith(b"\r\n", pos):
                end = pos + 2
            else:
                end = pos + 1
            spans.append((self.char(pos), self.char(end)))
            pos = end
        return spans


def _message(exc: BaseException) -> str:
    from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    if isinstance(exc, EntitiesForbidden):
        return (
            f"XML entity declaration '{exc.name}' refused (entity expansion and external entities "
            "are not allowed)"
        )
    if isinstance(exc, ExternalReferenceForbidden):
        return f"XML external reference '{exc.sysid}' refused (no network, no local files)"
    if isinstance(exc, DTDForbidden):
        return "XML document type declarations are not allowed"
    return f"not well-formed XML: {exc}"


def parse(path: str, text: str) -> tuple[Element, Text]:
    """Parse ``text`` (already decoded) into a tree; any XML problem is an :class:`InputError`."""
    from xml.parsers import expat
    from xml.sax import SAXParseException
    from xml.sax.handler import ContentHandler
    from xml.sax.xmlreader import InputSource

    from defusedxml.common import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    class Reader(DefusedExpatParser):  # type: ignore[misc]
        def reset(self) -> None:
            super().reset()
            # A DOCTYPE may name an external DTD (TMX files usually do): never read it. Entity
            # declarations and external entity references still fail (defusedxml's handlers).
            self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    source = Text(text)
    reader = Reader(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    stack: list[Element] = []
    roots: list[Element] = []

    def index() -> int:
        return int(reader._parser.CurrentByteIndex)  # the expat parser behind the SAX driver

    class Handler(ContentHandler):
        def startElement(self, name: str, attrs: Any) -> None:
            node = Element(
                _local(name),
                {_local(k): v for k, v in attrs.items()},
                index(),
                int(reader._parser.CurrentLineNumber),
            )
            if stack:
                stack[-1].children.append(node)
            else:
                roots.append(node)
            stack.append(node)

        def endElement(self, name: str) -> None:
            node = stack.pop()
            at = index()
            if source.data.startswith(b"</", at):
                close = source.data.find(b">", at)
                at = close + 1 if close >= 0 else at
            node.end = at

        def characters(self, content: str) -> None:
            if stack:
                stack[-1].children.append(Chunk(content, index()))

    reader.setContentHandler(Handler())
    stream = InputSource(path)
    stream.setEncoding("utf-8")
    stream.setByteStream(io.BytesIO(source.data))
    try:
        reader.parse(stream)
    except SAXParseException as exc:
        line = exc.getLineNumber()
        raise InputError(path, f"not well-formed XML: {exc.getMessage()}", line) from None
    except DefusedXmlException as exc:
        raise InputError(path, _message(exc)) from None
    if not roots:
        raise InputError(path, "no XML root element")
    _resolve(roots[0], source)
    return roots[0], source


def _resolve(root: Element, source: Text) -> None:
    """Turn byte indexes into code-point offsets."""
    stack = [root]
    while stack:
        node = stack.pop()
        node.start = source.char(node.start)
        node.end = source.char(node.end)
        for child in node.children:
            if isinstance(child, Element):
                stack.append(child)
