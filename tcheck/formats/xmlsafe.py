"""Hardened XML parsing that keeps the file offset of every character of text.

XML goes through defusedxml's expat driver: entity declarations (billion laughs, quadratic blow-up)
and external entities or DTDs (XXE) are refused before anything is expanded or fetched, so a hostile
file fails at once with bounded memory and never touches the network. The result is a small tree
of :class:`Element` and :class:`Chunk` objects; a chunk records where its raw text lies in the
decoded file, so readers can map each unescaped character (``&amp;`` → ``&``) back to the file.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
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
    """An element with its attributes (local names, no prefixes; read-only, as elements with the
    same attributes share one dict) and children."""

    name: str
    attrs: dict[str, str]
    start: int
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
    """Byte index → code-point index of the decoded text.

    Kept as runs of characters of one UTF-8 width (ASCII, 2, 3 or 4 bytes), so Norwegian text
    costs a run per word with a letter like ``ø`` and Japanese text a run per change of script,
    instead of an entry per character.
    """

    def __init__(self, text: str) -> None:
        self._bytes: array[int] = array("q")
        self._chars: array[int] = array("q")
        self._widths: array[int] = array("b")
        if text.isascii():
            return
        byte = 0
        for match in _WIDTH_RUN.finditer(text):
            width = match.lastindex or 1  # the group that matched is the width in bytes
            self._bytes.append(byte)
            self._chars.append(match.start())
            self._widths.append(width)
            byte += width * (match.end() - match.start())

    def char(self, byte: int) -> int:
        if not self._bytes:
            return byte
        k = bisect.bisect_right(self._bytes, byte) - 1
        return self._chars[k] + (byte - self._bytes[k]) // self._widths[k]


_WIDTH_RUN = re.compile("([\x00-\x7f]+)|([\x80-\u07ff]+)|([\u0800-\uffff]+)|([\U00010000-\U0010ffff]+)")


class Text:
    """The decoded text, its UTF-8 bytes and the mapping between the two."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self._map = _Offsets(text)

    def char(self, byte: int) -> int:
        return self._map.char(byte)

    def pieces(self, chunk: Chunk) -> list[tuple[str, int, int]]:
        """``chunk.text`` cut into ``(text, start, end)`` pieces with their file offsets (code
        points): a piece written in the file as it is (``end - start == len(text)``), or one
        character written otherwise (a reference such as ``&amp;``, a ``\\r\\n`` line end)."""
        data, pos, text = self.data, chunk.start, chunk.text
        # expat hands over each entity or character reference as a chunk of its own
        reference = text == "&" or (len(text) == 1 and _REFERENCE.match(data, pos) is not None)
        if not reference and data.startswith(text.encode("utf-8"), pos):
            first = self.char(pos)
            return [(text, first, first + len(text))]
        out: list[tuple[str, int, int]] = []
        run = 0  # index in ``text`` where the current piece written as it is began
        run_pos = pos
        for i, ch in enumerate(text):
            enc = ch.encode("utf-8")
            if not reference and data.startswith(enc, pos) and enc != b"\r":
                pos += len(enc)
                continue
            if run < i:
                first = self.char(run_pos)
                out.append((text[run:i], first, first + i - run))
            if reference and (match := _REFERENCE.match(data, pos)):
                end = match.end()
            elif data.startswith(enc, pos) and enc != b"\r":
                end = pos + len(enc)
            elif data.startswith(b"\r\n", pos):
                end = pos + 2
            else:
                end = pos + 1
            out.append((ch, self.char(pos), self.char(end)))
            pos = run_pos = end
            run = i + 1
        if run < len(text):
            first = self.char(run_pos)
            out.append((text[run:], first, first + len(text) - run))
        return out


# One piece of markup (a tag with its attributes, a comment, a processing instruction, a document
# type declaration) may be at most this long. pyexpat hands expat at most 1 MiB per call, and expat
# 2.5 scans an unfinished token again from its start at every call: a token of n MiB costs n²/2 MiB
# of scanning. Real files have tokens of a few hundred bytes; text and CDATA may be any length.
MAX_TOKEN = 4 * 2**20
# Elements nested deeper are refused (TC001): inline markup nests a few levels, and a tree ten
# thousand deep already costs megabytes of objects for a few hundred kilobytes of file.
MAX_DEPTH = 10_000
_PIECE = 2**20


