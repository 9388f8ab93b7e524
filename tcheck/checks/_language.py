"""Language evidence for the TC4xx checks: which sentences and runs of words are not in the target.

Cheap first: each word is scored once (cached) under the profiles of the plausible languages, and a
sentence's evidence is the sum over its words. When the target language wins clearly, the sentence
is settled without langdetect; when another language wins clearly, or the evidence is close,
langdetect (seeded, restricted to the plausible languages) has the last word. Names (capitalised
words inside a sentence), acronyms, numbers, code and URLs (masked by the readers) carry little or no
weight, and short stretches are never judged.

Plausible languages: the target, the source, and a pool of common languages (option
``languages`` of TC401), without the target's close relatives (``nb``/``da``/``sv`` ...) unless one
of them is the source: telling a Norwegian sentence from a Danish one inside a Norwegian text is not
what these checks are for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tcheck.context import Context
from tcheck.model import Document, Segment

DEFAULT_POOL = ("en", "de", "fr", "es", "it", "nl", "pt", "nb", "da", "sv", "fi", "pl")
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

_WORD = re.compile(r"[^\W\d_]+")
_NAME_WEIGHT = 0.25  # a capitalised word inside a sentence is probably a name


def primary(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


def relatives(lang: str) -> frozenset[str]:
    base = primary(lang)
    return next((g for g in RELATIVES if base in g), frozenset({base}))


class Words:
    """The scored words of one sentence.

    Per word: offsets, a weight (names and quoted words count less), its n-gram count, and
    ``gap``: the most any other language gains over the target on it. Summed, the gaps bound what
    any one language can gain over the whole sentence, so clear cases are settled from these
    floats alone; the words × (languages + 1) matrix of log-likelihoods is built only when needed.
    """

    __slots__ = ("_matrix", "_row", "breaks", "ends", "gaps", "grams", "starts", "tokens", "weights")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.weights: list[float] = []
        self.gaps: list[float] = []
        self.grams: list[float] = []
        self.breaks: list[bool] = []  # a number stands between this word and the one before
        self.tokens: list[str] = []
        self._row: Any = None  # the scorer's word -> row function
        self._matrix: Any = None

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def scores(self) -> Any:
        """The words × (languages + 1) matrix; the last column is the n-gram count."""
        if self._matrix is None:
            import numpy as np

            self._matrix = np.array([self._row(t) for t in self.tokens], dtype=np.float64)
        return self._matrix

    def bound(self) -> tuple[float, float]:
        """An upper bound of any other language's weighted gain over the target, and the n-grams."""
        gain = grams = 0.0
        for weight, gap, count in zip(self.weights, self.gaps, self.grams, strict=True):
            gain += weight * gap
            grams += weight * count
        return gain, grams

    def run_bound(self) -> float:
        """An upper bound of the best run's gain (maximum subarray of the weighted gaps)."""
        best = run = 0.0
        for weight, gap, cut in zip(self.weights, self.gaps, self.breaks, strict=True):
            run = (0.0 if cut else max(run, 0.0)) + weight * gap
            best = max(best, run)
        return best


@dataclass(frozen=True, slots=True)
class Verdict:
    """A stretch of a segment's text judged to be in ``lang`` rather than the target."""

    start: int
    end: int
    lang: str
    confidence: float


def plausible(doc: Document, ctx: Context, code: str = "TC401") -> tuple[str, ...] | None:
    """Target first, then the other plausible languages (all with a langdetect profile)."""
    from tcheck.services.langid import supported

    target = doc.lang
    if not target or not supported(target):
        return None
    pool: Sequence[str] = ctx.option(code, "languages", DEFAULT_POOL)
    source = doc.source_lang
    near = relatives(target)
    langs = [primary(target)]
    candidates = [source] if source else []
    candidates += [p for p in pool if primary(p) not in near]
    for lang in candidates:
        base = primary(lang)
        if base not in langs and supported(base) and not (source and base == primary(target)):
            langs.append(base)
    return tuple(langs) if len(langs) > 1 else None


_QUOTES = re.compile(r"[\"“”„«»‹›「」]")
_DIGIT = re.compile(r"\d")
_QUOTED_WEIGHT = 0.3  # quoted words (titles, quotations) may rightly be in another language


