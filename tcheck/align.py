"""Sentence alignment of a target document with its source, in the spirit of Gale–Church.

Sentences are aligned by dynamic programming over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3).
A bead's cost is Gale and Church's: the prior of its type plus how unlikely its length ratio is,
with the ratio estimated from the two documents. Anchors adjust it: numbers found on both sides
(``2,300`` = ``2 300``), the same names, the same ``?`` and ``!`` make a pair cheaper; numbers
on one side only make it dearer. Structure comes first: a bead that starts a paragraph, heading or
list item on both sides (or a line, in plain text) is cheaper, and a heading paired with a
paragraph dearer. The search stays in a band around the diagonal, so long documents align in
linear time.

Every pair gets a confidence from its length fit and anchors; pairs below the threshold are not
paired at all. Sentences left without a partner are reported by TC002, never paired silently.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tcheck.model import Document, Segment, Span, frozen_map

# Gale & Church's priors, with room for 3-1 and 1-3.
_PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
    (3, 1): 0.002,
    (1, 3): 0.002,
}
_PENALTY = {shape: -math.log(p) for shape, p in _PRIORS.items()}
_VARIANCE = 6.8
_SQRT2 = math.sqrt(2)
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,:]\d+)?")
_NAME = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ][\w-]{2,}")
_STRUCTURE_BONUS = 1.5
_LINE_BONUS = 0.75
_KIND_PENALTY = 6.0
_ANCHOR_BONUS = 1.0
_NUMBER_PENALTY = 1.5
_LOWEST = -(4 * _ANCHOR_BONUS + _STRUCTURE_BONUS)  # no bead costs less


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence to align: where it is, how long, what it is anchored by."""

    seg: int  # index of its segment in the document
    start: int  # offsets in that segment's text
    end: int
    length: int  # characters other than white space
    numbers: frozenset[str]
    names: frozenset[str]
    marks: frozenset[str]
    block_start: bool
    line_start: bool
    kind: str


@dataclass(frozen=True, slots=True)
class Bead:
    """Source units paired with target units (one side may be empty), with a confidence."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float


def _number_key(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    return digits.lstrip("0") or "0"


_HARD_BREAK = re.compile(r"(?<=[^\s])[ \t]*\n(?=[ \t]*[\d\"'“«„(\[–—\-]|[ \t]*[^\W\d_])")


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at line breaks that end a line (a headline, a line ending a sentence) and
    start a new one with a capital, digit or quote; a line wrapped inside a sentence stays whole."""
    cuts = [start]
    for match in _HARD_BREAK.finditer(text, start, end):
        before = text[cuts[-1] : match.start()].rstrip()
        after = text[match.end() : end].lstrip()
        ends_sentence = before[-1:] in ".!?:;\"”»)'’"
        headline = len(before) < 100 and before[-1:].isalnum()
        if (ends_sentence or headline) and (after[:1].isupper() or not after[:1].isalpha()):
            cuts.append(match.end())
    cuts.append(end)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def _sentences(seg: Segment) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, _ in seg.sentence_texts():
        pieces = _line_pieces(seg.text, start, end) if "\n" in seg.text[start:end] else [(start, end)]
        out.extend((a, b, seg.text[a:b]) for a, b in pieces)
    return out


def units_of(segments: Sequence[Segment]) -> list[Unit]:
    """The sentences of ``segments`` as alignment units."""
    out: list[Unit] = []
    for index, seg in enumerate(segments):
        previous_end = 0
        for n, (start, end, text) in enumerate(_sentences(seg)):
            gap = seg.text[previous_end:start]
            previous_end = end
            out.append(
                Unit(
                    seg=index,
                    start=start,
                    end=end,
                    length=len("".join(text.split())),
                    numbers=frozenset(_number_key(m.group(0)) for m in _NUMBER.finditer(text)),
                    names=frozenset(m.group(0)[:5].lower() for m in _NAME.finditer(text)),
                    marks=frozenset(ch for ch in "?!" if ch in text),
                    block_start=n == 0,
                    line_start=n == 0 or "\n" in gap,
                    kind=seg.kind,
                )
            )
    return out


def units(doc: Document) -> list[Unit]:
    return units_of(doc.segments)


