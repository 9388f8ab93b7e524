"""Language identification with langdetect, seeded so that results are deterministic."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

# langdetect codes that differ from the CLDR codes tcheck uses elsewhere.
_TO_CLDR = {"no": "nb", "zh-cn": "zh", "zh-tw": "zh_Hant"}


def to_cldr(code: str) -> str:
    return _TO_CLDR.get(code, code)


@lru_cache(maxsize=1)
def _factory() -> Any:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def probabilities(text: str, candidates: frozenset[str] | None = None) -> list[tuple[str, float]]:
    """``[(lang, probability)]`` best first, in CLDR codes; empty when undecidable."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    result = [(to_cldr(p.lang), p.prob) for p in found]
    if candidates is not None:
        result = [(lang, prob) for lang, prob in result if lang in candidates]
    return result


def detect(text: str) -> str | None:
    """The most likely language of ``text`` (a CLDR code), or None.

    Cheap evidence first: the script of its letters settles most languages that have a script of
    their own (Korean, Japanese kana, Greek, Hebrew, Thai...) and narrows the others to the
    languages written in it; the naive-Bayes score of every n-gram over langdetect's profiles
    (:class:`Scorer`, deterministic, about a millisecond) then picks one of those. langdetect's
    own sampling detector runs only when the best two are close.
    """
    sample = text[:4000]
    script, share = _main_script(sample)
    if script is None:
        return None
    candidates = _script_languages(script)
    if script == "CJK":
        candidates = _cjk_candidates(sample)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        best = probabilities(sample)
        return best[0][0] if best else None
    words = _WORD.findall(sample)
    scores, grams = scorer(candidates).total(words)
    if grams:
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        if scores[order[0]] - scores[order[1]] >= _CLEAR_GAP and share >= 0.8:
            return candidates[order[0]]
        close = tuple(candidates[i] for i in order[:3])
        found = restricted_probabilities(sample, close)
        if found:
            return found[0][0]
        return candidates[order[0]]
    best = probabilities(sample)
    return best[0][0] if best else None


_WORD = re.compile(r"[^\W\d_]+")
# Log-likelihood (nats) by which the best language must beat the second to be taken without
# langdetect: on NTREX documents the naive-Bayes choice was right every time with a gap of 10.
_CLEAR_GAP = 10.0


def _main_script(text: str) -> tuple[str | None, float]:
    """The script most letters of ``text`` are in, and its share of the letters."""
    from tcheck.language.scripts import char_script

    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = char_script(ch)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None, 0.0
    script = max(counts, key=counts.__getitem__)
    return script, counts[script] / sum(counts.values())


@lru_cache(maxsize=64)
def _script_languages(script: str) -> tuple[str, ...]:
    """The languages with a profile that are usually written in ``script``."""
    from tcheck.language.scripts import lang_script

    return tuple(lang for lang in languages() if lang_script(lang) == script)


def _cjk_candidates(text: str) -> tuple[str, ...]:
    """Korean when Hangul leads, Japanese when there is kana, else the Chinese scripts."""
    hangul = kana = han = 0
    for ch in text:
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            hangul += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            han += 1
    known = set(languages())
    if hangul >= max(kana, han) and "ko" in known:
        return ("ko",)
    if kana * 20 >= han and kana and "ja" in known:
        return ("ja",)
    return tuple(lang for lang in ("zh", "zh_Hant") if lang in known)


# --- Fast, deterministic scoring over langdetect's own profiles ---------------------------------
#
# langdetect samples n-grams at random in several trials, which costs about 10 ms a sentence. The
# same profiles scored once over every n-gram of a text (naive Bayes, the quantity langdetect's
# sampling estimates) cost microseconds once each word's scores are cached, and are deterministic.
# Checks use this to settle the clear cases and call :func:`restricted_probabilities` (langdetect
# itself, seeded, restricted to the plausible languages) only for the doubtful ones.

_FROM_CLDR = {"nb": "no", "nn": "no", "no": "no", "zh": "zh-cn", "zh_Hant": "zh-tw", "zh_Hans": "zh-cn"}
_SMOOTHING = 0.5 / 10000  # langdetect's alpha / BASE_FREQ
_CACHE_LIMIT = 200_000  # words whose (gap, n-grams) are kept, per set of languages
_ROW_CACHE_LIMIT = 20_000  # words whose full rows are kept
_NORMAL: dict[str, str] = {}  # langdetect's character normalisation, memoised


@lru_cache(maxsize=512)
def ld_code(lang: str) -> str | None:
    """The langdetect profile for a CLDR code (``nb`` → ``no``), or None when it has none."""
    code = _FROM_CLDR.get(lang) or _FROM_CLDR.get(lang.split("_")[0]) or lang.split("_")[0].lower()
    return code if code in _langlist() else None


@lru_cache(maxsize=1)
def _langlist() -> frozenset[str]:
    """langdetect's profiles, from the names of its profile files (nothing is loaded)."""
    from importlib import resources

    return frozenset(entry.name for entry in resources.files("langdetect").joinpath("profiles").iterdir())


