"""Masking of non-prose parts with spaces, keeping every offset in place."""

from __future__ import annotations

import re

URL_RE = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?]")
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` replaced by spaces (newlines kept)."""
    piece = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    return text[:start] + piece + text[end:]


def mask_patterns(text: str, *patterns: re.Pattern[str]) -> str:
    """Blank every match of each pattern, in order."""
    for pattern in patterns:
        chars: list[str] | None = None
        for match in pattern.finditer(text):
            if chars is None:
                chars = list(text)
            for i in range(match.start(), match.end()):
                if chars[i] != "\n":
                    chars[i] = " "
        if chars is not None:
            text = "".join(chars)
    return text


def mask_urls(text: str) -> str:
    """URLs and e-mail addresses are not prose."""
    if "@" not in text and "://" not in text and "www." not in text:
        return text
    return mask_patterns(text, URL_RE, EMAIL_RE)
