"""Draft a bilingual glossary from existing translations (``tcheck glossary extract``).

The paired segments of the inputs (XLIFF, PO, TMX and TSV units, pages aligned with their
originals) are aligned word by word as TC107 does (:mod:`tcheck.bilingual.wordalign`), over the
whole run. Multi-word terms (runs of two to four words repeated in ``min_count`` segment pairs,
:mod:`tcheck.bilingual.phraseterms`) are entries of their own, with their renderings as written
(``foreign buyer`` -> ``ausländische Käufer``); their words are not entries from those places.
Every source word seen in at least ``min_count`` segment pairs that is no everyday
word (it occurs in more than a tenth of many documents) and whose dominant rendering is firmly
tied to it (Dice of at least ``min_association``) becomes an entry: the source word, its
dominant rendering (preferred), the other renderings seen with their counts (in the note, for
the reviewer) and a confidence, the product of the association and the dominant rendering's
share. Entries are ordered by confidence, most certain first, and among equals translated terms
before names copied unchanged; the result is a draft for a person to review, not a glossary to
trust blindly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tcheck.bilingual.termgroups import Group, Rendering
from tcheck.bilingual.wordalign import Counts, lemma
from tcheck.bilingual.wordterms import Kept, digest_document, renderings_of
from tcheck.glossary.model import Entry, Glossary, Term, primary
from tcheck.model import Document

MIN_COUNT = 3
MIN_ASSOCIATION = 0.3


@dataclass(frozen=True)
class DraftEntry:
    """One drafted term: source and dominant rendering as a glossary writes them, how often the
    dominant rendering was seen, every rendering with its count (dominant first) and a confidence."""

    source: str
    target: str
    count: int
    variants: tuple[tuple[str, int], ...]
    confidence: float


def _written(key: str, surfaces: Iterable[str]) -> str:
    """How a term is written in a glossary: its most frequent surface that is the key itself
    (``Kirche``, ``NATO``), else the key (the lemma: ``churches`` gives ``church``), capitalised
    when the surfaces mostly are (German nouns)."""
    seen = Counter(surfaces)
    if key in seen:
        return key  # written in lower case somewhere: not a name, and not only a sentence start
    same = [w for w in seen if w.casefold() == key]
    if same:
        return min(same, key=lambda w: (-seen[w], w))
    capitals = sum(n for w, n in seen.items() if w[:1].isupper())
    if capitals * 2 > sum(seen.values()):  # a name keeps its form (``Sanders`` is no ``Sander``)
        return min(seen, key=lambda w: (-seen[w], w))
    return key


def _source_surfaces(kept: Sequence[Sequence[Kept]], wanted: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for doc in kept:
        for pair in doc:
            for key, surface in zip(pair.source, pair.surfaces, strict=True):
                if key in wanted:
                    found.setdefault(key, []).append(surface)
    return found


def _phrase_source(found: Rendering) -> str:
    """How a multi-word term is written in a glossary: its last word (the head noun, in
    English) as its lemma when the term is written in lower case (``foreign buyers`` gives
    ``foreign buyer``, ``attempted murder`` stays), as it is written otherwise (a name:
    ``Theresa May``)."""
    if not found.surface.islower():
        return found.surface
    words = found.surface.split(" ")
    return " ".join([*words[:-1], found.key.split(" ")[-1]])


def _phrase_target(group: Group, lang: str) -> str:
    """How a rendering of a multi-word term is written in a glossary: as it is written, or, when
    it is one word (a compound: ``handelskrigen``), as that word's lemma (``handelskrig``)."""
    shown = group.shown
    if " " in shown:
        return shown
    return _written(lemma(shown, lang), (p.label or p.surface for p in group.places))


def _entry(found: Rendering, counts: Counts, source: str, lang: str) -> DraftEntry | None:
    main = found.groups[0]
    if main.association < MIN_ASSOCIATION or main.count < 2:
        return None
    groups: list[Group] = found.groups
    total = sum(g.count for g in groups)
    if found.words > 1:  # a multi-word term: its renderings as written, one word as its lemma
        variants = tuple((_phrase_target(g, lang), g.count) for g in groups)
    else:
        variants = tuple((_written(g.key, (p.surface for p in g.places)), g.count) for g in groups)
    confidence = round(main.association * main.count / total, 2)
    return DraftEntry(source, variants[0][0], main.count, variants, confidence)