def supported(lang: str) -> bool:
    return ld_code(lang) is not None


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], Any, list[str]]:
    """Row of every profile n-gram, the n-gram × language probability matrix and the languages
    of its columns.

    Building them from langdetect's 55 JSON profiles costs about 0.35 s a run; they are kept in
    the cache folder (``profiles-<langdetect version>.pickle``), which loads in about 25 ms. A
    missing, damaged or unwritable file only means building them again.
    """
    from tcheck.services import pickled

    file = _table_file()
    if file is not None:
        found = pickled.load(file)
        if isinstance(found, tuple) and len(found) == 3:
            rows, probs, langlist = found
            if isinstance(rows, dict) and len(rows) == probs.shape[0] and langlist:
                return rows, probs, list(langlist)
    built = _build_table()
    if file is not None:
        pickled.store(file, built)
    return built


def _build_table() -> tuple[dict[str, int], Any, list[str]]:
    import numpy as np

    factory = _factory()
    table: dict[str, list[float]] = factory.word_lang_prob_map
    rows = {gram: i for i, gram in enumerate(table)}
    return rows, np.array(list(table.values()), dtype=np.float32), list(factory.langlist)


def _table_file() -> Path | None:
    from importlib import metadata

    from tcheck.services.cache import default_cache_dir

    try:
        version = metadata.version("langdetect")
    except metadata.PackageNotFoundError:
        return None
    return default_cache_dir() / f"profiles-langdetect-{version}.pickle"


class Scorer:
    """Log-likelihood of words under the profiles of a fixed set of languages."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        import numpy as np

        rows, probs, langlist = _table()
        self.langs = langs
        self._rows = rows
        columns = [langlist.index(ld_code(lang) or lang) for lang in langs]
        self._logs = np.log(np.float32(_SMOOTHING) + probs[:, columns])
        self._cache: dict[str, tuple[float, ...]] = {}
        self._entries: dict[str, tuple[float, float]] = {}
        self.cached_entry = self._entries.get  # the cache only, no scoring (cleared, never replaced)
        self._zero = (*(0.0 for _ in langs), 0.0)

    def entry(self, word: str) -> tuple[float, float]:
        """``(gap, n-grams)`` of a word, cached: ``gap`` is the most any other language gains on
        the first one. Two floats a word keep the cache small; full rows are recomputed on demand."""
        cached = self._entries.get(word)
        if cached is None:
            row = self.word(word)
            gap = max(row[1:-1]) - row[0] if row[-1] and len(row) > 2 else 0.0
            if len(self._entries) >= _CACHE_LIMIT:
                self._entries.clear()
            cached = self._entries[word] = (gap, row[-1])
        return cached

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
        rows: list[int] = []
        get = _FOUND.get
        for word in words:
            found = get(word)
            rows += found if found is not None else _found(word, self._rows)
        if not rows:
            return [0.0] * len(self.langs), 0
        return self._logs[rows].sum(axis=0).tolist(), len(rows)

    def _score(self, word: str) -> tuple[float, ...]:
        found = _FOUND.get(word)
        if found is None:
            found = _found(word, self._rows)
        if not found:
            return self._zero
        return (*self._logs[found].sum(axis=0).tolist(), float(len(found)))


_FOUND: dict[str, list[int]] = {}  # word -> profile rows of its n-grams, shared by all scorers


def _found(word: str, rows: dict[str, int]) -> list[int]:
    """Profile rows of the n-grams of ``word`` (empty for acronyms), memoised across scorers."""
    from langdetect.utils.ngram import NGram

    key = word
    if not word.islower() and any(a.isupper() and b.isupper() for a, b in itertools.pairwise(word)):
        found: list[int] = []
    else:
        if not (word.isascii() and word.isalpha()):
            norm = _NORMAL
            chars = []
            for ch in word:
                mapped = norm.get(ch)
                if mapped is None:
                    mapped = norm[ch] = NGram.normalize(ch)
                chars.append(mapped)
            word = "".join(chars)
        padded = f" {word} "
        size = len(padded)
        get = rows.get
        grams = [padded[i : i + 1] for i in range(1, size - 1)]
        grams += [padded[i : i + 2] for i in range(size - 1)]
        grams += [padded[i : i + 3] for i in range(size - 2)]
        found = [row for row in map(get, grams) if row is not None]
    if len(_FOUND) >= _CACHE_LIMIT:
        _FOUND.clear()
    _FOUND[key] = found
    return found


@lru_cache(maxsize=64)
def scorer(langs: tuple[str, ...]) -> Scorer:
    """A cached :class:`Scorer` for one set of (supported) languages."""
    return Scorer(langs)


def restricted_probabilities(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    """langdetect's ``[(lang, probability)]`` over ``langs`` only (seeded), best first.

    Languages sharing a profile (``nb``/``nn``) share its probability under the first code given.
    """
    from langdetect.lang_detect_exception import LangDetectException

    codes: dict[str, str] = {}
    for lang in langs:
        code = ld_code(lang)
        if code is not None and code not in codes:
            codes[code] = lang
    if not codes:
        return []
    detector = _factory().create()
    detector.set_prior_map({code: 1.0 for code in codes})
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    return [(codes[p.lang], p.prob) for p in found if p.lang in codes]


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Every language langdetect has a profile for, in CLDR codes (``no`` → ``nb``)."""
    return tuple(sorted(to_cldr(code) for code in _langlist()))
