"""Mentions of one text kept as columns, so that a paragraph of 100,000 numbers stays small.

A recogniser collects what it finds in a :class:`Packer`. A text with few mentions (every real
sentence) gets a plain tuple of the mention objects. Past :data:`SMALL` mentions the packer
switches to columns: each mention is split into its start and its *shape* (every other field,
with positions relative to the start), shapes written alike are kept once, and the mentions are
two arrays of numbers (start, shape number: 8 bytes each, against about 200 for an object).
A check that asks for a mention gets a new object, made from the two columns: the same fields,
the same positions, equal to the one the recogniser found. ``1,000`` written 100,000 times in
one paragraph is then one shape and 0.8 MB of columns, not 100,000 objects (20 MB).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, Generic, Protocol, TypeVar, overload

T = TypeVar("T")

SMALL = 256  # mentions kept as objects; more are packed into columns
_NO_COLUMN: array[int] = array("I")  # never appended to: a packer's columns before it makes them


class Shapes(Protocol[T]):
    """What packing needs of a kind of mention (:class:`Shape` is one)."""

    def split(self, item: T, /) -> tuple[int, Hashable]: ...

    def join(self, start: int, shape: Any, /) -> T: ...


class Shape(Generic[T]):
    """How one kind of mention splits into ``(start, shape)`` and is made again from them."""

    __slots__ = ("join", "split")

    def __init__(self, split: Callable[[T], tuple[int, Hashable]], join: Callable[[int, Any], T]) -> None:
        self.split = split
        self.join = join


class Packed(Sequence[T]):
    """A read-only sequence of mentions stored as columns (see the module's docstring)."""

    __slots__ = ("_ids", "_join", "_shapes", "_starts")

    def __init__(self, starts: array[int], ids: array[int], shapes: list[Any], join: Callable[[int, Any], T]):
        self._starts = starts
        self._ids = ids
        self._shapes = shapes
        self._join = join

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(
                self._join(s, self._shapes[i])
                for s, i in zip(self._starts[index], self._ids[index], strict=True)
            )
        return self._join(self._starts[index], self._shapes[self._ids[index]])

    def __iter__(self) -> Iterator[T]:
        join, shapes = self._join, self._shapes
        for start, shape in zip(self._starts, self._ids, strict=True):
            yield join(start, shapes[shape])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Packed({len(self)} mentions, {len(self._shapes)} shapes)"

    def nbytes(self) -> int:
        """About what the columns and the shapes take in memory (for the recognisers' caches)."""
        return (self._starts.itemsize + 4) * len(self._starts) + 200 * len(self._shapes)


class Packer(Generic[T]):
    """Collects mentions in order of discovery; :meth:`done` gives them as a sequence.

    ``sort=True`` orders them by start (stably) when they were not found in that order.
    """

    __slots__ = ("_ids", "_index", "_last", "_objects", "_ordered", "_shape", "_shapes", "_small", "_starts")

    def __init__(self, shape: Shapes[T], small: int | None = None) -> None:
        self._shape = shape
        self._small = SMALL if small is None else small
        self._objects: list[T] | None = []
        # the columns are made when the objects pass ``small`` (most texts never get there)
        self._starts: array[int] = _NO_COLUMN
        self._ids: array[int] = _NO_COLUMN
        self._shapes: list[Any] = []
        self._index: dict[Hashable, int] = {}
        self._ordered = True
        self._last = -1

    def __len__(self) -> int:
        return len(self._objects) if self._objects is not None else len(self._starts)

    def append(self, item: T) -> None:
        if self._objects is not None:
            self._objects.append(item)
            if len(self._objects) > self._small:
                self._to_columns()
            return
        self._pack(item)

    def extend(self, items: Iterable[T]) -> None:
        objects = self._objects
        if objects is not None:
            objects.extend(items)  # in one call; packed below if that made them many
            if len(objects) > self._small:
                self._to_columns()
            return
        for item in items:
            self._pack(item)

    def _to_columns(self) -> None:
        """Switch from objects to columns (once, when the objects pass ``small``)."""
        objects, self._objects = self._objects or [], None
        self._starts = array("I")  # "q" once a start passes 2**32
        self._ids = array("I")
        for old in objects:
            self._pack(old)

    def _pack(self, item: T) -> None:
        start, key = self._shape.split(item)
        number = self._index.get(key)
        if number is None:
            number = self._index[key] = len(self._shapes)
            self._shapes.append(key)
        if start < self._last:
            self._ordered = False
        self._last = start
        try:
            self._starts.append(start)
        except OverflowError:
            self._starts = array("q", self._starts)
            self._starts.append(start)
        self._ids.append(number)

    def done(self, sort: bool = False, start: Callable[[T], int] | None = None) -> Sequence[T]:
        """The mentions collected: a tuple of the objects when they are few, else :class:`Packed`.
        ``sort``: ordered by start, stably (``start`` reads an object's start)."""
        if self._objects is not None:
            objects = self._objects
            if sort:
                assert start is not None
                objects.sort(key=start)
            return tuple(objects)
        starts, ids = self._starts, self._ids
        if sort and not self._ordered:
            order = sorted(range(len(starts)), key=starts.__getitem__)
            starts = array(starts.typecode, (starts[i] for i in order))
            ids = array("I", (ids[i] for i in order))
        self._index = {}
        return Packed(starts, ids, self._shapes, self._shape.join)


def pack(items: Iterable[T], shape: Shapes[T], small: int | None = None) -> Sequence[T]:
    """``items`` (in order) as a tuple when they are few, else packed (see :class:`Packer`)."""
    if isinstance(items, (tuple, list)) and len(items) <= (SMALL if small is None else small):
        return tuple(items)
    packer = Packer(shape, small)
    packer.extend(items)
    return packer.done()


def weight(mentions: Sequence[Any], per_object: int) -> int:
    """What ``mentions`` weigh for the recognisers' caches: ``per_object`` each as objects, or
    the columns' size when packed."""
    if type(mentions) is not Packed:  # a tuple or a list: the common case, without an ABC check
        return per_object * len(mentions)
    return mentions.nbytes()
