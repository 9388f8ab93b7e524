"""TC403's evidence: the strongest run of words in another language inside a sentence."""

from __future__ import annotations

import math
from typing import Any

from tcheck.checks._evidence import Settings, Verdict, clause_words, confirm, full, full_tokens, listing
from tcheck.checks._words import Words
from tcheck.language.scripts import LATIN, lang_script


def _best_gain(rows: list[list[float]], items: Words, langs: tuple[str, ...]) -> float:
    """The best run's weighted gain over the target (what :func:`gains_and_best` computes with
    numpy, the same operations in the same order) from the words' per-language scores ``rows``."""
    scripts = [lang_script(lang) or LATIN for lang in langs[1:]]
    mixed = len(set(items.scripts)) > 1 or items.scripts[0] not in scripts
    others = range(len(scripts))
    run = [0.0] * len(scripts)
    best = [-math.inf] * len(scripts)
    for row, weight, script, cut in zip(rows, items.weights, items.scripts, items.breaks, strict=True):
        base = row[0]
        for k in others:
            gain = -1e9 if mixed and script != scripts[k] else weight * (row[k + 1] - base)
            run[k] = (0.0 if cut else max(run[k], 0.0)) + gain
            if run[k] > best[k]:
                best[k] = run[k]
    return max(best, default=-math.inf)


def gains_and_best(items: Words, langs: tuple[str, ...]) -> tuple[Any, Any]:
    """With numpy: each word's weighted gain per other language over the target (words × other
    languages; a word of another script than the language's: -1e9), and the best run's gain
    per language (Kadane's maximum subarray, all languages at once; a run starts again after a
    break)."""
    import numpy as np

    scores = items.scores
    gains = np.array(items.weights)[:, None] * (scores[:, 1:-1] - scores[:, :1])
    scripts = [lang_script(lang) or LATIN for lang in langs[1:]]
    if len(set(items.scripts)) > 1 or items.scripts[0] not in scripts:
        gains[np.array(items.scripts)[:, None] != np.array(scripts)[None, :]] = -1e9
    run = np.zeros(gains.shape[1])
    best = np.full(gains.shape[1], -np.inf)
    for row, cut in zip(gains, items.breaks, strict=True):
        run = (0.0 if cut else np.maximum(run, 0.0)) + row
        best = np.maximum(best, run)
    return gains, best


def _kadane(gains: list[float], breaks: list[bool]) -> tuple[float, int, int]:
    """Maximum subarray of ``gains``; a run never crosses a number (``breaks``)."""
    best, best_start, best_end = float("-inf"), 0, 0
    run, start = 0.0, 0
    for i, (gain, cut) in enumerate(zip(gains, breaks, strict=True)):
        if run <= 0 or cut:
            run, start = gain, i
        else:
            run += gain
        if run > best:
            best, best_start, best_end = run, start, i
    return best, best_start, best_end


def foreign_run(
    text: str, offset: int, items: Words, langs: tuple[str, ...], settings: Settings
) -> Verdict | None:
    """The strongest run of words in one other language inside a target-language sentence.

    For each other language, the run of consecutive words with the largest summed log-likelihood
    ratio against the target (Kadane's maximum subarray, all languages at once); words of another
    script than the language's, numbers and technical strings end a run. The best run must be long
    and strong enough, hold ``min_function_words`` function words of its language (and no fewer
    than any other candidate of the same script), and langdetect, asked to choose between the two
    languages, must agree. The next best language is tried when one fails.
    """
    if len(items) < settings.run_words or items.run_bound() < settings.run_score:
        return None
    from tcheck.services.langid import scorer

    rows = scorer(langs).lists(items.tokens)
    if rows is not None and _best_gain(rows, items, langs) < settings.run_score:
        return None  # no run is strong enough: found without numpy (a small file)
    import numpy as np

    scores = items.scores
    weights = np.array(items.weights)
    gains, best = gains_and_best(items, langs)
    scripts = [lang_script(lang) or LATIN for lang in langs[1:]]
    full_words = full(items)
    for k in np.argsort(-best, kind="stable").tolist():
        if best[k] < settings.run_score:
            return None
        score, first, last = _kadane(gains[:, k].tolist(), items.breaks)
        chosen = slice(first, last + 1)
        grams = float(weights[chosen] @ scores[chosen, -1])
        lengths = np.array(items.ends[chosen]) - np.array(items.starts[chosen])
        letters = int(np.sum(lengths[full_words[chosen]]))
        if np.count_nonzero(full_words[chosen]) < settings.run_words or letters < settings.run_letters:
            continue
        if score / grams < settings.run_mean or not _clause(items, first, last, k, langs, scripts, settings):
            continue
        if listing(text, offset, items, first, last):
            continue  # a list of names: [and], [or], [not]
        start, end = items.starts[first], items.ends[last]
        if any(a < start and end <= b for a, b in items.quotes):
            continue  # a quotation (an error message, a title) or a gloss in brackets
        found = confirm(text[start - offset : end - offset], (langs[0], langs[k + 1]), settings)
        if found is not None:
            return Verdict(start, end, found[0], found[1])
    return None


def _clause(
    items: Words,
    first: int,
    last: int,
    k: int,
    langs: tuple[str, ...],
    scripts: list[str],
    settings: Settings,
) -> bool:
    """Whether words ``first..last`` hold enough function words of ``langs[k + 1]``, and no fewer
    than those of any other candidate written in the same script (English nouns are not Dutch).
    A run in another script than the target's needs ``other_run_words`` words."""
    tokens = full_tokens(items, first, last)
    own = clause_words(tokens, langs[k + 1], langs[0])
    if own is None:
        return True  # no list for this language: the n-gram evidence alone decides
    same_script = scripts[k] == (lang_script(langs[0]) or LATIN)
    if not same_script and len(tokens) < settings.other_run_words:
        return False  # a term with its article ("infrastructure as a service"), not a clause
    if own < (1 if same_script and len(tokens) >= settings.clause_length else settings.min_function_words):
        return False
    rivals = (
        clause_words(tokens, lang, langs[0])
        for j, lang in enumerate(langs[1:])
        if j != k and scripts[j] == scripts[k]
    )
    return all((n or 0) <= own for n in rivals)
