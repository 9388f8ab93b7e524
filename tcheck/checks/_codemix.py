"""TC405's evidence: single words and short phrases of another language inside a sentence.

Three word-level signals, from the strongest:

- Script. A word in a script the target language is not written in (``отношения`` or ``三聚氰胺``
  in English, ``東京`` in a Russian sentence). Latin inside a text of another script is not
  evidence: names, brands and product terms keep their Latin spelling in Japanese, Chinese,
  Russian or Arabic text. One letter of another script (``β-blockers``) is not a word.
- Frequency lexicons (wordfreq, see :mod:`tcheck.language.lexicon`). A word of the target's
  script that is common in a candidate language (the source language) and rare in the target
  (``sind``, ``titre``, ``Partei`` in English). Words common in both languages (``Merkel``,
  ``café``, ``angst``, ``kindergarten``) and words rare in both stay quiet; a capitalised word
  inside a sentence is a name unless the language capitalises its nouns.
- Spelling. A word neither lexicon holds, with a letter the target does not use and the other
  language does (``lebensgefährliche``); or, copied from the source, with character n-grams
  clearly of the source language.

When the source text is at hand, a word of the target's script counts only if it appears in
the source, verbatim: the left-over of a translation is a copy. Adjacent flagged words form one
finding, with the words between or beside them that are clearly more common in the source
language than in the target (``de la politique``). Technical strings (see ``_tokens``: mentions,
hashtags, cashtags, URLs, e-mail addresses, tags, placeholders) are never words; glosses,
italics, quotations, list items and sentences mostly in the other language are left alone (see
TC405's documentation).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tcheck.checks._setapart import compound, glossed, list_item, quoted_on_purpose, separated
from tcheck.checks._settle import nothing_left
from tcheck.checks._tokens import scan
from tcheck.checks._words import _MARKS, _quoted
from tcheck.language.function_words import capitalises_nouns, widely_borrowed
from tcheck.language.lexicon import Lexicon, letters, lexicon
from tcheck.language.scripts import LATIN, char_script, lang_script, wide

_QUIET_LIMIT = 100_000  # words whose cheap verdict a judge keeps


@dataclass(frozen=True)
class WordSettings:
    """Thresholds on the Zipf scale (see :mod:`tcheck.language.lexicon`)."""

    source_zipf: float = 3.5  # a word must be at least this common in the other language
    target_zipf: float = 2.5  # and at most this common in the target
    margin: float = 2.0  # and this much more common in the other language
    loose_target_zipf: float = 3.5  # or at most this common in the target
    loose_margin: float = 3.0  # with this margin (``sind``: German 6.6, English 2.75)
    name_target_zipf: float = 2.5  # a capitalised word inside a sentence: at most this in the target
    name_margin: float = 3.0  # and this much more common in the other language
    copied_source_zipf: float = 3.0  # a word found in the source: at least this common there
    spelling_letters: int = 5  # a word neither lexicon holds, told by its letters: length
    ngram_letters: int = 8  # a word neither lexicon holds, told by its n-grams: length
    ngram_name_letters: int = 12  # capitalised
    ngram_mean: float = 0.6  # and log-likelihood ratio per n-gram
    script_chars: int = 2  # letters a run of another script needs
    sentence_words: int = 3  # words a sentence needs (left-overs of the target's script: under half)


@dataclass(frozen=True, slots=True)
class Leftover:
    """Words ``start..end`` (offsets in the text) left in ``lang`` (None: only the script is known)."""

    start: int
    end: int
    lang: str | None
    script: str | None  # the foreign script, when the script is the evidence
    confidence: float


@dataclass(frozen=True)
class Languages:
    """The target, and the candidate languages a word may have been left in (source first)."""

    target: str
    candidates: tuple[str, ...]

    @property
    def target_script(self) -> str:
        return lang_script(self.target) or LATIN


def _lexicons(langs: Languages, lexical: bool) -> tuple[Lexicon | None, list[tuple[str, Lexicon]]]:
    if not lexical:
        return None, []
    script = langs.target_script
    others = []
    for lang in langs.candidates:
        found = lexicon(lang) if (lang_script(lang) or LATIN) == script else None
        if found is not None:
            others.append((lang, found))
    return (lexicon(langs.target, large=True) if others else None), others


class _Judge:
    """Per-word verdicts for one document's languages (lexicons loaded once)."""

    def __init__(self, langs: Languages, settings: WordSettings, lexical: bool = True) -> None:
        self.langs = langs
        self.settings = settings
        self.script = langs.target_script
        self.target_lex, self.others = _lexicons(langs, lexical)
        self.nouns = any(capitalises_nouns(lang) for lang, _ in self.others)
        self._own_letters: frozenset[str] | None = None  # loaded on first need
        self.target_floor = self.target_lex.floor if self.target_lex is not None else 0.0
        # Above this Zipf frequency in the target, a word is the target's whatever else holds.
        self._common = max(settings.loose_target_zipf, settings.name_target_zipf if self.nouns else 0.0)
        self._quiet: dict[str, bool] = {}
        self.quiet_words = self._quiet  # the cache of :meth:`quiet`, read directly in loops

    def quiet(self, word: str) -> bool:
        """Whether the lexicons can never flag ``word`` (of the target's script), name or not,
        source or not: too short, or common in the target (cached per word; the cheap test that
        spares most words of a sentence the full look-up)."""
        found = self._quiet.get(word)
        if found is None:
            found = self.target_lex is None or len(word) < 3 or self._target_zipf(word) > self._common
            if len(self._quiet) >= _QUIET_LIMIT:
                self._quiet.clear()
            self._quiet[word] = found
        return found

    def _target_zipf(self, word: str) -> float:
        """The word's Zipf frequency in the target; a word a small list lacks may still be fairly
        common: it is taken as just under the list's floor."""
        assert self.target_lex is not None
        return self.target_lex.zipf(word) or (self.target_floor - 0.01 if self.target_floor > 1 else 0.0)

    @property
    def own_letters(self) -> frozenset[str]:
        if self._own_letters is None:
            self._own_letters = letters(self.langs.target)
        return self._own_letters

    def lexical(self, word: str, name: bool, source: Source | None) -> tuple[str, float] | None:
        """The language ``word`` was left in, with a confidence, by the lexicons; or None.
        ``name``: capitalised inside a sentence; ``source``: the source's words (None: no source
        text), looked at only for words the target does not know well."""
        s = self.settings
        if self.target_lex is None or len(word) < 3 or (name and not self.nouns):
            return None
        target = self._target_zipf(word)
        limit = s.name_target_zipf if name else s.loose_target_zipf
        if target > limit:
            return None
        copied = None if source is None else source.has(word.lower())
        if copied is False:
            return None
        best, freq = max(((lang, lex.zipf(word)) for lang, lex in self.others), key=lambda x: x[1])
        if not freq:
            if target:
                return None
            return self._spelling(word, name) or (self._ngrams(word, name) if copied else None)
        if widely_borrowed(best) and target:
            return None  # a loanword the target knows ("rebounds" in Swedish)
        floor = s.copied_source_zipf if copied and not name else s.source_zipf
        margin = freq - target
        if (
            freq < floor
            or margin < (s.name_margin if name else s.margin)
            or (not name and target > s.target_zipf and margin < s.loose_margin)
        ):
            return None if target else self._spelling(word, name)
        return best, round(min(0.6 + 0.1 * (margin - s.margin), 0.95), 2)

    def _spelling(self, word: str, name: bool) -> tuple[str, float] | None:
        """A lower-case word neither lexicon holds, with a letter the target does not write its
        words with and the other language does (``angehörendes``, ``méthodiste`` in English)."""
        if name or len(word) < self.settings.spelling_letters:
            return None
        chars = set(word.lower())
        if chars <= self.own_letters:
            return None
        for lang, _ in self.others:
            if chars <= letters(lang):
                return lang, 0.7
        return None

    def _ngrams(self, word: str, name: bool) -> tuple[str, float] | None:
        """A word neither lexicon holds, copied from the source: its letters decide."""
        from tcheck.services.langid import scorer, supported

        lang = self.langs.candidates[0]
        needed = self.settings.ngram_name_letters if name else self.settings.ngram_letters
        if len(word) < needed or not (supported(self.langs.target) and supported(lang)):
            return None
        if widely_borrowed(lang):
            return None
        row = scorer((self.langs.target, lang)).word(word)
        if not row[-1] or (row[1] - row[0]) / row[-1] < self.settings.ngram_mean:
            return None
        return lang, 0.6

    def leaning(self, word: str) -> bool:
        """Whether ``word`` (lower case) is at least as common in a candidate language as in the
        target: a word that may extend a left-over (``de`` in ``de la politique``)."""
        if self.target_lex is None or not self.others or not word.islower():
            return False
        target = self.target_lex.zipf(word)
        other = max(lex.zipf(word) for _, lex in self.others)
        return other >= max(target + 1.0, self.settings.copied_source_zipf)


