"""YAML resource files (Rails locales, Hugo ``i18n/*.yaml``, ``_category_.yml``) with positions.

Parsed with PyYAML's safe parser (``yaml.parse`` with ``SafeLoader``: events only, nothing is
constructed, no tag runs code, aliases are never expanded) and composed here without recursion.
Scalars keep the file offsets of their characters: plain and single-line scalars exactly, double
quoted ones through their escapes (``\\u00e9``, ``\\n``, ``\\x41``, escaped line breaks), single
quoted ones through ``''``; multi-line plain, quoted and block scalars (``|``, ``>``) map each folded
line break to the white space it replaced. A scalar whose characters cannot be placed one by one
spans its whole value. Keys are taken as written (``no:`` is the key ``no``, not false); values
that YAML resolves to something other than a string (``5``, ``true``, ``~``) are not prose, and
neither are aliases (their text is checked where the anchor is). Only the first document of a
multi-document stream is read.
"""

from __future__ import annotations

import re

import yaml
from yaml.resolver import Resolver

from tcheck.errors import InputError
from tcheck.formats.resource_values import (
    MAX_DEPTH,
    Atom,
    Node,
    Str,
    from_atoms,
    syntax_error,
    too_deep,
    verbatim_atoms,
)

_STR_TAG = "tag:yaml.org,2002:str"
_PROPERTIES = re.compile(r"(?:[&!][^\s]*[ \t]+)*")
_SIMPLE_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}
_resolver = Resolver()


def _double_quoted(text: str, start: int, end: int) -> list[Atom]:
    """Atoms of the body of a double-quoted scalar (``start``/``end`` inside the quotes)."""
    atoms: list[Atom] = []
    i = start
    while i < end:
        ch = text[i]
        if ch != "\\":
            atoms.append((ch, i, i + 1))
            i += 1
            continue
        nxt = text[i + 1] if i + 1 < end else ""
        if nxt in _SIMPLE_ESCAPES:
            atoms.append((_SIMPLE_ESCAPES[nxt], i, i + 2))
            i += 2
        elif nxt in _HEX_WIDTH:
            width = _HEX_WIDTH[nxt]
            try:
                atoms.append((chr(int(text[i + 2 : i + 2 + width], 16)), i, i + 2 + width))
            except ValueError:
                return []
            i += 2 + width
        elif nxt in "\r\n":  # escaped line break: nothing
            stop = i + 3 if text.startswith("\r\n", i + 1) else i + 2
            atoms.append(("", i, stop))
            i = stop
        else:
            return []
    return atoms


def _single_quoted(text: str, start: int, end: int) -> list[Atom]:
    atoms: list[Atom] = []
    i = start
    while i < end:
        if text.startswith("''", i):
            atoms.append(("'", i, i + 2))
            i += 2
        else:
            atoms.append((text[i], i, i + 1))
            i += 1
    return atoms


def _index(mark: object) -> int:
    index = getattr(mark, "index", 0)
    return index if isinstance(index, int) else 0


def _scalar(text: str, event: yaml.ScalarEvent) -> Str:
    value = event.value
    start, end = _index(event.start_mark), _index(event.end_mark)
    style = event.style
    if style is None:  # plain: skip an anchor or tag in front
        match = _PROPERTIES.match(text, start, end)
        start = match.end() if match else start
        if text.startswith(value, start) and start + len(value) == end:
            return Str(value, start, end)
        atoms = verbatim_atoms(text, start, end)
    elif style in "\"'":
        open_at = text.find(style, start, end)
        if open_at == -1:
            return Str(value, start, end) if text[start:end] == value else from_atoms(value, [], start, end)
        body_start, body_end = open_at + 1, end - 1
        if style == "'":
            atoms = _single_quoted(text, body_start, body_end)
        else:
            atoms = _double_quoted(text, body_start, body_end)
        start, end = body_start, body_end
    else:  # block scalar: the text starts on the line after the header
        header_end = text.find("\n", start, end)
        start = end if header_end == -1 else header_end + 1
        atoms = verbatim_atoms(text, start, end)
    return from_atoms(value, atoms, start, end)


def _is_string(event: yaml.ScalarEvent) -> bool:
    tag = event.tag
    if tag is None or tag == "!":
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    return bool(tag == _STR_TAG)


def _error(path: str, exc: yaml.YAMLError) -> InputError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return syntax_error(path, "YAML", problem, None)
    return syntax_error(path, "YAML", problem, mark.line + 1, mark.column + 1)


_SKIP = object()  # a complex or aliased mapping key: its value is not read


def parse(path: str, text: str) -> Node:
    """The tree of the first document of a YAML file (see :mod:`tcheck.formats.resource_values`)."""
    stack: list[tuple[dict[str, Node] | list[Node], object]] = []
    root: Node = None
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            node: Node
            raw_key: object = _SKIP
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise too_deep(path, text, _index(event.start_mark))
                container: dict[str, Node] | list[Node] = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                stack.append((container, None))
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node = stack.pop()[0]
            elif isinstance(event, yaml.ScalarEvent):
                node = _scalar(text, event) if _is_string(event) else None
                raw_key = event.value
            elif isinstance(event, yaml.AliasEvent):
                node = None
            elif isinstance(event, yaml.DocumentEndEvent):
                break
            else:
                continue
            if not stack:
                root = node
                continue
            parent, key = stack[-1]
            if isinstance(parent, list):
                parent.append(node)
            elif key is None:  # this node is a key
                stack[-1] = (parent, raw_key)
            else:
                if isinstance(key, str) and key != "<<":
                    parent[key] = node
                stack[-1] = (parent, None)
    except yaml.YAMLError as exc:
        raise _error(path, exc) from None
    return root
