"""Front matter of Markdown files: metadata, and the values people translate as prose.

YAML front matter (between ``---`` lines, read by mdit-py-plugins' front_matter plugin) and TOML
front matter (between ``+++`` lines, read by the rule here) give:

- metadata: every top-level ``key: value`` / ``key = value`` with its quotes removed (``date``,
  ``lang`` ... the checks and the loader use it);
- prose: the values of the translatable keys, by default ``title``, ``description``, ``linkTitle``
  and ``summary`` (configurable with ``[tool.tcheck.options.markdown] prose-keys = [...]``, compared
  without regard to case). Each value is its own piece at its own place in the file; quotes,
  block-scalar indicators (``>-``, ``|``), indentation and backslashes of escapes are not prose.

Only top-level keys count: YAML keys at the start of a line, TOML keys before the first
``[table]``. Values in flow syntax (``[a, b]``, ``{...}``) are not prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.front_matter import front_matter_plugin

from tcheck.errors import UsageError

DEFAULT_PROSE_KEYS = ("title", "description", "linkTitle", "summary")

_YAML_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)", re.M)
_TOML_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*=[ \t]*")
_TOML_TABLE = re.compile(r"\[")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d*[+-]?[ \t]*(?:#.*)?$")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)
_SINGLE = re.compile(r"'((?:[^']|'')*)'", re.S)
_TOML_LITERAL = re.compile(r"'([^'\n]*)'")
_BACKSLASHED = re.compile(r"\\([\\\"])")
_TOML_MULTI = {'"""': re.compile(r'"""(.*?)"""', re.S), "'''": re.compile(r"'''(.*?)'''", re.S)}
_ESCAPES = {'"': re.compile(r"\\.", re.S), "'": re.compile(r"''")}
_COMMENT = re.compile(r"[ \t]+#.*$")


@dataclass
class FrontMatter:
    """What the front matter says: ``metadata`` (lower-case keys) and prose ``values``, each a
    list of file ranges ``(start, end)`` under its key."""

    metadata: dict[str, str] = field(default_factory=dict)
    values: list[tuple[str, list[tuple[int, int]]]] = field(default_factory=list)


def _toml_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """TOML front matter: ``+++`` on the first line, up to the next ``+++`` line."""
    if start_line != 0 or not state.src.startswith("+++"):
        return False
    if state.src[3 : state.eMarks[0]].strip():
        return False
    line = 1
    while line < end_line:
        begin = state.bMarks[line]
        if state.src[begin : state.eMarks[line]].rstrip() == "+++":
            break
        line += 1
    else:
        return False
    if silent:
        return True
    token = state.push("front_matter", "", 0)
    token.hidden = True
    token.markup = "+++"
    token.block = True
    token.content = state.src[state.bMarks[1] : state.eMarks[line - 1]] if line > 1 else ""
    token.map = [0, line + 1]
    state.line = line + 1
    return True


def front_matter_rules(md: MarkdownIt) -> None:
    """YAML (the plugin) and TOML front matter as ``front_matter`` tokens."""
    md.use(front_matter_plugin)
    md.block.ruler.before("front_matter", "front_matter_toml", _toml_rule)


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    tail = len(piece.rstrip())
    return [(start + lead, start + tail)] if tail > lead else []


def _per_line(text: str, start: int, end: int, quote: str = "") -> list[tuple[int, int]]:
    """The trimmed lines of ``text[start:end]``; in a quoted string (``quote``), the first
    character of each escape (``\\"`` in double quotes, ``''`` in single quotes) left out."""
    runs: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        runs.extend(_trimmed(text, pos, stop))
        pos = stop + 1
    escape = _ESCAPES.get(quote)
    if escape is None or escape.search(text, start, end) is None:
        return runs
    split: list[tuple[int, int]] = []
    for run_start, run_end in runs:
        at = run_start
        for match in escape.finditer(text, run_start, run_end):
            split.append((at, match.start()))
            at = match.start() + 1
        split.append((at, run_end))
    return [(a, b) for a, b in split if b > a]


