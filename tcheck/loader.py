"""From paths and settings to documents: reading, language resolution, source pairing."""

from __future__ import annotations

import dataclasses
import os
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Sequence
from functools import lru_cache

from tcheck.bilingual.pairing import Repository
from tcheck.config import Config
from tcheck.engine import Input
from tcheck.errors import EmptyInput, InputError, UsageError
from tcheck.formats import read_document, read_documents
from tcheck.formats.sentences import split_sentences
from tcheck.locale import normalize_lang
from tcheck.model import Document, Segment, frozen_map


def detect_language(doc: Document, sample_size: int = 1500) -> str | None:
    """The language of a document from a sample of its prose (langdetect, seeded)."""
    from tcheck.services.langid import detect

    parts: list[str] = []
    size = 0
    for seg in doc.segments:  # the first segments only: a whole-document copy would be wasted
        if size >= sample_size:
            break
        parts.append(seg.text)
        size += len(seg.text) + 1
    sample = " ".join(parts)[:sample_size]
    found = detect(sample) if sample.strip() else None
    if found is None:
        return None
    try:
        return normalize_lang(found)
    except UsageError:
        return None


def language_from_path(path: str) -> str | None:
    """The language a content repository's layout gives a file (:mod:`tcheck.bilingual.pairing`):
    ``post.nb.md``, or the outermost folder named by a language code that has a sibling named by
    another (``content/nb/post.md`` beside ``content/en/``), so ordinary folders called ``it``,
    ``go`` or ``js`` are not taken for languages."""
    return _layout().locate(os.path.abspath(path))[0]


@lru_cache(maxsize=1)
def _layout() -> Repository:
    """One repository view for files checked without pairing: folder listings are read once."""
    return Repository((), None, {})


def with_languages(
    doc: Document, config: Config, path: str | None = None, layout_lang: str | None = None
) -> Document:
    """Fill in the document's target and source language.

    Options (``--target-lang``) > front matter > the repository layout (``content/ja/``,
    ``post.ja.md``, as paired, or of a file checked alone) > detection. A detected bilingual
    file whose units are spread over several languages records them (:func:`unit_languages`).
    """
    path = path or doc.path
    lang = (
        (config.target_lang_for(path) if config.overrides else config.target_lang)
        or doc.lang
        or layout_lang
        or (language_from_path(path) if layout_lang is None else None)
    )
    detected = not lang
    if detected:
        lang = detect_language(doc)
    source_lang = config.source_lang or doc.metadata.get("source-lang") or doc.metadata.get("source_lang")
    try:
        lang = normalize_lang(lang) if lang else None
        source_lang = normalize_lang(source_lang) if source_lang else None
    except UsageError as exc:
        raise InputError(doc.path, str(exc)) from None
    metadata = doc.metadata
    if detected and doc.bilingual:
        spread = unit_languages(doc, source_lang)
        if spread is not None:
            metadata = frozen_map({**metadata, UNIT_LANGUAGES: " ".join(spread)})
    return dataclasses.replace(doc, lang=lang, source_lang=source_lang, metadata=metadata)


# ``metadata[UNIT_LANGUAGES]``: a bilingual file whose units are in several languages, none of
# them most units' (its languages, space-separated, commonest first): it has no one target language.
UNIT_LANGUAGES = "unit-languages"
_UNITS_SAMPLED = 64  # units whose language is detected, spread evenly over the file
_UNIT_BYTES = 30  # a sampled unit's size in UTF-8 (a CJK character is three bytes, a Latin letter one)
_UNITS_NEEDED = 8  # sampled units (not in the source language) needed to call a file mixed


def unit_languages(doc: Document, source_lang: str | None = None) -> tuple[str, ...] | None:
    """The languages of a bilingual file's units, commonest first, when no one of them is the
    language of most of its translated units; None when one is (the file's target language).

    A file with no language header can hold the translations of one text into ten languages (an
    NTREX PO file): detecting its language from its first units would name the first language a
    target the other nine are judged against. A sample of units spread evenly over the file (up
    to 64, not copies of their source; those under 30 bytes of UTF-8 are passed over) is detected
    one by one; the units in the source language (left untranslated) are not evidence of a target.
    """
    from tcheck.locale import primary
    from tcheck.services.langid import detect

    units = [seg for seg in doc.segments if seg.counterpart is None or seg.counterpart.text != seg.text]
    if len(units) < _UNITS_NEEDED:
        return None
    step = len(units) / min(len(units), _UNITS_SAMPLED)
    source = primary(source_lang) if source_lang else None
    counts: dict[str, int] = {}
    for k in range(min(len(units), _UNITS_SAMPLED)):
        text = units[int(k * step)].text[:_SAMPLE_CHARS]
        if len(text.encode("utf-8")) < _UNIT_BYTES:
            continue  # too short to tell (a CJK character counts three)
        found = detect(text)
        if found is not None and primary(found) != source:
            counts[found] = counts.get(found, 0) + 1
    total = sum(counts.values())
    if total < _UNITS_NEEDED or 2 * max(counts.values()) >= total:
        return None
    return tuple(sorted(counts, key=lambda lang: (-counts[lang], lang)))


