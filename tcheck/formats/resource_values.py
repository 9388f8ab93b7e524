"""The tree every resource-file parser produces: mappings, lists and strings that know where
each of their characters is in the file.

A parser (:mod:`~tcheck.formats.resources_json`, :mod:`~tcheck.formats.resources_yaml`,
:mod:`~tcheck.formats.resources_toml`) turns a file into a :data:`Node`: a ``dict`` (keys in file
order; a repeated key keeps its last value, as the formats' own loaders do), a ``list``, a
:class:`Str`, or ``None`` for anything that is not a string (numbers, booleans, nulls, YAML
aliases). Nesting is limited to :data:`MAX_DEPTH` levels so that no later walk can run away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from tcheck.errors import InputError

MAX_DEPTH = 200
"""Deeper nesting than this is not a translation file: the parsers stop with an InputError."""


@dataclass(frozen=True, slots=True)
class Str:
    """A string value and where it is in the file.

    ``start``/``end`` delimit the value's characters in the file (quotes excluded). When the value
    is not a verbatim copy of ``text[start:end]`` (escapes, quoting, folded lines), ``starts`` and
    ``ends`` give the file span of each character of ``value``; a character that could not be
    placed exactly spans the whole value.
    """

    value: str
    start: int
    end: int
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None


Node: TypeAlias = "dict[str, Node] | list[Node] | Str | None"

Atom: TypeAlias = tuple[str, int, int]
"""What one piece of raw file text stands for: ``(decoded text, file start, file end)``; the
decoded text is one character, or nothing (an escaped line break)."""


def syntax_error(
    path: str, what: str, message: str, line: int | None, column: int | None = None
) -> InputError:
    """A file that cannot be parsed: ``invalid JSON at line 4, column 3: expected a value``. The
    position is in the message too, since TC001 findings are placed on the file as a whole."""
    where = f" at line {line}" if line else ""
    where += f", column {column}" if line and column else ""
    return InputError(path, f"invalid {what}{where}: {message}", line)


def too_deep(path: str, text: str, offset: int) -> InputError:
    """The error for nesting deeper than :data:`MAX_DEPTH`."""
    line = text.count("\n", 0, offset) + 1
    return InputError(
        path, f"nested deeper than {MAX_DEPTH} levels at line {line}: not a translation file", line
    )


def whole(value: str, start: int, end: int) -> Str:
    """A string whose characters cannot be placed one by one: each spans the whole value."""
    n = len(value)
    return Str(value, start, end, (start,) * n, (end,) * n)


def from_atoms(value: str, atoms: Sequence[Atom], start: int, end: int) -> Str:
    """Place every character of ``value`` on the raw ``atoms`` it was decoded from.

    Atoms that decode to the character are taken one by one; a space or line break of the value
    that stands for a folded line break takes the whole run of white space it replaced; white
    space and empty atoms the value does not contain (indentation, trimmed line ends, escaped
    line breaks) are skipped. When the value cannot be placed this way the string falls back to
    :func:`whole`.
    """
    starts: list[int] = []
    ends: list[int] = []
    j, n = 0, len(atoms)
    for ch in value:
        while True:
            if j >= n:
                return whole(value, start, end)
            piece, a, b = atoms[j]
            if piece == ch:
                starts.append(a)
                ends.append(b)
                j += 1
                break
            if ch in " \n" and piece.isspace():
                k = j
                while k < n and (atoms[k][0] == "" or atoms[k][0].isspace()):
                    k += 1
                starts.append(a)
                ends.append(atoms[k - 1][2])
                j = k
                break
            if piece == "" or piece.isspace():
                j += 1
                continue
            return whole(value, start, end)
    if not starts:
        return Str(value, start, end)
    linear = all(s == starts[0] + i and e == s + 1 for i, (s, e) in enumerate(zip(starts, ends, strict=True)))
    if linear:
        return Str(value, starts[0], ends[-1])
    return Str(value, start, end, tuple(starts), tuple(ends))


def verbatim_atoms(text: str, start: int, end: int) -> list[Atom]:
    """Each character of ``text[start:end]`` standing for itself."""
    return [(text[i], i, i + 1) for i in range(start, end)]
