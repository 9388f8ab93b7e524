"""Number words of every language num2words knows, generated rather than listed.

For each language a table of cardinals (``seven``, ``einundzwanzig``, ``vingt et un``,
``двадцать один``) and one of ordinals (``seventh``, ``siebte``, ``quinzième``) is built on first
use from num2words for 0–100, the tens to 1000, the thousands and the powers of a thousand, and
cached; the ``cardinals`` of ``tcheck/data/numbers.toml`` add spellings num2words lacks (Bokmål
``sju`` beside ``syv``). The words for one (``en``, ``un``: also articles) and the ordinals for two
(``andre``, ``segundo``: also "other" and "second") are left out. A phrase of several words is
matched whole (``vingt et un`` is 21, not 20 and 1), and a multiplier word after it multiplies
it (``three million``). Inflected forms (``трех``,
``двумя``, ``siebten``) are matched through their dictionary form (simplemma). Languages
num2words lacks keep the words of ``tcheck/data/numbers.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from tcheck.locale.numbers import lang_data, multipliers
from tcheck.locale.numberwords import cjk_regex, cjk_value, word_lexicon
from tcheck.recognise.numtables import LETTER, WORD, Tables, inflects, tables
from tcheck.recognise.wordtrie import first_letters, trie_pattern
from tcheck.services import regexes

MAX_PHRASE = 4  # words in the longest phrase looked up
MAX_DEAD = 100_000  # words remembered per language as beginning no number word


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number written in words; offsets relative to the text searched."""

    start: int
    end: int
    value: Decimal
    ordinal: bool


@cache
def _lemmatiser(lang: str) -> Callable[[str], str] | None:
    """Dictionary forms for a language whose number words inflect (``[_all] inflected-numerals``
    in ``numbers.toml``; loading a lemma table costs seconds, so only those pay it)."""
    from tcheck.language.lemmas import lemmatiser_for

    if not inflects(lang):
        return None
    return lemmatiser_for(lang.replace("-", "_").split("_")[0].lower())


class _Lemmas:
    """The dictionary forms of ``words`` (``двадцати пяти`` → ``двадцать пять``), each computed
    when first asked for; words no number word could be keep their form."""

    def __init__(self, words: list[str], lang: str, t: Tables) -> None:
        self._words = words
        self._lemma = _lemmatiser(lang)
        self._prefixes = t.prefixes
        self._t = t

    def __getitem__(self, j: int) -> str:
        word = self._words[j]
        if self._lemma is None or len(word) < 3 or word[:2] not in self._prefixes:
            return word
        return _inflected(word, self._lemma(word), self._t)


def _inflected(word: str, lemma: str, t: Tables) -> str:
    """The table word ``word`` inflects: its lemma; for a word that is its own lemma, a table word
    of three letters or more that it extends by at most two letters (``сорока`` → ``сорок``)."""
    if lemma in t.cardinals or lemma in t.ordinals or lemma != word:
        return lemma  # "семью" is "семья" (family), not "семь"
    for cut in (1, 2):
        stem = word[:-cut]
        if len(stem) >= 3 and (stem in t.cardinals or stem in t.ordinals):
            return stem
    return lemma


def _lookup(word: str, lang: str, t: Tables) -> tuple[Decimal, bool] | None:
    if word in t.cardinals:
        return t.cardinals[word], False
    if word in t.ordinals:
        return t.ordinals[word], True
    if len(word) < 3 or word[:2] not in t.prefixes:
        return None
    for cut in (1, 2):  # an ordinal's case ending ("siebten", "fjortende"): ordinals only excuse
        if len(word) - cut >= 4 and word[:-cut] in t.ordinals:
            return t.ordinals[word[:-cut]], True
    lemma = _lemmatiser(lang)
    if lemma is None:
        return None
    base = _inflected(word, lemma(word), t)
    if base == word:
        return None
    if base in t.cardinals:
        return t.cardinals[base], False
    if base in t.ordinals:
        return t.ordinals[base], True
    return None


