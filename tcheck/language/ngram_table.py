"""langdetect's n-gram profiles as one binary file in the cache folder, read piece by piece.

The profiles hold about 88,000 character n-grams (1 to 3 characters) of 55 languages. Held as a
Python dictionary and a dense matrix they cost about 33 MB in every run that looks at languages,
although one document needs a few columns (its plausible languages) and the n-grams of one or two
scripts. The file here is laid out so that a run reads only that:

- the n-grams as sorted 63-bit keys (each character's code point + 1 in 21 bits), 0.7 MB, always
  read: an n-gram's row is found by bisection, once per distinct n-gram (kept in a dictionary of
  the n-grams actually met);
- the scores ``log(smoothing + probability)`` as float32 columns, one language after the other
  (computed with numpy when the file is written, block by block as a scorer used to): a scorer
  reads the columns of its languages only (0.35 MB each), with numpy or without it
  (:mod:`tcheck.language.purescore`), the same numbers either way;
- the exact float64 probabilities of the non-zero cells, row by row (langdetect's own detector
  reads them), read on first need.

The file (``profiles-langdetect-<version>.v4.bin``) is written atomically once per machine and
langdetect version; a missing, damaged or unwritable one only means building the table from
langdetect's JSON profiles (about a second), held in memory for that run.
"""

from __future__ import annotations

import os
import struct
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import Any

_MAGIC = b"TCNGRAM4"
SMOOTHING = 0.5 / 10000  # langdetect's alpha / BASE_FREQ, in the stored scores
BLOCK_BITS = 11  # 2,048 rows a block: the scores were computed a block at a time
_HEAD = struct.Struct("<8sIII")  # magic, rows, languages, non-zero cells
_GRAMS_KEPT = 300_000  # n-gram -> row answers kept (hits and misses); the table has ~88,000 rows


def gram_key(gram: str) -> int:
    """The key of an n-gram of at most three characters: no two n-grams share one, and n-grams
    sort by their first character (the Latin ones together at the start)."""
    key = 0
    for ch in gram:
        key = (key << 21) | (ord(ch) + 1)
    return key


