"""Shared pieces of the TC4xx language evidence: settings, verdicts, sums, langdetect's word,
function-word counts and list detection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tcheck.checks._words import Words
from tcheck.context import Context
from tcheck.language.function_words import count, distinctive


@dataclass(frozen=True, slots=True)
class Verdict:
    """A stretch of a segment's text judged to be in ``lang`` rather than the target."""

    start: int
    end: int
    lang: str
    confidence: float


def full(items: Words) -> Any:
    """Words of full weight that have evidence."""
    import numpy as np

    return (np.array(items.weights) >= 1) & (np.array(items.grams) > 0)


def totals(items: Words) -> tuple[Any, float, int, int]:
    """Weighted per-language sums, weighted n-gram count, full-weight words and their letters."""
    import numpy as np

    sums = np.array(items.weights) @ items.scores
    mask = full(items)
    letters = int(np.sum((np.array(items.ends) - np.array(items.starts))[mask]))
    return sums[:-1], float(sums[-1]), int(np.count_nonzero(mask)), letters


@dataclass(frozen=True)
class Settings:
    min_letters: int = 24
    min_words: int = 4
    # Mean log-likelihood ratio (target against the best other language) per n-gram at or above
    # which a sentence is taken to be in the target language without asking langdetect; short
    # sentences (fewer letters than ``short_letters``) need clearer evidence to be reported.
    clear: float = -0.1
    short_letters: int = 40
    short_clear: float = -0.3
    min_probability: float = 0.9  # langdetect's probability needed to report
    run_letters: int = 17
    run_words: int = 4
    run_score: float = 25.0  # summed log-likelihood ratio a run of words needs
    run_mean: float = 0.38  # and per n-gram
    # Function words of the language named (not shared with the target) that a sentence in the
    # target's script, or a run inside a sentence, must hold: a clause, not a row of nouns.
    min_function_words: int = 2
    clause_length: int = 5  # from this many words, a run in the target's script needs only one
    other_run_words: int = 5  # words a run in another script than the target's needs
    # A sentence mostly in another script than the target's: words (of that script, names
    # included), ordinary words among them, and letters it needs; for scripts written without
    # spaces (CJK, Thai), characters. The target's script must hold under ``mixed_share`` of it.
    other_words: int = 3
    other_ordinary: int = 2
    other_letters: int = 12
    other_chars: int = 8
    mixed_share: float = 0.2

    @classmethod
    def of(cls, ctx: Context, code: str) -> Settings:
        base = cls()
        return cls(
            min_letters=ctx.option(code, "min-letters", base.min_letters, int),
            min_words=ctx.option(code, "min-words", base.min_words, int),
            min_probability=ctx.option(code, "min-probability", base.min_probability, float),
            run_letters=ctx.option(code, "min-run-letters", base.run_letters, int),
            run_words=ctx.option(code, "min-run-words", base.run_words, int),
            min_function_words=ctx.option(code, "min-function-words", base.min_function_words, int),
        )


@lru_cache(maxsize=8192)
def probabilities(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    from tcheck.services.langid import restricted_probabilities

    return restricted_probabilities(text, langs)


def confirm(text: str, langs: tuple[str, ...], settings: Settings) -> tuple[str, float] | None:
    found = probabilities(text, langs)
    other = [(lang, p) for lang, p in found if lang != langs[0]]
    foreign = sum(p for _, p in other)  # Norwegian or Danish: untranslated either way
    if not other or foreign < settings.min_probability:
        return None
    return other[0][0], round(min(foreign, 1.0), 3)


def clause_words(tokens: Sequence[str], lang: str, target: str) -> int | None:
    """Function words of ``lang`` not shared with ``target`` in ``tokens``; None without a list."""
    own = distinctive(lang, target)
    return None if own is None else count(tokens, own)


def full_tokens(items: Words, first: int = 0, last: int | None = None) -> list[str]:
    """Words of full weight (not names, not quoted) from ``first`` to ``last`` (inclusive)."""
    end = len(items) if last is None else last + 1
    return [t for t, w in zip(items.tokens[first:end], items.weights[first:end], strict=True) if w >= 1]


_SEPARATORS = (",", "、", "，", ";", "；", "|")


def listing(text: str, offset: int, items: Words, first: int, last: int) -> bool:
    """Whether words ``first..last`` are a list (``[and], [or], [not]``, ``ceil、div、floor``): a
    list separator between most of them. ``text`` starts at file offset ``offset``."""
    gaps = last - first
    separated = 0
    for i in range(first + 1, last + 1):
        between = text[items.ends[i - 1] - offset : items.starts[i] - offset]
        separated += any(mark in between for mark in _SEPARATORS)
    return gaps > 0 and 2 * separated > gaps
