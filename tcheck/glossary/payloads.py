"""The payloads of a stored term matcher, each made when a search first needs it.

A matcher over the terms of the run's glossaries stores payload ``n`` as its number: the ``n``-th
term of the glossaries in order (glossary, entry, term of its side). A compiled matcher makes
one payload per term up front; a stored one (:mod:`tcheck.glossary.stored`) resolves its numbers
through :class:`Payloads`, which makes a payload only for a term a search hits, from a table of
where each entry's terms start (built on first use, one pass over the entries, no object per
term): a 50,000-entry termbase's 150,000 payloads are neither made nor walked by the garbage
collector in a run whose pages hold a few hundred of its terms.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from tcheck.glossary.model import Entry, Glossary, Term

T = TypeVar("T")


def side_terms(entry: Entry, side: str) -> tuple[Term, ...]:
    """An entry's terms on ``side`` (``"source"`` or ``"target"``)."""
    return entry.target_terms if side == "target" else entry.source_terms


class Payloads(Generic[T]):
    """``payloads[n]``: ``payload(entry, term, glossary)`` of the ``n``-th ``side`` term of
    ``views`` (each made once); an index past the last term is an IndexError."""

    __slots__ = ("_made", "_payload", "_side", "_starts", "_views", "_where")

    def __init__(
        self, views: Sequence[Glossary], side: str, payload: Callable[[Entry, Term, Glossary], T]
    ) -> None:
        self._views = views
        self._side = side
        self._payload = payload
        self._made: dict[int, T] = {}
        self._starts: array[int] | None = None  # the number of each entry's first term
        self._where = array("q")  # view number << 32 | entry number, for each entry with terms

    def _table(self) -> array[int]:
        starts = array("q")
        count = 0
        for v, view in enumerate(self._views):
            for e, entry in enumerate(view.entries):
                terms = len(side_terms(entry, self._side))
                if terms:
                    starts.append(count)
                    self._where.append(v << 32 | e)
                    count += terms
        starts.append(count)
        self._starts = starts
        return starts

    def __len__(self) -> int:
        starts = self._starts if self._starts is not None else self._table()
        return starts[-1]

    def __getitem__(self, number: int) -> T:
        made = self._made.get(number)
        if made is not None:
            return made
        starts = self._starts if self._starts is not None else self._table()
        if not 0 <= number < starts[-1]:
            raise IndexError(number)
        slot = bisect_right(starts, number) - 1
        where = self._where[slot]
        view = self._views[where >> 32]
        entry = view.entries[where & 0xFFFFFFFF]
        made = self._made[number] = self._payload(
            entry, side_terms(entry, self._side)[number - starts[slot]], view
        )
        return made
