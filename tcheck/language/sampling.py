"""langdetect's sampling detector restricted to a few languages, with langdetect's own numbers.

langdetect's ``Detector._detect_block`` runs seven trials; each draws n-grams of the text at random
and multiplies, for each of its 55 languages, the running probability by the n-gram's probability
in that language, until one language passes 0.99999 (checked every fifth n-gram). Given a prior
map (the plausible languages of a TC401 check), every other language starts at zero and stays
there: most of the work multiplies zeros. :func:`detect_restricted` runs the same trials over the
languages of the prior alone, with the same random draws, the same floating-point operations in
the same order and the same n-grams, so that it returns langdetect's probabilities bit for bit at
a fraction of the cost (a few languages instead of 55 per draw, and the languages' values of an
n-gram read once from the table's exact values instead of a 55-element list).

Zeros change nothing on the way: a zero times anything stays zero, adding 0.0 to a sum leaves it
as it is, and a language whose probability is zero is never reported (langdetect keeps those
above 0.1).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tcheck.language.ngram_table import NgramTable

_KEPT = 50_000  # n-grams whose restricted probabilities are kept, per set of languages


class RestrictedGrams:
    """The exact probabilities of n-grams in a fixed set of profile columns (in table order)."""

    def __init__(self, ngrams: NgramTable, columns: tuple[int, ...]) -> None:
        self._table = ngrams
        self._where = {column: i for i, column in enumerate(columns)}
        self._size = len(columns)
        self._values: dict[str, tuple[float, ...]] = {}

    def __getitem__(self, gram: str) -> tuple[float, ...]:
        found = self._values.get(gram)
        if found is None:
            row = self._table.row(gram)
            values = [0.0] * self._size
            if row is not None:
                where = self._where
                for column, value in zip(*self._table.exact_row(row), strict=True):
                    at = where.get(column)
                    if at is not None:
                        values[at] = value
            if len(self._values) >= _KEPT:
                self._values.clear()
            found = self._values[gram] = tuple(values)
        return found


_grams: dict[tuple[int, ...], RestrictedGrams] = {}


def _restricted(ngrams: NgramTable, columns: tuple[int, ...]) -> RestrictedGrams:
    found = _grams.get(columns)
    if found is None:
        if len(_grams) >= 16:
            _grams.clear()
        found = _grams[columns] = RestrictedGrams(ngrams, columns)
    return found


def detect_restricted(detector: Any, ngrams: NgramTable) -> list[tuple[str, float]]:
    """``[(langdetect code, probability)]`` best first, as ``detector.get_probabilities()`` gives
    them, for a langdetect ``Detector`` given its text and a prior map; empty when the text has
    no n-gram of the profiles (where langdetect raises)."""
    detector.cleaning_text()
    grams = detector._extract_ngrams()
    if not grams:
        return []
    prior = detector.prior_map
    columns = tuple(i for i, p in enumerate(prior) if p != 0.0)
    start = [prior[i] for i in columns]
    values = _restricted(ngrams, columns)
    rows = [values[gram] for gram in grams]  # the draws pick among these, as among ``grams``
    random = detector.random
    random.seed(detector.seed)
    total = [0.0] * len(columns)
    # the n-grams' probabilities as one array, when numpy is loaded and a trial's draws (up to
    # about a thousand) may meet most of them: each trial adds its weight to all at once
    matrix = None
    if len(rows) <= _TABLE_ROWS and "numpy" in sys.modules:
        import numpy as np

        matrix = np.array(rows, dtype=np.float64)
    for _ in range(detector.n_trial):
        alpha = detector.alpha + random.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        prob, kept = _trial(detector, rows, start, alpha / detector.BASE_FREQ, matrix)
        for j, p in zip(kept, prob, strict=True):
            total[j] += p / detector.n_trial
    codes = detector.langlist
    found = [(codes[c], p) for c, p in zip(columns, total, strict=True) if p > detector.PROB_THRESHOLD]
    found.sort(key=lambda pair: pair[1], reverse=True)
    return found


def _trial(
    detector: Any, rows: list[tuple[float, ...]], start: list[float], weight: float, matrix: Any = None
) -> tuple[list[float], list[int]]:
    """One of langdetect's trials: n-grams drawn at random (``random.choice(rows)``, inlined:
    ``Random._randbelow`` draws ``bits`` bits until below the number of n-grams), each
    multiplying every language's probability by ``weight`` plus the n-gram's probability in it;
    normalised after the first draw and every fifth after it, until one language passes the
    threshold or the draws reach the limit. Returns the probabilities of the languages still
    above zero and their positions: a probability that reaches 0.0 stays there (0.0 times
    anything is 0.0, and adds nothing to a sum), so that language is left out of the products
    from then on. The five products between two normalisations are one expression per language,
    multiplied in the same order as langdetect's five passes. ``matrix``: ``rows`` as a numpy
    array, when the caller has one: ``weight`` plus each n-gram's probabilities is then computed
    for every n-gram at once (numpy adds two doubles as Python does), not one draw at a time.
    The largest probability is ``max``'s: langdetect's own search (from 0.0, a value taken when
    greater) finds the same, as no probability is negative or NaN."""
    draw = detector.random.getrandbits
    size = len(rows)
    bits = size.bit_length()
    limit, threshold = detector.ITERATION_LIMIT, detector.CONV_THRESHOLD
    kept = list(range(len(start)))
    prob = list(start)
    factors = _factors(rows, matrix, kept, weight)  # weight + the n-gram's probabilities, per draw
    i = -5  # the first normalisation comes after one draw (i = 0), the others after five
    while True:
        picks = []
        for _ in range(1 if i < 0 else 5):
            at = draw(bits)
            while at >= size:
                at = draw(bits)
            found = factors[at]
            if found is None:
                found = factors[at] = [weight + rows[at][c] for c in kept]
            picks.append(found)
        if i < 0:
            i = 0
            prob = [p * x for p, x in zip(prob, picks[0], strict=True)]
        else:
            i += 5
            a, b, c, d, e = picks
            prob = [p * v * w * x * y * z for p, v, w, x, y, z in zip(prob, a, b, c, d, e, strict=True)]
        sump = sum(prob)
        prob = [p / sump for p in prob]
        if max(prob) > threshold or i >= limit:
            return prob, kept
        if 0.0 in prob:
            kept = [k for k, p in zip(kept, prob, strict=True) if p != 0.0]
            prob = [p for p in prob if p != 0.0]
            factors = _factors(rows, matrix, kept, weight)


def _factors(rows: list[tuple[float, ...]], matrix: Any, kept: list[int], weight: float) -> list[Any]:
    """``weight`` plus the probabilities in the ``kept`` languages, per n-gram: every row at once
    from ``matrix``, or None for each, to be computed when drawn."""
    if matrix is None:
        return [None] * len(rows)
    if len(kept) < matrix.shape[1]:
        matrix = matrix[:, kept]
    found: list[Any] = (weight + matrix).tolist()
    return found


_TABLE_ROWS = 1024  # n-grams of a text up to which a trial's factors are computed all at once
