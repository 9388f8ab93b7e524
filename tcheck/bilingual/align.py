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
from collections.abc import Sequence
from typing import NamedTuple

from tcheck.bilingual.anchors import longest_chain, unique_pairs
from tcheck.bilingual.units import (
    NAME,
    NUMBER,
    Facts,
    Unit,
    facts,
    number_key,
    sentences_of,
    units,
    units_of,
)

__all__ = [
    "NAME",
    "NUMBER",
    "Bead",
    "Coster",
    "Facts",
    "Unit",
    "align",
    "facts",
    "length_ratio",
    "number_key",
    "sentences_of",
    "units",
    "units_of",
]

Pair = tuple[frozenset[str], frozenset[str]]  # the numbers and the other anchors of a run of units

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
_STRUCTURE_BONUS = 1.5
_LINE_BONUS = 0.75
_KIND_PENALTY = 6.0
_ANCHOR_BONUS = 1.0
_NUMBER_PENALTY = 1.5
_LOWEST = -(4 * _ANCHOR_BONUS + _STRUCTURE_BONUS)  # no bead costs less
# What anchors and structure may take off a bead's price at most, with a margin far above any
# rounding: a bead whose price without them already loses is not priced further.
_BOUND = _LOWEST - 1e-6


class Bead(NamedTuple):
    """Source units paired with target units (one side may be empty), with a confidence."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float


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
        """Cost of the bead taking ``src[i:i+di]`` and ``tgt[j:j+dj]`` (:func:`_search` computes
        the same, inline)."""
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


def _unions(numbers: Sequence[frozenset[str]], other: Sequence[frozenset[str]], di: int) -> list[Pair]:
    """The numbers and the other anchors of each run of ``di`` consecutive units (``di`` > 1)."""
    return [
        (frozenset().union(*numbers[k : k + di]), frozenset().union(*other[k : k + di]))
        for k in range(len(numbers) - di + 1)
    ]


def _search(coster: Coster, width: int) -> dict[int, tuple[int, int]] | None:
    """The best move into each cell ``i * (m + 1) + j`` of the band (the shape of the bead that
    ends there), or None when the band does not reach the end.

    Each bead is priced as :meth:`Coster.cost` prices it, inline and in the same order of
    operations (the same floats, so the same path), the length part first: a bead that cannot win
    even with every bonus is dropped before its anchors are counted. Only the last four rows of
    costs are kept, each a list padded with three cells in front, so a move from outside the band
    or the table reads infinity."""
    src, tgt = coster.src, coster.tgt
    n, m = len(src), len(tgt)
    inf = float("inf")
    stride = m + 1
    rows = [[inf] * (m + 4) for _ in range(4)]
    spans = [(0, -1)] * 4  # the cells each row holds
    back: dict[int, tuple[int, int]] = {}
    ratio_ = coster.ratio
    log, erfc, sqrt = math.log, math.erfc, math.sqrt
    s_pre, t_pre = coster.s_pre, coster.t_pre
    s_block = [u.block_start for u in src]
    t_block = [u.block_start for u in tgt]
    s_line = [u.line_start for u in src]
    t_line = [u.line_start for u in tgt]
    s_kind = [u.kind for u in src]
    t_kind = [u.kind for u in tgt]
    s_nums = [u.numbers for u in src]
    t_nums = [u.numbers for u in tgt]
    s_other, t_other = coster.s_other, coster.t_other
    s_sets: list[list[Pair]] = [[], list(zip(s_nums, s_other, strict=True))]
    t_sets: list[list[Pair]] = [[], list(zip(t_nums, t_other, strict=True))]
    s_sets += [_unions(s_nums, s_other, 2), _unions(s_nums, s_other, 3)]
    t_sets += [_unions(t_nums, t_other, 2), _unions(t_nums, t_other, 3)]
    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, int(centre - width)), min(m, int(centre + width) + 1)
        row = rows[i % 4]
        first, last = spans[i % 4]
        row[first + 3 : last + 4] = [inf] * (last + 1 - first)  # what it held four rows ago
        spans[i % 4] = (lo, hi)
        # each shape: the row it comes from, its prior and the offset of j - dj in that row
        moves = [
            (rows[(i - di) % 4], di, dj, p, 3 - dj, shape)
            for shape, p in _PENALTY.items()
            for di, dj in (shape,)
        ]
        s_i = s_pre[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[3] = 0.0
                continue
            best, move = inf, (0, 0)
            for prev_row, di, dj, penalty, offset, shape in moves:
                prev = prev_row[j + offset]
                if not (di and dj):
                    value = prev + penalty  # a flat price (see :meth:`Coster.cost`)
                    if value < best:
                        best, move = value, shape
                    continue
                if prev + penalty + _BOUND >= best:
                    continue  # even the cheapest bead of this shape would not beat the best so far
                pi, pj = i - di, j - dj
                ls = s_i - s_pre[pi]
                lt = t_pre[j] - t_pre[pj]
                if ls == 0 and lt == 0:
                    probability = 1.0
                else:
                    mean = (ls + lt / ratio_) / 2
                    delta = (lt - ls * ratio_) / sqrt((mean if mean > 1.0 else 1.0) * _VARIANCE)
                    probability = erfc((delta if delta >= 0 else -delta) / _SQRT2)
                    if probability < 1e-300:
                        probability = 1e-300
                bead = penalty - log(probability)
                if prev + bead + _BOUND >= best:
                    continue
                s_num, s_oth = s_sets[di][pi]  # :meth:`Coster.anchors`, inline
                t_num, t_oth = t_sets[dj][pj]
                if s_num or t_num or s_oth:  # (adding nothing otherwise, as Coster.cost adds 0.0)
                    shared = len(s_num & t_num) + len(s_oth & t_oth)
                    lonely = len(s_num ^ t_num)
                    bead += _NUMBER_PENALTY * (lonely if lonely < 4 else 4) - _ANCHOR_BONUS * (
                        shared if shared < 4 else 4
                    )
                if s_block[pi] and t_block[pj]:
                    bead -= _STRUCTURE_BONUS
                elif s_line[pi] and t_line[pj]:
                    bead -= _LINE_BONUS
                if s_kind[pi] != t_kind[pj]:
                    bead += _KIND_PENALTY if "heading" in (s_kind[pi], t_kind[pj]) else _KIND_PENALTY / 3
                value = prev + bead
                if value < best:
                    best, move = value, shape
            if best < inf:
                row[j + 3] = best
                back[i * stride + j] = move
    return back if rows[n % 4][m + 3] < inf else None


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
    stride = m + 1
    back = _search(coster, width)
    if back is None:
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
