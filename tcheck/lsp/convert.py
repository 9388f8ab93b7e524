"""Positions between tcheck and LSP: tcheck's spans count code points, LSP counts UTF-16 code
units per line (a character beyond U+FFFF, such as an emoji or a rare CJK ideograph, is two)."""

from __future__ import annotations

import bisect
from array import array


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Index:
    """Maps code-point offsets of one text to LSP ``(line, character)`` positions and back.

    Lines end at ``\\n`` (a ``\\r`` before it stays at the end of its line, as LSP counts it).
    """

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = array("q", [0])
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 0-based line and UTF-16 character of code-point ``offset``."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line, utf16_length(self.text[self._starts[line] : offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to its line, as LSP asks)."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start = self._starts[line]
        end = self._starts[line + 1] - 1 if line + 1 < len(self._starts) else len(self.text)
        units = 0
        at = start
        while at < end and units < character:
            units += 2 if ord(self.text[at]) > 0xFFFF else 1
            at += 1
        return at
