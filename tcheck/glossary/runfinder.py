"""Whether a text can hold one of a matcher's selective keys, told from the key's runs of letters.

Every automaton key of a term matcher holds runs of letters and digits
(:func:`~tcheck.glossary.words.key_runs`) that all stand, unchanged, in any text the key is
found in, each after a non-alphanumeric character where the key puts a word boundary before it.
A :class:`RunFinder` answers "do all runs of some key occur in this lower-cased text?" with one
Aho–Corasick pass for each key's longest run; only where one occurs are that key's other runs
looked up (``nnonm-ilitary service`` is ruled out by ``nnonm`` in a text that says
``service``). It is what :mod:`tcheck.pipeline.prefilter` asks before reading a page.

It is stored with a compiled matcher (:mod:`tcheck.glossary.stored`) as the automaton and one
string per longest run (the other runs of its keys), so loading it creates no Python object per
key: a 50,000-entry termbase's finder unpickles in milliseconds and gives the garbage collector
nothing to walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tcheck.glossary.words import MARK, with_marks

MIN_WORD = 2  # shortest run searched anywhere in a word (CJK terms are often two characters)
_RUN = "\x02"  # between the other runs of one key
_KEY = "\x03"  # between keys that share a longest run


class RunFinder:
    """Tests texts for the runs of a set of keys (see the module); build with :meth:`build`."""

    __slots__ = ("_automaton", "_rests")

    def __init__(self, automaton: Any, rests: list[str]) -> None:
        self._automaton = automaton
        self._rests = rests

    @classmethod
    def build(cls, keys: Iterable[tuple[tuple[str, bool], ...]] | None) -> RunFinder | None:
        """A finder for ``keys`` (each key's runs with whether a boundary precedes them, its
        longest first); None when it could rule nothing out: a key without a run, or whose
        longest run is a single character that may stand inside a word."""
        import ahocorasick

        if keys is None:
            return None
        others: dict[str, set[str]] = {}  # a key's longest run -> the rest of each key
        for runs in keys:
            if not runs or (len(runs[0][0]) < MIN_WORD and not runs[0][1]):
                return None  # a letter or two occurs in nearly every page
            rest = _RUN.join(_searched(run) for run in runs[1:])
            others.setdefault(_searched(runs[0]), set()).add(rest)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        rests = []
        for number, (anchor, found) in enumerate(others.items()):
            automaton.add_word(anchor, number)
            # an empty rest: the longest run alone may be the whole key
            rests.append("" if "" in found else _KEY.join(sorted(found)))
        if rests:
            automaton.make_automaton()
        return cls(automaton, rests)

    def occurs(self, low: str) -> bool:
        """Whether every run of some key occurs in ``low`` (lower-cased text, ``ς`` as ``σ``),
        after a non-alphanumeric character or an underscore where the key starts a word there."""
        return self.occurs_marked(marked(low)) if self._rests else False

    def occurs_marked(self, marked: str) -> bool:
        """:meth:`occurs` in a text already :func:`marked` (for several finders in one text)."""
        if not self._rests:
            return False
        seen: set[int] = set()
        rests = self._rests
        for _, number in self._automaton.iter(marked):
            if number in seen:
                continue
            seen.add(number)
            rest = rests[number]
            if not rest or any(all(run in marked for run in key.split(_RUN)) for key in rest.split(_KEY)):
                return True
        return False

    def __len__(self) -> int:
        """How many distinct longest runs it searches."""
        return len(self._rests)

    def __reduce__(self) -> tuple[Any, tuple[Any, list[str]]]:
        return RunFinder, (self._automaton, self._rests)


def marked(low: str) -> str:
    """``low`` as a finder searches it: every non-word character a ``MARK``, and underscores too
    (markup may blank one out)."""
    return with_marks(low).replace("_", MARK)


def _searched(run: tuple[str, bool]) -> str:
    """A run as the marked text holds it: after a ``MARK`` where a boundary precedes it."""
    return MARK + run[0] if run[1] else run[0]
