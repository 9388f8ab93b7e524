"""langdetect's character n-gram profiles as one table, and fast deterministic scoring over it.

langdetect samples n-grams at random in several trials, which costs about 10 ms a sentence, and
loading its 55 JSON profiles costs about a second and a few hundred MB. The table here
(:mod:`tcheck.language.ngram_table`, a file in the cache folder read piece by piece) holds the
same numbers: float32 columns, one per language, for scoring every n-gram of a text at once (naive
Bayes, the quantity langdetect's sampling estimates), and the exact 64-bit probabilities of the
non-zero cells, from which :func:`detector_factory` gives langdetect's own detector the very
numbers it would have read from its JSON files (same results, bit for bit, without loading them).
A run reads the n-grams' keys (0.7 MB) and the columns of the languages it scores, not the 33 MB
the whole table costs as Python objects.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tcheck.language.purescore import PureScores, usable

if TYPE_CHECKING:
    from tcheck.language.ngram_table import LogColumns, NgramTable
    from tcheck.language.rowstore import RowStore

_FROM_CLDR = {"nb": "no", "nn": "no", "no": "no", "zh": "zh-cn", "zh_Hant": "zh-tw", "zh_Hans": "zh-cn"}
_CACHE_LIMIT = 200_000  # words whose (gap, n-grams) are kept, per set of languages
_ROW_CACHE_LIMIT = 20_000  # words whose full rows are kept
_ROWS_KEPT = 32_768  # words whose float32 rows a scorer keeps for :meth:`Scorer.matrix`
_GRAM_LIMIT = 20_000  # n-grams whose probability lists langdetect's detector was given
_BATCH_WORDS = 2048  # words scored together
_BUCKET = 8  # words with fewer n-grams than this are batched together; above, up to twice as many
_NORMAL: dict[str, str] = {}  # langdetect's character normalisation, memoised
_VERSION = 4  # of the stored table's layout


@lru_cache(maxsize=512)
def ld_code(lang: str) -> str | None:
    """The langdetect profile for a CLDR code (``nb`` → ``no``), or None when it has none."""
    code = _FROM_CLDR.get(lang) or _FROM_CLDR.get(lang.split("_")[0]) or lang.split("_")[0].lower()
    return code if code in langlist() else None


@lru_cache(maxsize=1)
def langlist() -> frozenset[str]:
    """langdetect's profiles, from the names of its profile files (nothing is loaded)."""
    from importlib import resources

    return frozenset(entry.name for entry in resources.files("langdetect").joinpath("profiles").iterdir())


@lru_cache(maxsize=1)
def langdetect_factory() -> Any:
    """langdetect's own factory, its JSON profiles loaded (only to build the table)."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


@lru_cache(maxsize=1)
def table() -> NgramTable:
    """The n-gram table (see :mod:`tcheck.language.ngram_table`), from the cache folder
    (``profiles-langdetect-<version>.v4.bin``) or built from langdetect's profiles and stored.
    A missing, damaged or unwritable file only means building it again."""
    from tcheck.language import ngram_table

    file = _table_file()
    if file is not None:
        found = ngram_table.from_file(file)
        if found is not None:
            return found
    factory = langdetect_factory()
    data = ngram_table.layout(factory.word_lang_prob_map, list(factory.langlist))
    if file is not None:
        from tcheck.services.pickled import write_atomically

        write_atomically(file, data)
        stored = ngram_table.from_file(file)
        if stored is not None:
            return stored
    return ngram_table.in_memory(data)


def _table_file() -> Path | None:
    from tcheck.services.cachedir import default_cache_dir
    from tcheck.services.versions import version

    found = version("langdetect")  # from the .dist-info names: importlib.metadata costs ~30 ms
    if found is None:
        return None
    return default_cache_dir() / f"profiles-langdetect-{found}.v{_VERSION}.bin"


class _Probabilities:
    """langdetect's ``n-gram -> [probability per language]`` map, read from the table's exact
    values on demand (the lists handed out are kept, a bounded number of them)."""

    def __init__(self, ngrams: NgramTable) -> None:
        self._table = ngrams
        self._size = len(ngrams.codes)
        self._lists: dict[str, list[float]] = {}

    def __contains__(self, gram: object) -> bool:
        return isinstance(gram, str) and self._table.row(gram) is not None

    def __getitem__(self, gram: str) -> list[float]:
        found = self._lists.get(gram)
        if found is None:
            row = self._table.row(gram)
            if row is None:
                raise KeyError(gram)
            found = [0.0] * self._size
            for column, value in zip(*self._table.exact_row(row), strict=True):
                found[column] = value
            if len(self._lists) >= _GRAM_LIMIT:
                self._lists.clear()
            self._lists[gram] = found
        return found


class _Factory:
    """What langdetect's ``Detector`` reads of its factory, served from the table."""

    seed = 0

    def __init__(self, ngrams: NgramTable) -> None:
        self.word_lang_prob_map = _Probabilities(ngrams)
        self.langlist = list(ngrams.codes)

    def create(self) -> Any:
        from langdetect.detector import Detector

        return Detector(self)


