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
# (Each pattern starts with the line break: the regex engine scans for it, not at every character.)
_PLUGIN_LINE = re.compile(r"\n[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*[:~]")
_ESM_LINE = re.compile(r"\n(?=import|export)")
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

# Read as markup by markdown-it even where they are literal: runs of backticks that close no code
# span, and backslashes that escape nothing (its escape rule takes any backslash).
MARKUP_CHARS = re.compile(r"`+|\\")
# What makes plain text more than prose as it is (see markdown_fast._Walk.text_run).
SPECIAL = re.compile(r"[{<*_\[\]`\\]")
# A literal ``*`` or ``_`` that could open or close emphasis: not between two white spaces, and for
# ``_`` not inside a word.
DELIMITER = re.compile(r"(?<!\s)\*|\*(?!\s)|(?<![^\W_])_(?!\s)|(?<!\s)_(?![^\W_])")


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
    page = "\n" + source
    if _PLUGIN_LINE.search(page) is not None:
        return False
    if ("import" in page or "export" in page) and any(
        ESM_STRICT.match(page, line.end()) for line in _ESM_LINE.finditer(page)
    ):
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


class TextBlock:
    """The text block (paragraph, heading, table cell) being read from pyromark's events: its
    segment kind, layout kind (``shape``), first line and prose so far."""

    __slots__ = ("braces", "end", "first", "kind", "literal", "runs", "shape", "slot", "start", "tags")

    def __init__(self, kind: str, shape: str, start: int, first: int | None) -> None:
        self.kind, self.shape, self.start = kind, shape, start
        self.first = first  # layout's first line (None: the line of the first event)
        self.end = -1  # end of the last inline event
        self.runs: list[Run] = []
        self.tags: list[Run] = []
        self.slot = -1  # index of its entry in the layout
        self.literal = 0  # 1: literal emphasis delimiters in its text, 2: literal brackets
        self.braces: list[int] = []  # where a ``{`` in its text may start trailing attributes


class Offsets:
    """pyromark's UTF-8 byte offsets as character offsets, and the line of a character offset
    (``starts``: where each line of ``src`` starts)."""

    def __init__(self, src: str, starts: Sequence[int]) -> None:
        self.starts = starts
        self.data = None if src.isascii() else src.encode("utf-8")
        self.cursor_byte = self.cursor_char = 0
        self.bytes_at = [0]  # offsets asked before: checkpoints, in increasing order
        self.chars_at = [0]

    def char(self, offset: int) -> int:
        """The character offset of UTF-8 byte ``offset`` (itself in an ASCII page)."""
        data = self.data
        if data is None:
            return offset
        if offset >= self.cursor_byte:  # the usual case: after the offset asked before
            self.cursor_char += len(data[self.cursor_byte : offset].decode("utf-8"))
            self.cursor_byte = offset
            if offset - self.bytes_at[-1] > 4096:
                self.bytes_at.append(offset)
                self.chars_at.append(self.cursor_char)
            return self.cursor_char
        at = bisect_right(self.bytes_at, offset) - 1
        return self.chars_at[at] + len(data[self.bytes_at[at] : offset].decode("utf-8"))

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


REASON = [""]


def last_reason() -> str:
    """Why :func:`~tcheck.formats.markdown_fast.read_blocks` last gave up on a page (its first word), for the bench."""
    return REASON[0]


def options(pyromark: ModuleType) -> int:
    """The parser options: CommonMark with GFM tables."""
    return int(pyromark.Options.ENABLE_TABLES)  # ~~ makes the page go to markdown-it (see _Walk.segment)


def fence_info(src: str, start: int, end: int) -> str | None:
    """The language of the fenced code block at ``src[start:end]`` (the first word of its info
    string as written: markdown-it leaves escapes and entities), or None when it is not closed."""
    line_end = src.find("\n", start)
    opening = src[start : len(src) if line_end < 0 else line_end]
    fence = len(opening) - len(opening.lstrip(opening[:1]))
    body = src[start:end].rstrip()
    closing = body.rsplit("\n", 1)[-1].strip()
    if "\n" not in body or closing.strip(opening[:1]) or len(closing) < fence:
        return None
    return opening[fence:].strip().split(" ")[0]
