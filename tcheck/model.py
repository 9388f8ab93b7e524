"""The data model shared by readers, checks, the engine and reporters.

Offsets are code-point offsets into the original file text, kept from the reader and never found
again by searching. Lines and columns are derived only when reporting (1-based).
"""

from __future__ import annotations

import bisect
import enum
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, overload

FRONT_MATTER = "front-matter"  # the kind of segments read from a page's front matter
# One read-only empty mapping shared by every hit and finding without extras (a paragraph of wrong
# weekdays has a finding every few characters: a mapping of their own each cost ~110 bytes).
NO_DATA: Mapping[str, Any] = MappingProxyType({})


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range ``[start, end)`` of code points in a file's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the other spelling, the contradicting date)."""

    path: str
    span: Span
    note: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement a check is certain of: put ``text`` in place of the file's ``span``.

    Only set where applying it cannot be wrong (a glossary's preferred term for a forbidden
    variant written exactly, a thousands separator the document uses elsewhere); ``tcheck check
    --fix`` applies these and nothing else (:mod:`tcheck.fix`).
    """

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a finding without its rule metadata and path.

    The engine turns each hit into a :class:`Finding`, filling in code, name, severity and path.
    ``severity`` overrides the rule's default for this hit only (e.g. a weaker variant of a rule).
    ``data`` carries check-specific extras for reporters (e.g. ``{"round_trip": "..."}``).
    """

    span: Span
    message: str
    suggestion: str | None = None
    related: tuple[Related, ...] = ()
    side: str = "target"
    confidence: float | None = None
    severity: Severity | None = None
    path: str | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: NO_DATA)
    fix: Fix | None = None  # a certain replacement (see :class:`Fix`)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by one check at one place."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span
    suggestion: str | None = None
    related: tuple[Related, ...] = ()
    side: str = "target"
    confidence: float | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: NO_DATA)
    fix: Fix | None = None  # a certain replacement (see :class:`Fix`)


_INT32 = 2**31


class OffsetRuns(Sequence[int]):
    """File offsets of a segment's characters, stored compactly as runs.

    A run starts at index ``keys[k]`` with offset ``values[k]`` and goes on one offset per index
    until the next key, so text that stands in the file as it is (most of a segment) costs one run,
    and only an escape (``&amp;``, ``\\n``) or an inline code starts a new one. The keys and values
    share one array of exactly their size (8 bytes a run; 16 in a file of over 2**31 characters);
    a segment's start and end offsets share one array too (:meth:`pair`).
    Readers build it with :meth:`of`, from runs or with :meth:`pair`; checks only use
    :meth:`Segment.file_span`.
    """

    __slots__ = ("_at", "_count", "_length", "_runs")

    def __init__(self, keys: Sequence[int], values: Sequence[int], length: int) -> None:
        _check_runs(keys, values, length)
        runs = [*keys, *values]  # one array of exactly this size (extend would leave spare room)
        self._runs = array("i" if max(runs, default=0) < _INT32 else "q", runs)
        self._at = 0  # where the keys start in ``_runs`` (the values follow them)
        self._count = len(keys)
        self._length = length

    @classmethod
    def pair(
        cls,
        first: tuple[Sequence[int], Sequence[int], int],
        second: tuple[Sequence[int], Sequence[int], int],
    ) -> tuple[OffsetRuns, OffsetRuns]:
        """Two maps, each ``(keys, values, length)``, stored in one array (a segment's start and
        end offsets: one array object fewer a segment)."""
        for keys, values, length in (first, second):
            _check_runs(keys, values, length)
        runs = [*first[0], *first[1], *second[0], *second[1]]
        shared = array("i" if max(runs, default=0) < _INT32 else "q", runs)
        out = []
        for at, (keys, _, length) in ((0, first), (2 * len(first[0]), second)):
            made = cls.__new__(cls)
            made._runs, made._at, made._count, made._length = shared, at, len(keys), length
            out.append(made)
        return out[0], out[1]

    @classmethod
    def of(cls, offsets: Iterable[int]) -> OffsetRuns:
        """The runs of a plain sequence of offsets."""
        keys: list[int] = []
        values: list[int] = []
        length = 0
        for index, value in enumerate(offsets):
            if not keys or values[-1] + index - keys[-1] != value:
                keys.append(index)
                values.append(value)
            length = index + 1
        return cls(keys, values, length)

    @property
    def runs(self) -> int:
        return self._count

    def _own(self) -> array[int]:
        """This map's keys and values (a copy when the array is shared)."""
        at, count = self._at, self._count
        if at == 0 and len(self._runs) == 2 * count:
            return self._runs
        return self._runs[at : at + 2 * count]

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        runs, at = self._runs, self._at
        k = bisect.bisect_right(runs, index, at, at + self._count) - 1
        return runs[self._count + k] + index - runs[k]

    def __iter__(self) -> Iterator[int]:
        runs, count, at = self._runs, self._count, self._at
        for k in range(at, at + count):
            stop = runs[k + 1] if k + 1 < at + count else self._length
            start = runs[count + k]
            yield from range(start, start + stop - runs[k])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetRuns):
            return NotImplemented
        return (self._length, self._count, self._own()) == (other._length, other._count, other._own())

    def __hash__(self) -> int:
        return hash((self._length, self._own().tobytes()))

    def __reduce__(self) -> tuple[type[OffsetRuns], tuple[array[int], array[int], int]]:
        own, count = self._own(), self._count
        return OffsetRuns, (own[:count], own[count:], self._length)

    def __repr__(self) -> str:
        return f"OffsetRuns({self._length} offsets in {self._count} runs)"