class MarkupTooLong(Exception):
    """A single piece of markup longer than :data:`MAX_TOKEN`, starting on ``line``."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.message = (
            f"XML markup over {MAX_TOKEN // 2**20} MiB in one piece (a tag and its attributes, a "
            "comment or a processing instruction); refused"
        )
        super().__init__(self.message)


def feed(parse_piece: Callable[[memoryview], object], data: bytes, position: Callable[[], int]) -> None:
    """Hand ``data`` to an expat-based parser 1 MiB at a time, so that the work stays linear.

    ``position`` is the parser's current byte index: after each piece it is where the unfinished
    token begins. When that token has grown beyond :data:`MAX_TOKEN`, :class:`MarkupTooLong` is
    raised instead of feeding more (the caller finishes or abandons the parser).
    """
    view = memoryview(data)
    for start in range(0, len(data), _PIECE):
        pending = max(position(), 0)
        if start - pending > MAX_TOKEN:
            raise MarkupTooLong(data.count(b"\n", 0, pending) + 1)
        parse_piece(view[start : start + _PIECE])


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


OnUnit = Callable[[Element, list[Element], "Text"], None]


def parse(
    path: str, text: str, units: frozenset[str] = frozenset(), on_unit: OnUnit | None = None
) -> tuple[Element, Text]:
    """Parse ``text`` (already decoded) into a tree; any XML problem is an :class:`InputError`.

    With ``units``, the file is read as a stream: each element of one of those names that is not
    inside another is handed to ``on_unit(element, ancestors, text)`` as soon as it ends (offsets
    already in code points), then dropped from the tree, so a file of a million translation units
    never holds them all as elements.
    """
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
    handler = _handler_class()(path, reader, source, units, on_unit)
    reader.setContentHandler(handler)
    stream = InputSource(path)
    stream.setEncoding("utf-8")
    reader._source = stream  # decoded as UTF-8 whatever the declaration says (the text is)
    try:
        feed(reader.feed, source.data, lambda: reader._parser.CurrentByteIndex if reader._parser else 0)
        reader.close()
    except MarkupTooLong as exc:
        raise InputError(path, exc.message, exc.line) from None
    except SAXParseException as exc:
        line = exc.getLineNumber()
        raise InputError(path, f"not well-formed XML: {exc.getMessage()}", line) from None
    except DefusedXmlException as exc:
        raise InputError(path, _message(exc)) from None
    finally:
        # The reader holds the handler and the handler the reader: without this cycle broken, the
        # file's bytes, expat's tables and the units handed over stayed alive until a full
        # collection (3.5x the file for a large XLIFF); now they go when parsing ends.
        reader.setContentHandler(ContentHandler())
        handler.reader = None
    roots = handler.roots
    if not roots:
        raise InputError(path, "no XML root element")
    _resolve(roots[0], source)
    return roots[0], source


@lru_cache(maxsize=1)
def _handler_class() -> type[Any]:
    """The SAX handler that builds the tree (a class made once, when XML is first read: the SAX
    modules are imported only then)."""
    from xml.sax.handler import ContentHandler

    class Handler(ContentHandler):
        def __init__(
            self, path: str, reader: Any, source: Text, units: frozenset[str], on_unit: OnUnit | None
        ) -> None:
            super().__init__()
            self.path = path
            self.reader: Any = reader
            self.source = source
            self.units = units
            self.on_unit = on_unit
            self.stack: list[Element] = []
            self.roots: list[Element] = []
            self.open_units = 0  # unit elements open around the current position
            # identical attribute sets (<g id="1">, <x id="2"/> ...) share one read-only dict
            self.shared: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}

        def index(self) -> int:
            return int(self.reader._parser.CurrentByteIndex)  # the expat parser behind the SAX driver

        def startElement(self, name: str, attrs: Any) -> None:
            stack = self.stack
            if len(stack) >= MAX_DEPTH:
                line = int(self.reader._parser.CurrentLineNumber)
                raise InputError(self.path, f"XML nested deeper than {MAX_DEPTH:,} elements; refused", line)
            items = tuple((_local(k), v) for k, v in attrs.items())
            own = self.shared.get(items)
            if own is None:
                own = dict(items)
                if len(self.shared) < 4096:
                    self.shared[items] = own
            node = Element(_local(name), own, self.index())
            if stack:
                stack[-1].children.append(node)
            else:
                self.roots.append(node)
            stack.append(node)
            if node.name in self.units:
                self.open_units += 1

        def endElement(self, name: str) -> None:
            stack = self.stack
            node = stack.pop()
            at = self.index()
            data = self.source.data
            if data.startswith(b"</", at):
                close = data.find(b">", at)
                at = close + 1 if close >= 0 else at
            node.end = at
            if node.name in self.units:
                self.open_units -= 1
                if self.on_unit is not None and not self.open_units and stack:  # not inside another unit
                    _resolve(node, self.source)
                    self.on_unit(node, stack, self.source)
                    stack[-1].children.pop()  # the element just ended is its parent's last child

        def characters(self, content: str) -> None:
            if self.stack:
                self.stack[-1].children.append(Chunk(content, self.index()))

    return Handler


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