def _quoted(text: str) -> list[tuple[int, int]]:
    """Quoted stretches of ``text`` (any quote mark opens or closes), unless one covers most of it."""
    marks = [m.start() for m in _QUOTES.finditer(text)]
    spans = [(a, b) for a, b in zip(marks[::2], marks[1::2], strict=False)]
    if any((b - a) >= 0.8 * len(text.strip()) for a, b in spans):
        return []
    return spans


def words(text: str, langs: tuple[str, ...], offset: int = 0) -> Words:
    """The scored words of one sentence (offsets shifted by ``offset``)."""
    from tcheck.services.langid import scorer

    scoring = scorer(langs)
    entry = scoring.entry
    quoted = _quoted(text) if _QUOTES.search(text) else []
    out = Words()
    out._row = scoring.word
    starts, ends, weights, gaps, grams, tokens = (
        out.starts,
        out.ends,
        out.weights,
        out.gaps,
        out.grams,
        out.tokens,
    )
    cached = scoring.cached_entry
    digits = _DIGIT.search(text) is not None
    breaks = out.breaks
    for match in _WORD.finditer(text):
        word = match.group(0)
        start = match.start()
        weight = _NAME_WEIGHT if starts and word[0].isupper() else 1.0
        if quoted and any(a < start < b for a, b in quoted):
            weight *= _QUOTED_WEIGHT
        found = cached(word)
        gap, count = entry(word) if found is None else found
        breaks.append(digits and bool(starts) and _DIGIT.search(text, ends[-1] - offset, start) is not None)
        starts.append(start + offset)
        ends.append(match.end() + offset)
        weights.append(weight)
        gaps.append(gap)
        grams.append(count)
        tokens.append(word)
    return out


@lru_cache(maxsize=256)
def latin_script(lang: str) -> bool:
    """Whether ``lang`` is written in the Latin script (CLDR likely subtags)."""
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(primary(lang), ""))
    return "_Latn" in likely or not likely


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def own_script_share(text: str) -> float:
    """Share of the letters of ``text`` outside the Latin script (a CJK character counts 3)."""
    letters = sum(1 for ch in text if ch.isalpha())
    latin = len(_LATIN.findall(text))
    wide = len(_WIDE.findall(text))
    other = letters - latin + 2 * wide
    return other / (other + latin) if other + latin else 0.0


def _full(items: Words) -> Any:
    """Words of full weight that have evidence."""
    import numpy as np

    return (np.array(items.weights) >= 1) & (np.array(items.grams) > 0)


def totals(items: Words) -> tuple[Any, float, int, int]:
    """Weighted per-language sums, weighted n-gram count, full-weight words and their letters."""
    import numpy as np

    sums = np.array(items.weights) @ items.scores
    full = _full(items)
    letters = int(np.sum((np.array(items.ends) - np.array(items.starts))[full]))
    return sums[:-1], float(sums[-1]), int(np.count_nonzero(full)), letters


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

    @classmethod
    def of(cls, ctx: Context, code: str) -> Settings:
        base = cls()
        return cls(
            min_letters=int(ctx.option(code, "min-letters", base.min_letters)),
            min_words=int(ctx.option(code, "min-words", base.min_words)),
            min_probability=float(ctx.option(code, "min-probability", base.min_probability)),
            run_letters=int(ctx.option(code, "min-run-letters", base.run_letters)),
            run_words=int(ctx.option(code, "min-run-words", base.run_words)),
        )


