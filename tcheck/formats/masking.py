"""Masking of non-prose parts with spaces, keeping every offset in place."""

from __future__ import annotations

import re
from collections.abc import Sequence

URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
# The local part in ASCII: in text without spaces (Chinese, Japanese) the words before an address
# are letters too (``发邮件给jo@samaritans.org``), and they are not part of it; nor are the words
# after it (``jo@samaritans.orgにメール``): the address ends with a top-level domain in ASCII.
EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])"
)


def blanks(piece: str) -> str:
    """As many spaces as ``piece`` has characters, with its line breaks kept."""
    if "\n" not in piece:
        return " " * len(piece)
    return "\n".join(" " * len(line) for line in piece.split("\n"))


def blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by spaces (newlines kept)."""
    return text[:start] + blanks(text[start:end]) + text[end:]


def mask_patterns(text: str, *patterns: re.Pattern[str]) -> str:
    """Blank every match of each pattern, in order."""
    for pattern in patterns:
        parts: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            start, end = match.span()
            if end <= last:
                continue
            start = max(start, last)
            parts.append(text[last:start])
            parts.append(blanks(text[start:end]))
            last = end
        if parts:
            parts.append(text[last:])
            text = "".join(parts)
    return text


def mask_urls(text: str) -> str:
    """URLs and e-mail addresses are not prose."""
    if "@" not in text and "://" not in text and "www." not in text:
        return text
    return mask_patterns(text, URL_RE, EMAIL_RE)


def prose_runs(
    placed: Sequence[tuple[int, int, int]], markup: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """File ranges of the prose of a parsed text.

    ``placed`` says where pieces of the parsed text are in the file: ``(start, end, file_start)``
    for each piece ``[start, end)`` of the text (in order, not overlapping); ``markup`` holds the
    sorted ranges of the text that are not prose. Whatever else is in a piece is prose.
    """
    runs: list[tuple[int, int]] = []
    first = 0
    count = len(markup)
    for start, end, file_start in placed:
        while first < count and markup[first][1] <= start:
            first += 1
        pos = start
        index = first
        while pos < end:
            if index < count and markup[index][0] <= pos:
                pos = max(pos, markup[index][1])
                index += 1
                continue
            stop = min(markup[index][0], end) if index < count else end
            runs.append((file_start + pos - start, file_start + stop - start))
            pos = stop
    return runs


def masked_runs(text: str, runs: Sequence[tuple[int, int]]) -> tuple[int, str] | None:
    """``(start, masked)``: the file text from the first to the last non-blank prose character,
    everything outside ``runs`` blanked; None when the runs hold no visible character."""
    if not runs:
        return None
    parts: list[str] = []
    last = runs[0][0]
    for start, end in runs:
        if start > last:
            parts.append(blanks(text[last:start]))
        parts.append(text[start:end])
        last = end
    masked = "".join(parts)
    body = masked.strip()
    if not body:
        return None
    lead = len(masked) - len(masked.lstrip())
    return runs[0][0] + lead, masked[lead : lead + len(body)]
