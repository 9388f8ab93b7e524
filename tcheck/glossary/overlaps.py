"""How the term matcher chooses among the automaton's hits: the hits near a notable key, and the
longest of overlapping matches (see :mod:`tcheck.glossary.matcher`)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any, Protocol, TypeVar

# An automaton value (see matcher._Value): index 0 the key's length, 5 whether it is notable,
# 6 how far past its key a match may reach
Value = tuple[Any, ...]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> bool: ...


M = TypeVar("M", bound=_Span)


def near_notable(hits: list[tuple[int, Value]]) -> list[tuple[int, Value]]:
    """The hits of notable keys and those that might overlap one (and so decide between them);
    none when no notable key was hit."""
    spans = [(end - value[0], end + value[6]) for end, value in hits if value[5]]
    if len(spans) == len(hits) or not spans:
        return hits if spans else []
    return [
        (end, value)
        for end, value in hits
        if value[5] or any(end - value[0] < e and s < end + value[6] for s, e in spans)
    ]


def longest_first(matches: list[M]) -> list[M]:
    """Drop matches overlapping a longer one (equal spans all stay); text order."""
    if len(matches) < 2:
        return matches
    # The usual case: found in text order and nothing overlaps. (Matches sharing a span may then
    # stay in the order found rather than exact first; TC101-TC105 prefer exact ones themselves.)
    for a, b in pairwise(matches):
        if a.end > b.start and (a.start, a.end) != (b.start, b.end):
            break
    else:
        return matches
    ordered = sorted(matches, key=lambda m: (m.start, m.start - m.end, not m.exact))
    if all(a.end <= b.start or (a.start, a.end) == (b.start, b.end) for a, b in pairwise(ordered)):
        return ordered
    chosen: list[M] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start, not m.exact)):
        if any(m.start < e and s < m.end for s, e in taken):
            if not any(m.start == s and m.end == e for s, e in taken):
                continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end, not m.exact))