def _heads(word: str) -> list[str]:
    """``word`` and its hyphenated beginnings, longest first (``forty-two-year-old`` →
    ``forty-two-year``, ``forty-two``, ``forty``)."""
    parts = word.split("-", MAX_PHRASE)  # a number is at most a few parts: long chains stay linear
    return ["-".join(parts[:n]) for n in range(min(len(parts), MAX_PHRASE), 0, -1)]


def _match_at(
    text: str, words: list[re.Match[str]], lowered: list[str], i: int, lang: str, t: Tables
) -> tuple[tuple[Decimal, bool] | None, int, int | None]:
    """The longest number phrase starting at word ``i``: ``(value and ordinal, index of its last
    word, where it ends inside that word or None)``."""
    word = lowered[i]
    if word[:2] not in t.prefixes and not any(
        h in t.firsts or h in t.cardinals or h in t.ordinals
        for h in (_heads(word) if "-" in word else (word,))
    ):
        return None, i, None  # most words: no number word starts like this one
    phrase_next = i + 1 < len(words) and text[words[i].end() : words[i + 1].start()].isspace()
    for forms in (lowered, _Lemmas(lowered, lang, t)) if phrase_next else ():
        if forms[i] not in t.firsts or not _may_follow(forms[i], forms[i + 1], lang):
            continue
        for k in range(min(MAX_PHRASE, len(words) - i), 1, -1):
            last = i + k - 1
            if not all(text[words[j].end() : words[j + 1].start()].isspace() for j in range(i, last)):
                continue
            for head in _heads(forms[last]):
                phrase = " ".join([*(forms[j] for j in range(i, last)), head])
                if phrase in t.cardinals or phrase in t.ordinals:
                    cut = None if head == forms[last] else words[last].start() + len(head)
                    if phrase in t.cardinals:
                        return (t.cardinals[phrase], False), last, cut
                    return (t.ordinals[phrase], True), last, cut
    for head in _heads(lowered[i]):
        found = _lookup(head, lang, t)
        if found is not None:
            return found, i, None if head == lowered[i] else words[i].start() + len(head)
    return None, i, None


def _may_follow(first: str, word: str, lang: str) -> bool:
    """Whether some phrase of the tables starts with ``first`` and then ``word`` or one of its
    hyphenated beginnings (``en`` + ``million``; not ``en`` + ``dag``)."""
    seconds = _seconds(lang).get(first)
    return seconds is not None and (word in seconds or any(h in seconds for h in _heads(word)))


@cache
def _seconds(lang: str) -> dict[str, frozenset[str]]:
    """The second words of the phrases of ``lang``'s tables, by their first word."""
    t = tables(lang)
    found: dict[str, set[str]] = {}
    for entry in (*t.cardinals, *t.ordinals):
        parts = entry.split(" ", 2)
        if len(parts) > 1:
            found.setdefault(parts[0], set()).add(parts[1])
    return {first: frozenset(words) for first, words in found.items()}


def find_number_words(
    text: str, lang: str, multipliers: dict[str, Decimal] | None = None
) -> list[NumberWord]:
    """Cardinal and ordinal number words of ``text`` (``lang``), longest phrases first.

    ``multipliers``: lower-cased words that multiply a cardinal before them (``million``).
    Only words that begin like a number word (one search of the language's word trie) are
    looked at, with the few words after them that a phrase or a multiplier may take; what they
    read as is kept for the next call on the same text (with other multipliers).
    """
    found: list[NumberWord] = []
    after = 0  # words before this position belong to a number already found
    readings = _readings(text, lang)
    for index, start in enumerate(readings.starts):
        if start < after:
            continue
        r = readings.at(index)
        if r is None:
            continue
        value, end, word_end = r.value, r.end, r.word_end
        if (
            r.whole
            and multipliers
            and not r.ordinal
            and r.next_word is not None
            and text[end : r.next_at] == " "
            and (factor := multipliers.get(r.next_word)) is not None
            and factor > value
        ):
            value, end = value * factor, r.next_end
            word_end = end
        found.append(NumberWord(r.start, end, value, r.ordinal))
        after = word_end
    return found


