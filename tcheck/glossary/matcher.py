"""Fast many-pattern term search (Aho–Corasick) with inflection, whole-word and case rules.

One automaton holds every pattern of every glossary, so a termbase of tens of thousands of
entries costs one pass over the text. Matching is on lower-cased text (case folding);
case-sensitive patterns are then compared with the original. In scripts written with spaces a match
must start and end at word boundaries; in scripts without (Chinese, Japanese, Thai) any substring
counts. Overlaps are resolved longest-first, then leftmost.

Inflection: when a pattern is added with a language that has a Snowball stemmer, its last word
also matches any word with the same stem (``Europa-Kommission`` finds ``Europa-Kommissionen``,
``Nordic Advice`` finds ``Nordic Advices``): the automaton holds the pattern cut to the part its
stem shares with the word, and a hit is kept when the whole text word has the same stem. Short
words (under 4 letters) and acronyms are not stemmed; an acronym instead accepts a short
lower-case ending (``FNs``, ``NATOs``, ``EU:n``). Such matches have ``exact=False``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from tcheck.glossary.stemming import stemmer_for

T = TypeVar("T")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_ACRONYM_END = re.compile(r"(?:\b|^)[A-ZÀ-ÞΑ-ΩА-Я0-9]*[A-ZÀ-ÞΑ-ΩА-Я]{2,}[A-ZÀ-ÞΑ-ΩА-Я0-9]*$")
_ACRONYM_SUFFIX = re.compile(r":?([^\W\d_]{1,2})(?!\w)")
MIN_STEMMED = 4


def lower_same_length(text: str) -> str:
    """``text.lower()``, but never changing the length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _spaceless(ch: str) -> bool:
    """Characters of scripts written without spaces between words."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0x0E00 <= code <= 0x0EFF  # Thai, Lao
        or 0x1000 <= code <= 0x109F  # Myanmar
        or 0x1780 <= code <= 0x17FF  # Khmer
    )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc")


def _boundary(left: str, right: str) -> bool:
    """Whether a word may end between ``left`` and ``right`` (always so next to CJK script)."""
    return not _is_word_char(left) or not _is_word_char(right) or _spaceless(left) or _spaceless(right)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    text: str
    payload: T
    exact: bool = True


@dataclass(frozen=True, slots=True)
class _Pattern(Generic[T]):
    text: str
    case_sensitive: bool
    payload: T
    stem: str | None  # stem of the last word (stemmed patterns only)
    word: str  # the last word, lower-cased
    word_at: int  # where the last word starts in the pattern
    stemmer: Callable[[str], str] | None
    acronym: bool


class TermMatcher(Generic[T]):
    """Finds many terms at once; ``add`` every pattern, then ``find`` in any number of texts."""

    def __init__(self) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[_Pattern[T]]] = {}
        self._count = 0
        self._ready = False

    def add(self, pattern: str, payload: T, case_sensitive: bool = False, lang: str | None = None) -> None:
        """Add ``pattern``; with ``lang``, its last word also matches inflected forms."""
        pattern = unicodedata.normalize("NFC", " ".join(pattern.split()))
        if not pattern:
            return
        key = lower_same_length(pattern)
        acronym = bool(_ACRONYM_END.search(pattern)) and not _spaceless(pattern[-1])
        self._payloads.setdefault(key, []).append(
            _Pattern(pattern, case_sensitive, payload, None, "", 0, None, acronym)
        )
        self._count += 1
        self._ready = False
        stem = stemmer_for(lang) if lang and not acronym else None
        last = _LAST_WORD.search(key)
        if stem is None or last is None or len(last.group()) < MIN_STEMMED or _spaceless(key[-1]):
            return
        word = last.group()
        stemmed = stem(word)
        common = 0
        while common < min(len(word), len(stemmed)) and word[common] == stemmed[common]:
            common += 1
        if common < 3:
            return
        short = key[: last.start() + common]
        item = _Pattern(pattern, case_sensitive, payload, stemmed, word, last.start(), stem, False)
        self._payloads.setdefault(short, []).append(item)

    def __len__(self) -> int:
        return self._count

    def _build(self) -> None:
        for key in self._payloads:
            self._automaton.add_word(key, key)
        if self._payloads:
            self._automaton.make_automaton()
        self._ready = True

    def find(self, text: str, lowered: str | None = None) -> Iterator[Match[T]]:
        """Non-overlapping matches in ``text``, longest first, in text order."""
        if not self._payloads:
            return iter(())
        if not self._ready:
            self._build()
        low = lowered if lowered is not None else lower_same_length(text)
        candidates: list[Match[T]] = []
        n = len(text)
        for end_index, key in self._automaton.iter(low):
            end = end_index + 1
            start = end - len(key)
            if not (start == 0 or _boundary(text[start - 1], text[start])):
                continue
            closed = end == n or _boundary(text[end - 1], text[end])
            for pat in self._payloads[key]:
                if pat.stem is None:
                    match = self._exact(pat, text, start, end, closed)
                else:
                    match = self._stemmed(pat, text, low, start, end)
                if match is not None:
                    candidates.append(match)
        return iter(_longest_first(candidates))

    @staticmethod
    def _exact(pat: _Pattern[T], text: str, start: int, end: int, closed: bool) -> Match[T] | None:
        if closed:
            surface = text[start:end]
            if pat.case_sensitive and surface != pat.text:
                return None
            return Match(start, end, surface, pat.payload)
        if not pat.acronym:
            return None
        m = _ACRONYM_SUFFIX.match(text, end)
        if m is None or not m.group(1).islower() or text[start:end] != pat.text:
            return None
        return Match(start, m.end(), text[start : m.end()], pat.payload, exact=False)

    @staticmethod
    def _stemmed(pat: _Pattern[T], text: str, low: str, start: int, end: int) -> Match[T] | None:
        stop = end
        n = len(text)
        while stop < n and _is_word_char(text[stop]):
            stop += 1
        word = low[start + pat.word_at : stop]
        if stop - start == len(pat.text) and low[start:stop] == lower_same_length(pat.text):
            return None  # the exact form: the exact pattern reports it
        assert pat.stemmer is not None
        stem = pat.stemmer(word)
        # Snowball stems are not always shared by all forms (nb: rådgiveren -> rådgiver,
        # rådgiver -> rådgiv): accept the term's own word and one more stemming step too.
        if stem != pat.stem and stem != pat.word and pat.stemmer(stem) != pat.stem:
            return None
        if pat.case_sensitive and text[start:end] != pat.text[: end - start]:
            return None
        return Match(start, stop, text[start:stop], pat.payload, exact=False)


def _longest_first(matches: Iterable[Match[T]]) -> list[Match[T]]:
    chosen: list[Match[T]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start, not m.exact)):
        if any(m.start < e and s < m.end for s, e in taken):
            if not any(m.start == s and m.end == e for s, e in taken):
                continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end, not m.exact))
