"""Settings files (TOML configuration and glossaries, JSON baselines) read with a line for every
problem: text that is not UTF-8, nesting too deep for the parser, numbers too long to convert.

A problem is a :class:`Problem` with the 1-based line it was found on (None when unknown); the
caller turns it into its own one-line error (``FILE:LINE: message``).
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

MAX_NESTING = 100  # brackets deeper than this are where a "nested too deeply" error points


class Problem(Exception):
    """Why a settings file cannot be read, and on which line."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def where(path: object, line: int | None) -> str:
    """``path:line``, or ``path`` when the line is unknown."""
    return f"{path}:{line}" if line else str(path)


def decode(data: bytes) -> str:
    """UTF-8 text (a leading byte order mark is dropped), or a :class:`Problem` at the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]
        kind = "UTF-16 or binary" if utf16 else "not UTF-8"
        line = data.count(b"\n", 0, exc.start) + 1
        raise Problem(line, f"{kind} text (byte {exc.start} cannot be decoded); save it as UTF-8") from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def load_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads`` with every failure a :class:`Problem`."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        if found is None:
            last = len(text.rstrip().splitlines()) or 1  # "at end of document"
            raise Problem(last, f"invalid TOML: {message}") from None
        detail = _TOML_POSITION.sub("", message)
        raise Problem(int(found.group(1)), f"invalid TOML: {detail} (column {found.group(2)})") from None
    except RecursionError:
        raise Problem(
            nesting_line(text), f"invalid TOML: arrays or tables nested more than {MAX_NESTING} deep"
        ) from None


def load_json(text: str) -> Any:
    """``json.loads`` with every failure a :class:`Problem`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Problem(exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise Problem(nesting_line(text), f"invalid JSON: nested more than {MAX_NESTING} deep") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        long_number = re.search(r"\d{4000,}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise Problem(line, f"invalid JSON: {exc}") from None


_TOKENS = re.compile(
    r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}\n]',
    re.DOTALL,
)


def nesting_line(text: str, limit: int = MAX_NESTING) -> int | None:
    """The line where brackets (``[`` ``{``) outside strings and comments first nest deeper than
    ``limit``, in TOML or JSON text; None when they never do."""
    depth, line = 0, 1
    for match in _TOKENS.finditer(text):
        token = match.group(0)
        if token in "[{":
            depth += 1
            if depth > limit:
                return line
        elif token in "]}":
            depth -= 1
        else:
            line += token.count("\n")
    return None


def key_line(text: str, key: str, table: str | None = None) -> int | None:
    """The line of ``key = ...`` in TOML text, preferably inside ``[table]`` (a table whose name
    ends with ``table``, compared without case: ``[tool.tcheck.options.TC303]`` for ``options.TC303``)."""
    key_pattern = re.compile(rf"""^\s*(?:[\w.\-"']+\.)?["']?{re.escape(key)}["']?\s*=""")
    lines = text.splitlines()
    start = 0
    if table is not None:
        wanted = table.lower()
        for number, line in enumerate(lines):
            header = line.strip()
            if header.startswith("[") and header.strip("[] \t").lower().endswith(wanted):
                start = number + 1
                break
    for number in range(start, len(lines)):
        if key_pattern.match(lines[number]):
            return number + 1
    if start:
        return key_line(text, key)
    return None
