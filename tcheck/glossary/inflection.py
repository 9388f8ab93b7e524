"""Inflected forms of glossary terms, judged with Snowball stems (used by the term matcher).

Two forms are one word when their Snowball stems agree (``Kommissionen``/``Kommission``), when
the text word stems to the term word itself, or when one more stemming step makes them agree
(Snowball stems are not always shared by all forms: nb ``rådgiveren`` -> ``rådgiver``,
``rådgiver`` -> ``rådgiv``). An inflected form may add at most ``MAX_ENDING`` letters.

Multi-word terms inflect in every word in many languages (de ``die Europäische Kommission`` /
``der Europäischen Kommission``, ru ``Организация`` / ``Организации Объединённых Наций``,
nb ``europeisk union`` / ``den europeiske union``; not in English, where only the last word
does). Such a term is looked for from a *trigger*: its leading short words (under
``MIN_STEMMED`` letters, which must match exactly) and the part of its first longer word that its
forms share (the word without its last ``MAX_CHANGED`` letters: ``europäische`` ->
``europäis``, which ``europäischen`` and ``europäischer`` start with too; building it needs no
stemming, which keeps a large termbase quick to load). Each hit of the trigger is then walked
word by word: every word must be the term's word or a form of it, every separator the term's
(any run of spaces for a space; a hyphen for a hyphen).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Generic, NamedTuple, TypeVar

from tcheck.language.lemmas import lemmatiser_for, vocabulary_for

MIN_STEMMED = 4  # shorter words are never stemmed: they must match exactly
MAX_ENDING = 4  # letters an inflection may add
MAX_CHANGED = 3  # letters at the end of a word that its other forms may change or drop
MAX_WORDS = 5  # longer terms are matched with their last word inflected only
# Languages whose modifiers take no agreement or case endings: only a term's last word inflects
# there (``United Nations'``), and walking phrases would cost time for nothing.
FIXED_MODIFIERS = frozenset({"en"})
KNOWN = 200_000  # (term word, text word) judgements kept

Stemmer = Callable[[str], str]
P = TypeVar("P")
_PARTS = re.compile(r"\w+|\W+")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_JOINERS = ("-", "\u2010", "\u2011")  # hyphens a compound term may be written with
_NEXT = re.compile(r"(?:\s+|[-‐‑])(\w+)")  # a separator a term may have, and the next word


def same_word(stem: Stemmer, term_word: str, word: str, known: dict[tuple[str, str], bool]) -> bool:
    """Whether ``word`` (lower case) is ``term_word`` or an inflected form of it."""
    if word == term_word:
        return True
    if len(term_word) < MIN_STEMMED or len(word) > len(term_word) + MAX_ENDING:
        return False
    same = known.get((term_word, word))
    if same is None:
        found, wanted = stem(word), stem(term_word)
        same = found in (wanted, term_word) or stem(found) == wanted
        _remember(known, (term_word, word), same)
    return same


def changed_word(
    lang: str | None, stem: Stemmer, term_word: str, word: str, known: dict[tuple[str, str], bool]
) -> bool:
    """Whether ``word`` (lower case) is a form of ``term_word`` with another ending (категория /
    категории): Snowball stems alone would join unrelated words here (``страна`` / ``странный``
    share the stem ``стран``), so the lemma decides where simplemma knows either word; stems
    decide only for words it does not know."""
    same = known.get((term_word, word))
    if same is None:
        lemma, known_word = lemmatiser_for(lang), vocabulary_for(lang)
        if lemma is not None and known_word is not None and (known_word(word) or known_word(term_word)):
            same = lemma(word) in (term_word, lemma(term_word))
        else:
            same = same_word(stem, term_word, word, {})
        _remember(known, (term_word, word), same)
    return same


class Phrase(NamedTuple):
    """A multi-word term as the walk sees it: its words and the separators between them."""

    trigger: str
    words: tuple[str, ...]
    seps: tuple[str, ...]


def phrase(key: str) -> Phrase | None:
    """The trigger and words of a lower-cased multi-word term, or None when it has no word that
    may inflect before its last (that one the matcher handles on its own)."""
    parts = _PARTS.findall(key)
    if not 3 <= len(parts) <= 2 * MAX_WORDS - 1 or not len(parts) % 2 or not parts[0][0].isalnum():
        return None  # one word, too many, or not starting and ending with a word
    seps = parts[1::2]
    for sep in seps:
        if not sep.isspace() and sep not in _JOINERS:
            return None
    trigger = ""
    for i in range(0, len(parts) - 1, 2):
        word = parts[i]
        if len(word) >= MIN_STEMMED:
            cut = word[: max(MIN_STEMMED, len(word) - MAX_CHANGED)]
            return Phrase(trigger + cut, tuple(parts[0::2]), tuple(seps))
        trigger += word + (" " if parts[i + 1].isspace() else parts[i + 1])
    return None


def walk(
    pattern: Phrase, stem: Stemmer, text: str, low: str, start: int, known: dict[tuple[str, str], bool]
) -> int | None:
    """Where the term ends when it starts at ``start`` in ``text`` with some word before its last
    inflected (None: it is not there, or only its last word differs, which the matcher finds by
    itself)."""
    at = start
    last = len(pattern.words) - 1
    changed = False
    for i, term_word in enumerate(pattern.words):
        m = _WORD.match(low, at)
        if m is None:
            return None
        word = m.group()
        if word != term_word:
            if not same_word(stem, term_word, word, known):
                return None
            changed = changed or i < last
        at = m.end()
        if i < last:
            sep = pattern.seps[i]
            if sep.isspace():
                space = _SPACES.match(text, at)
                if space is None:
                    return None
                at = space.end()
            elif text.startswith(sep, at):
                at += len(sep)
            else:
                return None
    return at if changed else None


class Phrases(Generic[P]):
    """The multi-word terms held under one trigger, and which of them two text words can start.

    Many terms may share a trigger (``natio`` for every ``national ...`` term); the first two words
    of the text decide which are walked at all (a two-word term only when its first word is
    inflected: else the matcher finds it by itself), and that choice is remembered per pair of
    words, so a hit of a common trigger mostly costs two regular-expression steps and a lookup.
    """

    def __init__(self) -> None:
        self.items: list[tuple[Phrase, Stemmer, P]] = []
        self._by_first: dict[str, list[tuple[Phrase, Stemmer, P]]] = {}
        self._by_words: dict[tuple[str, str], list[tuple[Phrase, Stemmer, P]]] = {}

    def add(self, pattern: Phrase, stem: Stemmer, item: P) -> None:
        self.items.append((pattern, stem, item))
        self._by_first.clear()
        self._by_words.clear()

    def at(
        self, text: str, low: str, start: int, known: dict[tuple[str, str], bool]
    ) -> Iterator[tuple[P, int]]:
        """Each term found starting at ``start`` (with a word before its last inflected) and
        where it ends."""
        first = _WORD.match(low, start)
        if first is None:
            return
        word = first.group()
        some = self._by_first.get(word)
        if some is None:  # the terms whose first word this is a form of
            some = [i for i in self.items if same_word(i[1], i[0].words[0], word, known)]
            _remember(self._by_first, word, some)
        if not some:
            return  # the usual case: another word that starts like the trigger
        second = _NEXT.match(low, first.end())
        if second is None:
            return
        words = (word, second.group(1))
        starting = self._by_words.get(words)
        if starting is None:
            starting = [i for i in some if _may_start(i[0], i[1], *words, known)]
            _remember(self._by_words, words, starting)
        for pattern, stem, item in starting:
            stop = walk(pattern, stem, text, low, start, known)
            if stop is not None:
                yield item, stop


K = TypeVar("K")
V = TypeVar("V")


def _remember(table: dict[K, V], key: K, value: V) -> None:
    if len(table) >= KNOWN:
        table.clear()
    table[key] = value


def _may_start(
    pattern: Phrase, stem: Stemmer, first: str, second: str, known: dict[tuple[str, str], bool]
) -> bool:
    """Whether a term whose first word ``first`` is a form of may start with these two words."""
    if len(pattern.words) == 2 and first == pattern.words[0]:
        return False  # only the last word may differ: not a phrase match
    return same_word(stem, pattern.words[1], second, known)
