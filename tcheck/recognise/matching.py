"""One-to-one matching of mentions between a source and a translation, in near-linear time.

A paragraph may hold thousands of numbers (tables flattened into one line, generated text, a
hostile file); matching each source number against every target number would make one such
paragraph quadratic. Here targets are indexed by value and unit, and each source item takes
the nearest target still free, by relative position, through skip pointers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")

# How many neighbours (by relative position) a source item is compared with in the passes that
# have no index (conversions, temperatures, decades): all of them in any real sentence.
WINDOW = 48


class _Bucket:
    """Target indices sorted by position, with removal and nearest-free lookup."""

    __slots__ = ("_left", "_right", "index", "pos")

    def __init__(self) -> None:
        self.pos: list[float] = []
        self.index: list[int] = []
        self._right: list[int] = []
        self._left: list[int] = []

    def add(self, pos: float, index: int) -> None:
        self.pos.append(pos)
        self.index.append(index)

    def freeze(self) -> None:
        n = len(self.pos)
        self._right = list(range(n + 1))  # n: past the end
        self._left = list(range(n + 1))  # shifted by one: 0 is before the start

    def _find(self, links: list[int], i: int) -> int:
        root = i
        while links[root] != root:
            root = links[root]
        while links[i] != root:
            links[i], i = root, links[i]
        return root

    def remove(self, slot: int) -> None:
        self._right[slot] = slot + 1
        self._left[slot + 1] = slot

    def nearest(self, where: float) -> tuple[float, int, int] | None:
        """``(distance, target index, slot)`` of the free target nearest to ``where``."""
        j = bisect_left(self.pos, where)
        best: tuple[float, int, int] | None = None
        left = self._find(self._left, j) - 1  # last free slot before j
        if left >= 0:
            best = (abs(self.pos[left] - where), self.index[left], left)
        right = self._find(self._right, j)
        if right < len(self.pos):
            candidate = (abs(self.pos[right] - where), self.index[right], right)
            if best is None or candidate < best:
                best = candidate
        return best


class Matcher(Generic[T]):
    """Targets indexed by key (a value) and by a compatibility class (a unit)."""

    def __init__(
        self,
        targets: Sequence[T],
        keys: Callable[[T], Iterable[Hashable]],
        position: Callable[[T], float],
        kind: Callable[[T], Hashable] = lambda _: None,
    ) -> None:
        self.targets = targets
        self.free = [True] * len(targets)
        self._buckets: dict[Hashable, dict[Hashable, _Bucket]] = {}
        self._slots: list[list[tuple[_Bucket, int]]] = [[] for _ in targets]
        for i, target in enumerate(targets):
            group = kind(target)
            for key in dict.fromkeys(keys(target)):
                bucket = self._buckets.setdefault(key, {}).setdefault(group, _Bucket())
                self._slots[i].append((bucket, len(bucket.pos)))
                bucket.add(position(target), i)
        for kinds in self._buckets.values():
            for bucket in kinds.values():
                bucket.freeze()

    def take(
        self, keys: Iterable[Hashable], where: float, accepts: Callable[[Hashable], bool] = lambda _: True
    ) -> T | None:
        """The free target nearest to ``where`` under one of ``keys`` whose kind is accepted
        (ties: the earlier target), now taken; None when there is none."""
        best: tuple[float, int, int] | None = None
        for key in dict.fromkeys(keys):
            for group, bucket in self._buckets.get(key, {}).items():
                if not accepts(group):
                    continue
                found = bucket.nearest(where)
                if found is not None and (best is None or found[:2] < best[:2]):
                    best = found
        if best is None:
            return None
        index = best[1]
        self.free[index] = False
        for bucket, slot in self._slots[index]:
            bucket.remove(slot)
        return self.targets[index]

    def remaining(self) -> list[T]:
        return [t for t, free in zip(self.targets, self.free, strict=True) if free]


def window(items: Sequence[T], where: float, width: int = WINDOW) -> Sequence[T]:
    """The ``width`` items (sorted by position) nearest to relative position ``where``."""
    if len(items) <= width:
        return items
    centre = int(where * len(items))
    start = max(0, min(len(items) - width, centre - width // 2))
    return items[start : start + width]


FEW = 64  # pairs of items compared one by one rather than through a Matcher's index


def match_few(
    sources: Sequence[S],
    targets: Sequence[T],
    places: Sequence[float],
    wanted: Callable[[S], tuple[Iterable[Hashable], float]],
    keys: Callable[[T], Iterable[Hashable]],
    kind: Callable[[T], Hashable],
    agree: Callable[[Hashable, Hashable], bool],
) -> tuple[list[S], list[T]]:
    """A few sources (those of a sentence) matched as :class:`Matcher` matches them, without
    building its index: each source looks, among the free targets of each key it has and each
    kind ``agree`` accepts, at the nearest one before its place and the nearest one from it on,
    and takes the nearest of those (ties: the earlier target). ``places``: the targets' places,
    strictly increasing (as a :class:`Matcher`'s buckets need them); ``wanted(source)``: its
    keys and place; ``agree(source's kind, target's kind)``. The sources left unmatched and
    the free targets."""
    target_keys = [tuple(keys(t)) for t in targets]
    kinds = [kind(t) for t in targets]
    free = [True] * len(targets)
    left: list[S] = []
    for source in sources:
        values, where = wanted(source)
        own = kind(source)  # type: ignore[arg-type]
        before: dict[tuple[Hashable, Hashable], int] = {}  # per bucket: its nearest free targets
        after: dict[tuple[Hashable, Hashable], int] = {}
        for i, place in enumerate(places):
            if not free[i] or not agree(own, kinds[i]):
                continue
            for value in dict.fromkeys(values):
                if value in target_keys[i]:
                    bucket = (value, kinds[i])
                    if place < where:
                        before[bucket] = i
                    else:
                        after.setdefault(bucket, i)
        candidates = [*before.values(), *after.values()]
        if not candidates:
            left.append(source)
            continue
        free[min(candidates, key=lambda i: (abs(places[i] - where), i))] = False
    return left, [t for t, f in zip(targets, free, strict=True) if f]
