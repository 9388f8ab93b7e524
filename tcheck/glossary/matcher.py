"""Fast many-pattern term search (Aho–Corasick) with inflection, whole-word and case rules.

One automaton holds every pattern of every glossary, so a termbase of tens of thousands of
entries costs one pass over the text. Matching is on lower-cased text (case folding);
case-sensitive patterns are then compared with the original. In scripts written with spaces a match
must start and end at word boundaries; in scripts without (Chinese, Japanese, Thai) any substring
counts. Overlaps are resolved longest-first, then leftmost.

Inflection: when a pattern is added with a language that has a Snowball stemmer, its last word
also matches any word with the same stem (``Europa-Kommission`` finds ``Europa-Kommissionen``,
``Nordic Advice`` finds ``Nordic Advices``, ``agency`` finds ``agencies``): where the text word
goes on past the pattern (by at most four letters; a final ``y`` of the pattern may change), the
hit is kept when the whole text word has the same Snowball stem (stems are computed lazily and
cached, so a large termbase costs no stemming up front).
Only the last word inflects (the head of most terms). Short words (under 4 letters) and
acronyms are not stemmed; an acronym instead accepts a short
lower-case ending (``FNs``, ``NATOs``, ``EU:n``). Such matches have ``exact=False``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any, Generic, NamedTuple, TypeVar

from tcheck.glossary.stemming import stemmer_for

T = TypeVar("T")
_WORD_TAIL = re.compile(r"\w*")
_NON_WORD = re.compile(r"[^\w]")
_MARK = "\x01"
_ACRONYM_SUFFIX = re.compile(r":?([^\W\d_]{1,2})(?!\w)")
MIN_STEMMED = 4
MAX_ENDING = 4  # letters an inflection may add
CACHE = 4096


def _ends_in_acronym(pattern: str) -> bool:
    """Whether the last word is written in capitals (``CSTO``, ``G20``, ``UNHCR``)."""
    at = len(pattern)
    while at > 0 and pattern[at - 1].isalnum():
        at -= 1
    word = pattern[at:]
    return word.isupper() and sum(c.isupper() for c in word) >= 2


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


_WORD_CHARS: dict[str, bool] = {}


def _is_word_char(ch: str) -> bool:
    known = _WORD_CHARS.get(ch)
    if known is None:
        known = ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc")
        if len(_WORD_CHARS) < 100_000:
            _WORD_CHARS[ch] = known
    return known


_BOUNDARY: dict[tuple[str, str], bool] = {}


def _boundary(left: str, right: str) -> bool:
    """Whether a word may end between ``left`` and ``right`` (always so next to CJK script)."""
    known = _BOUNDARY.get((left, right))
    if known is None:
        known = not _is_word_char(left) or not _is_word_char(right) or _spaceless(left) or _spaceless(right)
        if len(_BOUNDARY) < 200_000:
            _BOUNDARY[(left, right)] = known
    return known


class Match(NamedTuple, Generic[T]):
    start: int
    end: int
    text: str
    payload: T
    exact: bool = True


class _Pattern(NamedTuple):
    text: str
    case_sensitive: bool
    payload: Any
    word: str  # the last word, lower-cased ("" when it does not inflect)
    word_at: int  # where the last word starts in the pattern
    stemmer: Callable[[str], str] | None
    acronym: bool
    cut: bool  # held without its final letter (agency -> "agenc"): only inflected hits count


class TermMatcher(Generic[T]):
    """Finds many terms at once; ``add`` every pattern, then ``find`` in any number of texts."""

    def __init__(self) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[_Pattern]] = {}
        self._count = 0
        self._ready = False
        self._recent: dict[int, tuple[str, list[Match[T]]]] = {}  # by the text object itself

    def add(self, pattern: str, payload: T, case_sensitive: bool = False, lang: str | None = None) -> None:
        """Add ``pattern``; with ``lang``, its last word also matches inflected forms."""
        pattern = unicodedata.normalize("NFC", " ".join(pattern.split()))
        if not pattern:
            return
        key = lower_same_length(pattern)
        acronym = _ends_in_acronym(pattern)
        self._count += 1
        self._ready = False
        self._recent.clear()
        stem = stemmer_for(lang) if lang and not acronym else None
        at = len(key)
        while at > 0 and key[at - 1].isalpha():
            at -= 1
        word = key[at:]
        if stem is None or len(word) < MIN_STEMMED or _spaceless(key[-1]):
            stem, word = None, ""
        item = _Pattern(pattern, case_sensitive, payload, word, at, stem, acronym, False)
        self._payloads.setdefault(key, []).append(item)
        if word.endswith("y"):
            # Inflection mostly extends a word (rådgiver/rådgiveren, Kommission/Kommissionen),
            # but a final y may change (agency/agencies).
            self._payloads.setdefault(key[:-1], []).append(item._replace(cut=True))

    def __len__(self) -> int:
        return self._count

    def _build(self) -> None:
        # The automaton sees text with every non-word character turned into a marker, and keys
        # that start a word begin with that marker, so it only reports hits at word starts
        # (a glossary of common words would otherwise hit inside every longer word).
        for key, patterns in self._payloads.items():
            searched = _NON_WORD.sub(_MARK, key)
            plain = searched == key  # else punctuation must be compared after a hit
            marked = _is_word_char(key[0]) and not _spaceless(key[0])
            if marked:
                searched = _MARK + searched
            self._automaton.add_word(searched, (len(key), marked, plain, key, patterns))
        if self._payloads:
            self._automaton.make_automaton()
        self._ready = True

    def find(self, text: str, lowered: str | None = None) -> Iterator[Match[T]]:
        """Non-overlapping matches in ``text``, longest first, in text order.

        Results for the last few thousand text objects are kept, so several checks searching the
        same segment pay for one search.
        """
        if not self._payloads:
            return iter(())
        recent = self._recent.get(id(text))
        if recent is not None and recent[0] is text:
            return iter(recent[1])
        found = self._find(text, lowered)
        if len(self._recent) >= CACHE:
            self._recent.clear()
        self._recent[id(text)] = (text, found)
        return iter(found)

    def _find(self, text: str, lowered: str | None) -> list[Match[T]]:
        if not self._ready:
            self._build()
        low = lowered if lowered is not None else lower_same_length(text)
        candidates: list[Match[T]] = []
        n = len(text)
        searched = _MARK + _NON_WORD.sub(_MARK, low)
        boundary = _BOUNDARY
        for end, (size, marked, plain, key, patterns) in self._automaton.iter(searched):
            # ``end``: one less for the leading marker, one more for a half-open end
            start = end - size
            if start > 0:
                left = boundary.get((text[start - 1], text[start]))
                if left is None:
                    left = _boundary(text[start - 1], text[start])
                if not left and (marked or not _spaceless(text[start])):
                    continue
            if not plain and low[start:end] != key:
                continue  # punctuation differs ("Europa Kommission" for "Europa-Kommission")
            if end == n:
                closed = True
            else:
                closed_known = boundary.get((text[end - 1], text[end]))
                closed = _boundary(text[end - 1], text[end]) if closed_known is None else closed_known
            surface = text[start:end]
            for pat in patterns:
                if closed:
                    if pat.cut or (pat.case_sensitive and surface != pat.text):
                        continue
                    candidates.append(Match(start, end, surface, pat.payload))
                elif pat.acronym:
                    match = self._acronym(pat, text, start, end)
                    if match is not None:
                        candidates.append(match)
                elif pat.stemmer is not None:
                    match = self._inflected(pat, text, low, start, end)
                    if match is not None:
                        candidates.append(match)
        return _longest_first(candidates)

    @staticmethod
    def _acronym(pat: _Pattern, text: str, start: int, end: int) -> Match[T] | None:
        m = _ACRONYM_SUFFIX.match(text, end)
        if m is None or not m.group(1).islower() or text[start:end] != pat.text:
            return None
        return Match(start, m.end(), text[start : m.end()], pat.payload, exact=False)

    @staticmethod
    def _inflected(pat: _Pattern, text: str, low: str, start: int, end: int) -> Match[T] | None:
        tail = _WORD_TAIL.match(text, end)
        stop = tail.end() if tail is not None else end
        if stop - (start + pat.word_at) > len(pat.word) + MAX_ENDING:
            return None
        word = low[start + pat.word_at : stop]
        if word == pat.word:
            return None  # the exact form, found under the full key
        assert pat.stemmer is not None
        stem, wanted = pat.stemmer(word), pat.stemmer(pat.word)
        # Snowball stems are not always shared by all forms (nb: rådgiveren -> rådgiver,
        # rådgiver -> rådgiv): accept the term's own word and one more stemming step too.
        if stem != wanted and stem != pat.word and pat.stemmer(stem) != wanted:
            return None
        if pat.case_sensitive and text[start:end] != pat.text[: end - start]:
            return None
        return Match(start, stop, text[start:stop], pat.payload, exact=False)


def _longest_first(matches: list[Match[T]]) -> list[Match[T]]:
    """Drop matches overlapping a longer one (equal spans all stay); text order."""
    if len(matches) < 2:
        return matches
    ordered = sorted(matches, key=lambda m: (m.start, m.start - m.end, not m.exact))
    if all(a.end <= b.start or (a.start, a.end) == (b.start, b.end) for a, b in pairwise(ordered)):
        return ordered  # the usual case: nothing overlaps
    chosen: list[Match[T]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start, not m.exact)):
        if any(m.start < e and s < m.end for s, e in taken):
            if not any(m.start == s and m.end == e for s, e in taken):
                continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end, not m.exact))
