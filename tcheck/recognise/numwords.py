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
from functools import cache

from tcheck.locale.numbers import cjk_regex, cjk_value, lang_data, multipliers, shared_data, word_lexicon
from tcheck.recognise.wordtrie import trie_pattern

# languages num2words knows under another code
_CODES = {"nb": "no", "nn": "no"}
_VALUES = (
    *range(0, 100),
    *range(100, 1001, 10),
    *range(2000, 10_001, 1000),
    100_000,
    1_000_000,
    1_000_000_000,
)
# letters and the combining marks of Indic, Thai and Lao script (vowel signs are not \w)
_LETTER = r"(?:[^\W\d_]|(?!\d)[\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff])"
_WORD = re.compile(rf"{_LETTER}+(?:[-'’]{_LETTER}+)*")
_CJK = re.compile(r"[\u2e80-\u9fff]")
MAX_PHRASE = 4  # words in the longest phrase looked up


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number written in words; offsets relative to the text searched."""

    start: int
    end: int
    value: Decimal
    ordinal: bool


@dataclass(frozen=True)
class _Tables:
    cardinals: dict[str, Decimal]
    ordinals: dict[str, Decimal]
    firsts: frozenset[str]  # first words of every phrase
    prefixes: frozenset[str]  # first two letters of every one-word entry (lemma pre-filter)


def num2words_code(lang: str) -> str | None:
    """The num2words code of ``lang`` (``nb`` → ``no``), or None when num2words lacks it."""
    try:
        from num2words import CONVERTER_CLASSES  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - num2words is a dependency
        return None
    base = lang.replace("-", "_").split("_")[0].lower()
    for code in (lang.replace("-", "_"), _CODES.get(base, base)):
        if code in CONVERTER_CLASSES:
            return code
    return None


def _spell(value: int, code: str, to: str) -> str | None:
    from num2words import num2words

    try:
        return str(num2words(value, lang=code, to=to)).lower()
    except (NotImplementedError, OverflowError, KeyError, IndexError, TypeError, ValueError):
        return None


def _variants(phrase: str, one: str | None) -> set[str]:
    """``phrase`` and the forms writers use beside it: without a leading ``one`` (``hundred``),
    with a conjunction joined to the next word (Arabic ``و عشرون`` → ``وعشرون``)."""
    words = _WORD.findall(phrase)
    if not words:
        return set()
    found = {" ".join(words)}
    if one and len(words) > 1 and words[0] == one:
        found.add(" ".join(words[1:]))
    joined = re.sub(r"(?<=\s)(\S)\s+", r"\1", phrase)
    if joined != phrase and len(phrase.split()[0]) > 1:
        found.add(" ".join(_WORD.findall(joined)))
    return found


@cache
def tables(lang: str) -> _Tables:
    """The generated cardinal and ordinal tables of ``lang`` (empty when num2words lacks it)."""
    code = num2words_code(lang)
    cardinals: dict[str, Decimal] = {}
    ordinals: dict[str, Decimal] = {}
    if code is not None:
        one = _spell(1, code, "cardinal")  # "one hundred" is also written "hundred"
        for value in _VALUES:
            for to, table in (("cardinal", cardinals), ("ordinal", ordinals)):
                if value == 1 or (value == 2 and to == "ordinal"):
                    continue  # "en", "un", "one" are articles, "andre", "segundo" also other words
                phrase = _spell(value, code, to)
                if phrase is None or _CJK.search(phrase):
                    continue  # Chinese and Japanese numerals are read positionally (numbers.cjk_value)
                for form in _variants(phrase, one):
                    if len(form) >= 2:  # Korean "이" (2) is also a particle
                        table.setdefault(form, Decimal(value))
    if cardinals:
        for word, value in lang_data(lang).get("cardinals", {}).items():
            cardinals.setdefault(word.lower(), Decimal(str(value)))
    for word in [w for w in ordinals if w in cardinals]:
        del ordinals[word]  # a word that is both is read as the cardinal
    entries = [*cardinals, *ordinals]
    return _Tables(
        cardinals,
        ordinals,
        frozenset(e.split(" ")[0] for e in entries),
        frozenset(e[:2] for e in entries if " " not in e and len(e) >= 3),
    )


@cache
def _lemmatiser(lang: str) -> Callable[[str], str] | None:
    """Dictionary forms for a language whose number words inflect (``[_all] inflected-numerals``
    in ``numbers.toml``; loading a lemma table costs seconds, so only those pay it)."""
    from tcheck.language.lemmas import lemmatiser_for

    if not _inflects(lang):
        return None
    return lemmatiser_for(lang.replace("-", "_").split("_")[0].lower())


class _Lemmas:
    """The dictionary forms of ``words`` (``двадцати пяти`` → ``двадцать пять``), each computed
    when first asked for; words no number word could be keep their form."""

    def __init__(self, words: list[str], lang: str, t: _Tables) -> None:
        self._words = words
        self._lemma = _lemmatiser(lang)
        self._prefixes = t.prefixes
        self._t = t

    def __getitem__(self, j: int) -> str:
        word = self._words[j]
        if self._lemma is None or len(word) < 3 or word[:2] not in self._prefixes:
            return word
        return _inflected(word, self._lemma(word), self._t)


def _inflected(word: str, lemma: str, t: _Tables) -> str:
    """The table word ``word`` inflects: its lemma; for a word that is its own lemma, a table word
    of three letters or more that it extends by at most two letters (``сорока`` → ``сорок``)."""
    if lemma in t.cardinals or lemma in t.ordinals or lemma != word:
        return lemma  # "семью" is "семья" (family), not "семь"
    for cut in (1, 2):
        stem = word[:-cut]
        if len(stem) >= 3 and (stem in t.cardinals or stem in t.ordinals):
            return stem
    return lemma


def _lookup(word: str, lang: str, t: _Tables) -> tuple[Decimal, bool] | None:
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
    text: str, words: list[re.Match[str]], lowered: list[str], i: int, lang: str, t: _Tables
) -> tuple[tuple[Decimal, bool] | None, int, int | None]:
    """The longest number phrase starting at word ``i``: ``(value and ordinal, index of its last
    word, where it ends inside that word or None)``."""
    word = lowered[i]
    if word[:2] not in t.prefixes and not any(
        h in t.firsts or h in t.cardinals or h in t.ordinals
        for h in (_heads(word) if "-" in word else (word,))
    ):
        return None, i, None  # most words: no number word starts like this one
    for forms in (lowered, _Lemmas(lowered, lang, t)):
        if forms[i] not in t.firsts:
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


def find_number_words(
    text: str, lang: str, multipliers: dict[str, Decimal] | None = None
) -> list[NumberWord]:
    """Cardinal and ordinal number words of ``text`` (``lang``), longest phrases first.

    ``multipliers``: lower-cased words that multiply a cardinal before them (``million``).
    Only words that begin like a number word (one search of the language's word trie) are
    looked at, with the few words after them that a phrase or a multiplier may take.
    """
    t = tables(lang)
    if not t.cardinals and not t.ordinals:
        return []
    found: list[NumberWord] = []
    after = 0  # words before this position belong to a number already found
    for start in _candidates(text, lang):
        if start < after:
            continue
        words = _window(text, start, t.firsts, lang)
        if words is None:
            continue
        lowered = [m.group(0).lower() for m in words]
        hit, end_index, cut = _match_at(text, words, lowered, 0, lang, t)
        if hit is None:
            continue
        value, ordinal = hit
        end = words[end_index].end() if cut is None else cut
        following = end_index + 1
        if (
            cut is None
            and multipliers
            and not ordinal
            and following < len(words)
            and text[end : words[following].start()] == " "
            and (factor := multipliers.get(lowered[following])) is not None
            and factor > value
        ):
            value, end, end_index = value * factor, words[following].end(), following
        found.append(NumberWord(start, end, value, ordinal))
        after = words[end_index].end()
    return found


def _inflects(lang: str) -> bool:
    """Whether ``lang``'s number words are read through their dictionary forms."""
    base = lang.replace("-", "_").split("_")[0].lower()
    return base in shared_data().get("inflected-numerals", ())


@cache
def _starts(lang: str) -> re.Pattern[str]:
    """Where, in lower-cased text, a word that may be a number word of ``lang`` starts: it
    begins with a one-word entry or the first word of a phrase (ordinals' case endings and
    hyphenated words included), or, in a language whose numbers inflect, with the first two
    letters of an entry (its lemma may be one)."""
    t = tables(lang)
    heads = {e for e in (*t.firsts, *t.cardinals, *t.ordinals) if " " not in e}
    if _inflects(lang):
        heads |= t.prefixes
    return re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(heads)})")


