"""A segment pair kept for TC107 and ``glossary extract``, stored compactly.

A long bilingual file (an XLIFF, PO, TMX or TSV of megabytes) keeps tens of thousands of segment
pairs until the end of the run. Each pair's words are numbers into one table of distinct words per
document (:class:`WordTable`: keys and surfaces, each string stored once), held with the target
words' file spans in one array of 32-bit integers per pair. A source word costs 12 bytes and a
target word 20, instead of a tuple of Python objects (about 190 bytes a target word); the tuples
the alignment code reads are made when asked for, one pair at a time, and dropped after use.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

Token = tuple[str, int, int, str, bool]  # target key, file start and end, surface, sentence-initial


class WordTable:
    """The distinct words of one document: a word's number is its place in ``words``."""

    __slots__ = ("index", "words")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.index: dict[str, int] = {}

    def number(self, word: str) -> int:
        found = self.index.get(word)
        if found is None:
            found = self.index[word] = len(self.words)
            self.words.append(word)
        return found


class Kept:
    """A segment pair kept for linking at the end of the run: the source keys and surfaces in
    order (``joined[i]``: source word ``i`` and ``i + 1`` are written next to each other), and
    the target keys with their file spans and surfaces (:data:`Token`).

    Stored as one array: the number of source words, three numbers per source word (key,
    surface, joined to the next) and five per target word (key, start, end, surface, initial)."""

    __slots__ = ("_data", "path", "words")

    def __init__(self, path: str, words: list[str], data: array[int]) -> None:
        self.path = path
        self.words = words  # shared by the pairs of one document
        self._data = data

    @classmethod
    def make(
        cls,
        path: str,
        table: WordTable,
        source: Sequence[tuple[str, str]],
        target: Iterable[Token],
        joined: Sequence[bool] = (),
    ) -> Kept:
        """A pair from its source ``(key, surface)`` words and target tokens, numbered in ``table``
        (whose ``words`` list the pair shares)."""
        values = [len(source)]
        number = table.number
        for i, (key, surface) in enumerate(source):
            values += (number(key), number(surface), int(i < len(joined) and joined[i]))
        for key, start, end, surface, initial in target:
            values += (number(key), start, end, number(surface), int(initial))
        try:
            data = array("i", values)
        except OverflowError:  # a span beyond 2**31 characters
            data = array("q", values)
        return cls(path, table.words, data)

    @property
    def _split(self) -> int:
        return 1 + 3 * self._data[0]

    @property
    def source(self) -> tuple[str, ...]:
        words = self.words
        return tuple(words[n] for n in self._data[1 : self._split : 3])

    @property
    def surfaces(self) -> tuple[str, ...]:
        words = self.words
        return tuple(words[n] for n in self._data[2 : self._split : 3])

    @property
    def joined(self) -> tuple[bool, ...]:
        return tuple(bool(b) for b in self._data[3 : self._split - 3 : 3])

    @property
    def target(self) -> tuple[Token, ...]:
        return tuple(self.token(j) for j in range((len(self._data) - self._split) // 5))

    def target_keys(self) -> list[str]:
        words = self.words
        return [words[n] for n in self._data[self._split :: 5]]

    def token(self, j: int) -> Token:
        """Target word ``j`` (negative: from the end, as a tuple index)."""
        split = self._split
        if j < 0:
            j += (len(self._data) - split) // 5
        at = split + 5 * j
        key, start, end, surface, initial = self._data[at : at + 5]
        return self.words[key], start, end, self.words[surface], bool(initial)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Kept):
            return NotImplemented
        return (self.path, self.source, self.surfaces, self.target, self.joined) == (
            other.path,
            other.source,
            other.surfaces,
            other.target,
            other.joined,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Kept({self.path!r}, {self.source!r}, {self.target!r})"

    def __getstate__(self) -> tuple[str, list[str], array[int]]:
        return self.path, self.words, self._data

    def __setstate__(self, state: tuple[str, list[str], array[int]]) -> None:
        self.path, self.words, self._data = state
