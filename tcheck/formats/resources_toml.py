"""TOML resource files (Hugo ``i18n/{lang}.toml``) with positions.

``tomllib`` validates the file and gives the values; it keeps no positions, so a small locator
walks the file once more (table headers, arrays of tables, dotted and quoted keys, inline tables,
arrays, the four kinds of strings) and records where each string value is and which raw
characters each of its characters comes from (escapes such as ``\\u00e9``, line-ending
backslashes of multi-line strings). A string is placed only where the located text decodes to
tomllib's value; otherwise it spans its whole value.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from tcheck.formats.resource_values import MAX_DEPTH, Atom, Node, from_atoms, syntax_error, too_deep

Path = tuple[str | int, ...]
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")  # white space, line breaks and comments
_INLINE_WS = re.compile(r"[ \t]*")
_SCALAR_END = re.compile(r"[,\]}\n#]")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}
_HEX = {"u": 4, "U": 8, "x": 2}
_LINE_END_BACKSLASH = re.compile(r"\\[ \t]*\r?\n[ \t\r\n]*")


def _string(text: str, i: int) -> tuple[list[Atom], int, int, int]:
    """The string starting at ``i``: its atoms, body start and end, and the offset after it."""
    delim = text[i : i + 3] if text.startswith(('"""', "'''"), i) else text[i]
    literal = delim[0] == "'"
    body = i + len(delim)
    j = body
    atoms: list[Atom] = []
    if len(delim) == 3 and text.startswith(("\n", "\r\n"), j):  # first line break trimmed
        j += 1 if text[j] == "\n" else 2
    n = len(text)
    while j < n:
        if text.startswith(delim, j):
            run = len(delim)
            if len(delim) == 3:  # up to two quotes before the closing delimiter are content
                while run < 5 and j + run < n and text[j + run] == delim[0]:
                    run += 1
                atoms.extend((delim[0], k, k + 1) for k in range(j, j + run - 3))
            return atoms, body, j + run - 3 if len(delim) == 3 else j, j + run
        ch = text[j]
        if ch != "\\" or literal:
            atoms.append((ch, j, j + 1))
            j += 1
            continue
        nxt = text[j + 1 : j + 2]
        if nxt in _ESCAPES:
            atoms.append((_ESCAPES[nxt], j, j + 2))
            j += 2
        elif nxt in _HEX:
            width = _HEX[nxt]
            atoms.append((chr(int(text[j + 2 : j + 2 + width], 16)), j, j + 2 + width))
            j += 2 + width
        elif match := _LINE_END_BACKSLASH.match(text, j):
            atoms.append(("", j, match.end()))
            j = match.end()
        else:
            atoms.append((ch, j, j + 1))
            j += 1
    return atoms, body, j, j


