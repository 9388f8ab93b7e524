"""The per-language log-likelihood rows of the words a scorer met last, kept in one array.

:meth:`~tcheck.language.profiles.Scorer.prime` scores a block of sentences' new words at once to
learn which sentences need a closer look; the sentences that do then ask for their words' full
rows (:meth:`~tcheck.language.profiles.Scorer.matrix`). Keeping the rows computed by the first
pass spares the second the same n-gram look-ups and sums. A row is a word's float32 sums, the
very numbers computed again otherwise (a word's sum depends on its own n-grams alone).

The store holds at most ``capacity`` words, in a float32 array (one row a word, 4 bytes a
language) and a dictionary from word to row; when it is full it starts again empty.
"""

from __future__ import annotations

from typing import Any


class RowStore:
    """Rows (float32, one column per language) and n-gram counts of recently scored words."""

    def __init__(self, languages: int, capacity: int) -> None:
        import numpy as np

        self.capacity = capacity
        self._width = languages
        self._rows = np.empty((0, languages), dtype=np.float32)  # grown on first use
        self._counts = np.empty(0, dtype=np.float64)
        self._where: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._where)

    def add(self, words: list[str], sums: Any, counts: list[int]) -> None:
        """Keep the rows ``sums`` (words × languages) and n-gram ``counts`` of ``words`` (distinct,
        not kept yet); more than the store holds are not kept."""
        import numpy as np

        if len(words) > self.capacity:
            return
        if len(self._where) + len(words) > self.capacity:
            self._where.clear()
        if len(self._where) + len(words) > len(self._rows):  # it grows with use, up to its capacity
            size = min(self.capacity, max(2 * len(self._rows), len(self._where) + len(words), 1024))
            grown = np.empty((size, self._width), dtype=np.float32)
            grown_counts = np.empty(size, dtype=np.float64)
            kept = len(self._where)
            grown[:kept] = self._rows[:kept]
            grown_counts[:kept] = self._counts[:kept]
            self._rows, self._counts = grown, grown_counts
        first = len(self._where)
        self._rows[first : first + len(words)] = sums
        self._counts[first : first + len(words)] = counts
        self._where.update(zip(words, range(first, first + len(words)), strict=True))

    def missing(self, words: list[str]) -> list[str]:
        """Those of ``words`` not kept (distinct, in order)."""
        where = self._where
        return [w for w in dict.fromkeys(words) if w not in where]

    def wanted(self, words: list[str]) -> list[str] | None:
        """The words to compute and :meth:`add` so that every one of ``words`` is kept: those
        missing, or all of them (distinct) when they do not fit beside the rows kept (the store
        then starts again); None when they are more than the store holds."""
        missing = self.missing(words)
        if len(self._where) + len(missing) <= self.capacity:
            return missing
        distinct = list(dict.fromkeys(words))
        return distinct if len(distinct) <= self.capacity else None

    def matrix(self, words: list[str]) -> Any:
        """The words × (languages + 1) float64 matrix of kept rows, the n-gram count last (every
        one of ``words`` must be kept)."""
        import numpy as np

        index = np.fromiter(map(self._where.__getitem__, words), dtype=np.intp, count=len(words))
        out = np.empty((len(words), self._width + 1), dtype=np.float64)
        out[:, :-1] = self._rows[index]
        out[:, -1] = self._counts[index]
        return out
