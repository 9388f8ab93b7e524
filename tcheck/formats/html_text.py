"""The character data of an HTML file, decoded as an HTML5 parser decodes it, with file offsets.

No HTML parser reports where in the file a text node's characters come from (lexbor keeps no
positions; html5lib only knows the tokenizer's line and column while it reads). This module is
the small tokenizer pass that does: it follows the HTML5 tokenizer's rules for what is character
data (text between tags, the content of ``<title>``/``<textarea>`` with references decoded, of
``<script>``/``<style>``/``<xmp>``/``<iframe>``/``<noembed>``/``<noframes>`` as it is, everything
after ``<plaintext>``, CDATA sections) and what is not (tags with their attributes, comments, bogus
comments, ``<!DOCTYPE>``, processing instructions, ``<template>`` contents, which parsers keep
outside the tree). The result, :class:`CharData`, is that text as one string, as the parser's
text nodes hold it (``\\r\\n`` and ``\\r`` read as ``\\n``, ``&amp;`` as ``&``), and for every
character the file range it comes from. :mod:`tcheck.formats.html` finds each text node of the
parsed tree in it, in document order.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from html.entities import html5

_RAW = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_ESCAPABLE_RAW = frozenset({"title", "textarea"})  # RCDATA: references are decoded
_FOREIGN = frozenset({"svg", "math"})
# HTML elements that end SVG or MathML content (the HTML5 tree builder's "breakout" list)
_BREAKOUT = frozenset(
    """b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li
    listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var""".split()  # noqa: SIM905
)
# Elements that never hold others (void) or are closed by the next of their kind: not nesting
_FLAT = frozenset(
    """area base br col embed hr img input link meta source track wbr param keygen frame basefont
    bgsound p li dt dd option optgroup tr td th thead tbody tfoot rb rt rp rtc colgroup caption html
    head body""".split()  # noqa: SIM905
)
_WS = " \t\n\r\f"
_REFERENCE = re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_SPECIAL = re.compile(r"[&\r]")
_LONGEST_NAME = max(len(name) for name in html5)


class CharData:
    """Decoded character data and the file range of each of its characters.

    Kept as pieces: a piece is text written in the file as it is (one file character per
    character), or one reference or ``\\r\\n`` line end (its characters all come from the whole
    reference).
    """

    __slots__ = ("_file_len", "_file_start", "_parts", "_start", "depth", "depth_at", "text")

    def __init__(self) -> None:
        self.depth = 0  # how deep elements nest at most (an estimate from the tags, not the tree)
        self.depth_at = 0  # where that depth is reached (file offset)
        self._parts: list[str] = []
        self._start: array[int] = array("q")  # index in ``text`` where each piece begins
        self._file_start: array[int] = array("q")
        self._file_len: array[int] = array("q")  # -1: written as it is
        self.text = ""

    def add(self, decoded: str, file_start: int, file_end: int, literal: bool) -> None:
        if not decoded:
            return
        at = sum(len(p) for p in self._parts[-1:]) + (self._start[-1] if self._start else 0)
        self._start.append(at)
        self._file_start.append(file_start)
        self._file_len.append(-1 if literal else file_end - file_start)
        self._parts.append(decoded)

    def finish(self) -> CharData:
        self.text = "".join(self._parts)
        self._parts = []
        return self

    def file_range(self, index: int) -> tuple[int, int]:
        """The file range ``[start, end)`` that character ``index`` of :attr:`text` comes from."""
        k = bisect.bisect_right(self._start, index) - 1
        start = self._file_start[k]
        length = self._file_len[k]
        if length < 0:
            at = start + index - self._start[k]
            return at, at + 1
        return start, start + length

    def pieces(self, first: int, stop: int) -> list[tuple[int, int, int, int]]:
        """``(text_start, text_end, file_start, file_end)`` of ``text[first:stop]``, cut where the
        file writes a character otherwise than as it is (the file span of such a piece is the
        whole reference or line end)."""
        out: list[tuple[int, int, int, int]] = []
        k = bisect.bisect_right(self._start, first) - 1
        count = len(self._start)
        pos = first
        while pos < stop and k < count:
            piece_end = self._start[k + 1] if k + 1 < count else len(self.text)
            end = min(stop, piece_end)
            start = self._file_start[k]
            length = self._file_len[k]
            if length < 0:
                at = start + pos - self._start[k]
                out.append((pos, end, at, at + end - pos))
            else:
                out.append((pos, end, start, start + length))
            pos = end
            k += 1
        return out


def _tag_end(text: str, at: int) -> int:
    """Where the tag whose attributes begin at ``at`` ends (after its ``>``; -1 when the file ends
    first), reading quoted attribute values as the HTML5 tokenizer does."""
    n = len(text)
    k = at
    while k < n:
        c = text[k]
        if c == ">":
            return k + 1
        if c in _WS or c == "/":
            k += 1
            continue
        k += 1  # the first character of an attribute name may be anything, even '='
        while k < n and text[k] not in _WS and text[k] not in "/>=":
            k += 1
        while k < n and text[k] in _WS:
            k += 1
        if k < n and text[k] == "=":
            k += 1
            while k < n and text[k] in _WS:
                k += 1
            if k < n and text[k] in "\"'":
                close = text.find(text[k], k + 1)
                if close < 0:
                    return -1
                k = close + 1
            else:
                while k < n and text[k] not in _WS and text[k] != ">":
                    k += 1
    return -1


def _named(name: str) -> tuple[str, int] | None:
    """The characters of the longest known reference name at the start of ``name`` and its
    length (HTML5: ``&notit;`` is ``¬`` followed by ``it;``)."""
    for length in range(min(len(name), _LONGEST_NAME), 0, -1):
        value = html5.get(name[:length])
        if value is not None:
            return value, length
    return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.src = text
        self.out = CharData()
        self.template = 0  # <template> elements open: their content is not in the tree
        self.foreign: list[str] = []  # SVG and MathML elements open: no raw text there, CDATA is text
        self.foreign_open: dict[str, int] = {}
        self.open: dict[str, int] = {}  # nesting elements open, by name
        self.depth = 0

    def opened(self, name: str, at: int) -> None:
        if name in _FLAT:
            return
        self.open[name] = self.open.get(name, 0) + 1
        self.depth += 1
        if self.depth > self.out.depth:
            self.out.depth, self.out.depth_at = self.depth, at

    def closed(self, name: str) -> None:
        if self.open.get(name):
            self.open[name] -= 1
            self.depth -= 1

    def leave_foreign(self, name: str | None) -> None:
        """Close the foreign elements down to ``name`` (all of them for None)."""
        while self.foreign:
            top = self.foreign.pop()
            self.foreign_open[top] -= 1
            if top == name:
                break

    def data(self, start: int, end: int, references: bool = True) -> None:
        """Character data ``src[start:end]``: references decoded (unless raw), line ends read."""
        if start >= end or self.template:
            return
        src, out = self.src, self.out
        pos = start
        pattern = _REFERENCE if references else None
        for special in _SPECIAL.finditer(src, start, end):
            at = special.start()
            if at < pos:
                continue
            if src[at] == "&":
                if pattern is None:
                    continue
                match = pattern.match(src, at, end)
                if match is None:
                    continue
                ref = match.group()
                if ref.startswith("&#"):
                    decoded, used = html.unescape(ref), len(ref)
                else:
                    found = _named(ref[1:])
                    if found is None:
                        continue
                    decoded, used = found[0], found[1] + 1
                out.add(src[pos:at], pos, at, True)
                out.add(decoded, at, at + used, False)
                pos = at + used
            else:  # \r: a line end, alone or before \n
                out.add(src[pos:at], pos, at, True)
                crlf = src.startswith("\r\n", at)
                out.add("\n", at, at + (2 if crlf else 1), not crlf)
                pos = at + (2 if crlf else 1)
        out.add(src[pos:end], pos, end, True)

    def raw_element(self, name: str, after: int) -> int:
        """The content of a raw text element up to its end tag; returns where scanning goes on."""
        close = re.compile(rf"</{name}(?=[{_WS}/>])", re.I).search(self.src, after)
        stop = close.start() if close else len(self.src)
        self.data(after, stop, name in _ESCAPABLE_RAW)
        return stop

    def run(self) -> CharData:
        src = self.src
        n = len(src)
        i = 0
        while i < n:
            j = src.find("<", i)
            if j < 0:
                self.data(i, n)
                break
            self.data(i, j)
            i = self.markup(j)
        return self.out.finish()

    def markup(self, j: int) -> int:
        """Read the markup starting with ``<`` at ``j``; returns where text may go on."""
        src = self.src
        n = len(src)
        nxt = src[j + 1 : j + 2]
        if src.startswith("<!--", j):
            for short in ("<!-->", "<!--->"):
                if src.startswith(short, j):
                    return j + len(short)
            ends = [e for e in (src.find("-->", j + 4), src.find("--!>", j + 4)) if e >= 0]
            end = min(ends) if ends else n
            return n if not ends else end + (3 if src.startswith("-->", end) else 4)
        if src.startswith("<![CDATA[", j) and self.foreign:
            close = src.find("]]>", j + 9)
            stop = close if close >= 0 else n
            self.data(j + 9, stop, references=False)
            return stop + 3 if close >= 0 else n
        if nxt in ("!", "?"):
            close = src.find(">", j + 2)
            return close + 1 if close >= 0 else n
        if nxt == "/":
            after = src[j + 2 : j + 3]
            if after == ">":
                return j + 3
            if not after:
                self.data(j, n)  # '</' at the end of the file is text
                return n
            if not (after.isascii() and after.isalpha()):
                close = src.find(">", j + 2)  # a bogus comment
                return close + 1 if close >= 0 else n
            name, end = self.name(j + 2)
            if end < 0:
                return n  # a tag cut off by the end of the file is dropped
            self.closed(name)
            if self.foreign_open.get(name):
                self.leave_foreign(name)
            elif self.foreign and name in ("p", "br"):
                self.leave_foreign(None)
            elif name == "template" and self.template and not self.foreign:
                self.template -= 1
            return end
        if nxt.isascii() and nxt.isalpha():
            name, end = self.name(j + 1)
            if end < 0:
                return n  # a tag cut off by the end of the file is dropped
            if self.foreign and name in _BREAKOUT:
                self.leave_foreign(None)
            if not (self.foreign and src[end - 2 : end] == "/>"):
                self.opened(name, j)
            if name in _FOREIGN:
                if src[end - 2 : end] != "/>":
                    self.foreign.append(name)
                    self.foreign_open[name] = self.foreign_open.get(name, 0) + 1
            elif self.foreign:
                return end
            elif name == "template":
                self.template += 1
            elif name in _RAW or name in _ESCAPABLE_RAW:
                return self.raw_element(name, end)
            elif name == "plaintext":
                self.data(end, n, references=False)
                return n
            return end
        self.data(j, j + 1)  # a '<' that starts no markup is text
        return j + 1

    def name(self, at: int) -> tuple[str, int]:
        """The tag name starting at ``at`` (lower case) and where the tag ends (-1: never)."""
        src = self.src
        k = at
        n = len(src)
        while k < n and src[k] not in _WS and src[k] not in "/>":
            k += 1
        return src[at:k].lower(), _tag_end(src, k)


def char_data(text: str) -> CharData:
    """The character data of the HTML ``text`` with the file range of every character."""
    return _Scanner(text).run()
