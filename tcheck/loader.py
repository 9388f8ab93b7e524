"""From paths and settings to documents: reading, language resolution, source pairing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from tcheck.config import Config
from tcheck.engine import Input
from tcheck.errors import InputError, UsageError
from tcheck.formats import read_document
from tcheck.formats.sentences import split_sentences
from tcheck.locale import normalize_lang
from tcheck.model import Document, Segment, Span


def detect_language(doc: Document) -> str | None:
    """The language of a document from a sample of its prose (langdetect, seeded)."""
    from tcheck.services.langid import detect

    sample = " ".join(s.text for s in doc.segments)[:4000]
    found = detect(sample) if sample.strip() else None
    if found is None:
        return None
    try:
        return normalize_lang(found)
    except UsageError:
        return None


def with_languages(doc: Document, config: Config) -> Document:
    """Fill in the document's target and source language: options > front matter > detection."""
    lang = config.target_lang or doc.lang or detect_language(doc)
    source_lang = config.source_lang or doc.metadata.get("source-lang") or doc.metadata.get("source_lang")
    try:
        lang = normalize_lang(lang) if lang else None
        source_lang = normalize_lang(source_lang) if source_lang else None
    except UsageError as exc:
        raise InputError(doc.path, str(exc)) from None
    return dataclasses.replace(doc, lang=lang, source_lang=source_lang)


def _by_lines(doc: Document) -> tuple[Segment, ...]:
    segments = []
    offset = 0
    for number, line in enumerate(doc.text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            text = stripped
            segments.append(
                Segment(
                    f"l{number}",
                    text,
                    Span(start, start + len(text)),
                    "line",
                    split_sentences(text),
                    path=doc.path,
                )
            )
        offset += len(line) + 1
    return tuple(segments)


def pair_with_source(target: Document, source: Document) -> Document:
    """Pair segments paragraph by paragraph, or line by line, when the counts match."""
    t_segs, s_segs = target.segments, source.segments
    if len(t_segs) != len(s_segs):
        t_segs, s_segs = _by_lines(target), _by_lines(source)
        if len(t_segs) != len(s_segs):
            raise UsageError(
                f"{source.path}: cannot align with {target.path}: {len(source.segments)} paragraphs "
                f"against {len(target.segments)}, {len(s_segs)} lines against {len(t_segs)}"
            )
    paired = tuple(dataclasses.replace(t, counterpart=s) for t, s in zip(t_segs, s_segs, strict=True))
    source = dataclasses.replace(source, segments=s_segs)
    return dataclasses.replace(target, segments=paired, source=source)


def load_documents(
    inputs: Sequence[Input], config: Config, source_path: str | None = None
) -> Iterator[Document | InputError]:
    """Documents ready for the engine, or the read error of each file that cannot be used."""
    source: Document | None = None
    if source_path is not None:
        if len(inputs) != 1:
            raise UsageError("--source needs exactly one target file")
        try:
            source = read_document(source_path)
        except InputError as exc:
            raise UsageError(str(exc)) from None
    for item in inputs:
        try:
            doc = with_languages(read_document(item.path, item.shown), config)
            if source is not None:
                src = dataclasses.replace(source, lang=doc.source_lang)
                doc = pair_with_source(doc, src)
        except InputError as exc:
            yield exc
            continue
        yield doc