def extract_from_documents(
    docs: Iterable[Document],
    source_lang: str | None,
    target_lang: str | None,
    min_count: int = MIN_COUNT,
) -> list[DraftEntry]:
    """Draft entries from the paired segments of ``docs`` (most certain first)."""
    counts = Counts()
    kept: list[list[Kept]] = []
    seen_lang = ""
    for doc in docs:
        if not doc.bilingual:
            continue
        if source_lang and not doc.source_lang:
            doc = _with_source_lang(doc, source_lang)
        digest = digest_document(doc, True)
        seen_lang = seen_lang or digest.pair[1]
        counts.merge(digest.counts)
        if digest.kept:
            kept.append(digest.kept)
    lang = target_lang or seen_lang
    found = list(renderings_of(kept, counts, lang, True, min_count, names_kept=True))
    sources = _source_surfaces(kept, {r.key for r in found if r.words == 1})
    entries: list[DraftEntry] = []
    seen: set[str] = set()
    for rendering in found:
        if rendering.words > 1:
            source = _phrase_source(rendering)
        else:
            source = _written(rendering.key, sources.get(rendering.key, [rendering.surface]))
        if source.casefold() in seen:
            continue
        entry = _entry(rendering, counts, source, lang)
        if entry is not None:
            seen.add(source.casefold())
            entries.append(entry)
    # translated terms before names copied as they are, which a reviewer has least to say about
    entries.sort(key=lambda e: (-e.confidence, e.source == e.target, -e.count, e.source.casefold()))
    return entries


def _with_source_lang(doc: Document, source_lang: str) -> Document:
    import dataclasses

    return dataclasses.replace(doc, source_lang=source_lang)


def _note(entry: DraftEntry) -> str:
    seen = ", ".join(f"'{text}' {n}" for text, n in entry.variants)
    return f"draft (tcheck glossary extract): confidence {entry.confidence:.2f}; renderings seen: {seen}"


def as_glossary(entries: Sequence[DraftEntry], source_lang: str, target_lang: str, path: str) -> Glossary:
    """The drafted entries as a glossary (written by :func:`tcheck.glossary.write`): the dominant
    rendering is the preferred term, every rendering seen is listed with its count in the note."""
    src, tgt = primary(source_lang), primary(target_lang)
    made = tuple(
        Entry(
            id=f"draft-{number}",
            source_terms=(Term(e.source, src),),
            target_terms=(Term(e.target, tgt),),
            note=_note(e),
        )
        for number, e in enumerate(entries, 1)
    )
    return Glossary(path, src, tgt, made, "", (src, tgt))


@dataclass(frozen=True)
class Extracted:
    """What ``tcheck glossary extract`` did: entries written, segment pairs read, unreadable files."""

    entries: int
    pairs: int
    unreadable: tuple[str, ...]


def extract(
    paths: Sequence[str],
    output: str,
    source_lang: str | None = None,
    target_lang: str | None = None,
    fmt: str | None = None,
    source: str | None = None,
    min_count: int = MIN_COUNT,
) -> Extracted:
    """Read ``paths`` as ``tcheck check`` does (bilingual files, a translation with its
    ``source``, repository translations paired with their originals), draft the glossary and
    write it to ``output`` in ``fmt`` (default: by the extension: csv, tsv, toml, tbx).

    Usage errors (exit 2): an output that is one of the inputs, an unknown format or language,
    no paired segment at all."""
    from pathlib import Path

    from tcheck.config import Config
    from tcheck.engine import discover
    from tcheck.errors import InputError, UsageError
    from tcheck.glossary import FORMATS, write
    from tcheck.loader import load_documents
    from tcheck.locale import normalize_lang
    from tcheck.overwrite import refuse_overwrite

    suffix = f".{fmt.lower().lstrip('.')}" if fmt else Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"-o {output}: unknown glossary format {suffix or '(none)'} (use {', '.join(FORMATS)})"
        )
    src = normalize_lang(source_lang) if source_lang else None
    tgt = normalize_lang(target_lang) if target_lang else None
    config = Config(source_lang=src, target_lang=tgt, default_glossaries=False)
    inputs = discover(paths, (), config)
    read = [(i.path, "an input") for i in inputs] + [
        (i.source, "the source of an input") for i in inputs if i.source
    ]
    if source:
        read.append((source, "the source file"))
    refuse_overwrite(output, "-o", read)
    unreadable: list[str] = []
    languages: list[tuple[str | None, str | None]] = []
    pairs = 0

    def documents() -> Iterable[Document]:
        nonlocal pairs
        for item in load_documents(inputs, config, source):
            if isinstance(item, InputError):
                unreadable.append(str(item))
                continue
            paired = sum(1 for s in item.segments if s.counterpart is not None)
            if paired:
                pairs += paired
                languages.append((item.source_lang, item.lang))
                yield item

    entries = extract_from_documents(documents(), src, tgt, min_count)
    if not pairs:
        raise UsageError(
            "no paired segments to learn from: give bilingual files (XLIFF, PO, TMX, TSV), a "
            "translation with --source, or translations that pair with their originals"
        )
    src = src or next((s for s, _ in languages if s), None)
    tgt = tgt or next((t for _, t in languages if t), None)
    if not src or not tgt:
        raise UsageError("the languages are unknown: give --source-lang and --target-lang")
    glossary = as_glossary(entries, src, tgt, output)
    Path(output).write_text(write(glossary, f"draft{suffix}"), encoding="utf-8")
    return Extracted(len(entries), pairs, tuple(unreadable))