@lru_cache(maxsize=8192)
def _probabilities(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    from tcheck.services.langid import restricted_probabilities

    return restricted_probabilities(text, langs)


def _confirm(text: str, langs: tuple[str, ...], settings: Settings) -> tuple[str, float] | None:
    found = _probabilities(text, langs)
    other = [(lang, p) for lang, p in found if lang != langs[0]]
    foreign = sum(p for _, p in other)  # Norwegian or Danish: untranslated either way
    if not other or foreign < settings.min_probability:
        return None
    return other[0][0], round(min(foreign, 1.0), 3)


def judge(text: str, items: Words, langs: tuple[str, ...], settings: Settings) -> Verdict | None:
    """Whether ``text`` (described by ``items``) is in another language than ``langs[0]``."""
    if len(items) < settings.min_words:
        return None
    gain, grams = items.bound()
    if grams <= 0 or -gain / grams >= settings.clear:
        return None  # even the most favourable other language loses clearly: no matrix needed
    sums, grams, count, letters = totals(items)
    if count < settings.min_words or letters < settings.min_letters or grams <= 0:
        return None
    others = sums[1:]
    needed = settings.clear if letters >= settings.short_letters else settings.short_clear
    if (sums[0] - others.max()) / grams >= needed:
        return None  # the target language's own evidence settles it: no langdetect needed
    if not latin_script(langs[0]) and own_script_share(text) >= 0.5:
        return None  # mostly in the target's own (non-Latin) script; Latin words are names, terms
    found = _confirm(text, langs, settings)
    if found is None:
        return None
    return Verdict(items.starts[0], items.ends[-1], found[0], found[1])


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
    ratio against the target (Kadane's maximum subarray, all languages at once); the best run must
    be long and strong enough, and langdetect (asked to choose between the two languages) must
    agree.
    """
    import numpy as np

    if len(items) < settings.run_words or items.run_bound() < settings.run_score:
        return None
    scores = items.scores
    weights = np.array(items.weights)
    gains = weights[:, None] * (scores[:, 1:-1] - scores[:, :1])
    run = np.zeros(gains.shape[1])
    best = np.full(gains.shape[1], -np.inf)
    for row, cut in zip(gains, items.breaks, strict=True):
        run = (0.0 if cut else np.maximum(run, 0.0)) + row
        best = np.maximum(best, run)
    k = int(np.argmax(best))
    if best[k] < settings.run_score:
        return None
    score, first, last = _kadane(gains[:, k].tolist(), items.breaks)
    chosen = slice(first, last + 1)
    full = _full(items)[chosen]
    grams = float(weights[chosen] @ scores[chosen, -1])
    lengths = np.array(items.ends[chosen]) - np.array(items.starts[chosen])
    letters = int(np.sum(lengths[full]))
    if np.count_nonzero(full) < settings.run_words or letters < settings.run_letters:
        return None
    if score / grams < settings.run_mean:
        return None
    start, end = items.starts[first], items.ends[last]
    found = _confirm(text[start - offset : end - offset], (langs[0], langs[k + 1]), settings)
    if found is None:
        return None
    return Verdict(start, end, found[0], found[1])


Sentence = tuple[Segment, int, int, Words, "Verdict | None"]
_cache: dict[int, tuple[Any, ...]] = {}


def analyse(doc: Document, ctx: Context) -> list[Sentence] | None:
    """``(segment, start, end, words, TC401 verdict)`` of every sentence, cached per document."""
    langs = plausible(doc, ctx)
    if langs is None:
        return None
    settings = Settings.of(ctx, "TC401")
    hit = _cache.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] == (langs, settings):
        return list(hit[2])
    result: list[Sentence] = []
    for seg in doc.segments:
        if is_copy(seg):
            continue  # TC402's business
        for start, end, sentence in seg.sentence_texts():
            items = words(sentence, langs, start)
            result.append((seg, start, end, items, judge(sentence, items, langs, settings)))
    _cache.clear()
    _cache[id(doc)] = (doc, (langs, settings), result)
    return result


def language_name(lang: str, in_lang: str = "en") -> str:
    """``Norwegian Bokmål (nb)``: the CLDR name of a language, with its code."""
    from tcheck.locale import babel_locale

    try:
        name = babel_locale(in_lang).languages.get(lang) or lang
    except Exception:  # an unknown code keeps its code as its name
        name = lang
    return f"{name} ({lang})"


def as_source(lang: str, source: str | None) -> str:
    """Name a close relative of the source language as the source (Danish-looking Norwegian)."""
    if source and lang != primary(source) and lang in relatives(source):
        return primary(source)
    return lang


def is_copy(seg: Segment) -> bool:
    """The target segment is its source, character for character (TC402's business)."""
    other = seg.counterpart
    return other is not None and " ".join(seg.text.split()) == " ".join(other.text.split())