_SAMPLE_CHARS = 1500  # of a unit, as of a document (:func:`detect_language`)


def _by_lines(doc: Document) -> tuple[Segment, ...]:
    """The prose of ``doc`` line by line: each segment cut at its line breaks (the readers' masks,
    such as Markdown's code blocks and markup, stay masked). Segments read from escaped formats
    (offsets per character) stay whole."""
    segments = []
    for seg in doc.segments:
        if seg.offsets is not None or "\n" not in seg.text:
            segments.append(seg)
            continue
        at = 0
        for number, line in enumerate(seg.text.split("\n")):
            lead = len(line) - len(line.lstrip())
            text = line.strip()
            if text:
                segments.append(
                    Segment(
                        f"{seg.id}.l{number + 1}",
                        text,
                        seg.file_span(at + lead, at + lead + len(text)),
                        "line" if seg.kind == "paragraph" else seg.kind,
                        split_sentences(text),
                        path=seg.path or doc.path,
                    )
                )
            at += len(line) + 1
    return tuple(segments)


def pair_with_source(target: Document, source: Document, min_confidence: float = 0.3) -> Document:
    """Pair segments paragraph by paragraph, or line by line, when the counts match and every
    pair is plausible; otherwise align sentences (:mod:`tcheck.bilingual.align`), leaving unaligned ones
    unpaired for TC002. A source that cannot be aligned at all is a usage error. Translation
    resource files pair by key (:func:`tcheck.formats.resources.pair_by_key`)."""
    from tcheck.bilingual.align import units
    from tcheck.bilingual.aligned import pair_confidences, pair_documents, pair_segments
    from tcheck.formats.resources import is_resource_document, pair_by_key

    if is_resource_document(target) and is_resource_document(source):  # key -> text files
        return pair_by_key(target, source)
    for how in ("paragraphs", "lines"):  # lines split only when paragraphs do not pair
        if how == "paragraphs":
            t_segs, s_segs = target.segments, source.segments
        else:
            t_segs, s_segs = _by_lines(target), _by_lines(source)
        if len(t_segs) != len(s_segs) or not t_segs:
            continue
        confidences = pair_confidences(t_segs, s_segs)
        if confidences is None:
            continue
        return pair_segments(target, source, t_segs, s_segs, confidences, min_confidence)
    n_src, n_tgt = len(units(source)), len(units(target))
    doc, aligned = pair_documents(target, source, min_confidence)
    if not n_src or not n_tgt or max(n_src, n_tgt) >= 2 * min(n_src, n_tgt) + 1 or 2 * aligned < n_tgt:
        raise UsageError(
            f"{source.path}: cannot align with {target.path}: {n_src} source sentences against "
            f"{n_tgt}, {aligned} aligned ({len(source.segments)} paragraphs against {len(target.segments)})"
        )
    return doc


def reader_options(config: Config) -> dict[str, object]:
    """Settings of the readers: ``[options.po] include-fuzzy``, ``[options.xliff]
    include-unfinished``, ``[options.markdown] prose-keys``."""
    return {
        **config.options.get("PO", {}),
        **config.options.get("XLIFF", {}),
        **config.options.get("MARKDOWN", {}),
    }


def _bilingual_languages(doc: Document, config: Config) -> Document:
    """The source side of a bilingual file takes the resolved source language."""
    if doc.source is None or doc.source.lang == doc.source_lang:
        return doc
    return dataclasses.replace(doc, source=dataclasses.replace(doc.source, lang=doc.source_lang))


def load_documents(
    inputs: Sequence[Input], config: Config, source_path: str | None = None
) -> Iterator[Document | InputError]:
    """Documents ready for the engine, or the read error of each file that cannot be used."""
    source: Document | None = None
    if source_path is not None:
        if len(inputs) != 1:
            raise UsageError("--source needs exactly one target file")
        try:
            source = read_document(source_path, options=reader_options(config))
        except InputError as exc:
            raise UsageError(str(exc)) from None
    min_confidence = config.option("TC002", "min-confidence", 0.3, float)
    for item in inputs:
        try:
            docs = read_documents(
                item.path,
                item.shown,
                source_lang=config.source_lang,
                target_lang=config.target_lang,
                options=reader_options(config),
                data=item.data,
            )
        except EmptyInput:
            docs = [Document(item.shown, "", None, (), metadata=frozen_map({"empty": "true"}))]
        except InputError as exc:
            yield exc
            continue
        for found in docs:
            try:
                doc = with_languages(found, config, item.path, item.lang)
                if doc.source is not None:
                    doc = _bilingual_languages(doc, config)
                elif source is not None:
                    src = dataclasses.replace(source, lang=doc.source_lang)
                    if doc.body:
                        doc = pair_with_source(doc, src, min_confidence)
                    else:  # an empty page or front matter alone: nothing to align (TC404)
                        doc = dataclasses.replace(doc, source=src)
                elif item.source is not None:
                    doc = _with_repository_source(doc, item, config, min_confidence)
                else:
                    doc = _unpaired(doc, item)
            except InputError as exc:
                yield exc
                break
            yield doc


