"""Shared pieces of the TC4xx language evidence: settings, verdicts, sums, langdetect's word,
function-word counts and list detection."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tcheck.checks._words import Words
from tcheck.context import Context
from tcheck.language.function_words import count, distinctive, function_words
from tcheck.language.scripts import wide
from tcheck.locale import primary


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
    count = letters = 0  # the words of :func:`full`, counted in Python: a sentence has a few dozen
    for weight, grams, start, end in zip(items.weights, items.grams, items.starts, items.ends, strict=True):
        if weight >= 1 and grams > 0:
            count += 1
            letters += end - start
    return sums[:-1], float(sums[-1]), count, letters


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


RELATIVES = (
    frozenset({"nb", "nn", "no", "da", "sv"}),
    frozenset({"cs", "sk"}),
    frozenset({"hr", "sr", "bs", "sl", "mk", "bg"}),
    frozenset({"ru", "uk", "be"}),
    frozenset({"es", "ca", "gl", "pt"}),
    frozenset({"id", "ms", "tl"}),
    frozenset({"hi", "mr", "ne"}),
    frozenset({"af", "nl"}),
    frozenset({"zh", "ja"}),
)


@lru_cache(maxsize=256)
def relatives(lang: str) -> frozenset[str]:
    """The group of close relatives ``lang`` belongs to (itself alone when none)."""
    base = primary(lang)
    return next((g for g in RELATIVES if base in g), frozenset({base}))


# Log-likelihood (nats) by which the naive-Bayes choice must beat every other candidate (its
# close relatives aside) to be taken without asking langdetect, which estimates the same
# likelihoods by sampling n-grams (3-6 ms a sentence). On the 19,970 units of a ten-language NTREX
# PO file (bench/po_throughput.py) the choices past this gap, function words agreeing, differed
# from langdetect's only where langdetect was unsure (under 0.9) or wrong (Korean for Chinese).
CLEAR_GAP = 10.0


def clear_choice(
    sums: Sequence[float], langs: Sequence[str], tokens: Sequence[str], target_first: bool = True
) -> tuple[str, float] | None:
    """The language whose naive-Bayes log-likelihood (``sums``, one per language of ``langs``)
    beats every other by ``CLEAR_GAP`` nats or more, with its probability among them, when the
    function words of ``tokens`` (the words that are not names or quoted) do not contradict it:
    no other language of ``langs`` has more of its own. None when two languages are closer than
    that, the function words point elsewhere (an English quotation that makes up most of the
    letters of a Norwegian sentence) or there is no evidence: langdetect decides.

    ``langs[0]`` is the target language (``target_first``), which must be beaten by the full gap
    even when it is a close relative; otherwise ``langs`` are the candidates for a text in
    another script than the target's, and Simplified and Traditional Chinese are relatives."""
    if not langs or not any(sums):
        return None
    best = max(range(len(langs)), key=lambda i: sums[i])
    top = sums[best]
    bases = _primaries(tuple(langs))
    near = relatives(langs[best]) - ({bases[0]} if target_first else set())
    rivals = [top - s for i, s in enumerate(sums) if i != best and bases[i] not in near]
    if rivals and min(rivals) < CLEAR_GAP:
        return None
    if len(langs) > 1:
        counts = [0] * len(langs)
        owners = _owners(tuple(langs)).get
        for token in tokens:
            for i in owners(token.lower(), ()):
                counts[i] += 1
        if max(counts) > counts[best]:
            return None
    group = sum(math.exp(s - top) for i, s in enumerate(sums) if i == best or bases[i] in near)
    probability = group / (group + sum(math.exp(-gap) for gap in rivals))
    return langs[best], probability


@lru_cache(maxsize=64)
def _primaries(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The primary language subtag of each of ``langs``."""
    return tuple(primary(lang) for lang in langs)


@lru_cache(maxsize=64)
def _owners(langs: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """Each function word of any of ``langs``: the positions of the languages it belongs to."""
    owners: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        for word in function_words(lang) or ():
            owners.setdefault(word, []).append(i)
    return {word: tuple(found) for word, found in owners.items()}


def confirm(
    text: str,
    langs: tuple[str, ...],
    settings: Settings,
    sums: Sequence[float] | None = None,
    tokens: Sequence[str] = (),
) -> tuple[str, float] | None:
    """Whether ``text`` is, with probability ``min_probability`` or more, in another language
    than ``langs[0]``: that language (the likeliest of the others) and the probability that the
    text is not in the target. ``sums``: the text's naive-Bayes log-likelihood per language of
    ``langs``, when the caller has them: a clear choice among them that the function words of
    ``tokens`` do not contradict (see :func:`clear_choice`) settles it without langdetect."""
    if sums is not None:
        clear = clear_choice(sums, langs, tokens)
        if clear is not None:
            lang, probability = clear
            if lang == langs[0] or probability < settings.min_probability:
                return None
            return lang, round(min(probability, 1.0), 3)
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
_SEPARATOR_SET = frozenset(_SEPARATORS)  # one character each: a set test finds any of them


# In scripts written without spaces a "word" is the run of characters between two punctuation
# marks; runs this long on average are clauses between commas, not the items of a list.
_CLAUSE_CHARS = 6


def listing(text: str, offset: int, items: Words, first: int, last: int) -> bool:
    """Whether words ``first..last`` are a list (``[and], [or], [not]``, ``ceil、div、floor``): a
    list separator between most of them. ``text`` starts at file offset ``offset``. Runs of a
    script written without spaces that are ``_CLAUSE_CHARS`` long on average are the clauses of
    a sentence ("他表示，法拉奇本应被视为同僚，并被赋予...") whatever separates them."""
    gaps = last - first
    if gaps > 0 and all(wide(script) for script in items.scripts[first : last + 1]):
        if sum(len(token) for token in items.tokens[first : last + 1]) >= _CLAUSE_CHARS * (gaps + 1):
            return False
    separated = 0
    for i in range(first + 1, last + 1):
        between = text[items.ends[i - 1] - offset : items.starts[i] - offset]
        separated += not _SEPARATOR_SET.isdisjoint(between)
    return gaps > 0 and 2 * separated > gaps