class NgramTable:
    """The profiles: n-gram rows, language columns (see the module docstring)."""

    def __init__(self, codes: list[str], keys: array[int], read: Any, rows: int, nonzero: int) -> None:
        self.codes = codes
        self.rows = rows
        self._keys = keys
        self._read = read  # (offset, size) -> bytes of the stored layout
        self._nonzero = nonzero
        # n-gram -> row, or -1 when no profile holds it: the n-grams met so far (read directly
        # by :meth:`rows_of`; cleared when full, never replaced)
        self.known: dict[str, int] = {}
        self._exact: tuple[Any, Any, Any] | None = None

    def __len__(self) -> int:
        return self.rows

    def row(self, gram: str) -> int | None:
        """The row of ``gram``, or None when no profile holds it."""
        found = self.known.get(gram)
        if found is None:
            found = self._look_up(gram)
        return None if found < 0 else found

    def rows_of(self, grams: list[str]) -> list[int]:
        """The rows of those of ``grams`` that a profile holds, in order."""
        known: list[int | None] = list(map(self.known.get, grams))
        look_up = self._look_up
        rows = [look_up(g) if r is None else r for r, g in zip(known, grams, strict=True)]
        return [r for r in rows if r >= 0]

    def rows_of_words(self, words: list[str]) -> list[bytes]:
        """For each word (normalised, not empty), the rows of its n-grams that a profile holds,
        in the order langdetect lists them: its letters, then the 2-grams and 3-grams of the
        word between spaces (``" ab "``: ``a b``, `` a ab b ``, `` ab ab ``), as 32-bit integers
        (little-endian) in a bytes object. One array look-up for all the words: the same rows as
        :meth:`rows_of` over each word's n-grams."""
        import numpy as np

        if not words:
            return []
        text = "".join(f" {w} " for w in words) + "\0\0"
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) + 1
        codes[-2:] = 0  # past the end: no n-gram reaches there
        one = codes[:-2]
        two = (one << 21) | codes[1:-1]
        three = (two << 21) | codes[2:]
        keys = np.frombuffer(self._keys, dtype=np.uint64)
        found = []
        for grams in (one, two, three):
            at = np.minimum(np.searchsorted(keys, grams), self.rows - 1)
            found.append(np.where(keys[at] == grams, at, -1))
        rows = np.concatenate(found)
        # Per word: its 1-grams (from its first letter), 2-grams and 3-grams (from its space).
        sizes = np.array([len(w) for w in words], dtype=np.int64)
        starts = np.cumsum(sizes + 2) - (sizes + 2)
        size = len(one)
        first = np.stack([starts + 1, size + starts, 2 * size + starts], axis=1).ravel()
        length = np.stack([sizes, sizes + 1, sizes], axis=1).ravel()
        offsets = np.cumsum(length) - length
        index = np.repeat(first - offsets, length) + np.arange(int(length.sum()))
        picked = rows[index]
        keep = picked >= 0
        ends = (4 * np.cumsum(np.add.reduceat(keep.astype(np.int64), offsets[::3]))).tolist()
        flat = picked[keep].astype("<i4").tobytes()
        return [flat[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]

    def _look_up(self, gram: str) -> int:
        key = gram_key(gram) if len(gram) <= 3 else -1
        at = bisect_left(self._keys, key) if key >= 0 else self.rows
        found = at if at < self.rows and self._keys[at] == key else -1
        if len(self.known) >= _GRAMS_KEPT:
            self.known.clear()
        self.known[gram] = found
        return found

    def log_column(self, index: int, first: int = 0, stop: int | None = None) -> Any:
        """The float32 scores (``log(SMOOTHING + p)``) of language ``index``, rows ``first`` to
        ``stop``, as a numpy array."""
        import numpy as np

        return np.frombuffer(self._log_bytes(index, first, stop), dtype=np.float32)

    def log_values(self, index: int, first: int = 0, stop: int | None = None) -> array[float]:
        """:meth:`log_column` as an ``array('f')``, without numpy."""
        found = array("f")
        found.frombytes(self._log_bytes(index, first, stop))
        return found

    def _log_bytes(self, index: int, first: int, stop: int | None) -> bytes:
        stop = self.rows if stop is None else min(stop, self.rows)
        start = self._columns_at() + 4 * (self.rows * index + first)
        data: bytes = self._read(start, 4 * (stop - first))
        return data

    def exact_row(self, row: int) -> tuple[list[int], list[float]]:
        """The columns and exact (float64) probabilities of the non-zero cells of ``row``."""
        import numpy as np

        if self._exact is not None:
            starts, columns, values = self._exact
            a, b = int(starts[row]), int(starts[row + 1])
            return columns[a:b].tolist(), values[a:b].tolist()
        at = self._columns_at() + 4 * self.rows * len(self.codes)
        a, b = np.frombuffer(self._read(at + 8 * row, 16), dtype=np.int64).tolist()
        at += 8 * (self.rows + 1)
        columns = np.frombuffer(self._read(at + 2 * a, 2 * (b - a)), dtype=np.int16)
        at += 2 * self._nonzero
        values = np.frombuffer(self._read(at + 8 * a, 8 * (b - a)), dtype=np.float64)
        return columns.tolist(), values.tolist()

    def exact(self) -> tuple[Any, Any, Any]:
        """``(row starts, columns, float64 values)`` of the non-zero cells, row by row."""
        if self._exact is None:
            import numpy as np

            at = self._columns_at() + 4 * self.rows * len(self.codes)
            starts = np.frombuffer(self._read(at, 8 * (self.rows + 1)), dtype=np.int64)
            at += 8 * (self.rows + 1)
            columns = np.frombuffer(self._read(at, 2 * self._nonzero), dtype=np.int16)
            at += 2 * self._nonzero
            values = np.frombuffer(self._read(at, 8 * self._nonzero), dtype=np.float64)
            self._exact = (starts, columns, values)
        return self._exact

    def _columns_at(self) -> int:
        return _HEAD.size + _codes_size(self.codes) + 8 * self.rows


class LogColumns:
    """The stored scores (``log(SMOOTHING + p)``) of some languages' columns (float32, rows ×
    languages, and one row of zeros more at the end), filled a block of rows at a time when
    first used.

    The rows sit in an anonymous memory map: a block never used takes no memory. A document in
    one script uses the blocks of its n-grams (those of a script lie together in the table), so
    the 30 Latin-script languages of a detection cost about 3 MB instead of 10.
    """

    BLOCK_BITS = BLOCK_BITS

    def __init__(self, ngrams: NgramTable, columns: list[int]) -> None:
        import mmap

        import numpy as np

        rows = ngrams.rows + 1
        size = max(4 * rows * len(columns), 1)
        # private: a process forked later (--jobs) writes its own copy of the pages it fills
        flags = getattr(mmap, "MAP_PRIVATE", 0) | getattr(mmap, "MAP_ANONYMOUS", 0)
        self._buffer = mmap.mmap(-1, size, flags=flags) if flags else mmap.mmap(-1, size)
        self.values = np.frombuffer(self._buffer, dtype=np.float32, count=rows * len(columns))
        self.values = self.values.reshape(rows, len(columns))
        self._table = ngrams
        self._columns = columns
        self._filled = np.zeros((ngrams.rows >> self.BLOCK_BITS) + 2, dtype=bool)
        self._filled[-1] = True  # the block of the zero row alone, when it starts a block
        self._complete = False

    def take(self, rows: Any) -> Any:
        """``values[rows]`` (``rows``: an integer array of any shape), its blocks filled first."""
        if not self._complete:
            import numpy as np

            needed = np.zeros(len(self._filled), dtype=bool)
            needed[rows >> self.BLOCK_BITS] = True
            for block in np.flatnonzero(needed & ~self._filled).tolist():
                self._fill(block)
        return self.values[rows]

    def _fill(self, block: int) -> None:
        first = block << self.BLOCK_BITS
        stop = min(first + (1 << self.BLOCK_BITS), self._table.rows)
        if first < stop:
            for i, column in enumerate(self._columns):
                self.values[first:stop, i] = self._table.log_column(column, first, stop)
        self._filled[block] = True
        self._complete = bool(self._filled.all())


def _codes_size(codes: list[str]) -> int:
    return 4 + len(" ".join(codes).encode("ascii"))


def layout(probabilities: dict[str, list[float]], codes: list[str]) -> bytes:
    """The stored form of langdetect's ``n-gram -> [probability per language]`` map."""
    import numpy as np

    grams = sorted(probabilities, key=gram_key)
    exact = np.array([probabilities[g] for g in grams], dtype=np.float64).reshape(len(grams), len(codes))
    which, columns = np.nonzero(exact)
    starts = np.zeros(len(grams) + 1, dtype=np.int64)
    np.cumsum(np.bincount(which, minlength=len(grams)), out=starts[1:])
    names = " ".join(codes).encode("ascii")
    parts = [
        _HEAD.pack(_MAGIC, len(grams), len(codes), len(which)),
        struct.pack("<I", len(names)),
        names,
        array("Q", map(gram_key, grams)).tobytes(),
        _scores(exact.astype(np.float32)).tobytes(),
        starts.tobytes(),
        columns.astype(np.int16).tobytes(),
        exact[which, columns].astype(np.float64).tobytes(),
    ]
    return b"".join(parts)


def _scores(probabilities: Any) -> Any:
    """``log(SMOOTHING + p)`` of float32 probabilities (rows × languages), language by language
    (columns): each column's blocks of ``2 ** BLOCK_BITS`` rows computed as separate arrays, in
    float32, as scorers computed them from the stored probabilities before the file held them."""
    import numpy as np

    rows, langs = probabilities.shape
    out = np.empty((langs, rows), dtype=np.float32)
    smoothing = np.float32(SMOOTHING)
    size = 1 << BLOCK_BITS
    for lang in range(langs):
        column = np.ascontiguousarray(probabilities[:, lang])
        for first in range(0, rows, size):
            out[lang, first : first + size] = np.log(smoothing + column[first : first + size])
    return out


def _expected_size(rows: int, langs: int, nonzero: int, names: int) -> int:
    return _HEAD.size + 4 + names + 8 * rows + 4 * rows * langs + 8 * (rows + 1) + 10 * nonzero


def _open(read: Any, size: int) -> NgramTable | None:
    """The table over a stored layout of ``size`` bytes, or None when it is not one."""
    try:
        magic, rows, langs, nonzero = _HEAD.unpack(read(0, _HEAD.size))
        (length,) = struct.unpack("<I", read(_HEAD.size, 4))
        if magic != _MAGIC or size != _expected_size(rows, langs, nonzero, length) or not rows:
            return None
        codes = read(_HEAD.size + 4, length).decode("ascii").split(" ")
        keys = array("Q")
        keys.frombytes(read(_HEAD.size + 4 + length, 8 * rows))
    except (struct.error, UnicodeDecodeError, ValueError, OSError):
        return None
    if len(codes) != langs:
        return None
    return NgramTable(codes, keys, read, rows, nonzero)


def in_memory(data: bytes) -> NgramTable:
    """The table over its stored layout held in memory (no usable cache folder)."""
    view = memoryview(data)

    def read(offset: int, size: int) -> bytes:
        return bytes(view[offset : offset + size])

    table = _open(read, len(data))
    assert table is not None  # a layout just made is a valid one
    return table


def from_file(path: Path) -> NgramTable | None:
    """The table stored at ``path``, read on demand; None when missing or damaged. The file
    stays open for the run, so that a concurrent run replacing it changes nothing here."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    size = os.fstat(fd).st_size

    def read(offset: int, length: int) -> bytes:
        data = os.pread(fd, length, offset)
        if len(data) != length:
            raise OSError(f"{path}: truncated")
        return data

    table = _open(read, size)
    if table is None:
        os.close(fd)
    return table
