"""Building blocks shared by the bilingual readers (TSV, XLIFF, PO, TMX).

A bilingual file becomes a target :class:`Document` whose segments carry their source segment as
``counterpart`` and whose ``source`` is a Document for the source side; both sides keep offsets
into the same file, so findings on either side point at the right characters.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tcheck.formats.masking import mask_urls
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, OffsetRuns, Segment, Span, frozen_map

if TYPE_CHECKING:  # the XML readers' types: a PO or TSV file is read without the XML layer
    from tcheck.formats.xmlsafe import Chunk, Element, Text

# How inline elements of XLIFF 1.2/2.0 and TMX are read: their text is prose ("text"), they stand
# for a piece of native code (one space in the text, "code"), they open or close formatting
# (nothing, "mark"), or they are a code point (XLIFF 2.0 ``<cp hex="..."/>``).
INLINE: Mapping[str, str] = {
    "g": "text",
    "pc": "text",
    "mrk": "text",
    "hi": "text",
    "x": "code",
    "ph": "code",
    "it": "code",
    "ut": "code",
    "bpt": "mark",
    "ept": "mark",
    "bx": "mark",
    "ex": "mark",
    "sc": "mark",
    "ec": "mark",
    "sm": "mark",
    "em": "mark",
    "sub": "mark",
    "cp": "cp",
}


class _Runs:
    """A growing map from text index to file offset, kept as runs (see :class:`OffsetRuns`)."""

    __slots__ = ("keys", "values")

    def __init__(self) -> None:
        self.keys: array[int] = array("q")
        self.values: array[int] = array("q")

    def add(self, index: int, value: int) -> None:
        """Map ``index`` (larger than every index so far) to ``value``."""
        keys, values = self.keys, self.values
        if not keys or values[-1] + index - keys[-1] != value:
            keys.append(index)
            values.append(value)

    def at(self, index: int) -> int:
        k = bisect.bisect_right(self.keys, index) - 1
        return self.values[k] + index - self.keys[k]

    def window(self, first: int, stop: int) -> _Runs:
        """The map of indexes ``first..stop - 1``, renumbered from 0."""
        out = _Runs()
        k = bisect.bisect_right(self.keys, first) - 1
        out.add(0, self.values[k] + first - self.keys[k])
        for key, value in zip(self.keys[k + 1 :], self.values[k + 1 :], strict=True):
            if key >= stop:
                break
            out.add(key - first, value)
        return out


class TextBuilder:
    """Collects the text of one segment with the file span of each character, as runs: a piece
    that stands in the file as it is costs one run whatever its length.

    While every piece so far stands in the file as it is, one after the other (a PO string without
    escapes, a TSV field, an XML text without references), only where the first begins is kept;
    the runs are made when a piece first breaks that line (an escape, an inline code, a gap).
    """

    __slots__ = ("_base", "_ends", "_length", "_parts", "_starts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._base = 0  # the file offset of the first character while there are no runs
        self._starts: _Runs | None = None
        self._ends: _Runs | None = None
        self._length = 0

    @property
    def text(self) -> str:
        """The text collected so far."""
        if len(self._parts) > 1:
            self._parts[:] = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def __len__(self) -> int:
        return self._length

    def _runs(self) -> tuple[_Runs, _Runs]:
        """The runs of the text so far (made now if the text has been one line until here)."""
        starts, ends = self._starts, self._ends
        if starts is None or ends is None:
            starts, ends = self._starts, self._ends = _Runs(), _Runs()
            if self._length:
                starts.add(0, self._base)
                ends.add(0, self._base + 1)
        return starts, ends

    def add(self, text: str, start: int) -> None:
        """Text that appears in the file as it is, from offset ``start``."""
        if text:
            self._parts.append(text)
            length = self._length
            if self._starts is None:
                if not length:
                    self._base = start
                    self._length = len(text)
                    return
                if self._base + length == start:
                    self._length = length + len(text)
                    return
            starts, ends = self._runs()
            starts.add(length, start)
            ends.add(length, start + 1)
            self._length = length + len(text)

    def add_char(self, ch: str, start: int, end: int) -> None:
        """One character written in the file as ``start..end`` (an escape, a reference, a code)."""
        if end == start + 1:
            self.add(ch, start)
            return
        self._parts.append(ch)
        starts, ends = self._runs()
        starts.add(self._length, start)
        ends.add(self._length, end)
        self._length += 1

    def add_chunk(self, chunk: Chunk, source: Text) -> None:
        for piece, start, end in source.pieces(chunk):
            if end - start == len(piece):
                self.add(piece, start)
            else:
                self.add_char(piece, start, end)

    def add_inline(self, node: Element, source: Text) -> None:
        """The prose of an XML element, inline codes replaced by one space each.

        Walked with a stack of its own, not by recursion: inline elements nested thousands deep
        (``<g><g><g>...``) are read like any others.
        """
        from tcheck.formats.xmlsafe import Chunk

        pending: list[Iterator[Element | Chunk]] = [iter(node.children)]
        while pending:
            child = next(pending[-1], None)
            if child is None:
                pending.pop()
                continue
            if isinstance(child, Chunk):
                self.add_chunk(child, source)
                continue
            how = INLINE.get(child.name, "text")
            if how == "text":
                pending.append(iter(child.children))
            elif how == "code":
                self.add_char(" ", child.start, child.end)
            elif how == "cp":
                try:
                    code = int(child.get("hex", "20") or "20", 16)
                    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate is no character: it could not be printed
                        raise ValueError(code)
                    self.add_char(chr(code), child.start, child.end)
                except (ValueError, OverflowError):
                    self.add_char(" ", child.start, child.end)

    def build(
        self,
        seg_id: str,
        path: str,
        kind: str = "unit",
        counterpart: Segment | None = None,
        flags: frozenset[str] = frozenset(),
    ) -> Segment | None:
        """The segment (surrounding white space trimmed), or None when there is no text."""
        full = self.text
        first = len(full) - len(full.lstrip())
        last = len(full.rstrip())
        if first >= last:
            return None
        text = full[first:last] if (first, last) != (0, len(full)) else full
        offsets: OffsetRuns | None = None
        end_runs: OffsetRuns | None = None
        low = high = 0  # the file offsets of the untrimmed value's ends
        if self._starts is None or self._ends is None:  # one line of the file as it is
            low = self._base
            base, end, high = low + first, low + last, low + len(full)
        else:
            starts = self._starts.window(first, last)
            ends = self._ends.window(first, last)
            base = starts.values[0]
            end = self._ends.at(last - 1)
            if not (len(starts.keys) == 1 and len(ends.keys) == 1 and ends.values[0] == base + 1):
                starts.add(len(text), end)  # one more offset: the end of the text
                offsets, end_runs = OffsetRuns.pair(
                    (starts.keys, starts.values, len(text) + 1), (ends.keys, ends.values, len(text))
                )
            if first or last < len(full):
                low, high = self._starts.at(0), self._ends.at(len(full) - 1)
        masked = mask_urls(text)
        span = Span(base, end)
        extent: Span | None = None
        if first or last < len(full):  # white space trimmed: the value's ends are elsewhere
            # an end the value shares with the text is one number object, not two
            extent = Span(base if low == base else low, end if high == end else high)
        return Segment(
            id=seg_id,
            text=masked,
            span=span,
            kind=kind,
            sentences=split_sentences(masked),
            counterpart=counterpart,
            offsets=offsets,
            path=path,
            ends=end_runs,
            extent=extent if extent != span else None,
            flags=flags,
        )


def lines(text: str) -> Iterator[str]:
    """The lines of ``text`` split at ``\\n``, as ``text.split("\\n")`` gives them, one at a time
    (a list of every line of a large file would cost more than the file)."""
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield text[pos:end]
        pos = end + 1


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit read from a bilingual file."""

    source: Segment
    target: Segment


def bilingual_document(
    path: str,
    text: str,
    units: Iterable[Unit],
    lang: str | None,
    source_lang: str | None,
    metadata: Mapping[str, str] | None = None,
) -> Document:
    """The target document of a bilingual file, its ``source`` the source side of the same file."""
    import dataclasses

    pairs = list(units)
    sources = tuple(u.source for u in pairs)
    # a reader that built its target with the counterpart already set needs no copy of it
    targets = tuple(
        u.target if u.target.counterpart is u.source else dataclasses.replace(u.target, counterpart=u.source)
        for u in pairs
    )
    meta = dict(metadata or {})
    if source_lang:
        meta["source-lang"] = source_lang
    source = Document(path=path, text=text, lang=source_lang, segments=sources, metadata=frozen_map(meta))
    return Document(
        path=path,
        text=text,
        lang=lang,
        segments=targets,
        source_lang=source_lang,
        metadata=frozen_map(meta),
        source=source,
    )
