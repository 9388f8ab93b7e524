"""What the date, time, number and currency checks share: source/target pairs and their mentions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from tcheck.model import Document, Related, Segment
from tcheck.recognise import Mentions, recognise


@dataclass(frozen=True)
class Pair:
    """A target segment, its source segment, their languages and what each says."""

    target: Segment
    source: Segment
    lang: str
    source_lang: str
    mentions: Mentions
    source_mentions: Mentions
    source_path: str

    def related(self, start: int, end: int, note: str) -> Related:
        """A pointer to ``source.text[start:end]`` in the source file."""
        return Related(self.source_path, self.source.file_span(start, end), note)


def source_language(doc: Document) -> str | None:
    """The source language: as given, else detected from the source text."""
    if doc.source_lang:
        return doc.source_lang
    if doc.source is not None and doc.source.lang:
        return doc.source.lang
    sample = " ".join(s.counterpart.text for s in doc.segments if s.counterpart is not None)[:4000]
    return _detect(sample) if sample.strip() else None


@lru_cache(maxsize=64)
def _detect(sample: str) -> str | None:
    from tcheck.errors import UsageError
    from tcheck.locale import normalize_lang
    from tcheck.services.langid import detect

    found = detect(sample)
    try:
        return normalize_lang(found) if found else None
    except UsageError:
        return None


def pairs(doc: Document) -> Iterator[Pair]:
    """Every target segment that has a source segment, with both sides recognised."""
    lang = doc.lang
    if not lang:
        return
    source_lang = source_language(doc)
    if not source_lang:
        return
    default_path = doc.source.path if doc.source is not None else doc.path
    for seg in doc.segments:
        src = seg.counterpart
        if src is None or not seg.text.strip() or not src.text.strip():
            continue
        yield Pair(
            seg,
            src,
            lang,
            source_lang,
            recognise(seg.text, lang, source_lang),
            recognise(src.text, source_lang, lang),
            src.path or default_path,
        )
