"""Anchors that cut a long alignment problem into pieces: units that share a number, a name or
a mark found exactly once on each side, in the same order on both."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tcheck.bilingual.units import Unit


def unique_pairs(src: Sequence[Unit], tgt: Sequence[Unit]) -> list[tuple[int, int]]:
    """``(i, j)`` for every anchor (number, name, mark) found in exactly one unit on each side."""

    def once(units: Sequence[Unit]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for k, unit in enumerate(units):
            for token in unit.numbers | unit.names | unit.marks:
                seen[token] = -1 if token in seen else k
        return {t: k for t, k in seen.items() if k >= 0}

    s_once, t_once = once(src), once(tgt)
    return sorted({(i, t_once[t]) for t, i in s_once.items() if t in t_once})


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of ``pairs`` increasing on both sides (patience sorting, O(k log k))."""
    tails: list[int] = []  # the smallest j ending a chain of each length
    ends: list[int] = []  # index in pairs of that chain's last pair
    before = [-1] * len(pairs)
    for k, (i, j) in enumerate(pairs):
        if k and pairs[k - 1][0] == i:
            continue  # one pair per source unit
        at = bisect.bisect_left(tails, j)
        before[k] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[at], ends[at] = j, k
    chain = []
    k = ends[-1] if ends else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]
