"""Snowball stemmers by language code, cached (the language name comes from CLDR via Babel)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache


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
    stemmer = snowballstemmer.stemmer(algorithm)
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = stemmer.stemWord(word)
            if len(cache) < 200_000:
                cache[word] = found
        return found

    return stem
