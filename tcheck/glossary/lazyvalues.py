"""The automaton values of a stored term matcher, each unpickled the first time a search hits it.

A compiled matcher over a 50,000-entry termbase holds about 100,000 automaton keys, each with its
patterns (term text, payload, inflection data). Unpickling all of them took most of the matcher's
load (0.4 s), while a run's documents hit a few thousand keys. :class:`LazyValues` keeps them as
one bytes object with the end of each value's pickle; a search decodes the values of the keys it
hits, once each. Payloads (the glossary's entries and terms, which the run has loaded already) are
stored as their index among the matcher's payloads and resolved against the run's own
(:meth:`LazyValues.resolve`), so the stored values hold no copy of the glossary.
"""

from __future__ import annotations

import io
import pickle
from array import array
from collections.abc import Callable, Sequence
from typing import Any, Protocol


class Indexed(Protocol):
    """What stored references resolve against: a list, or anything indexed by number."""

    def __getitem__(self, index: int, /) -> Any: ...


class LazyValues:
    """Pickled values by index: ``load(i)`` unpickles value ``i`` into ``decoded[i]`` (the list a
    matcher searches with; None until loaded)."""

    __slots__ = ("_blob", "_ends", "_refs", "decoded")

    def __init__(self, blob: bytes, ends: array[int], refs: Indexed = ()) -> None:
        self._blob = blob
        self._ends = ends
        self._refs = refs
        self.decoded: list[Any] = [None] * len(ends)

    @classmethod
    def encode(cls, values: Sequence[Any], ref: Callable[[Any], int | None]) -> LazyValues:
        """Each of ``values`` pickled on its own; an object for which ``ref`` gives a number is
        stored as that number (see :meth:`resolve`)."""
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = ref  # type: ignore[method-assign]
        ends = array("Q")
        for value in values:
            pickler.dump(value)
            pickler.clear_memo()  # each value must unpickle alone
            ends.append(out.tell())
        return cls(out.getvalue(), ends)

    def resolve(self, refs: Indexed) -> None:
        """The objects stored as numbers: ``refs[n]`` for number ``n``."""
        self._refs = refs

    def load(self, index: int) -> Any:
        """Value ``index``, unpickled (and kept in :attr:`decoded`)."""
        start = self._ends[index - 1] if index else 0
        unpickler = pickle.Unpickler(io.BytesIO(memoryview(self._blob)[start : self._ends[index]]))
        unpickler.persistent_load = self._refs.__getitem__  # type: ignore[method-assign]
        value = unpickler.load()
        self.decoded[index] = value
        return value

    def __len__(self) -> int:
        return len(self._ends)

    def __reduce__(self) -> tuple[Any, tuple[bytes, array[int]]]:
        return _restore, (self._blob, self._ends)


def _restore(blob: bytes, ends: array[int]) -> LazyValues:
    """A stored table again; one whose ends do not fit its bytes is damage (the matcher is then
    compiled again: see :func:`tcheck.services.pickled.load`)."""
    if (ends[-1] if ends else 0) != len(blob):
        raise ValueError("a stored term matcher's values do not fit their bytes")
    return LazyValues(blob, ends)