class _Locator:
    """Finds every string value of a valid TOML file: path → (atoms, body start, body end)."""

    def __init__(self, path: str, text: str) -> None:
        self.path, self.text = path, text
        self.found: dict[Path, tuple[list[Atom], int, int]] = {}
        self.counts: dict[Path, int] = {}

    def blank(self, i: int, lines: bool) -> int:
        match = (_BLANK if lines else _INLINE_WS).match(self.text, i)
        return match.end() if match else i

    def key(self, i: int) -> tuple[tuple[str, ...], int]:
        keys: list[str] = []
        text = self.text
        while True:
            i = self.blank(i, False)
            if text.startswith(('"', "'"), i):
                atoms, _, _, i = _string(text, i)
                keys.append("".join(a[0] for a in atoms))
            else:
                match = _BARE.match(text, i)
                if match is None:
                    return tuple(keys), i
                keys.append(match.group(0))
                i = match.end()
            i = self.blank(i, False)
            if not text.startswith(".", i):
                return tuple(keys), i
            i += 1

    def header(self, raw: tuple[str, ...], is_array: bool) -> Path:
        path: Path = ()
        for m, key in enumerate(raw):
            path = (*path, key)
            if m == len(raw) - 1 and is_array:
                self.counts[path] = self.counts.get(path, -1) + 1
                path = (*path, self.counts[path])
            elif path in self.counts:
                path = (*path, self.counts[path])
        return path

    def value(self, i: int, path: Path) -> int:
        """Read one value at ``i`` (arrays and inline tables without recursion)."""
        text = self.text
        frames: list[list[Any]] = []  # [kind, path, index]
        while True:
            i = self.blank(i, bool(frames and frames[-1][0] == "array"))
            if text.startswith(('"', "'"), i):
                atoms, start, end, i = _string(text, i)
                self.found[path] = (atoms, start, end)
            elif text.startswith(("[", "{"), i):
                if len(frames) >= MAX_DEPTH:
                    raise too_deep(self.path, text, i)
                kind = "array" if text[i] == "[" else "inline"
                frames.append([kind, path, 0])
                i = self.blank(i + 1, kind == "array")
                if not text.startswith("]" if kind == "array" else "}", i):
                    if kind == "array":
                        path = (*path, 0)
                    else:
                        keys, i = self.key(i)
                        i = self.blank(i, False) + 1  # "="
                        path = (*path, *keys)
                    continue
                frames.pop()
                i += 1
            else:
                match = _SCALAR_END.search(text, i)
                i = match.start() if match else len(text)
            while frames:  # the value is complete
                kind, base, index = frames[-1]
                i = self.blank(i, kind == "array")
                if text.startswith(",", i):
                    i = self.blank(i + 1, kind == "array")
                    if kind == "array" and not text.startswith("]", i):
                        frames[-1][2] = index + 1
                        path = (*base, index + 1)
                        break
                    if kind == "inline":
                        keys, i = self.key(i)
                        i = self.blank(i, False) + 1
                        path = (*base, *keys)
                        break
                if text.startswith("]" if kind == "array" else "}", i):
                    frames.pop()
                    i += 1
                    continue
                return i  # not reached for valid TOML
            else:
                return i

    def run(self) -> dict[Path, tuple[list[Atom], int, int]]:
        text = self.text
        table: Path = ()
        i = 0
        while True:
            i = self.blank(i, True)
            if i >= len(text):
                return self.found
            if text.startswith("[", i):
                is_array = text.startswith("[[", i)
                raw, i = self.key(i + (2 if is_array else 1))
                table = self.header(raw, is_array)
                i = self.blank(i, False) + (2 if is_array else 1)
                continue
            keys, after = self.key(i)
            if not keys:  # not reached for valid TOML
                return self.found
            i = self.blank(after, False) + 1  # "="
            i = self.value(i, (*table, *keys))


def parse(path: str, text: str) -> Node:
    """The tree of a TOML file (see :mod:`tcheck.formats.resource_values`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$", message)
        line = column = None
        if match and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        elif match:
            line = text.count("\n") + 1
        message = message[: match.start()].strip() if match else message
        raise syntax_error(path, "TOML", f"{message[:1].lower()}{message[1:]}", line, column) from None
    except RecursionError:
        raise too_deep(path, text, 0) from None
    found = _Locator(path, text).run()

    def convert(value: Any, where: Path) -> Node:
        if isinstance(value, str):
            spot = found.get(where)
            if spot is None:
                return None  # not located: left unchecked rather than misplaced
            atoms, start, end = spot
            return from_atoms(value, atoms, start, end)
        return None

    root: dict[str, Node] = {}
    todo: list[tuple[Any, Path, dict[str, Node] | list[Node]]] = [(data, (), root)]
    while todo:
        value, where, out = todo.pop()
        if len(where) > MAX_DEPTH:
            raise too_deep(path, text, 0)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            child: Node
            if isinstance(item, dict | list):
                child = {} if isinstance(item, dict) else []
                todo.append((item, (*where, key), child))
            else:
                child = convert(item, (*where, key))
            if isinstance(out, dict):
                out[str(key)] = child
            else:
                out.append(child)
    return root
