"""Which of many target words is one rendering with a given word, without comparing them all.

TC107 groups the target words of a multi-word term's places into words (:mod:`tcheck.bilingual.
phraseterms`): each word is compared with the words kept so far, and on a file that holds a term in
ten languages that is hundreds of words against hundreds, most of them
:func:`~tcheck.bilingual.wordalign.same_term` questions that can only be answered no. A
:class:`SameTermIndex` files each kept word under keys that every word it could be one rendering
with shares (a necessary condition of each way :func:`~tcheck.bilingual.wordalign.same_term` can
say yes), and asks :func:`~tcheck.bilingual.wordalign.same_term` itself only about the words found
under the keys of the word in question. The answers are the same as comparing with every word:

- the same folded word or the same stem: the folded word, the stem;
- a common substring of five letters (a long shared start, a derivation): every five letters;
- one letter changed, added or removed (four letters or more): the word and the word less any one
  of its letters;
- one word a part of the other's hyphenated form (``FBI-Untersuchung``/``FBI``): the word, its parts;
- in a compounding language, a word that starts or ends the other (four letters or more), a stem
  inside the other's stem (four letters or more) or ending it (three): starts, ends and pieces;
- Chinese and Japanese character bigrams: a shared character.
"""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.bilingual.wordalign import _CJK, COMPOUNDING, _base, _shape, same_term

__all__ = ["SameTermIndex"]

_GRAM = 5  # the shortest substring that makes two words one (see ``_shares`` and a shared start)


def _grams(text: str, size: int) -> Iterator[str]:
    return (text[i : i + size] for i in range(len(text) - size + 1))


class SameTermIndex:
    """Words kept in order, filed so that :meth:`first` finds the first kept word that
    :func:`~tcheck.bilingual.wordalign.same_term` takes for one rendering with a given word."""

    __slots__ = ("_base", "_compounding", "_keys", "_lang", "_loose", "words")

    def __init__(self, lang: str | None) -> None:
        self._lang = lang
        self._base = _base(lang)
        self._compounding = self._base in COMPOUNDING
        self.words: list[str] = []
        self._keys: dict[str, list[int]] = {}
        self._loose: list[int] = []  # words mixing Chinese or Japanese with other letters: always asked

    def __len__(self) -> int:
        return len(self.words)

    def add(self, word: str) -> None:
        """Keep ``word`` (after the words kept before)."""
        number = len(self.words)
        self.words.append(word)
        plain, stem = _shape(word, self._base)
        if _CJK.search(plain):
            if all(_CJK.match(ch) for ch in plain):
                for ch in set(plain):
                    self._keys.setdefault("c" + ch, []).append(number)
            else:
                self._loose.append(number)
        for key in self._filed(word, plain, stem):
            self._keys.setdefault(key, []).append(number)

    def first(self, word: str) -> str | None:
        """The first kept word that is one rendering with ``word``, or None."""
        plain, stem = _shape(word, self._base)
        if _CJK.search(plain) and not all(_CJK.match(ch) for ch in plain):
            candidates: set[int] | range = range(len(self.words))  # no key says enough: ask all
        else:
            candidates = set(self._loose)
            keys = self._keys
            for key in self._asked(word, plain, stem):
                found = keys.get(key)
                if found is not None:
                    candidates.update(found)
        words, lang = self.words, self._lang
        for number in sorted(candidates):
            if same_term(words[number], word, lang):
                return words[number]
        return None

    def _filed(self, word: str, plain: str, stem: str | None) -> Iterator[str]:
        """The keys a kept word is filed under."""
        yield from _shared(plain, stem)
        yield "R" + word
        if "-" in word:
            yield from ("H" + part for part in word.split("-"))
        if self._compounding:
            for k in range(4, len(plain)):
                yield "<" + plain[:k]
                yield ">" + plain[-k:]
            if stem is not None:
                for k in range(4, len(stem)):
                    yield from ("s" + piece for piece in _grams(stem, k))
                if len(stem) > 3:
                    yield "3" + stem[-3:]

    def _asked(self, word: str, plain: str, stem: str | None) -> Iterator[str]:
        """The keys under which the kept words that may be one rendering with ``word`` are filed."""
        yield from _shared(plain, stem)
        yield "H" + word
        if "-" in word:
            yield from ("R" + part for part in word.split("-"))
        if _CJK.search(plain):
            yield from ("c" + ch for ch in set(plain))
        if self._compounding:
            yield "<" + plain
            yield ">" + plain
            for k in range(4, len(plain)):
                yield "P" + plain[:k]
                yield "P" + plain[-k:]
            if stem is not None:
                yield "s" + stem
                if len(stem) == 3:
                    yield "3" + stem
                for k in range(4, len(stem)):
                    yield from ("S" + piece for piece in _grams(stem, k))
                if len(stem) > 3:
                    yield "S" + stem[-3:]


def _shared(plain: str, stem: str | None) -> Iterator[str]:
    """The keys a word is both filed and asked under: its folded form, its letter n-grams, its
    one-deletion variants (4 letters or more) and its stem."""
    yield "P" + plain
    yield from ("g" + gram for gram in _grams(plain, _GRAM))
    if len(plain) >= 4:
        yield "e" + plain
        yield from ("e" + plain[:i] + plain[i + 1 :] for i in range(len(plain)))
    if stem is not None:
        yield "S" + stem
