"""One pattern of the term matcher and the word forms that match it beyond its exact text.

A pattern is held under a key in the matcher's automaton (:mod:`tcheck.glossary.matcher`); where
the text goes on past the key, two rules decide whether it is still the term: an acronym takes a
short lower-case ending (``FNs``, ``NATOs``, ``EU:n``), and a last word with a Snowball stemmer
matches a word of the same stem (``agency`` finds ``agencies``, ``categoría`` finds
``categorías``; a pattern held without its final letters is judged by its language's lemmas).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from tcheck.glossary.inflection import MAX_ENDING, Phrase, changed_word, same_word

T = TypeVar("T")
_WORD_TAIL = re.compile(r"\w*")
_ACRONYM_SUFFIX = re.compile(r":?([^\W\d_]{1,2})(?!\w)")


class Match(NamedTuple, Generic[T]):
    start: int
    end: int
    text: str
    payload: T
    exact: bool = True


class Pattern(NamedTuple):
    """A term as the matcher holds it."""

    text: str
    case_sensitive: bool
    payload: Any
    word: str  # the last word, lower-cased ("" when it does not inflect)
    word_at: int  # where the last word starts in the pattern
    stemmer: Callable[[str], str] | None
    acronym: bool
    cut: bool  # held without its final letters (agency -> "agenc"): only inflected hits count
    phrase: Phrase | None = None  # held under a multi-word term's trigger (see inflection.py)
    lang: str | None = None  # the term's language (cut patterns: its lemmas judge the hits)


def acronym_match(pat: Pattern, text: str, start: int, end: int) -> Match[Any] | None:
    """The acronym ``pat`` found at ``start:end`` with a short lower-case ending (``NATOs``)."""
    m = _ACRONYM_SUFFIX.match(text, end)
    if m is None or not m.group(1).islower() or text[start:end] != pat.text:
        return None
    return Match(start, m.end(), text[start : m.end()], pat.payload, exact=False)


def inflected_match(
    pat: Pattern, text: str, low: str, start: int, end: int, known: dict[tuple[str, str], bool]
) -> Match[Any] | None:
    """``pat`` found at ``start`` with its last word inflected (the same stem or lemma), or None."""
    tail = _WORD_TAIL.match(text, end)
    stop = tail.end() if tail is not None else end
    if stop - (start + pat.word_at) > len(pat.word) + MAX_ENDING:
        return None
    word = low[start + pat.word_at : stop]
    if word == pat.word or (pat.cut and word.startswith(pat.word)):
        return None  # the exact form or one that extends it, found under the full key
    assert pat.stemmer is not None
    if pat.cut:
        if not changed_word(pat.lang, pat.stemmer, pat.word, word, known):
            return None
    elif not same_word(pat.stemmer, pat.word, word, known):
        return None
    if pat.case_sensitive and text[start:end] != pat.text[: end - start]:
        return None
    return Match(start, stop, text[start:stop], pat.payload, exact=False)
