"""Function words (articles, pronouns, prepositions, conjunctions, auxiliaries) per language.

The lists live in ``tcheck/data/function_words.toml``. They tell a clause from a run of nouns: a
stretch of text with several function words of a language is a sentence of that language, while
"Helm chart, service mesh, microservices" is terminology whatever script surrounds it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

_ALIASES = {"no": "nb"}


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    raw = resources.files("tcheck.data").joinpath("function_words.toml").read_text(encoding="utf-8")
    words: dict[str, str] = tomllib.loads(raw)["words"]
    return {lang: frozenset(text.split()) for lang, text in words.items()}


@lru_cache(maxsize=256)
def function_words(lang: str) -> frozenset[str] | None:
    """The function words of ``lang`` (lower case), or None when tcheck has no list for it."""
    base = lang.replace("-", "_").split("_")[0].lower()
    return _table().get(_ALIASES.get(base, base))


@lru_cache(maxsize=1024)
def distinctive(lang: str, against: str) -> frozenset[str] | None:
    """Function words of ``lang`` that are not also function words of ``against``."""
    own = function_words(lang)
    if own is None:
        return None
    return own - (function_words(against) or frozenset())


@lru_cache(maxsize=4)
def _languages(table: str) -> frozenset[str]:
    raw = resources.files("tcheck.data").joinpath("function_words.toml").read_text(encoding="utf-8")
    found: dict[str, str] = tomllib.loads(raw).get(table, {})
    return frozenset(found.get("languages", "").split())


def capitalises_nouns(lang: str) -> bool:
    """Whether ``lang`` writes every noun with a capital (German), so that a capitalised word
    inside a sentence is not necessarily a name."""
    return lang.replace("-", "_").split("_")[0].lower() in _languages("capitalised-nouns")


def widely_borrowed(lang: str) -> bool:
    """Whether words of ``lang`` (English) are loanwords in most other languages."""
    return lang.replace("-", "_").split("_")[0].lower() in _languages("borrowed-from")


def count(tokens: Iterable[str], words: frozenset[str]) -> int:
    """How many of ``tokens`` (any case) are in ``words``."""
    return sum(1 for token in tokens if token.lower() in words)
