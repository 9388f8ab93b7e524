"""Snowball stemmers by language code, cached (the language name comes from CLDR via Babel)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=64)
def stemmer_for(lang: str | None) -> Callable[[str], str] | None:
    """A cached ``word -> stem`` function for ``lang`` (``nb``, ``de-AT`` ...), or None."""
    if not lang:
        return None
    import snowballstemmer
    from babel import Locale, UnknownLocaleError

    code = lang.replace("-", "_").split("_")[0].lower()
    try:
        name = Locale.parse(code).get_language_name("en") or ""
    except (UnknownLocaleError, ValueError):
        return None
    algorithm = name.split()[0].lower() if name else ""
    if algorithm not in snowballstemmer.algorithms():
        return None
    return _Stem(lang, snowballstemmer.stemmer(algorithm))


class _Stem:
    """``word -> stem`` with the stems seen kept (at most 200,000). It pickles as its language, so
    a compiled term matcher kept between runs comes back with this process's cached stemmer."""

    __slots__ = ("_cache", "_lang", "_stemmer")

    def __init__(self, lang: str, stemmer: Any) -> None:
        self._lang = lang
        self._stemmer = stemmer
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._stemmer.stemWord(word)
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return stemmer_for, (self._lang,)
