"""Pages of plain paragraphs, read without markdown-it's block parser.

Most of the cost of reading prose-only Markdown (news articles, a translation memory exported one
paragraph a line) is markdown-it trying each of its twenty block rules on every line. A page
where no line can start anything but a paragraph has a known block structure: paragraphs are the
runs of non-blank lines. :func:`plain_paragraphs` recognises such a page conservatively and
returns its blocks exactly as the parser would (see :func:`tcheck.formats.markdown_parser.parse_blocks`);
anything else (one line starting with a marker, an indent, a table bar anywhere) goes to the
parser.

A line can only be a paragraph line when it starts, with no indent, with a letter, a quote or an
opening bracket, or a digit not followed by ``.`` or ``)`` (an ordered list item), and is not an
``import``/``export`` statement (MDX). Every block rule starts with something else: ``#`` headings,
``>`` quotes, ``-*+`` lists and rules, ``=-`` setext underlines, fences, four spaces of code,
``<`` HTML and JSX, ``{`` attributes, shortcodes and expressions, ``[`` references and footnotes,
``:`` admonitions and definitions, ``|`` tables, ``---``/``+++`` front matter.
"""

from __future__ import annotations

import re

from markdown_it.common.utils import mdTrim

from tcheck.formats.markdown_parser import Block

_OPENING = frozenset("\"'“”‘’«»„‚‹›(¿¡「『（")
_LIST_NUMBER = re.compile(r"\d+[.)]")
_BLANK = " \t"  # what markdown-it counts as white space on an empty line


def _paragraph_line(line: str) -> bool:
    first = line[0]
    if first.isalpha():
        return not (first in "ie" and line.startswith(("import", "export")))
    if first.isdigit():
        return _LIST_NUMBER.match(line) is None
    return first in _OPENING


def plain_paragraphs(src: str) -> list[Block] | None:
    """The blocks of ``src`` when every line is blank or a paragraph line (see the module
    docstring), or None: the page needs the block parser."""
    if "|" in src or "\0" in src:
        return None
    lines = src.split("\n")
    if src.endswith("\n"):
        lines.pop()  # markdown-it has no line after the last line break
    blocks: list[Block] = []
    start = -1
    for number, line in enumerate(lines):
        if not line.strip(_BLANK):
            if start >= 0:
                blocks.append(Block.inline(mdTrim("\n".join(lines[start:number])), start, number))
                start = -1
        elif not _paragraph_line(line):
            return None
        elif start < 0:
            start = number
    if start >= 0:
        blocks.append(Block.inline(mdTrim("\n".join(lines[start:])), start, len(lines)))
    return blocks
