"""TC106 inconsistent-translation."""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Segment, Severity, Span
from tcheck.registry import register

_LETTER = re.compile(r"[^\W\d_]")
_TRAILING = re.compile(r"[\s.!?:;,…]+$")
# Markup that is no part of the wording: heading ids and attributes, MDX comments, emphasis,
# link brackets and targets, code-span ticks.
_MARKUP = re.compile(r"\{#[^}\n]*\}|\{\.[^}\n]*\}|\{/\*.*?\*/\}|\]\([^)\s]*\)|[*_`\[\]]+|^#+\s+", re.S)
_PUNCT = re.compile(r"[^\w\s]+")
_MIN_CONFIDENCE = 0.6  # aligned sentences paired with less confidence are left out
_MIN_WORDS = 3  # aligned sentences shorter than this (a name in a table cell) are left out


@dataclass(frozen=True, slots=True)
class _Place:
    path: str
    span: Span


class _Side:
    """For one key (a source, or a target) seen twice or more: its counterparts, each with where
    they occur.

    Texts are kept by digest, and written out once per variant, so memory grows with the number
    of distinct texts rather than with the size of the run. The places of a variant are kept end
    to end in an array, three numbers a place (the path's number, start, end): about 24 bytes an
    occurrence, where a place object with its span cost about 170 (a bilingual file of a million
    repeated units held 300 MB of them)."""

    __slots__ = ("texts", "variants")

    def __init__(self) -> None:
        self.variants: dict[bytes, array[int]] = {}
        self.texts: dict[bytes, str] = {}

    def add(self, variant: bytes, text: str, path: int, start: int, end: int) -> None:
        places = self.variants.get(variant)
        if places is None:
            places = self.variants[variant] = array("q")
            self.texts[variant] = " ".join(text.split())
        places.append(path)
        places.append(start)
        places.append(end)


class _Singles:
    """The keys seen once (most keys of a run), column by column: each one's variant (16 bytes
    end to end), its raw text, and its place (the path's number, start, end) in an array, about
    60 bytes a key besides its text, where a tuple of the five cost about 250. A key's table
    holds its number here until it is seen again and a :class:`_Side` takes its place."""

    __slots__ = ("places", "texts", "variants")

    def __init__(self) -> None:
        self.variants = bytearray()
        self.texts: list[str] = []
        self.places: array[int] = array("q")

    def add(self, variant: bytes, text: str, path: int, start: int, end: int) -> int:
        """File one occurrence; its number."""
        self.variants += variant
        self.texts.append(text)
        self.places.extend((path, start, end))
        return len(self.texts) - 1

    def take(self, number: int) -> tuple[bytes, str, int, int, int]:
        """Occurrence ``number`` as :meth:`_Side.add` takes it (its text is no longer kept here)."""
        text, self.texts[number] = self.texts[number], ""
        p = self.places
        return (
            bytes(self.variants[16 * number : 16 * number + 16]),
            text,
            p[3 * number],
            p[3 * number + 1],
            p[3 * number + 2],
        )


# (by source?, key, the digest of the other side's wording, the text shown, where): the wording
# itself (a normalised copy of the text) is not kept, so a document's entries cost no copy of it
_Entry = tuple[bool, bytes, bytes, str, _Place]


class _Entries:
    """A document's entries column by column (pure data, picklable): the digests end to end in
    bytes, the spans in an array, texts and paths by reference; about 65 bytes an entry, where a
    tuple with its place, span and two digest objects cost about 250 (a bilingual file of a
    million units held 500 MB of them while its other checks ran)."""

    __slots__ = ("keys", "kinds", "paths", "spans", "texts", "variants")

    def __init__(self) -> None:
        self.kinds = bytearray()  # 1: keyed by the source, 0: by the target
        self.keys = bytearray()  # 16 bytes an entry
        self.variants = bytearray()  # 16 bytes an entry
        self.texts: list[str] = []
        self.paths: list[str] = []
        self.spans: array[int] = array("q")  # start and end of each entry

    def add(self, by_source: bool, key: bytes, variant: bytes, text: str, path: str, span: Span) -> None:
        self.kinds.append(by_source)
        self.keys += key
        self.variants += variant
        self.texts.append(text)
        self.paths.append(path)
        self.spans.append(span.start)
        self.spans.append(span.end)

    def __len__(self) -> int:
        return len(self.kinds)

    def __iter__(self) -> Iterator[_Entry]:
        keys, variants, spans = bytes(self.keys), bytes(self.variants), self.spans
        for i, (kind, text, path) in enumerate(zip(self.kinds, self.texts, self.paths, strict=True)):
            at = 16 * i
            place = _Place(path, Span(spans[2 * i], spans[2 * i + 1]))
            yield bool(kind), keys[at : at + 16], variants[at : at + 16], text, place

    def rows(self) -> Iterator[tuple[bool, bytes, bytes, str, str, int, int]]:
        """``(by source?, key, variant, text, path, start, end)`` without a place object."""
        keys, variants, spans = bytes(self.keys), bytes(self.variants), self.spans
        for i, (kind, text, path) in enumerate(zip(self.kinds, self.texts, self.paths, strict=True)):
            at = 16 * i
            yield (
                bool(kind),
                keys[at : at + 16],
                variants[at : at + 16],
                text,
                path,
                spans[2 * i],
                spans[2 * i + 1],
            )


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).digest()


