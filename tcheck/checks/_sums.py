"""A sentence's summed language evidence for TC401, with numpy or, in a small run, without it.

:func:`~tcheck.checks._language.judge` weighs a sentence by the sums of its words' per-language
log-likelihoods. With numpy they come from the words' matrix of scores (one matrix product); a
run that has scored few words so far (one small file: :mod:`tcheck.language.purescore`) gets the
same rows as lists and sums them in Python, so that checking one page never imports numpy (about
a tenth of a second, more than judging the page).
"""

from __future__ import annotations

from tcheck.checks._evidence import totals
from tcheck.checks._words import Words

Rows = list[list[float]]


def sentence_sums(items: Words, langs: tuple[str, ...]) -> tuple[list[float], float, int, int, Rows | None]:
    """Weighted per-language sums of the words of ``items``, their weighted n-gram count, the
    number of full-weight words with evidence and their letters (as
    :func:`~tcheck.checks._evidence.totals`), and the words' rows when they were scored without
    numpy (None: the matrix of ``items`` holds them)."""
    from tcheck.services.langid import scorer

    rows = scorer(langs).lists(items.tokens)
    if rows is None:
        sums, grams, count, letters = totals(items)
        return sums.tolist(), grams, count, letters, None
    width = len(langs)
    weighted = [0.0] * width
    grams = 0.0
    count = letters = 0
    for row, weight, found, start, end in zip(
        rows, items.weights, items.grams, items.starts, items.ends, strict=True
    ):
        for j in range(width):
            weighted[j] += weight * row[j]
        grams += weight * found
        if weight >= 1 and found > 0:
            count += 1
            letters += end - start
    return weighted, grams, count, letters, rows


def raw_sums(items: Words, rows: Rows | None) -> list[float]:
    """The unweighted per-language sums of the words (the evidence langdetect would weigh)."""
    if rows is None:
        found: list[float] = items.scores[:, :-1].sum(axis=0).tolist()
        return found
    width = len(rows[0]) if rows else 0
    sums = [0.0] * width
    for row in rows:
        for j in range(width):
            sums[j] += row[j]
    return sums