def _check_runs(keys: Sequence[int], values: Sequence[int], length: int) -> None:
    if len(keys) != len(values) or (length and (not keys or keys[0] != 0)):
        raise ValueError("runs need as many keys as values, the first at index 0")


@dataclass(frozen=True, slots=True)
class Segment:
    """A unit of text (paragraph, heading, list item, bilingual unit) of one document.

    ``text`` has the same length as the file text it covers, with non-prose parts (inline code,
    URLs, markup) replaced by spaces, so ``span.start + i`` is the file offset of ``text[i]``.
    Readers of escaped formats (XML) pass ``offsets``: the file offset of each character of
    ``text`` plus one for the end (any sequence of ints; the bilingual readers pass compact
    :class:`OffsetRuns`); use :meth:`file_span` to convert, never arithmetic.
    ``sentences`` are ``(start, end)`` pairs relative to ``text``.
    """

    id: str
    text: str
    span: Span
    kind: str = "paragraph"
    sentences: tuple[tuple[int, int], ...] = ()
    counterpart: Segment | None = None
    offsets: Sequence[int] | None = None
    path: str | None = None
    confidence: float | None = None  # of the pairing with ``counterpart`` when it was aligned
    ends: Sequence[int] | None = None  # with ``offsets``: the file offset after each character
    # The file range of the whole value the segment was read from, placeholders and markup at its
    # ends included (a bilingual unit or resource string); None when it is ``span``.
    extent: Span | None = None
    flags: frozenset[str] = frozenset()  # format flags of a bilingual unit (PO ``c-format`` ...)
    lang: str | None = None  # the segment's own language when the file marks it (HTML ``lang``)

    def file_span(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]``."""
        if self.offsets is None:
            return Span(self.span.start + start, self.span.start + end)
        if self.ends is not None and end > start:  # stop after the last character, before markup
            return Span(self.offsets[start], self.ends[end - 1])
        return Span(self.offsets[start], self.offsets[end])

    def sentence_texts(self) -> list[tuple[int, int, str]]:
        """``(start, end, text)`` of every sentence (the whole segment when unsplit)."""
        if not self.sentences:
            return [(0, len(self.text), self.text)]
        return [(s, e, self.text[s:e]) for s, e in self.sentences]


@dataclass(frozen=True, slots=True)
class Suppression:
    """Findings with a code starting with one of ``codes`` (all when empty) on lines
    ``first_line..last_line`` (1-based, inclusive) are hidden."""

    codes: tuple[str, ...]
    first_line: int
    last_line: int

    def covers(self, code: str, line: int) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


@dataclass(frozen=True)
class Document:
    """A checked file (or one side of a bilingual file) after reading.

    ``source`` is the source-language counterpart when one is known; its segments are paired with
    this document's segments through ``Segment.counterpart``. ``layout`` is what the reader kept
    of its parse for later stages (Markdown: :class:`tcheck.formats.markdown_parser.Layout`), so
    a page is not parsed twice.
    """

    path: str
    text: str
    lang: str | None
    segments: tuple[Segment, ...]
    source_lang: str | None = None
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    suppressions: tuple[Suppression, ...] = ()
    source: Document | None = None
    layout: object | None = field(default=None, compare=False, repr=False)

    @property
    def bilingual(self) -> bool:
        return any(s.counterpart is not None for s in self.segments)

    @property
    def body(self) -> int:
        """How many segments are the page's text (front-matter titles and descriptions are not)."""
        return sum(1 for s in self.segments if s.kind != FRONT_MATTER)


class LineIndex:
    """Maps code-point offsets of one text to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        # 4 bytes a line where every offset fits (a file under 2**31 characters), else 8
        starts = array("i" if len(text) < _INT32 else "q", [0])
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    @classmethod
    def of_starts(cls, starts: array[int]) -> LineIndex:
        """The index of a text whose lines start at ``starts`` (the first at 0)."""
        made = cls.__new__(cls)
        made._starts = starts
        return made

    @property
    def starts(self) -> array[int]:
        """The offset where each line starts (the first at 0)."""
        return self._starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


def frozen_map(values: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only copy of ``values``."""
    return MappingProxyType(dict(values or {}))


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Deterministic report order: path, position, code, message."""
    return sorted(findings, key=lambda f: (f.path, f.span.start, f.span.end, f.code, f.message))