def _normal(text: str, ignore_case: bool) -> str:
    text = " ".join(text.split())
    return text.casefold() if ignore_case else text


def _wording(text: str) -> str:
    """What a reader reads: markup removed, white space collapsed."""
    return " ".join(_MARKUP.sub(" ", text).split())


_REST = re.compile(r"[^\n]*?(?:[.!?。！？](?=\s|$)|(?=\n)|$)")
_CODE = re.compile(r"`+([^`\n]+)`+")
_HEADING_ID = re.compile(r"\{#([^}\s]+)|\{/\*\s*#([^*\s]+)")


def _heading_id(seg: Segment, text: str) -> str | None:
    """The ``{#id}`` (or MDX ``{/* #id */}``) on a heading's line."""
    start = seg.file_span(0, 0).start
    end = text.find("\n", start)
    found = _HEADING_ID.search(text, start, len(text) if end < 0 else end)
    return (found.group(1) or found.group(2)) if found else None


def _file_wording(seg: Segment, text: str) -> str:
    """The segment's prose with the inline code of its sentence: the reader masks code, and an
    aligned sentence can stop before it (``produces `hello`.``), but the code tells two
    sentences apart."""
    span = seg.file_span(0, len(seg.text))
    rest = _REST.match(text, span.end)
    end = rest.end() if rest is not None else span.end
    code = " ".join(_CODE.findall(text, span.start, end))
    return _wording(seg.text) + (f" [{code}]" if code else "")


def _context(seg_id: str) -> str:
    """A reader's disambiguating context (PO ``msgctxt``) is kept after ``@`` in the id."""
    return seg_id.split("@", 1)[1] if "@" in seg_id else ""