def _candidates(text: str, lang: str) -> list[int]:
    """Where the words worth looking up start (a superset of them; never one missed)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u03a3" in text:  # lower-casing not one to one (İ, Σ)
        return [m.start() for m in _WORD.finditer(text)]
    return [m.start() for m in _starts(lang).finditer(lowered)]


_LETTER_AT = re.compile(_LETTER)


def _window(text: str, start: int, firsts: frozenset[str], lang: str) -> list[re.Match[str]] | None:
    """The word starting at ``start`` and the words after it that a phrase (when the word can
    begin one) and a multiplier may take, as a left-to-right word scan finds them; None when
    ``start`` is inside a word."""
    if start > 0 and _LETTER_AT.match(text, start - 1):
        return None
    if start > 1 and text[start - 1] in "-'’" and _LETTER_AT.match(text, start - 2):
        return None
    first = _WORD.match(text, start)
    if first is None:
        return None
    words = [first]
    size = MAX_PHRASE + 1 if _inflects(lang) or first.group(0).lower() in firsts else 2
    while len(words) < size:
        following = _WORD.search(text, words[-1].end())
        if following is None:
            break
        words.append(following)
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
    found = find_number_words(text, lang, _scales(lang, counted))
    if not counted:
        found += find_number_words(text, lang, _scales(lang, True))
    return found


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
