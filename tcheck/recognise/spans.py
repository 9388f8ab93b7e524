"""A set of ``[start, end)`` spans that answers "does this span overlap any?" in log time.

The recognisers keep dates, times and amounts apart by asking whether a candidate overlaps
what is already taken; with thousands of mentions in one paragraph a linear scan per question
made the whole text quadratic.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable


class SpanSet:
    """Spans sorted by start, with the running maximum of their ends (two arrays of numbers:
    16 bytes a span; spans given in order of their starts are not sorted again)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        starts, ends = array("q"), array("q")
        ordered = True
        for a, b in spans:
            if starts and a < starts[-1]:
                ordered = False
            starts.append(a)
            ends.append(b)
        if not ordered:
            order = sorted(range(len(starts)), key=starts.__getitem__)
            starts = array("q", (starts[i] for i in order))
            ends = array("q", (ends[i] for i in order))
        top = -1
        for k, b in enumerate(ends):
            top = max(top, b)
            ends[k] = top
        self._starts = starts
        self._ends = ends

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``[a, b)`` has ``a < end`` and ``start < b``."""
        index = bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def __len__(self) -> int:
        return len(self._starts)