def _quote(text: str, size: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _other_ids(seg: Segment, source: Segment, doc: Document) -> bool:
    """Whether two aligned headings carry different anchors: the alignment paired the wrong ones."""
    assert doc.source is not None
    ids = _heading_id(seg, doc.text), _heading_id(source, doc.source.text)
    return None not in ids and ids[0] != ids[1]


@register("TC106", "inconsistent-translation", Severity.WARNING, needs=("source",))
class InconsistentTranslation:
    """The same source is translated in different ways, or different sources share one translation.

    What it does: collects every paired segment of the run (XLIFF and TMX units, PO entries, TSV
    lines, aligned sentences) per language pair and compares them in both directions, as
    translation QA tools do. When one source text has two or more translations, each occurrence
    that differs from the most frequent one is reported, pointing at the other rendering. When
    one translation stands for two or more different sources, the occurrences of the less
    frequent sources are reported. Texts are compared as a reader reads them: markup (heading
    ids, MDX comments, emphasis, link targets) removed, white space collapsed, and translations
    that differ only in punctuation or capitals count as one (option ``ignore-case``, false,
    compares sources without capitals too). A PO context (``msgctxt``) keeps entries apart, and
    texts without letters are skipped.

    Sentences that tcheck aligned itself (a translated page paired with its original) are not
    compared by default: translators of prose vary their wording on purpose, and on real sites
    nearly every such finding was a rewording, not an error. Option ``scope``: ``"document"``
    compares them within their page, ``"run"`` across pages too; then only when they were paired with confidence and have three words or more
    (a table cell of one name is no sentence to compare), and only in the first
    direction (one wording for two source sentences is a translator's freedom in prose): a page
    whose translator reworded a heading elsewhere on the site is not an inconsistency a reader
    meets. Units of
    bilingual files (XLIFF, PO, TMX, TSV, resource files) are compared across the whole run.

    Why it matters: a user interface that says "Save" in one dialog and "Store" in the next, or a
    translation memory that gives two meanings the same wording, confuses readers and spreads
    through every later translation that reuses it.

    Example (``ui.nb.po``)::

        msgid "Save changes"   msgstr "Lagre endringene"
        msgid "Save changes"   msgstr "Ta vare på endringene"
                                      ^^^^^^^^^^^^^^^^^^^^^^^ TC106: elsewhere 'Lagre endringene'
    """

    def __init__(self) -> None:
        # per key, a _Side, or the number in ``singles`` of the one occurrence seen so far
        self.by_source: dict[bytes, _Side | int] = {}
        self.by_target: dict[bytes, _Side | int] = {}
        self.singles = _Singles()
        self.paths: list[str] = []  # a place's path by its number
        self.path_ids: dict[str, int] = {}

    @staticmethod
    def digest(doc: Document, ctx: Context) -> _Entries:
        """The document's paired segments as table entries (pure and picklable: a parallel run
        computes them in the worker that read the document, a rerun takes them from the cache)."""
        ignore_case = ctx.option("TC106", "ignore-case", False, bool)
        scope = ctx.option("TC106", "scope", "off", str)
        run_wide = scope == "run"
        pair = (doc.source_lang or "", doc.lang or "")
        entries = _Entries()
        for seg in doc.segments:
            source = seg.counterpart
            if source is None or not _LETTER.search(seg.text) or not _LETTER.search(source.text):
                continue
            path = seg.path or doc.path
            aligned = (source.path or path) != path  # a sentence of another file, paired by tcheck
            if aligned and scope not in ("document", "run"):
                continue
            if aligned and (
                len(source.text.split()) < _MIN_WORDS
                or (seg.confidence is not None and seg.confidence < _MIN_CONFIDENCE)
                or (seg.kind == "heading") != (source.kind == "heading")
                or (seg.kind == "heading" and doc.source is not None and _other_ids(seg, source, doc))
            ):
                continue
            span = seg.file_span(0, len(seg.text))
            target_text, source_text = seg.text, source.text
            if aligned and doc.source is not None:
                target_text = _file_wording(seg, doc.text)
                source_text = _file_wording(source, doc.source.text)
            context = _context(seg.id) + ("\x1f" + path if aligned and not run_wide else "")
            src_key = _TRAILING.sub("", _normal(source_text, ignore_case))
            tgt_key = " ".join(_PUNCT.sub(" ", target_text.casefold()).split())
            entries.add(True, _digest(*pair, context, src_key), _digest(tgt_key), target_text, path, span)
            if not aligned:  # in prose, one wording for two sentences is a translator's freedom
                entries.add(
                    False, _digest(*pair, context, tgt_key), _digest(src_key), source_text, path, span
                )
        return entries

    def absorb(self, entries: _Entries, ctx: Context) -> None:
        path_ids, paths = self.path_ids, self.paths
        for by_source, key, variant, text, path, start, end in entries.rows():
            number = path_ids.get(path)
            if number is None:
                number = path_ids[path] = len(paths)
                paths.append(path)
            table = self.by_source if by_source else self.by_target
            side = table.get(key)
            if side is None:
                table[key] = self.singles.add(variant, text, number, start, end)
                continue
            if isinstance(side, int):  # seen a second time: the first occurrence moves in
                first = side
                side = table[key] = _Side()
                side.add(*self.singles.take(first))
            side.add(variant, text, number, start, end)

    def _place(self, places: array[int], i: int) -> _Place:
        return _Place(self.paths[places[3 * i]], Span(places[3 * i + 1], places[3 * i + 2]))

    def _groups(
        self, table: dict[bytes, _Side | int]
    ) -> Iterator[tuple[_Side, bytes, _Place, bytes, _Place]]:
        """``(side, main variant, its first place, other variant, a place of it)`` for every
        occurrence that differs from the most frequent variant of its key."""
        for side in table.values():
            if isinstance(side, int) or len(side.variants) < 2:
                continue
            main = max(side.variants, key=lambda v: len(side.variants[v]))
            first = self._place(side.variants[main], 0)
            for variant, places in side.variants.items():
                if variant != main:
                    for i in range(len(places) // 3):
                        yield side, main, first, variant, self._place(places, i)

    def finish(self, ctx: Context) -> Iterator[Hit]:
        for side, main, first, _variant, place in self._groups(self.by_source):
            count = len(side.variants[main]) // 3
            times = f" ({count} times)" if count > 1 else ""
            yield Hit(
                span=place.span,
                path=place.path,
                message=f"the same source is translated as '{_quote(side.texts[main])}' elsewhere{times}",
                suggestion=side.texts[main],
                related=(Related(first.path, first.span, "the other translation"),),
            )
        for side, main, first, variant, place in self._groups(self.by_target):
            yield Hit(
                span=place.span,
                path=place.path,
                message=(
                    f"this translation also stands for a different source: '{_quote(side.texts[variant])}' "
                    f"here, '{_quote(side.texts[main])}' elsewhere"
                ),
                related=(Related(first.path, first.span, "the same translation of another source"),),
                severity=Severity.INFO,
            )
