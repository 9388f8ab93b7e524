"""Dictionary forms of words (simplemma, about 50 languages), loaded lazily and cached per word.

A language's lemma table loads on first use (simplemma's low-memory backend: a front-coded
stream and a block index, which takes 0.1 s (English) to 0.6 s (German) to build); the built
table is kept in the cache folder, so later runs map it in a few milliseconds and hold only the
pages their look-ups touch (:mod:`tcheck.language.lemma_store`). Each word's lemma is then kept,
so a run pays one look-up per distinct word.
Languages simplemma does not cover have no lemmatiser (``None``): callers fall back to stems.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from tcheck.locale import primary as _primary

KEPT = 200_000  # words remembered per language


def primary(lang: str) -> str:
    """The primary subtag, ``no`` read as Bokmål (simplemma's table is ``nb``)."""
    code = _primary(lang)
    return "nb" if code == "no" else code


Lemmatiser = Callable[[str], str]


@lru_cache(maxsize=64)
def lemmatiser_for(lang: str | None) -> Lemmatiser | None:
    """A cached ``lower-case word -> lower-case lemma`` function for ``lang``, or None.

    ``nb-NO`` and ``no`` use the Bokmål table; an unknown word is its own lemma.
    """
    if not lang:
        return None
    code = primary(lang)
    try:
        from simplemma import lemmatize
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # pragma: no cover - simplemma is a dependency
        return None
    if code not in SUPPORTED_LANGUAGES:
        return None
    use_stored_tables()

    def lemma(word: str) -> str:
        if not word.strip():
            return word
        try:
            return str(lemmatize(word, lang=code, low_memory=True).lower())
        except ValueError:  # simplemma refuses some input (e.g. an empty token)
            return word

    return _remembered(lemma)


@lru_cache(maxsize=64)
def vocabulary_for(lang: str | None) -> Callable[[str], bool] | None:
    """A cached ``word -> whether the lemma table knows it`` function for ``lang``, or None."""
    if lemmatiser_for(lang) is None:
        return None
    from simplemma import is_known

    code = primary(lang or "")

    def known(word: str) -> bool:
        try:
            return bool(word.strip()) and bool(is_known(word, lang=code, low_memory=True))
        except ValueError:
            return False

    return _remembered(known)


R = TypeVar("R")


def _remembered(look_up: Callable[[str], R]) -> Callable[[str], R]:
    """``look_up`` with each word's answer kept (the first :data:`KEPT` words)."""
    cache: dict[str, R] = {}

    def remembered(word: str) -> R:
        found = cache.get(word)
        if found is None:
            found = look_up(word)
            if len(cache) < KEPT:
                cache[word] = found
        return found

    return remembered


@lru_cache(maxsize=1)
def use_stored_tables() -> None:
    """Have simplemma's low-memory backend take its tables from :func:`stored_table` (the same
    tables, built once per machine); simplemma's ``lemmatize`` and ``is_known`` are unchanged."""
    try:
        from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY as factory

        factory._get_dictionary = lru_cache(maxsize=8)(stored_table)  # as simplemma's own cache
    except (ImportError, AttributeError):  # another simplemma: its own loading stays
        pass


def stored_table(code: str) -> Any:
    """simplemma's low-memory table of ``code``, from the cache folder when an earlier run kept it
    (its stream mapped, its index packed: :mod:`tcheck.language.lemma_store`).

    Raises simplemma's ValueError for a language it does not cover (nothing is stored then).
    """
    from tcheck.language import lemma_store
    from tcheck.services.pickled import write_atomically
    from tcheck.services.tables import prune, stored_file

    def build() -> Any:
        from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

        return StreamMap(code)

    file = stored_file(f"simplemma-{code}", build, ("simplemma",))
    if file is not None:
        found = lemma_store.load(file)
        if found is not None:
            return found
    table = build()
    if file is not None:
        write_atomically(file, lemma_store.layout(table))
        prune(file.parent, STORED_TABLES, "simplemma-*.bin")
        stored = lemma_store.load(file)
        if stored is not None:
            return stored  # the stream mapped: the built table's copy of it is dropped
    return table


STORED_TABLES = 32  # lemma tables kept in the cache folder (the newest)
