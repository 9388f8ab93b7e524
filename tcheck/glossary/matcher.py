"""Fast many-pattern term search (Aho–Corasick) with whole-word and case rules.

One automaton holds every pattern of every glossary, so a termbase of tens of thousands of
entries costs one pass over the text. Matching is on lower-cased text; case-sensitive patterns are
then compared with the original. In scripts written with spaces a match must start and end at word
boundaries; in scripts without (Chinese, Japanese, Thai) any substring counts. Overlaps are resolved
longest-first, then leftmost.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


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


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int
    end: int
    text: str
    payload: T


class TermMatcher(Generic[T]):
    """Finds many terms at once; ``add`` every pattern, then ``find`` in any number of texts."""

    def __init__(self) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[tuple[str, bool, T]]] = {}
        self._ready = False

    def add(self, pattern: str, payload: T, case_sensitive: bool = False) -> None:
        pattern = unicodedata.normalize("NFC", pattern.strip())
        if not pattern:
            return
        key = lower_same_length(pattern)
        self._payloads.setdefault(key, []).append((pattern, case_sensitive, payload))
        self._ready = False

    def __len__(self) -> int:
        return len(self._payloads)

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
            first, last = text[start], text[end - 1]
            if not (_spaceless(first) or start == 0 or not _is_word_char(text[start - 1])):
                continue
            if not (_spaceless(last) or end == n or not _is_word_char(text[end])):
                continue
            surface = text[start:end]
            for pattern, case_sensitive, payload in self._payloads[key]:
                if case_sensitive and surface != pattern:
                    continue
                candidates.append(Match(start, end, surface, payload))
        return iter(_longest_first(candidates))


def _longest_first(matches: Iterable[Match[T]]) -> list[Match[T]]:
    chosen: list[Match[T]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            if not any(m.start == s and m.end == e for s, e in taken):
                continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end))
