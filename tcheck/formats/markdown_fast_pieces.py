"""Pieces of the fast Markdown reader (:mod:`tcheck.formats.markdown_fast`): the pre-scan that
sends pages to markdown-it, front matter found as markdown-it's rules find it, and pyromark's
offsets converted."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from types import ModuleType

from markdown_it.common.normalize_url import validateLink

from tcheck.formats.markdown_parser import parser
from tcheck.formats.mdx import ESM_STRICT

Run = tuple[int, int]

# A line whose first character after quote markers, list markers and indentation is ``:`` or ``~``.
_PLUGIN_LINE = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*[:~]", re.M)
# A line that ends in white space other than spaces and tabs (a no-break space): markdown-it counts
# it as white space where CommonMark and pyromark do not (an HTML block's first line, a blank line).
_WIDE_BLANK_END = re.compile(r"[^\S \t\n][ \t]*$", re.M)
# A line that may be a link reference definition, and one that the two parsers read alike: at the
# top level (not in a quote or list), on one line, a destination and an optional title, nothing
# after it.
_REFERENCE_LINE = re.compile(r"^[ \t>*+\-\d.)]*\[[^\]\n]*\]:.*$", re.M)
_CLEAN_REFERENCE = re.compile(
    r""" {0,3}\[[^\[\]\n]+\]:[ \t]*([^\s<>]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*"""
)


@cache
def pyromark_module() -> ModuleType | None:
    """The pyromark module, or None when it is not installed (imported once, when first needed)."""
    try:
        import pyromark  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    module: ModuleType = pyromark
    return module


_RULE_LOGGERS: list[logging.Logger] = []


def rule_logging_on() -> bool:
    """Whether someone listens to markdown-it's block-rule debug messages (a rule logger that
    :func:`quiet_rule_logging` left alone, enabled for debug messages): the reader then parses
    every page with markdown-it rather than with pyromark, so that they see its rules at work."""
    if not _RULE_LOGGERS:
        parser(False)  # its rules' loggers exist once markdown-it's rules are imported
        _RULE_LOGGERS.extend(
            logger
            for name, logger in list(logging.Logger.manager.loggerDict.items())
            if name.startswith("markdown_it.rules_block.") and isinstance(logger, logging.Logger)
        )
    return any("debug" not in log.__dict__ and log.isEnabledFor(logging.DEBUG) for log in _RULE_LOGGERS)


def available() -> bool:
    """Whether pyromark can be imported (without it every page is read by markdown-it)."""
    return pyromark_module() is not None


def _clean_reference(line: str) -> bool:
    """A reference definition both parsers read alike (markdown-it's has no script link)."""
    match = _CLEAN_REFERENCE.fullmatch(line)
    return match is not None and validateLink(match.group(1))


def may_take(path: str, source: str) -> bool:
    """Whether the page ``source`` at ``path`` may be read from pyromark's events: pyromark is
    installed, no line needs one of markdown-it's plugins (see :mod:`tcheck.formats.markdown_fast`)
    and nobody listens to markdown-it's rules (:func:`rule_logging_on`)."""
    if path.lower().endswith(".mdx") or "[^" in source or "\0" in source:
        return False
    if _PLUGIN_LINE.search(source) is not None or ESM_STRICT.search(source) is not None:
        return False
    if not source.isascii() and _WIDE_BLANK_END.search(source) is not None:
        return False
    first_line = source.split("\n", 1)[0]
    if first_line.startswith("-") and not first_line.startswith("---") and "---" in first_line:
        return False  # markdown-it's front-matter rule also matches in a first list item (- ---)
    if "]:" in source and not all(_clean_reference(m.group()) for m in _REFERENCE_LINE.finditer(source)):
        return False
    if rule_logging_on():
        return False
    return available()


def front_matter_end(source: str, lines: list[str]) -> tuple[int, bool] | None:
    """``(end line, toml)`` of the front matter as markdown-it's rules find it, or None."""
    if source.startswith("+++") and not lines[0][3:].strip():
        for number in range(1, len(lines)):
            if lines[number].rstrip() == "+++":
                return number + 1, True
        return None
    if not source.startswith("---"):
        return None
    markers = len(lines[0]) - len(lines[0].lstrip("-"))
    for number in range(1, len(lines)):
        line = lines[number]
        body = line.lstrip(" \t")
        indent = len(line[: len(line) - len(body)].expandtabs(4))
        if indent == 0 and body.startswith("...") and not body[3:].strip(" "):
            return number + 1, False
        if not body.startswith("-") or indent >= 4:
            continue
        rest = body.lstrip("-")
        if len(body) - len(rest) >= markers and not rest.strip(" "):
            return number + 1, False
    return None


class Offsets:
    """pyromark's UTF-8 byte offsets as character offsets, and the line of a character offset
    (``starts``: where each line of ``src`` starts)."""

    def __init__(self, src: str, starts: Sequence[int]) -> None:
        self.starts = starts
        self.data = None if src.isascii() else src.encode("utf-8")
        self.byte_starts: Sequence[int] = starts
        self.ascii_lines: list[bool] = []
        self.cursor_byte = self.cursor_char = 0
        if self.data is not None:
            byte_starts = [0]
            for line in src.split("\n"):
                self.ascii_lines.append(line.isascii())
                byte_starts.append(byte_starts[-1] + len(line.encode("utf-8")) + 1)
            self.byte_starts = byte_starts

    def char(self, offset: int) -> int:
        data = self.data
        if data is None:
            return offset
        if offset >= self.cursor_byte:  # the usual case: after the offset asked before
            self.cursor_char += len(data[self.cursor_byte : offset].decode("utf-8"))
            self.cursor_byte = offset
            return self.cursor_char
        line = bisect_right(self.byte_starts, offset) - 1
        begin = self.byte_starts[line]
        if self.ascii_lines[line]:
            return self.starts[line] + offset - begin
        return self.starts[line] + len(data[begin:offset].decode("utf-8"))

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


def minus(runs: list[Run], cuts: list[Run]) -> list[Run]:
    """``runs`` less the sorted ranges ``cuts``."""
    out: list[Run] = []
    index = 0
    for start, end in runs:
        while index < len(cuts) and cuts[index][1] <= start:
            index += 1
        pos = start
        probe = index
        while pos < end:
            if probe < len(cuts) and cuts[probe][0] <= pos:
                pos = max(pos, cuts[probe][1])
                probe += 1
                continue
            stop = min(cuts[probe][0], end) if probe < len(cuts) else end
            out.append((pos, stop))
            pos = stop
    return out