class _Coster:
    def __init__(self, src: Sequence[Unit], tgt: Sequence[Unit]) -> None:
        self.src, self.tgt = src, tgt
        # The length ratio of the two languages, drawn towards 1 for short texts.
        total_s = sum(u.length for u in src) + 300
        total_t = sum(u.length for u in tgt) + 300
        self.ratio = min(max(total_t / total_s, 0.2), 5.0)
        self.s_pre = [0]
        for u in src:
            self.s_pre.append(self.s_pre[-1] + u.length)
        self.t_pre = [0]
        for u in tgt:
            self.t_pre.append(self.t_pre[-1] + u.length)
        self.s_other = [u.names | u.marks for u in src]
        self.t_other = [u.names | u.marks for u in tgt]

    def length_probability(self, ls: int, lt: int) -> float:
        """Gale–Church: how likely a source length ``ls`` translates into ``lt``."""
        if ls == 0 and lt == 0:
            return 1.0
        mean = (ls + lt / self.ratio) / 2
        delta = (lt - ls * self.ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
        return max(math.erfc(abs(delta) / _SQRT2), 1e-300)

    def anchors(self, i: int, j: int, di: int, dj: int) -> tuple[int, int, int]:
        """Shared anchors, numbers on one side only, and all anchors of a pair of unit ranges."""
        if di == 1 and dj == 1:
            s_num, t_num = self.src[i].numbers, self.tgt[j].numbers
            s_other, t_other = self.s_other[i], self.t_other[j]
        else:
            s_num = frozenset().union(*(u.numbers for u in self.src[i : i + di]))
            t_num = frozenset().union(*(u.numbers for u in self.tgt[j : j + dj]))
            s_other = frozenset().union(*self.s_other[i : i + di])
            t_other = frozenset().union(*self.t_other[j : j + dj])
        if not (s_num or t_num or s_other):
            return 0, 0, 0
        common = len(s_other & t_other)
        shared = len(s_num & t_num) + common
        return shared, len(s_num ^ t_num), len(s_num | t_num) + common

    def cost(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead taking ``src[i:i+di]`` and ``tgt[j:j+dj]``."""
        if not (di and dj):
            return _PENALTY[(di, dj)]  # a flat price: a long sentence may be missing as well as a short one
        ls = self.s_pre[i + di] - self.s_pre[i]
        lt = self.t_pre[j + dj] - self.t_pre[j]
        cost = _PENALTY[(di, dj)] - math.log(self.length_probability(ls, lt))
        shared, lonely, _ = self.anchors(i, j, di, dj)
        cost += _NUMBER_PENALTY * min(lonely, 4) - _ANCHOR_BONUS * min(shared, 4)
        s, t = self.src[i], self.tgt[j]
        if s.block_start and t.block_start:
            cost -= _STRUCTURE_BONUS
        elif s.line_start and t.line_start:
            cost -= _LINE_BONUS
        if s.kind != t.kind:
            # a heading for a paragraph is unlikely; a list item for a paragraph less so
            cost += _KIND_PENALTY if "heading" in (s.kind, t.kind) else _KIND_PENALTY / 3
        return cost

    def confidence(self, s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> float:
        """How sure a pair is: its length fit, raised by shared anchors, lowered by lonely numbers."""
        if not s_idx or not t_idx:
            return 0.0
        i, di, j, dj = s_idx[0], len(s_idx), t_idx[0], len(t_idx)
        ls = self.s_pre[i + di] - self.s_pre[i]
        lt = self.t_pre[j + dj] - self.t_pre[j]
        fit = math.sqrt(self.length_probability(ls, lt))
        shared, lonely, total = self.anchors(i, j, di, dj)
        if total:
            agreement = (shared + 1) / (shared + lonely + 1)
            fit = 0.5 * fit + 0.5 * agreement
        return round(max(0.0, min(1.0, fit)), 3)


def align(src: Sequence[Unit], tgt: Sequence[Unit], band: int | None = None) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order."""
    n, m = len(src), len(tgt)
    coster = _Coster(src, tgt)
    width = band if band is not None else abs(n - m) + 10 + max(n, m) // 25
    inf = float("inf")
    stride = m + 1
    cost: dict[int, float] = {0: 0.0}
    back: dict[int, tuple[int, int]] = {}
    shapes = list(_PENALTY)
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre - width)), min(m, int(centre + width) + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, (0, 0)
            for di, dj in shapes:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = cost.get(pi * stride + pj)
                if prev is None or prev + _LOWEST >= best:
                    continue  # even the cheapest possible bead would not beat the best so far
                value = prev + coster.cost(pi, pj, di, dj)
                if value < best:
                    best, move = value, (di, dj)
            if best < inf:
                cost[i * stride + j] = best
                back[i * stride + j] = move
    if n * stride + m not in cost:
        return align(src, tgt, band=max(n, m) + 1) if band is None else []
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i * stride + j]
        s_idx, t_idx = tuple(range(i - di, i)), tuple(range(j - dj, j))
        beads.append(Bead(s_idx, t_idx, coster.confidence(s_idx, t_idx)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


# --- From beads back to documents ----------------------------------------------------------------


def _group(segments: Sequence[Segment], text: str, members: Sequence[Unit], seg_id: str) -> Segment:
    """A segment covering consecutive units (one sentence, or several across paragraphs)."""
    first, last = members[0], members[-1]
    if first.seg == last.seg:
        seg = segments[first.seg]
        if first.start == 0 and last.end == len(seg.text) and len(members) == len(_sentences(seg)):
            return seg
        sentences = tuple((u.start - first.start, u.end - first.start) for u in members)
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
        import dataclasses

        for piece in pieces:
            n = len(self.targets) + len(self.sources) + 1
            counterpart = None
            if piece.source:
                members = [src[i] for i in piece.source]
                counterpart = _group(s_segs, self.source.text, members, f"a{n}:source")
                self.sources.append(counterpart)
            if piece.target:
                seg = _group(t_segs, self.target.text, [tgt[j] for j in piece.target], f"a{n}")
                if counterpart is not None:
                    self.paired += len(piece.target)
                seg = dataclasses.replace(seg, counterpart=counterpart, confidence=piece.confidence)
                self.targets.append(seg)

    def pair(self, t: Segment, s: Segment, confidence: float) -> None:
        import dataclasses

        self.sources.append(s)
        self.targets.append(dataclasses.replace(t, counterpart=s, confidence=confidence))
        self.paired += max(1, len(t.sentences))

    def document(self, how: str) -> Document:
        import dataclasses

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
    builder.add(_pieces(align(src, tgt), min_confidence), target.segments, source.segments, tgt, src)
    return builder.document("sentences"), builder.paired


def _one_to_one(src: Sequence[Unit], tgt: Sequence[Unit]) -> bool:
    """Whether equally many sentences plainly pair in order (no alignment needed)."""
    if len(src) == 1:
        return True
    coster = _Coster(src, tgt)
    return all(
        s.numbers == t.numbers and coster.length_probability(s.length, t.length) >= 0.05
        for s, t in zip(src, tgt, strict=True)
    )


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
        tgt, src = units_of([t]), units_of([s])
        if len(tgt) == len(src) and _one_to_one(src, tgt):
            builder.pair(t, s, confidence)
            continue
        beads = align(src, tgt)
        if all(b.source and b.target and b.confidence >= min_confidence for b in beads):
            builder.pair(t, s, confidence)
        else:
            builder.add(_pieces(beads, min_confidence), [t], [s], tgt, src)
    return builder.document("segments")


def pair_confidences(targets: Sequence[Segment], sources: Sequence[Segment]) -> list[float] | None:
    """Confidences of pairing equally many segments one to one, or None when that looks wrong: a
    heading meets a paragraph, or pairs whose lengths do not fit or whose numbers differ come two
    in a row or make up more than a tenth of all (what a shifted pairing looks like)."""

    def unit(seg: Segment, index: int) -> Unit:
        text = seg.text
        numbers = frozenset(_number_key(m.group(0)) for m in _NUMBER.finditer(text))
        names = frozenset(m.group(0)[:5].lower() for m in _NAME.finditer(text))
        marks = frozenset(ch for ch in "?!" if ch in text)
        return Unit(
            index, 0, len(text), len("".join(text.split())), numbers, names, marks, True, True, seg.kind
        )

    src = [unit(s, i) for i, s in enumerate(sources)]
    tgt = [unit(t, i) for i, t in enumerate(targets)]
    coster = _Coster(src, tgt)
    out = []
    doubtful = in_a_row = 0
    for i, (s, t) in enumerate(zip(src, tgt, strict=True)):
        if (s.kind == "heading") != (t.kind == "heading"):
            return None
        if coster.length_probability(s.length, t.length) < 0.01 or s.numbers != t.numbers:
            doubtful += 1
            in_a_row += 1
            if in_a_row >= 2 or doubtful > max(1, len(src) // 10):
                return None  # let the sentence alignment decide
        else:
            in_a_row = 0
        out.append(coster.confidence((i,), (i,)))
    return out