# ``metadata[LAYOUT_SOURCE_LANG]``: the source language a repository layout gives a translation
# whose original was not found (an ``i18n/zh/`` page without its English page).
LAYOUT_SOURCE_LANG = "layout-source-lang"


def _unpaired(doc: Document, item: Input) -> Document:
    """A translation the repository layout names but whose original was not found keeps the
    layout's source language in its metadata: it is a translation (TC401 reports the source
    language left in it), not an original, although no source text or language is known."""
    from tcheck.locale import primary

    lang, source = doc.lang, item.source_lang
    if not lang or not source or doc.source_lang or primary(lang) == primary(source):
        return doc
    return dataclasses.replace(doc, metadata=frozen_map({**doc.metadata, LAYOUT_SOURCE_LANG: source}))


def compares_with_source(config: Config) -> bool:
    """Whether a check of the run may read a document's source: all but those registered with
    ``uses_source=False`` (TC101 alone does not need the translation aligned with its original)."""
    per_doc = any("select" in o.settings or "ignore" in o.settings for o in config.overrides)
    return per_doc or _compares_with_source(tuple(config.select), tuple(config.ignore))


@lru_cache(maxsize=8)
def _compares_with_source(select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    from tcheck.registry import selected_rules

    return any(rule.uses_source for rule in selected_rules(select, ignore))


def _read_source(path: str, shown: str, prose_keys: tuple[str, ...] | None = None) -> Document:
    """A source read once for all its translations (they come one after another, and each
    language's after the previous language's: the sources of a whole site are kept, up to
    :data:`SOURCE_BUDGET` characters); read again when the file changed since (a long-lived
    process: the language server, tests)."""
    try:
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    except OSError:
        stamp = None
    key = (path, shown, prose_keys, stamp)
    found = _SOURCES.get(key)
    if found is None:
        found = read_document(path, shown, {"prose-keys": prose_keys} if prose_keys is not None else None)
        _SOURCES.put(key, found)
    return found


# Characters of source text kept read (a read document takes about 7 bytes a character with its
# segments): helm-www's English pages, 1.4 MB, all fit, so each is read once for its 11 languages.
SOURCE_BUDGET = 3_000_000


class _Sources:
    """The most recently used sources, bounded by the characters of their texts, not their
    number: a site of many small pages keeps them all, a few huge files do not pile up."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._docs: OrderedDict[Hashable, Document] = OrderedDict()
        self._size = 0

    def get(self, key: Hashable) -> Document | None:
        found = self._docs.get(key)
        if found is not None:
            self._docs.move_to_end(key)
        return found

    def put(self, key: Hashable, doc: Document) -> None:
        size = len(doc.text)
        if size > self.budget:
            return  # one file larger than the budget is read again by each translation
        old = self._docs.pop(key, None)
        if old is not None:
            self._size -= len(old.text)
        while self._docs and self._size + size > self.budget:
            _, dropped = self._docs.popitem(last=False)
            self._size -= len(dropped.text)
        self._docs[key] = doc
        self._size += size

    def clear(self) -> None:
        self._docs.clear()
        self._size = 0

    def __len__(self) -> int:
        return len(self._docs)


_SOURCES = _Sources(SOURCE_BUDGET)


def _with_repository_source(doc: Document, item: Input, config: Config, min_confidence: float) -> Document:
    """Pair a translation with the original the repository layout names for it.

    An original that is empty or unreadable leaves the translation alone (it is counted as
    unpaired); one too different to align sentence by sentence stays the translation's source with
    no sentence paired, and ``metadata["unaligned"]`` says why (TC002 reports it once)."""
    assert item.source is not None
    shown = item.source_shown or item.source
    from tcheck.formats.frontmatter import prose_keys_option  # Markdown's parser: only for a source

    try:
        source = _read_source(item.source, shown, prose_keys_option(reader_options(config)))
    except InputError:
        return doc
    lang = config.source_lang or item.source_lang or source.lang or language_from_path(item.source)
    try:
        source_lang = normalize_lang(lang) if lang else None
    except UsageError as exc:
        raise InputError(shown, str(exc)) from None
    doc = dataclasses.replace(doc, source_lang=doc.source_lang or source_lang)
    source = dataclasses.replace(source, lang=doc.source_lang)
    doc = dataclasses.replace(doc, metadata=frozen_map({**doc.metadata, "paired-by": "repository"}))
    if not doc.body or not compares_with_source(config):
        return dataclasses.replace(doc, source=source)
    try:
        return pair_with_source(doc, source, min_confidence)
    except UsageError as exc:
        note = str(exc).split(": ", 2)[-1]
        return dataclasses.replace(
            doc, source=source, metadata=frozen_map({**doc.metadata, "unaligned": note})
        )