@dataclass(frozen=True, slots=True)
class _Reading:
    """A number word or phrase read at a word start, before any multiplier after it."""

    start: int
    end: int
    value: Decimal
    ordinal: bool
    whole: bool  # ends with its last word (not a hyphenated head: "seven" of "seven-year-old")
    word_end: int  # where its last word ends
    next_word: str | None  # the word after it, lower-cased, and where that word is
    next_at: int
    next_end: int


class _Readings:
    """Where the words worth looking up start in one text, and what each reads as, worked out
    when first asked for (a word inside a phrase already found is never read)."""

    __slots__ = ("_done", "_lang", "_text", "counted", "starts")

    def __init__(self, text: str, lang: str) -> None:
        t = tables(lang)
        self._text, self._lang = text, lang
        self.starts = _candidates(text, lang) if t.cardinals or t.ordinals else []
        self._done: dict[int, _Reading | None] = {}
        self.counted: list[NumberWord] | None = None  # the words with the counting multipliers

    def at(self, index: int) -> _Reading | None:
        if index not in self._done:
            self._done[index] = _read(self._text, self.starts[index], self._lang)
        return self._done[index]


@lru_cache(maxsize=4)
def _readings(text: str, lang: str) -> _Readings:
    """The readings of ``text`` (the last few texts are kept: the recognisers ask for one text
    with several sets of multipliers in a row)."""
    return _Readings(text, lang)


def _read(text: str, start: int, lang: str) -> _Reading | None:
    """What the word at ``start`` begins, if it begins a number word."""
    if start > 0 and _LETTER_AT.match(text, start - 1):
        return None  # inside a word
    if start > 1 and text[start - 1] in "-'’" and _LETTER_AT.match(text, start - 2):
        return None
    first = WORD.match(text, start)
    if first is None:
        return None
    word = first.group(0).lower()
    dead = _dead(lang)
    if word in dead:
        return None
    t = tables(lang)
    words = _window(text, first, t.firsts, lang)
    lowered = [word, *(m.group(0).lower() for m in words[1:])]
    hit, end_index, cut = _match_at(text, words, lowered, 0, lang, t)
    if hit is None:
        if word not in t.firsts and _Lemmas(lowered, lang, t)[0] not in t.firsts and len(dead) < MAX_DEAD:
            dead.add(word)  # it begins no phrase: no number word, whatever follows it
        return None
    following = words[end_index + 1] if end_index + 1 < len(words) else None
    return _Reading(
        start,
        words[end_index].end() if cut is None else cut,
        hit[0],
        hit[1],
        cut is None,
        words[end_index].end(),
        lowered[end_index + 1] if following is not None else None,
        following.start() if following is not None else 0,
        following.end() if following is not None else 0,
    )


@cache
def _dead(lang: str) -> set[str]:
    """Lower-cased words of ``lang`` found to begin no number word (``til``, ``tidligere``:
    a start word's beginning, ``ti``, but neither a number word nor a phrase's first word),
    so that their next occurrences are passed over without reading the words after them."""
    return set()


@cache
def _starts(lang: str) -> re.Pattern[str]:
    """Where, in lower-cased text, a word that may be a number word of ``lang`` starts: it
    begins with a one-word entry or the first word of a phrase (ordinals' case endings and
    hyphenated words included), or, in a language whose numbers inflect, with the first two
    letters of an entry (its lemma may be one)."""
    heads = start_words(lang)
    return regexes.compile(rf"{first_letters(heads)}(?<![^\W\d_])(?:{trie_pattern(heads)})")


