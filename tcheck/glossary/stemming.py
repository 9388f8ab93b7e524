"""Snowball stemmers by language code, cached and made when first used.

Which Snowball algorithm serves a language is the first word of the language's English name in
CLDR (``nb`` is "Norwegian Bokmål", so ``norwegian``), when Snowball has an algorithm of that
name. That answer is kept here as a table (:data:`ALGORITHMS`, every code Babel parses whose
name names an algorithm, aliases such as ``no``, ``in`` and ``iw`` included), so that asking
whether a language has a stemmer reads neither CLDR nor Snowball: a matcher decides how its
terms inflect for every language of its glossary, but most runs stem few words, or none (an
acronym, a page without the term). The stemmer itself, and the ``snowballstemmer`` package with
its thirty-odd algorithms, is made at a language's first stemmed word. A test derives the table
again from the installed Babel and Snowball.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

# language code (lower case, no region) -> Snowball algorithm
ALGORITHMS: dict[str, str] = {
    "ar": "arabic", "ara": "arabic", "arb": "arabic",
    "arm": "armenian", "hy": "armenian", "hye": "armenian",
    "baq": "basque", "eu": "basque", "eus": "basque",
    "ca": "catalan", "cat": "catalan",
    "ces": "czech", "cs": "czech", "cze": "czech",
    "da": "danish", "dan": "danish",
    "de": "german", "deu": "german", "ger": "german",
    "dut": "dutch", "nl": "dutch", "nld": "dutch",
    "el": "greek", "ell": "greek", "gre": "greek",
    "en": "english", "eng": "english", "und": "english",
    "eo": "esperanto", "epo": "esperanto",
    "es": "spanish", "spa": "spanish",
    "ekk": "estonian", "est": "estonian", "et": "estonian",
    "fa": "persian", "fas": "persian", "per": "persian", "pes": "persian",
    "fi": "finnish", "fin": "finnish",
    "fr": "french", "fra": "french", "fre": "french",
    "ga": "irish", "gle": "irish",
    "hi": "hindi", "hin": "hindi",
    "hu": "hungarian", "hun": "hungarian",
    "id": "indonesian", "in": "indonesian", "ind": "indonesian",
    "it": "italian", "ita": "italian",
    "ji": "yiddish", "ydd": "yiddish", "yi": "yiddish", "yid": "yiddish",
    "lit": "lithuanian", "lt": "lithuanian",
    "mo": "romanian", "mol": "romanian", "ro": "romanian", "ron": "romanian", "rum": "romanian",
    "nb": "norwegian", "nn": "norwegian", "nno": "norwegian", "no": "norwegian",
    "nob": "norwegian", "nor": "norwegian",
    "ne": "nepali", "nep": "nepali", "npi": "nepali",
    "pl": "polish", "pol": "polish",
    "por": "portuguese", "pt": "portuguese",
    "ru": "russian", "rus": "russian",
    "cnr": "serbian", "scc": "serbian", "sr": "serbian", "srp": "serbian",
    "sv": "swedish", "swe": "swedish",
    "ta": "tamil", "tam": "tamil",
    "tr": "turkish", "tur": "turkish",
}  # fmt: skip


def algorithm_for(lang: str | None) -> str | None:
    """The Snowball algorithm for ``lang`` (``nb``, ``de-AT``, ``pt_BR`` ...), or None."""
    if not lang:
        return None
    return ALGORITHMS.get(lang.replace("-", "_").split("_")[0].lower())


@lru_cache(maxsize=64)
def stemmer_for(lang: str | None) -> Callable[[str], str] | None:
    """A cached ``word -> stem`` function for ``lang`` (``nb``, ``de-AT`` ...), or None."""
    algorithm = algorithm_for(lang)
    if algorithm is None or lang is None:
        return None
    return _Stem(lang, algorithm)


@lru_cache(maxsize=64)
def _snowball(algorithm: str) -> Any:
    """Snowball's stemmer for ``algorithm`` (one per process: stemming is stateless)."""
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


class _Stem:
    """``word -> stem`` with the stems seen kept (at most 200,000); Snowball's stemmer is made at
    the first word. It pickles as its language, so a compiled term matcher kept between runs
    comes back with this process's cached stemmer."""

    __slots__ = ("_algorithm", "_cache", "_lang", "_stem_word")

    def __init__(self, lang: str, algorithm: str) -> None:
        self._lang = lang
        self._algorithm = algorithm
        self._stem_word: Callable[[str], str] | None = None
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            stem_word = self._stem_word
            if stem_word is None:
                stem_word = self._stem_word = _snowball(self._algorithm).stemWord
            found = stem_word(word)
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return stemmer_for, (self._lang,)
