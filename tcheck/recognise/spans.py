"""A set of ``[start, end)`` spans that answers "does this span overlap any?" in log time.

The recognisers keep dates, times and amounts apart by asking whether a candidate overlaps
what is already taken; with thousands of mentions in one paragraph a linear scan per question
made the whole text quadratic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class SpanSet:
    """Spans sorted by start, with the running maximum of their ends."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._ends: list[int] = []
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self._ends.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``[a, b)`` has ``a < end`` and ``start < b``."""
        index = bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def __len__(self) -> int:
        return len(self._starts)