def _quoted(
    text: str, pos: int, limit: int, toml: bool = False
) -> tuple[list[tuple[int, int]], str, int] | None:
    """Prose ranges, unescaped value and end of the quoted string at ``pos``."""
    quote = text[pos]
    pattern = _DOUBLE if quote == '"' else _TOML_LITERAL if toml else _SINGLE
    match = pattern.match(text, pos, limit)
    if match is None:
        return None
    value = match.group(1)
    if quote == '"':
        value = _BACKSLASHED.sub(r"\1", value)
    elif not toml:
        value = value.replace("''", "'")
        quote = "'"
    else:
        quote = ""
    return _per_line(text, match.start(1), match.end(1), quote), value, match.end()


def _yaml_value(text: str, pos: int, line_end: int, limit: int) -> tuple[list[tuple[int, int]], str]:
    """Prose ranges and metadata value of the YAML value starting at ``pos``."""
    first = text[pos] if pos < line_end else ""
    if first in "\"'":
        found = _quoted(text, pos, limit)
        if found is not None:
            return found[0], found[1]
    raw = text[pos:line_end].rstrip()
    if not raw or first in "[{&*!@`%":
        return [], raw.strip("\"'")
    block = _BLOCK_SCALAR.match(raw) is not None
    runs = [] if block else _per_line(text, pos, pos + len(_COMMENT.sub("", raw)))
    # Continuation lines: indented (a block scalar's body, or a plain scalar's next lines).
    at = line_end + 1
    while at < limit:
        stop = text.find("\n", at, limit)
        stop = limit if stop < 0 else stop
        line = text[at:stop]
        if line.strip() and not line[:1].isspace():
            break
        runs.extend(_trimmed(text, at, stop))
        at = stop + 1
    value = " ".join(text[a:b] for a, b in runs) if block else raw.strip("\"'")
    return runs, value


def _toml_value(text: str, pos: int, line_end: int, limit: int) -> tuple[list[tuple[int, int]], str]:
    for quotes, pattern in _TOML_MULTI.items():
        if text.startswith(quotes, pos):
            match = pattern.match(text, pos, limit)
            if match is None:
                return [], ""
            return _per_line(text, match.start(1), match.end(1)), match.group(1).strip()
    raw = text[pos:line_end].rstrip()
    if raw[:1] in "\"'":
        found = _quoted(text, pos, line_end, toml=True)
        if found is not None:
            return found[0], found[1]
    return [], raw.strip("\"'")


def read_front_matter(text: str, start: int, end: int, toml: bool, prose_keys: Iterable[str]) -> FrontMatter:
    """Metadata and prose of the front matter whose lines are ``text[start:end]``."""
    wanted = {key.lower() for key in prose_keys}
    result = FrontMatter()
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        if toml and _TOML_TABLE.match(text, pos, line_end):
            break
        key_match = (_TOML_KEY if toml else _YAML_KEY).match(text, pos, line_end)
        if key_match is not None:
            value_at = key_match.end()
            while value_at < line_end and text[value_at] in " \t":
                value_at += 1
            reader = _toml_value if toml else _yaml_value
            runs, value = reader(text, value_at, line_end, end)
            key = key_match.group(1)
            if value:
                result.metadata[key.lower()] = value
            if key.lower() in wanted and runs:
                result.values.append((key, runs))
        pos = line_end + 1
    return result


def prose_keys_option(options: Mapping[str, Any] | None) -> tuple[str, ...] | None:
    """The ``prose-keys`` reader option (``[tool.tcheck.options.markdown]``), or None for the
    default; a value that is not a list of strings is a usage error."""
    value = (options or {}).get("prose-keys")
    if value is None:
        return None
    if not isinstance(value, list | tuple) or not all(isinstance(key, str) for key in value):
        raise UsageError("[options.markdown] prose-keys must be a list of front-matter keys")
    return tuple(value)
