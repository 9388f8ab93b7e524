"""Language identification with langdetect, seeded so that results are deterministic."""

from __future__ import annotations

from functools import lru_cache
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
    """The most likely language of ``text`` (a CLDR code), or None."""
    best = probabilities(text[:4000])
    return best[0][0] if best else None
