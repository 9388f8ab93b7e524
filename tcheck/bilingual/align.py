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
from typing import NamedTuple

from tcheck.bilingual.anchors import longest_chain, unique_pairs
from tcheck.model import Document, Segment

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
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,:]\d+)?")
NAME = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ][\w-]{2,}")
# NAME's matches, as its group: a pattern that starts by matching a character is searched faster
# than one that starts with a look-behind (a name never ends on white space, so no match eats the
# space before the next one).
_NAME_AFTER_SPACE = re.compile(r"\s([A-ZÀ-ÖØ-Þ][\w-]{2,})")
_STRUCTURE_BONUS = 1.5
_LINE_BONUS = 0.75
_KIND_PENALTY = 6.0
_ANCHOR_BONUS = 1.0
_NUMBER_PENALTY = 1.5
_LOWEST = -(4 * _ANCHOR_BONUS + _STRUCTURE_BONUS)  # no bead costs less


class Unit(NamedTuple):
    """One sentence to align: where it is, how long, what it is anchored by (a named tuple: a
    page has one per sentence, made for each pairing)."""

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


class Bead(NamedTuple):
    """Source units paired with target units (one side may be empty), with a confidence."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float


def number_key(raw: str) -> str:
    """The digits of a number as written (``2,300`` and ``2 300`` are ``2300``), leading zeros
    dropped."""
    digits = re.sub(r"\D", "", raw)
    return digits.lstrip("0") or "0"


_EMPTY: frozenset[str] = frozenset()
# What NUMBER matches besides digits: the key is what is left without them (as number_key).
_NUMBER_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f :")
Facts = tuple[int, frozenset[str], frozenset[str], frozenset[str]]


_FACTS: dict[str, Facts] = {}  # a paragraph's facts are asked for again for its sentences
_FACTS_LIMIT = 8_192
_FACTS_LENGTH = 2_000  # longer texts are not kept


def facts(text: str) -> Facts:
    """What aligning ``text`` looks at: its length without white space, its numbers
    (:func:`number_key`), its names (the first five letters, lower case, of a capitalised word
    after a space) and its marks (``?``, ``!``)."""
    known = _FACTS.get(text)
    if known is not None:
        return known
    found = _facts(text)
    if len(text) <= _FACTS_LENGTH:
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[text] = found
    return found


def _facts(text: str) -> Facts:
    numbers = NUMBER.findall(text)
    names = _NAME_AFTER_SPACE.findall(text)
    return (
        len("".join(text.split())),
        frozenset([n.translate(_NUMBER_SEPARATORS).lstrip("0") or "0" for n in numbers])
        if numbers
        else _EMPTY,
        frozenset([n[:5].lower() for n in names]) if names else _EMPTY,
        frozenset(ch for ch in "?!" if ch in text) if "?" in text or "!" in text else _EMPTY,
    )


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


def sentences_of(seg: Segment) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each sentence of ``seg``, cut at hard line breaks."""
    sentences = seg.sentence_texts()
    if all("\n" not in text for _, _, text in sentences):
        return sentences
    out: list[tuple[int, int, str]] = []
    for start, end, text in sentences:
        if "\n" in text:
            out.extend((a, b, seg.text[a:b]) for a, b in _line_pieces(seg.text, start, end))
        else:
            out.append((start, end, text))
    return out


def units_of(segments: Sequence[Segment]) -> list[Unit]:
    """The sentences of ``segments`` as alignment units."""
    out: list[Unit] = []
    append = out.append
    for index, seg in enumerate(segments):
        whole, kind = seg.text, seg.kind
        previous_end = 0
        for n, (start, end, text) in enumerate(sentences_of(seg)):
            line_start = n == 0 or "\n" in whole[previous_end:start]
            previous_end = end
            length, numbers, names, marks = facts(text)
            append(Unit(index, start, end, length, numbers, names, marks, n == 0, line_start, kind))
    return out


def units(doc: Document) -> list[Unit]:
    return units_of(doc.segments)


def length_ratio(src: Sequence[Unit], tgt: Sequence[Unit]) -> float:
    """The length ratio of the two languages, drawn towards 1 for short texts."""
    total_s = sum(u.length for u in src) + 300
    total_t = sum(u.length for u in tgt) + 300
    return min(max(total_t / total_s, 0.2), 5.0)


