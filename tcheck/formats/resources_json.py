"""A JSON parser that keeps positions: every string knows the file offsets of its characters.

The standard library's ``json`` forgets where values are, so this is a small iterative parser
(no recursion: nesting cannot exhaust the stack; deeper than ``MAX_DEPTH`` levels is an input
error) that uses ``json.decoder.scanstring`` for the strings and walks a string's escapes only when
it has some (``\\n`` is one character spanning two in the file, ``\\u00e9`` one spanning six, a
surrogate pair ``\\ud83d\\ude00`` one spanning twelve). It reads strict JSON (RFC 8259); a file that
is not is an :class:`InputError` naming the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import cast

from tcheck.errors import InputError
from tcheck.formats.resource_values import MAX_DEPTH, Node, Str, syntax_error, too_deep, whole

scanstring = cast(Callable[[str, int, bool], tuple[str, int]], vars(json.decoder)["scanstring"])
_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


class _Scanner:
    def __init__(self, path: str, text: str) -> None:
        self.path, self.text = path, text

    def error(self, message: str, offset: int) -> InputError:
        line = self.text.count("\n", 0, offset) + 1
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return syntax_error(self.path, "JSON", message, line, column)

    def ws(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return match.end() if match else i

    def string(self, i: int) -> tuple[str, int]:
        """The string whose opening quote is at ``i`` and the offset after its closing quote."""
        try:
            return scanstring(self.text, i + 1, True)
        except json.JSONDecodeError as exc:
            message = re.sub(r"\s+(?:starting )?at$", "", exc.msg).lower()
            raise self.error(message, exc.pos) from None

    def value_string(self, i: int) -> tuple[Str, int]:
        value, end = self.string(i)
        start, stop = i + 1, end - 1
        if self.text.find("\\", start, stop) == -1:
            return Str(value, start, stop), end
        return _escaped(self.text, value, start, stop), end

    def key(self, i: int) -> tuple[str, int]:
        """An object key at ``i``, then ``:``; returns the key and the offset of its value."""
        if self.text.startswith('"', i):
            key, i = self.string(i)
            i = self.ws(i)
            if self.text.startswith(":", i):
                return key, self.ws(i + 1)
            raise self.error("expected ':' after an object key", i)
        raise self.error(
            "expected a quoted object key" if i < len(self.text) else "unexpected end of file", i
        )

    def parse(self) -> Node:
        text = self.text
        stack: list[tuple[dict[str, Node] | list[Node], str]] = []
        i = self.ws(0)
        while True:
            # a value starts at i
            value: Node
            if text.startswith("{", i) or text.startswith("[", i):
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(self.path, text, i)
                is_object = text[i] == "{"
                i = self.ws(i + 1)
                if text.startswith("}" if is_object else "]", i):
                    value, i = ({} if is_object else []), i + 1
                else:
                    container: dict[str, Node] | list[Node] = {} if is_object else []
                    key = ""
                    if is_object:
                        key, i = self.key(i)
                    stack.append((container, key))
                    continue
            elif text.startswith('"', i):
                value, i = self.value_string(i)
            else:
                match = _SCALAR.match(text, i)
                if match is None:
                    raise self.error("expected a value" if i < len(text) else "unexpected end of file", i)
                value, i = None, match.end()
            # the value is complete: store it, then close containers or move to the next item
            while True:
                if not stack:
                    i = self.ws(i)
                    if i < len(text):
                        raise self.error("extra data after the top-level value", i)
                    return value
                container, key = stack[-1]
                if isinstance(container, dict):
                    container[key] = value
                else:
                    container.append(value)
                i = self.ws(i)
                closer = "}" if isinstance(container, dict) else "]"
                if text.startswith(",", i):
                    i = self.ws(i + 1)
                    if isinstance(container, dict):
                        key, i = self.key(i)
                        stack[-1] = (container, key)
                    break
                if text.startswith(closer, i):
                    stack.pop()
                    value, i = container, i + 1
                    continue
                raise self.error(f"expected ',' or '{closer}'", i)


def _escaped(text: str, value: str, start: int, end: int) -> Str:
    """Per-character offsets of a string with escapes (runs without escapes copied at once)."""
    starts: list[int] = []
    ends: list[int] = []
    i = start
    while i < end:
        k = text.find("\\", i, end)
        if k == -1:
            k = end
        starts.extend(range(i, k))
        ends.extend(range(i + 1, k + 1))
        if k == end:
            break
        width = 2
        if text[k + 1] == "u":
            width = 6
            code = int(text[k + 2 : k + 6], 16)
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", k + 6):
                low = text[k + 8 : k + 12]
                if len(low) == 4 and 0xDC00 <= int(low, 16) < 0xE000:
                    width = 12
        starts.append(k)
        ends.append(k + width)
        i = k + width
    if len(starts) != len(value):
        return whole(value, start, end)
    return Str(value, start, end, tuple(starts), tuple(ends))


def parse(path: str, text: str) -> Node:
    """The tree of a JSON file (see :mod:`tcheck.formats.resource_values`)."""
    return _Scanner(path, text).parse()
