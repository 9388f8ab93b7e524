"""Plain-text reader: paragraphs are runs of non-blank lines; URLs are not prose."""

from __future__ import annotations

import re

from tcheck.formats.masking import mask_urls
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, Segment, Span

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def segments_of(text: str, path: str, kind: str = "paragraph") -> tuple[Segment, ...]:
    """One segment per paragraph of ``text`` (offsets relative to ``text``)."""
    segments = []
    for n, match in enumerate(_PARAGRAPH.finditer(text), 1):
        start, end = match.start(), match.end()
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        body = mask_urls(text[start:end])
        segments.append(
            Segment(
                id=f"p{n}",
                text=body,
                span=Span(start, end),
                kind=kind,
                sentences=split_sentences(body),
                path=path,
            )
        )
    return tuple(segments)


def read(path: str, text: str) -> Document:
    return Document(path=path, text=text, lang=None, segments=segments_of(text, path))