@lru_cache(maxsize=1)
def detector_factory() -> _Factory:
    """A factory of langdetect detectors (seeded) over the table's exact probabilities."""
    return _Factory(table())


class Scorer:
    """Log-likelihood of words under the profiles of a fixed set of languages."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        ngrams = table()
        self.langs = langs
        self._rows = ngrams
        self._columns = [ngrams.codes.index(ld_code(lang) or lang) for lang in langs]
        self._pad = len(ngrams)
        self._cache: dict[str, tuple[float, ...]] = {}
        self._entries: dict[str, tuple[float, float]] = {}
        self.cached_entry = self._entries.get  # the cache only, no scoring (cleared, never replaced)
        self._zero = (*(0.0 for _ in langs), 0.0)
        self._numpy_parts: tuple[LogColumns, RowStore] | None = None
        self._pure: PureScores | None = None

    @property
    def _logs(self) -> LogColumns:
        """The columns of these languages only, filled as rows are used, and one row of zeros
        more: the padding of batches (adding 0.0 changes no sum). Made on first need (numpy)."""
        return self._parts()[0]

    @property
    def _kept(self) -> RowStore:
        return self._parts()[1]

    def _parts(self) -> tuple[LogColumns, RowStore]:
        if self._numpy_parts is None:
            from tcheck.language.ngram_table import LogColumns
            from tcheck.language.rowstore import RowStore

            self._numpy_parts = (LogColumns(self._rows, self._columns), RowStore(len(self.langs), _ROWS_KEPT))
        return self._numpy_parts

    def lists(self, words: list[str]) -> list[list[float]] | None:
        """The rows of :meth:`matrix` but the n-gram count, as lists, computed without numpy
        (:mod:`tcheck.language.purescore`); None when numpy is to do it (loaded already, or
        too many words)."""
        if not usable(len(self.langs), len(words)):
            return None
        return self._pure_sums(words)[0]

    def _pure_sums(self, words: list[str]) -> tuple[list[list[float]], list[int]]:
        """:meth:`_sums` without numpy (:mod:`tcheck.language.purescore`), as lists."""
        if self._pure is None:
            self._pure = PureScores(self._rows, self._columns)
        get = _FOUND.get
        found = [get(word) or _found(word, self._rows) for word in words]
        return [self._pure.sums(f) for f in found], [len(f) >> 2 for f in found]

    def entry(self, word: str) -> tuple[float, float]:
        """``(gap, n-grams)`` of a word, cached: ``gap`` is the most any other language gains on
        the first one. Two floats a word keep the cache small; full rows are recomputed on demand."""
        cached = self._entries.get(word)
        if cached is None:
            cached = self._store(word, self.word(word))
        return cached

    def _store(self, word: str, row: tuple[float, ...]) -> tuple[float, float]:
        gap = max(row[1:-1]) - row[0] if row[-1] and len(row) > 2 else 0.0
        if len(self._entries) >= _CACHE_LIMIT:
            self._entries.clear()
        found = self._entries[word] = (gap, row[-1])
        return found

    def prime(self, words: Iterable[str]) -> None:
        """Score the words not yet cached, all at once (a few array operations for the batch):
        afterwards :meth:`cached_entry` knows every one of ``words`` (unless the cache was full
        and cleared on the way)."""
        entries = self._entries
        missing = [w for w in dict.fromkeys(words) if w not in entries]
        for at in range(0, len(missing), _BATCH_WORDS):
            chunk = missing[at : at + _BATCH_WORDS]
            if len(entries) + len(chunk) > _CACHE_LIMIT:
                entries.clear()
            entries.update(zip(chunk, self._entries_of(chunk), strict=True))

    def _entries_of(self, words: list[str]) -> list[tuple[float, float]]:
        """``(gap, n-grams)`` of each of ``words`` (as :meth:`entry` computes them); a few words
        while numpy is not loaded are scored without it (the same numbers, not kept)."""
        if usable(len(self.langs), len(words)):
            rows, counts = self._pure_sums(words)
            return [(max(r[1:]) - r[0] if n else 0.0, float(n)) for r, n in zip(rows, counts, strict=True)]
        import numpy as np

        sums, counts = self._sums(words)
        self._kept.add(words, sums, counts)
        if len(self.langs) < 2:
            return [(0.0, float(n)) for n in counts]
        wide = sums.astype(np.float64)  # the gap in double precision, as Python subtracts floats
        gaps = (wide[:, 1:].max(axis=1) - wide[:, 0]).tolist()
        return [(gap if n else 0.0, float(n)) for gap, n in zip(gaps, counts, strict=True)]

    def keep(self, words: list[str]) -> bool:
        """Have the rows of ``words`` kept, those missing computed together (one batch): a block's
        sentences that need their matrix ask for all their words at once. False when they are
        more than the store holds (:meth:`RowStore.wanted`)."""
        missing = self._kept.wanted(words)
        if missing:
            self._kept.add(missing, *self._sums(missing))
        return missing is not None

    def matrix(self, words: list[str]) -> Any:
        """The words × (languages + 1) matrix of :meth:`word` rows (float64), in one batch: the
        rows kept since :meth:`prime` or :meth:`keep` scored the words
        (:mod:`tcheck.language.rowstore`), the others computed now."""
        return self._kept.matrix(words) if self.keep(words) else self._computed(words)

    def _computed(self, words: list[str]) -> Any:
        """:meth:`matrix` computed from the n-grams, none of it from the kept rows."""
        import numpy as np

        sums, counts = self._sums(words)
        out = np.empty((len(words), len(self.langs) + 1), dtype=np.float64)
        out[:, :-1] = sums
        out[:, -1] = counts
        return out

    def _sums(self, words: list[str]) -> tuple[Any, list[int]]:
        """Per-language log-likelihoods (float32, words × languages) and n-gram counts of
        ``words``: each word's n-grams summed one after the other, as ``.sum(axis=0)`` does for
        one word, so the results are the same bit for bit (the padding adds 0.0)."""
        import numpy as np

        get = _FOUND.get
        known: list[bytes | None] = list(map(get, words))
        new: dict[str, bytes] = {}
        if None in known:
            missing = list(dict.fromkeys(w for w, f in zip(words, known, strict=True) if f is None))
            new = dict(zip(missing, _found_many(missing, self._rows), strict=True))
        found = [new[w] if f is None else f for w, f in zip(words, known, strict=True)]
        counts = [len(f) >> 2 for f in found]
        if len(self.langs) < 2:  # one column: numpy would sum it pairwise, not one after the other
            single = [self._score(w)[:-1] for w in words]
            return np.array(single, dtype=np.float32).reshape(len(words), len(self.langs)), counts
        sums = np.zeros((len(words), len(self.langs)), dtype=np.float32)
        buckets: dict[int, list[int]] = {}  # words of about the same number of n-grams, padded
        for i, count in enumerate(counts):
            if count:
                buckets.setdefault(max(_BUCKET, 1 << (count - 1).bit_length()), []).append(i)
        pad = self._pad
        for size, members in buckets.items():
            index = np.full((len(members), size), pad, dtype=np.intp)
            lengths = np.array([counts[i] for i in members], dtype=np.intp)
            # each word's rows at the start of its line, in order (a mask fills row by row)
            rows = np.frombuffer(b"".join([found[i] for i in members]), dtype=_ROW)
            index[np.arange(size) < lengths[:, None]] = rows
            sums[members] = self._logs.take(index).sum(axis=1)
        return sums, counts

    def word(self, word: str) -> tuple[float, ...]:
        """Per-language log-likelihood of ``word``, then the number of n-grams that counted.

        Words with two capitals in a row (acronyms) count for nothing, as in langdetect.
        """
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = self._score(word)
        if len(self._cache) >= _ROW_CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result

    def total(self, words: list[str]) -> tuple[list[float], int]:
        """Per-language log-likelihood of all ``words`` together, and their n-gram count."""
        get = _FOUND.get
        joined = b"".join([get(word) or _found(word, self._rows) for word in words])
        if not joined:
            return [0.0] * len(self.langs), 0
        if usable(len(self.langs), len(words)):  # the same float32 sums, one n-gram after the other
            if self._pure is None:
                self._pure = PureScores(self._rows, self._columns)
            return self._pure.sums(joined), len(joined) >> 2
        import numpy as np

        rows = np.frombuffer(joined, dtype=_ROW)
        return self._logs.take(rows).sum(axis=0).tolist(), len(rows)

    def _score(self, word: str) -> tuple[float, ...]:
        found = _FOUND.get(word)
        if found is None:
            found = _found(word, self._rows)
        if not found:
            return self._zero
        if usable(len(self.langs), 1):
            return (*self._pure_sums([word])[0][0], float(len(found) >> 2))
        import numpy as np

        rows = np.frombuffer(found, dtype=_ROW)
        return (*self._logs.take(rows).sum(axis=0).tolist(), float(len(rows)))


# word -> its n-grams' profile rows (4 bytes a row in a bytes object; a list: 36), shared by all scorers
_FOUND: dict[str, bytes] = {}
_ROW = "<i4"


def _found(word: str, rows: NgramTable) -> bytes:
    """Profile rows of the n-grams of ``word`` (empty for acronyms), memoised across scorers."""
    key = word
    normal = _normalised(word)
    if normal is None:
        found = b""
    else:
        padded = f" {normal} "
        size = len(padded)
        grams = [padded[i : i + 1] for i in range(1, size - 1)]
        grams += [padded[i : i + 2] for i in range(size - 1)]
        grams += [padded[i : i + 3] for i in range(size - 2)]
        found = array("i", rows.rows_of(grams)).tobytes()
    if len(_FOUND) >= _CACHE_LIMIT:
        _FOUND.clear()
    _FOUND[key] = found
    return found


def _found_many(words: list[str], rows: NgramTable) -> list[bytes]:
    """:func:`_found` of each of ``words`` (distinct, not yet memoised), looked up together."""
    normal = [_normalised(word) for word in words]
    looked = iter(rows.rows_of_words([n for n in normal if n]))
    out = [next(looked) if n else b"" for n in normal]
    if len(_FOUND) + len(words) > _CACHE_LIMIT:
        _FOUND.clear()
    _FOUND.update(zip(words, out, strict=True))
    return out


def _normalised(word: str) -> str | None:
    """``word`` in langdetect's normal form (each character mapped as ``NGram.normalize`` does);
    None for an acronym (two capitals in a row), which counts for nothing, as in langdetect."""
    if not word.islower() and any(a.isupper() and b.isupper() for a, b in itertools.pairwise(word)):
        return None
    if word.isascii() and word.isalpha():
        return word
    norm = _NORMAL
    chars = []
    for ch in word:
        mapped = norm.get(ch)
        if mapped is None:
            from langdetect.utils.ngram import NGram

            mapped = norm[ch] = NGram.normalize(ch)
        chars.append(mapped)
    return "".join(chars)


@lru_cache(maxsize=64)
def scorer(langs: tuple[str, ...]) -> Scorer:
    """A cached :class:`Scorer` for one set of (supported) languages."""
    return Scorer(langs)