def _script_lang(script: str, langs: Languages) -> str | None:
    return next((lang for lang in langs.candidates if lang_script(lang) == script), None)


Mark = tuple[str | None, str | None, float]  # language, foreign script, confidence


def _script_of(word: str) -> str:
    """The script of a word: that of its first letter that is not a modifier (``ʼів``)."""
    if word.isascii():
        return LATIN
    for ch in word:
        if ch.isalpha() and unicodedata.category(ch) != "Lm":
            return char_script(ch)
    return char_script(word[0])


def _marks(
    text: str, items: list[tuple[int, int, str]], judge: _Judge, source: Source | None
) -> list[Mark | None]:
    own = judge.script
    quiet = judge.quiet
    known = judge.quiet_words.get
    marks: list[Mark | None] = []
    for i, (_start, _end, word) in enumerate(items):
        script = LATIN if word.isascii() else _script_of(word)
        if script == own and (known(word) or quiet(word)):
            marks.append(None)  # what :meth:`_Judge.lexical` would say, without asking the source
            continue
        if script != own:
            foreign = script != LATIN and (wide(script) or len(word) >= 2)
            marks.append((_script_lang(script, judge.langs), script, 0.9) if foreign else None)
            continue
        name = word[0].isupper() and (i > 0 or source is None or not source.has_lower_case(word.lower()))
        found = judge.lexical(word, name, source)
        marks.append(None if found is None else (found[0], None, found[1]))
    return marks


