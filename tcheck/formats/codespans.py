"""Code spans of inline text, read without markdown-it's inline parser.

Most blocks of documentation hold no inline markup but code spans: reading their backticks the
way markdown-it's backtick rule does saves the parse (a quarter of helm-www's blocks)."""

from __future__ import annotations

import re

# Where an inline rule other than plain text, line breaks and code spans may match: emphasis,
# strikethrough, links, images and footnote references (``![``, ``[``), autolinks, HTML, MDX JSX,
# entities, escapes, attribute lists, shortcodes and MDX expressions. A block without any of these
# characters (nor a backtick) is all text, and its parse would find no markup (bare URLs and
# e-mail addresses are found in the text by :meth:`Recorder.finish` either way); with backticks,
# it holds code spans at most (:func:`code_spans`).
_NOT_CODE_START = re.compile(r"[{\\~*_\[<&]")
_BACKTICKS = re.compile("`+")


def code_spans(src: str) -> list[tuple[int, int]]:
    """What markdown-it's backtick rule consumes in ``src``, in order: each code span, from its
    opening run of backticks to the end of the next run of the same length, and each run of
    backticks that no such run follows (read as text, but consumed by the rule all the same,
    so :class:`~tcheck.formats.inline_marks.Recorder` counts it as markup). Only for text in
    which no other inline rule can match (no character of ``_NOT_CODE_START``)."""
    runs = [match.span() for match in _BACKTICKS.finditer(src)]
    following: list[int] = [-1] * len(runs)  # index of the next run of the same length
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        following[index] = last.get(end - start, -1)
        last[end - start] = index
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        closer = following[index]
        if closer < 0:
            found.append(runs[index])
            index += 1
        else:
            found.append((runs[index][0], runs[closer][1]))
            index = closer + 1
    return found


def spans_without_parse(src: str) -> list[tuple[int, int]] | None:
    """The code spans of ``src`` (:func:`code_spans`) when no other inline rule can match in
    it, else None: the text needs markdown-it's inline parser."""
    if _NOT_CODE_START.search(src) is not None:
        return None
    return code_spans(src) if "`" in src else []
