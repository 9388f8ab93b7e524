"""Word scores without numpy, for runs that score few words (one small file).

A scorer (:class:`~tcheck.language.profiles.Scorer`) sums each word's n-gram scores per language
in float32 with numpy. Importing numpy costs a run about a tenth of a second, more than scoring
the few hundred words of a small page, and most pages need no more than those sums (the
sentences settled by them never build the matrix that needs numpy). This module computes the
same sums in Python: the stored float32 scores (:meth:`NgramTable.log_values`), added one n-gram
after the other into an ``array('f')``, whose every assignment rounds to float32. A float32
addition done in double precision and rounded to float32 gives the float32 sum exactly (the
double holds every bit needed), so the sums are numpy's bit for bit.

Only while numpy is not loaded yet, for sets of two languages or more (numpy sums one column
pairwise, not one n-gram after the other), and for a bounded number of words a process
(:data:`BUDGET`): past it, numpy is cheaper than Python loops.
"""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING

from tcheck.language.ngram_table import BLOCK_BITS

if TYPE_CHECKING:
    from tcheck.language.ngram_table import NgramTable

BUDGET = 4000  # words a process scores without numpy (about 60 ms); then numpy takes over
_spent = 0


def usable(languages: int, words: int) -> bool:
    """Whether ``words`` words of a set of ``languages`` languages are to be scored here: numpy
    not loaded yet, two languages or more, and the budget not spent (this counts as spent)."""
    global _spent
    if languages < 2 or "numpy" in sys.modules or _spent + words > BUDGET:
        return False
    _spent += words
    return True


def affordable(languages: int, words: int) -> bool:
    """Whether :func:`usable` would take ``words`` words now (nothing is spent)."""
    return languages >= 2 and "numpy" not in sys.modules and _spent + words <= BUDGET


class PureScores:
    """The float32 scores of some languages' columns, read a block of rows at a time."""

    def __init__(self, ngrams: NgramTable, columns: list[int]) -> None:
        self._table = ngrams
        self._columns = columns
        self._blocks: dict[int, list[array[float]]] = {}
        self._rows: dict[int, list[float]] = {}

    def row(self, row: int) -> list[float]:
        """The scores of n-gram ``row``, one per language."""
        found = self._rows.get(row)
        if found is None:
            block = row >> BLOCK_BITS
            columns = self._blocks.get(block)
            if columns is None:
                first = block << BLOCK_BITS
                stop = first + (1 << BLOCK_BITS)
                columns = self._blocks[block] = [
                    self._table.log_values(c, first, stop) for c in self._columns
                ]
            at = row - (block << BLOCK_BITS)
            found = self._rows[row] = [column[at] for column in columns]
        return found

    def sums(self, rows: bytes) -> list[float]:
        """Per-language float32 sums of the scores of ``rows`` (32-bit integers), in order."""
        width = len(self._columns)
        total = array("f", bytes(4 * width))
        positions = range(width)
        look = array("i")
        look.frombytes(rows)
        for row in look:
            values = self.row(row)
            for j in positions:
                total[j] += values[j]
        return total.tolist()