class Coster:
    def __init__(self, src: Sequence[Unit], tgt: Sequence[Unit], ratio: float | None = None) -> None:
        self.src, self.tgt = src, tgt
        self.ratio = ratio if ratio is not None else length_ratio(src, tgt)
        self.s_pre = [0]
        for u in src:
            self.s_pre.append(self.s_pre[-1] + u.length)
        self.t_pre = [0]
        for u in tgt:
            self.t_pre.append(self.t_pre[-1] + u.length)
        self.s_other = [u.names | u.marks for u in src]
        self.t_other = [u.names | u.marks for u in tgt]
        # unions over ranges of several units, memoised: the search asks for each many times
        self._s_unions: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}
        self._t_unions: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}

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
            s_key, t_key = (i, di), (j, dj)
            s_sets = self._s_unions.get(s_key)
            if s_sets is None:
                s_sets = self._s_unions[s_key] = (
                    frozenset().union(*(u.numbers for u in self.src[i : i + di])),
                    frozenset().union(*self.s_other[i : i + di]),
                )
            t_sets = self._t_unions.get(t_key)
            if t_sets is None:
                t_sets = self._t_unions[t_key] = (
                    frozenset().union(*(u.numbers for u in self.tgt[j : j + dj])),
                    frozenset().union(*self.t_other[j : j + dj]),
                )
            s_num, s_other = s_sets
            t_num, t_other = t_sets
        if not (s_num or t_num or s_other):
            return 0, 0, 0
        common = len(s_other & t_other)
        shared = len(s_num & t_num) + common
        return shared, len(s_num ^ t_num), len(s_num | t_num) + common

    def cost(self, i: int, j: int, di: int, dj: int) -> float:
        """Cost of the bead taking ``src[i:i+di]`` and ``tgt[j:j+dj]``."""
        if not (di and dj):
            return _PENALTY[(di, dj)]  # a flat price: a long sentence may be missing as well as a short one
        return self.pair_cost(i, j, di, dj, _PENALTY[(di, dj)])

    def pair_cost(self, i: int, j: int, di: int, dj: int, penalty: float) -> float:
        """:meth:`cost` of a bead with units on both sides, whose shape's ``penalty`` is known."""
        s_pre, t_pre = self.s_pre, self.t_pre
        ls = s_pre[i + di] - s_pre[i]
        lt = t_pre[j + dj] - t_pre[j]
        if ls == 0 and lt == 0:
            probability = 1.0
        else:  # :meth:`length_probability`, inline: the search asks for it at every cell
            ratio = self.ratio
            mean = (ls + lt / ratio) / 2
            delta = (lt - ls * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
            probability = max(math.erfc(abs(delta) / _SQRT2), 1e-300)
        cost = penalty - math.log(probability)
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


_LARGE = 40_000  # search cells above which a problem is first cut at unique shared anchors


def _anchored(src: Sequence[Unit], tgt: Sequence[Unit], ratio: float) -> list[Bead] | None:
    """Align a large problem piece by piece between unique shared anchors (a version number, a
    name, a link target that occurs once on each side, in the same order), or None when there
    are too few. Each piece starts at an anchor unit, which may still join the units after it."""
    chain = [(i, j) for i, j in longest_chain(unique_pairs(src, tgt)) if i and j]
    if len(chain) < 2:
        return None
    beads: list[Bead] = []
    cuts = [(0, 0), *chain, (len(src), len(tgt))]
    for (i0, j0), (i1, j1) in itertools.pairwise(cuts):
        for bead in align(src[i0:i1], tgt[j0:j1], ratio=ratio, anchored=False):
            beads.append(
                Bead(tuple(i + i0 for i in bead.source), tuple(j + j0 for j in bead.target), bead.confidence)
            )
    return beads


def align(
    src: Sequence[Unit],
    tgt: Sequence[Unit],
    band: int | None = None,
    ratio: float | None = None,
    anchored: bool = True,
) -> list[Bead]:
    """The cheapest sequence of beads covering both sides, in order (``ratio``: the two languages'
    length ratio when known from more text than ``src`` and ``tgt``).

    The search follows the diagonal within a band as wide as the difference in units plus a
    margin. A large problem (a long page whose translation lags far behind) is first cut at
    anchors that occur once on each side (:func:`_anchored`), so its cost stays about linear."""
    n, m = len(src), len(tgt)
    coster = Coster(src, tgt, ratio)
    width = band if band is not None else abs(n - m) + 10 + max(n, m) // 25
    if anchored and band is None and (n + 1) * (2 * width + 1) > _LARGE:
        pieces = _anchored(src, tgt, coster.ratio)
        if pieces is not None:
            return pieces
    inf = float("inf")
    stride = m + 1
    cost: dict[int, float] = {0: 0.0}
    back: dict[int, tuple[int, int]] = {}
    shapes = [(di, dj, penalty) for (di, dj), penalty in _PENALTY.items()]
    pair_cost = coster.pair_cost
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre - width)), min(m, int(centre + width) + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, (0, 0)
            for di, dj, penalty in shapes:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = cost.get(pi * stride + pj)
                if prev is None or prev + _LOWEST >= best:
                    continue  # even the cheapest possible bead would not beat the best so far
                value = prev + (pair_cost(pi, pj, di, dj, penalty) if di and dj else penalty)
                if value < best:
                    best, move = value, (di, dj)
            if best < inf:
                cost[i * stride + j] = best
                back[i * stride + j] = move
    if n * stride + m not in cost:
        return align(src, tgt, band=max(n, m) + 1, ratio=ratio, anchored=False) if band is None else []
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i * stride + j]
        s_idx, t_idx = tuple(range(i - di, i)), tuple(range(j - dj, j))
        beads.append(Bead(s_idx, t_idx, coster.confidence(s_idx, t_idx)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


_MIN_SECTIONS = 3


def _section_starts(units: Sequence[Unit]) -> list[int]:
    """Indices of the units that open a section: the first unit and every heading."""
    return [0] + [n for n, u in enumerate(units) if n and u.kind == "heading" and u.block_start]


def _section(units: Sequence[Unit]) -> Unit:
    """A whole section as one unit: its length and anchors summed."""
    first = units[0]
    return Unit(
        seg=first.seg,
        start=first.start,
        end=units[-1].end,
        length=sum(u.length for u in units),
        numbers=frozenset().union(*(u.numbers for u in units)),
        names=frozenset().union(*(u.names for u in units)),
        marks=frozenset().union(*(u.marks for u in units)),
        block_start=True,
        line_start=True,
        kind="section",
    )


def align_sections(src: Sequence[Unit], tgt: Sequence[Unit]) -> list[Bead]:
    """Sections first, then sentences inside each pair of sections.

    Documents with headings are aligned section by section (a section: a heading and what follows
    it up to the next one), then the sentences of each pair of sections; a section on one side
    only leaves its sentences unpaired. This keeps a sentence from pairing with one in another
    section, and is fast on long pages whose translation lags behind the original. Documents
    with fewer than three sections on either side are aligned sentence by sentence."""
    s_cuts, t_cuts = _section_starts(src), _section_starts(tgt)
    if len(s_cuts) < _MIN_SECTIONS or len(t_cuts) < _MIN_SECTIONS:
        return align(src, tgt)
    s_ranges = list(itertools.pairwise([*s_cuts, len(src)]))
    t_ranges = list(itertools.pairwise([*t_cuts, len(tgt)]))
    ratio = length_ratio(src, tgt)
    sections = align(
        [_section(src[a:b]) for a, b in s_ranges], [_section(tgt[a:b]) for a, b in t_ranges], ratio=ratio
    )
    beads: list[Bead] = []
    for section in sections:
        s_units = [i for k in section.source for i in range(*s_ranges[k])]
        t_units = [j for k in section.target for j in range(*t_ranges[k])]
        if not (s_units and t_units):
            beads.extend(Bead((i,), (), 0.0) for i in s_units)
            beads.extend(Bead((), (j,), 0.0) for j in t_units)
            continue
        s0, t0 = s_units[0], t_units[0]
        for bead in align(src[s0 : s_units[-1] + 1], tgt[t0 : t_units[-1] + 1], ratio=ratio):
            beads.append(
                Bead(tuple(i + s0 for i in bead.source), tuple(j + t0 for j in bead.target), bead.confidence)
            )
    return beads
