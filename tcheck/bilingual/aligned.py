"""From sentence beads back to documents: paired segments with their confidence.

:func:`pair_segments` pairs equally many paragraphs (or lines) one to one, checking the sentences
inside each pair; :func:`pair_documents` aligns all sentences (:mod:`tcheck.bilingual.align`). Either way a
target segment carries its source as ``counterpart`` and the pair's ``confidence``; sentences that
found no partner keep none, and source sentences nobody points at stay in ``source.segments`` for
TC002 to report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from tcheck.bilingual.align import (
    Bead,
    Coster,
    Facts,
    Unit,
    align,
    facts,
    units,
    units_of,
)
from tcheck.bilingual.sectionmatch import align_sections
from tcheck.model import Document, Segment, Span, frozen_map


def _group(
    segments: Sequence[Segment], text: str, members: Sequence[Unit], seg_id: str, counts: Sequence[int]
) -> Segment:
    """A segment covering consecutive units (one sentence, or several across paragraphs);
    ``counts``: how many units each segment has."""
    first, last = members[0], members[-1]
    if first.seg == last.seg:
        seg = segments[first.seg]
        if first.start == 0 and last.end == len(seg.text) and len(members) == counts[first.seg]:
            return seg
        offset = first.start
        sentences = tuple([(u.start - offset, u.end - offset) for u in members])
        return Segment(
            seg_id,
            seg.text[first.start : last.end],
            seg.file_span(first.start, last.end),
            seg.kind,
            sentences,
            path=seg.path,
        )
    start = segments[first.seg].file_span(first.start, first.start).start
    end = segments[last.seg].file_span(last.end, last.end).start
    chars = ["\n" if ch == "\n" else " " for ch in text[start:end]]
    spans = []
    for u in members:
        seg = segments[u.seg]
        at = seg.file_span(u.start, u.end).start - start
        chars[at : at + u.end - u.start] = seg.text[u.start : u.end]
        spans.append((at, at + u.end - u.start))
    head = segments[first.seg]
    return Segment(seg_id, "".join(chars), Span(start, end), head.kind, tuple(spans), path=head.path)


def _counts(units: Sequence[Unit], segments: int) -> list[int]:
    """How many of ``units`` each of the ``segments`` has (one a sentence of :func:`tcheck.bilingual.units.sentences_of`)."""
    counts = [0] * segments
    for unit in units:
        counts[unit.seg] += 1
    return counts


@dataclass
class _Piece:
    target: list[int]
    source: list[int]
    confidence: float | None


def _pieces(beads: Sequence[Bead], min_confidence: float) -> list[_Piece]:
    """One piece per paired bead; the units of unpaired or doubtful beads each alone."""
    pieces: list[_Piece] = []
    for bead in beads:
        if bead.source and bead.target and bead.confidence >= min_confidence:
            pieces.append(_Piece(list(bead.target), list(bead.source), bead.confidence))
            continue
        pieces.extend(_Piece([j], [], None) for j in bead.target)
        pieces.extend(_Piece([], [i], None) for i in bead.source)
    return pieces


class _Builder:
    """Collects the paired target segments and the source segments of one document."""

    def __init__(self, target: Document, source: Document) -> None:
        self.target, self.source = target, source
        self.targets: list[Segment] = []
        self.sources: list[Segment] = []
        self.paired = 0

    def add(
        self,
        pieces: Sequence[_Piece],
        t_segs: Sequence[Segment],
        s_segs: Sequence[Segment],
        tgt: Sequence[Unit],
        src: Sequence[Unit],
    ) -> None:
        s_counts, t_counts = _counts(src, len(s_segs)), _counts(tgt, len(t_segs))
        for piece in pieces:
            n = len(self.targets) + len(self.sources) + 1
            counterpart = None
            if piece.source:
                members = [src[i] for i in piece.source]
                counterpart = _group(s_segs, self.source.text, members, f"a{n}:source", s_counts)
                self.sources.append(counterpart)
            if piece.target:
                members = [tgt[j] for j in piece.target]
                seg = _group(t_segs, self.target.text, members, f"a{n}", t_counts)
                if counterpart is not None:
                    self.paired += len(piece.target)
                seg = dataclasses.replace(seg, counterpart=counterpart, confidence=piece.confidence)
                self.targets.append(seg)

    def pair(self, t: Segment, s: Segment, confidence: float) -> None:
        self.sources.append(s)
        self.targets.append(dataclasses.replace(t, counterpart=s, confidence=confidence))
        self.paired += max(1, len(t.sentences))

    def document(self, how: str) -> Document:
        return dataclasses.replace(
            self.target,
            segments=tuple(self.targets),
            source=dataclasses.replace(self.source, segments=tuple(self.sources)),
            metadata=frozen_map({**self.target.metadata, "alignment": how}),
        )


def pair_documents(target: Document, source: Document, min_confidence: float = 0.3) -> tuple[Document, int]:
    """``target`` with its sentences aligned to those of ``source``, and how many target
    sentences found a partner. Unpaired target segments have no counterpart; unpaired source
    sentences stay in ``source.segments`` without any target pointing at them."""
    src, tgt = units(source), units(target)
    builder = _Builder(target, source)
    beads = align_sections(source, target, src, tgt)
    builder.add(_pieces(beads, min_confidence), target.segments, source.segments, tgt, src)
    return builder.document("sentences"), builder.paired


def _one_to_one(src: Sequence[Unit], tgt: Sequence[Unit]) -> bool:
    """Whether equally many sentences plainly pair in order (no alignment needed)."""
    if len(src) == 1:
        return True
    coster = Coster(src, tgt)
    return all(
        s.numbers == t.numbers and coster.length_probability(s.length, t.length) >= 0.05
        for s, t in zip(src, tgt, strict=True)
    )


_SOURCE_UNITS: dict[int, tuple[Segment, list[Unit]]] = {}  # a source is paired with each translation


def _source_units(seg: Segment) -> list[Unit]:
    """``units_of([seg])``, memoised per segment object (the list is only read)."""
    hit = _SOURCE_UNITS.get(id(seg))
    if hit is not None and hit[0] is seg:
        return hit[1]
    found = units_of([seg])
    if len(_SOURCE_UNITS) >= 50_000:
        _SOURCE_UNITS.clear()
    _SOURCE_UNITS[id(seg)] = (seg, found)
    return found


def pair_segments(
    target: Document,
    source: Document,
    t_segs: Sequence[Segment],
    s_segs: Sequence[Segment],
    confidences: Sequence[float],
    min_confidence: float = 0.3,
) -> Document:
    """Pair equally many segments one to one; inside a pair whose sentences do not all find a
    partner, pair the sentences that do and leave the others unpaired."""
    builder = _Builder(target, source)
    for t, s, confidence in zip(t_segs, s_segs, confidences, strict=True):
        tgt, src = units_of([t]), _source_units(s)
        if len(tgt) == len(src) and _one_to_one(src, tgt):
            builder.pair(t, s, confidence)
            continue
        beads = align(src, tgt)
        if all(b.source and b.target and b.confidence >= min_confidence for b in beads):
            builder.pair(t, s, confidence)
        else:
            builder.add(_pieces(beads, min_confidence), [t], [s], tgt, src)
    return builder.document("segments")


_SOURCE_FACTS: dict[int, tuple[Segment, Facts]] = {}  # a source is paired with each translation


def _source_facts(seg: Segment) -> Facts:
    """``facts(seg.text)``, memoised per segment object."""
    hit = _SOURCE_FACTS.get(id(seg))
    if hit is not None and hit[0] is seg:
        return hit[1]
    found = facts(seg.text)
    if len(_SOURCE_FACTS) >= 8_192:
        _SOURCE_FACTS.clear()
    _SOURCE_FACTS[id(seg)] = (seg, found)
    return found


def _whole(seg: Segment, index: int, known: Facts) -> Unit:
    """A whole segment as one alignment unit."""
    length, numbers, names, marks = known
    return Unit(index, 0, len(seg.text), length, numbers, names, marks, True, True, seg.kind)


def pair_confidences(targets: Sequence[Segment], sources: Sequence[Segment]) -> list[float] | None:
    """Confidences of pairing equally many segments one to one, or None when that looks wrong: a
    heading meets a paragraph, or pairs whose lengths do not fit or whose numbers differ come two
    in a row or make up more than a tenth of all (what a shifted pairing looks like)."""
    for s_seg, t_seg in zip(sources, targets, strict=True):
        if (s_seg.kind == "heading") != (t_seg.kind == "heading"):
            return None
    src = [_whole(s, i, _source_facts(s)) for i, s in enumerate(sources)]
    tgt = [_whole(t, i, facts(t.text)) for i, t in enumerate(targets)]
    coster = Coster(src, tgt)
    out = []
    doubtful = in_a_row = 0
    for i, (s, t) in enumerate(zip(src, tgt, strict=True)):
        if coster.length_probability(s.length, t.length) < 0.01 or s.numbers != t.numbers:
            doubtful += 1
            in_a_row += 1
            if in_a_row >= 2 or doubtful > max(1, len(src) // 10):
                return None  # let the sentence alignment decide
        else:
            in_a_row = 0
        out.append(coster.confidence((i,), (i,)))
    return out
