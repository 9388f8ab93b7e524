"""The line starts of every file of a run, kept in one array (a run's positions for reporting).

A run reports findings with 1-based line and column, and a run check (TC103, TC106) may report
on any document at its end, so the line starts of every checked file (and of each paired source)
are kept for the whole run. One :class:`~tcheck.model.LineIndex` per file cost an object and an
array of its own, about 130 bytes a file beside its 4 bytes a line; a :class:`LineTable` keeps
them all end to end in one array, each file's count of lines before its starts, so a file costs
its dictionary entry and 4 bytes a line (8 once a file passes 2**31 characters).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Mapping

from tcheck.model import LineIndex

_INT32 = 2**31


class LineTable(Mapping[str, LineIndex]):
    """Line starts by path: a read-only mapping to :class:`LineIndex` (made on demand), filled
    with :meth:`put` and :meth:`add`, with :meth:`position` to place an offset without making
    one."""

    __slots__ = ("_at", "_starts")

    def __init__(self, indexes: Mapping[str, LineIndex] | None = None) -> None:
        self._at: dict[str, int] = {}  # where a path's count of starts is in ``_starts``
        # per path: how many line starts follow the first (at 0), then those starts
        self._starts: array[int] = array("i")
        for path, index in (indexes or {}).items():
            self.put(path, index)

    def put(self, path: str, index: LineIndex) -> None:
        """Keep ``index`` as the line starts of ``path`` (replacing what was kept for it)."""
        starts = index.starts
        at = self._at.get(path)
        if at is not None and self._slice(at) == starts:
            return  # the same file again (a source checked as a document of its own)
        if starts[-1] >= _INT32 and self._starts.typecode == "i":
            self._starts = array("q", self._starts)  # a file of over 2**31 characters
        self._at[path] = len(self._starts)
        self._starts.append(len(starts) - 1)
        rest = starts[1:]
        self._starts.extend(rest if rest.typecode == self._starts.typecode else rest.tolist())

    def add(self, path: str, index: LineIndex) -> None:
        """Keep ``index`` for ``path`` unless something is kept for it already."""
        if path not in self._at:
            self.put(path, index)

    def _slice(self, at: int) -> array[int]:
        count = self._starts[at]
        return array(self._starts.typecode, [0]) + self._starts[at + 1 : at + 1 + count]

    def position(self, path: str, offset: int) -> tuple[int, int] | None:
        """1-based ``(line, column)`` of ``offset`` in the file at ``path``; None when it has
        no line starts here."""
        at = self._at.get(path)
        if at is None:
            return None
        starts = self._starts
        first, last = at + 1, at + 1 + starts[at]
        line = bisect.bisect_right(starts, offset, first, last) - first  # lines after the first
        return line + 1, offset - (starts[first + line - 1] if line else 0) + 1

    def __getitem__(self, path: str) -> LineIndex:
        at = self._at.get(path)
        if at is None:
            raise KeyError(path)
        return LineIndex.of_starts(self._slice(at))

    def __contains__(self, path: object) -> bool:
        return path in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __repr__(self) -> str:
        return f"LineTable({len(self._at)} files, {len(self._starts) - len(self._at)} line starts)"
