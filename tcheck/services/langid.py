"""Language identification with langdetect, seeded so that results are deterministic."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tcheck.language import profiles

# langdetect codes that differ from the CLDR codes tcheck uses elsewhere.
_TO_CLDR = {"no": "nb", "zh-cn": "zh", "zh-tw": "zh_Hant"}


def to_cldr(code: str) -> str:
    return _TO_CLDR.get(code, code)


def _factory() -> Any:
    """langdetect's detector factory over the profile table (see :mod:`tcheck.language.profiles`):
    the same detectors, seeded, without loading langdetect's JSON profiles."""
    from tcheck.language.profiles import detector_factory

    return detector_factory()


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


def narrow(words: list[str], candidates: tuple[str, ...]) -> tuple[str, ...]:
    """``candidates`` narrowed by the CJK characters of ``words``: Korean when Hangul leads,
    Japanese when there is kana, else the Chinese scripts (when any of those is a candidate)."""
    if "ja" not in candidates and "ko" not in candidates:
        return candidates
    kept = tuple(lang for lang in _cjk_candidates("".join(words)) if lang in candidates)
    return kept or candidates


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


# The n-gram table, the scorer and the profiles' codes live in :mod:`tcheck.language.profiles`.
_table = profiles.table
_langlist = profiles.langlist
ld_code = profiles.ld_code
Scorer = profiles.Scorer
scorer = profiles.scorer


def supported(lang: str) -> bool:
    return ld_code(lang) is not None


def restricted_probabilities(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    """langdetect's ``[(lang, probability)]`` over ``langs`` only (seeded), best first.

    Languages sharing a profile (``nb``/``nn``) share its probability under the first code given.
    langdetect's trials run over these languages alone (:mod:`tcheck.language.sampling`: the
    same numbers as its detector's, without multiplying the zeros of the other 50).
    """
    from tcheck.language.sampling import detect_restricted

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
    found = detect_restricted(detector, _table())
    return [(codes[code], prob) for code, prob in found if code in codes]


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Every language langdetect has a profile for, in CLDR codes (``no`` → ``nb``)."""
    return tuple(sorted(to_cldr(code) for code in _langlist()))
