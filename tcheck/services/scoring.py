"""Sentence-level similarity with sacrebleu's chrF (character n-gram F-score, 0–100)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text as argostranslate gives it back: ``_`` becomes a space, whitespace runs collapse."""
    return _SPACE.sub(" ", text.replace("_", " ")).strip()


@cache
def _metric() -> Any:
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()


def chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF of ``hypothesis`` against ``reference``, after :func:`normalise`."""
    hyp, ref = normalise(hypothesis), normalise(reference)
    if not ref:
        return 100.0 if not hyp else 0.0
    return float(_metric().sentence_score(hyp, [ref]).score)