@cache
def start_words(lang: str) -> frozenset[str]:
    """What a word that may be a number word of ``lang`` starts with (see :func:`_starts`)."""
    t = tables(lang)
    heads = {e for e in (*t.firsts, *t.cardinals, *t.ordinals) if " " not in e}
    if inflects(lang):
        heads |= t.prefixes
    return frozenset(heads)


def _candidates(text: str, lang: str) -> list[int]:
    """Where the words worth looking up start (a superset of them; never one missed)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u03a3" in text:  # lower-casing not one to one (İ, Σ)
        return [m.start() for m in WORD.finditer(text)]
    return [m.start() for m in _starts(lang).finditer(lowered)]


_LETTER_AT = re.compile(LETTER)


def _window(text: str, first: re.Match[str], firsts: frozenset[str], lang: str) -> list[re.Match[str]]:
    """The word ``first`` and the words after it that a phrase (when the word can begin one)
    and a multiplier may take, as a left-to-right word scan finds them.

    A word that begins phrases (``en`` of ``en million``) but is not followed, after a space, by
    a word that one of them goes on with (``en dag``) takes only the next word, as any other
    word: :func:`_match_at` reads no further then (in a language whose number words do not
    inflect, where the words are their own dictionary forms)."""
    words = [first]
    inflected = inflects(lang)
    size = MAX_PHRASE + 1 if inflected or first.group(0).lower() in firsts else 2
    while len(words) < size:
        following = WORD.search(text, words[-1].end())
        if following is None:
            break
        words.append(following)
        if (
            size > 2
            and len(words) == 2
            and not inflected
            and not (
                text[first.end() : following.start()].isspace()
                and _may_follow(first.group(0).lower(), following.group(0).lower(), lang)
            )
        ):
            break
    return words


@cache
def _scales(lang: str, counted: bool) -> dict[str, Decimal]:
    """Words that multiply a number word before them: ``million``; unless ``counted``, also
    ``decades`` and ``dozen``."""
    scales = {w: v for w, v in multipliers(lang).items() if w.isalpha() and len(w) > 2}
    if not counted:
        for word, value in word_lexicon(lang).exact.items():
            if value >= 10 and value == value.to_integral_value() and word.isalpha():
                scales.setdefault(word, value)
    return scales


def generated_words(text: str, lang: str, counted: bool = True) -> list[NumberWord] | None:
    """The number words of ``text`` with their multipliers, or None when num2words lacks
    ``lang``. ``counted``: the words that state a number (``three million``; ``two decades`` is
    ``two``); else every value the text may mean, the product included (``two decades``: 2 and
    20), which excuses a number the other side writes in digits."""
    if not tables(lang).cardinals:
        return None
    readings = _readings(text, lang)
    if readings.counted is None:  # asked for by both the number words and the cardinals
        readings.counted = find_number_words(text, lang, _scales(lang, True))
    if counted:
        return list(readings.counted)
    return find_number_words(text, lang, _scales(lang, False)) + readings.counted


def counted_numerals(text: str, lang: str) -> list[tuple[int, int, Decimal]]:
    """Numerals written with characters that count something: before a counter of the language
    (``九人``, ``三十二歳``, ``两个``; ``counters`` in ``numbers.toml``), not after ``第``
    (an ordinal). Elsewhere the characters are often part of a word or name (``四川``, ``十分``,
    ``三菱``) and only excuse a number the other side writes in digits."""
    pattern = cjk_regex(lang)
    counters = tuple(lang_data(lang).get("counters", ()))
    if pattern is None or not counters:
        return []
    lex = word_lexicon(lang)
    found: list[tuple[int, int, Decimal]] = []
    for match in pattern.finditer(text):
        after = match.end() + (text[match.end() : match.end() + 1] in " \u00a0")
        if not text.startswith(counters, after) or text[match.start() - 1 : match.start()] == "第":
            continue
        value = cjk_value(match.group(0), lex)
        if value is not None and value >= 2:
            found.append((match.start(), match.end(), Decimal(value)))
    return found