class Source:
    """The words of a source text: all of them, lower-cased, and those written in lower case.
    The text is read on first need (most target words never ask)."""

    __slots__ = ("_lower_case", "_lowered", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered: str | None = None
        self._words: frozenset[str] | None = None
        self._lower_case: frozenset[str] = frozenset()

    def has(self, lowered: str) -> bool:
        """Whether the source has the word ``lowered`` (lower case), in any case. A word the
        lower-cased text does not hold is answered without reading the words (but for a sigma,
        whose lower case depends on the letter after it)."""
        if "σ" not in lowered and "ς" not in lowered:
            if self._lowered is None:
                self._lowered = self._text.lower()
            if lowered not in self._lowered:
                return False
        return lowered in self.words

    def has_lower_case(self, lowered: str) -> bool:
        """Whether the source writes the word ``lowered`` in lower case (the text must hold it)."""
        return lowered in self._text and lowered in self.lower_case

    @classmethod
    def of(cls, text: str) -> Source:
        return cls(text)

    def _read(self) -> frozenset[str]:
        found = [w for _, _, w in scan(self._text).words]
        self._lower_case = frozenset(w for w in found if w.islower())
        self._words = frozenset(w.lower() for w in found)
        return self._words

    @property
    def words(self) -> frozenset[str]:
        return self._words if self._words is not None else self._read()

    @property
    def lower_case(self) -> frozenset[str]:
        if self._words is None:
            self._read()
        return self._lower_case


def leftovers(text: str, judge: _Judge, source: Source | None = None) -> list[Leftover]:
    """Words of ``text`` (one sentence) left in another language (see the module docstring).

    ``source``: the words of the source, when known; a word of the target's script then counts
    only when the source holds it, and a capitalised first word is a name unless the source has
    it in lower case.
    """
    if not judge.others and (text.isascii() or not _other_script(text, judge.script)):
        return []  # only the script can tell, and every letter is the target's or Latin
    if nothing_left(text, judge, source):
        return []
    scanned = scan(text)
    items, breaks = scanned.words, scanned.breaks
    out: list[Leftover] = []
    marks = _marks(text, items, judge, source) if items else []
    if not scanned.acronyms and not any(marks):
        return out  # the common case: not one word to look at closer
    quotes = _quoted(text) if _MARKS.search(text) else []
    for start, end, word in scanned.acronyms:  # НАТО, ВИЧ in English
        other = char_script(word[0])
        if other not in (judge.script, LATIN) and not glossed(text, start, end, quotes):
            out.append(Leftover(start, end, _script_lang(other, judge.langs), other, 0.9))
    if not any(marks):
        return out
    cut = [breaks[k] or (k > 0 and separated(text, items, k)) for k in range(len(items))]
    flagged = 0
    i = 0
    while i < len(items):
        mark = marks[i]
        if mark is None:
            i += 1
            continue
        lang, script, confidence = mark
        first = last = i
        j = i + 1
        while j < len(items) and not cut[j]:  # the next flagged words, across leaning ones
            nxt = marks[j]
            if nxt is not None and nxt[1] == script:
                last, confidence = j, max(confidence, nxt[2])
            elif not (script is None and nxt is None and judge.leaning(items[j][2])):
                break
            j += 1
        if script is None:  # a lexical run takes the leaning words on both sides
            while (
                first > 0
                and not cut[first]
                and marks[first - 1] is None
                and judge.leaning(items[first - 1][2])
            ):
                first -= 1
            last = j - 1
        flagged += sum(1 for k in range(first, last + 1) if marks[k] is not None)
        start, end = items[first][0], items[last][1]
        if script is not None:
            letters = sum(len(items[k][2]) for k in range(first, last + 1))
            if (wide(script) or letters >= judge.settings.script_chars) and not glossed(
                text, start, end, quotes
            ):
                out.append(Leftover(start, end, lang, script, confidence))
        elif not (
            quoted_on_purpose(text, items, first, last, quotes)
            or list_item(text, start, end)
            or compound(text, start, end)
        ):
            out.append(Leftover(start, end, lang, script, confidence))
        i = j
    if len(items) < judge.settings.sentence_words or 2 * flagged > len(items):
        return [
            x for x in out if x.script is not None and len(items) > 1
        ]  # not an otherwise translated sentence
    return sorted(out, key=lambda x: x.start)


@lru_cache(maxsize=64)
def judge_for(
    target: str, candidates: tuple[str, ...], settings: WordSettings, lexical: bool = True
) -> _Judge:
    """The judge of words for one target and its candidate languages (lexicons loaded once);
    ``lexical=False``: the script is the only evidence."""
    return _Judge(Languages(target, candidates), settings, lexical)


def _other_script(text: str, own: str) -> bool:
    """Whether ``text`` has a letter of a script other than ``own`` and Latin."""
    return any(not ch.isascii() and ch.isalpha() and char_script(ch) not in (own, LATIN) for ch in text)
