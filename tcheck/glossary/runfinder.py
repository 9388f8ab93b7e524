"""Whether a text can hold one of a matcher's selective keys, told from the key's runs of letters.

Every automaton key of a term matcher holds runs of letters and digits
(:func:`~tcheck.glossary.words.key_runs`) that all stand, unchanged, in any text the key is
found in, each after a non-alphanumeric character where the key puts a word boundary before it.
A :class:`RunFinder` answers "do all runs of some key occur in this lower-cased text?" with one
Aho–Corasick pass over the text for each key's longest run; only where one occurs (after a word
boundary, where the key starts a word) are that key's other runs looked up (``nnonm-ilitary service`` is ruled out by ``nnonm`` in a text that says
``service``). It is what :mod:`tcheck.pipeline.prefilter` asks before reading a page.

It is stored with a compiled matcher (:mod:`tcheck.glossary.stored`) as the automaton and one
string per longest run (the other runs of its keys), so loading it creates no Python object per
key: a 50,000-entry termbase's finder unpickles in milliseconds and gives the garbage collector
nothing to walk.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from tcheck.glossary.words import MARK, with_marks

MIN_WORD = 2  # shortest run searched anywhere in a word (CJK terms are often two characters)
_RUN = "\x02"  # between the other runs of one key
_KEY = "\x03"  # between keys that share a longest run


class RunFinder:
    """Tests texts for the runs of a set of keys (see the module); build with :meth:`build`."""

    __slots__ = ("_automaton", "_bounded", "_free", "_sizes")

    def __init__(
        self, automaton: Any, sizes: array[int], free: list[str | None], bounded: list[str | None]
    ) -> None:
        self._automaton = automaton  # each key's longest run, as it is, -> its number
        self._sizes = sizes  # the length of each longest run
        # the other runs of the keys whose longest run is number n and may stand anywhere
        # (free[n]) or must start a word (bounded[n]): None for no such key, "" for a key of
        # one run, else each key's runs (as the marked text holds them) joined
        self._free = free
        self._bounded = bounded

    @classmethod
    def build(cls, keys: Iterable[tuple[tuple[str, bool], ...]] | None) -> RunFinder | None:
        """A finder for ``keys`` (each key's runs with whether a boundary precedes them, its
        longest first); None when it could rule nothing out: a key without a run, or whose
        longest run is a single character that may stand inside a word."""
        import ahocorasick

        if keys is None:
            return None
        others: dict[str, tuple[set[str], set[str]]] = {}  # longest run -> the rest of each key
        for runs in keys:
            if not runs or (len(runs[0][0]) < MIN_WORD and not runs[0][1]):
                return None  # a letter or two occurs in nearly every page
            rest = _RUN.join(_searched(run) for run in runs[1:])
            others.setdefault(runs[0][0], (set(), set()))[runs[0][1]].add(rest)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        sizes, free, bounded = array("I"), [], []
        for number, (anchor, (anywhere, starting)) in enumerate(others.items()):
            automaton.add_word(anchor, number)
            sizes.append(len(anchor))
            free.append(_joined(anywhere))
            bounded.append(_joined(starting))
        if sizes:
            automaton.make_automaton()
        return cls(automaton, sizes, free, bounded)

    def occurs(self, low: str) -> bool:
        """Whether every run of some key occurs in ``low`` (lower-cased text, ``ς`` as ``σ``),
        after a non-alphanumeric character or an underscore where the key starts a word there.

        One pass for the longest runs over ``low`` as it is (a hit that must start a word is
        checked against the character before it); the marked text the other runs are looked up
        in is made only where a longest run occurs."""
        sizes = self._sizes
        if not sizes:
            return False
        searched: str | None = None
        done: set[int] = set()
        for end, number in self._automaton.iter(low):
            start = end - sizes[number] + 1
            edge = start == 0 or not low[start - 1].isalnum()
            for rests, tag in ((self._free[number], number << 1), (self._bounded[number], number << 1 | 1)):
                if rests is None or tag in done or (tag & 1 and not edge):
                    continue
                done.add(tag)
                if not rests:
                    return True  # a key of this one run
                if searched is None:
                    searched = marked(low)
                if any(all(run in searched for run in key.split(_RUN)) for key in rests.split(_KEY)):
                    return True
        return False

    def __len__(self) -> int:
        """How many distinct longest runs it searches."""
        return len(self._sizes)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return RunFinder, (self._automaton, self._sizes, self._free, self._bounded)


def marked(low: str) -> str:
    """``low`` as a finder searches it: every non-word character a ``MARK``, and underscores too
    (markup may blank one out)."""
    return with_marks(low).replace("_", MARK)


def _joined(rests: set[str]) -> str | None:
    """The rests of the keys that share a longest run, as stored (see :class:`RunFinder`)."""
    if not rests:
        return None
    return "" if "" in rests else _KEY.join(sorted(rests))


def _searched(run: tuple[str, bool]) -> str:
    """A run as the marked text holds it: after a ``MARK`` where a boundary precedes it."""
    return MARK + run[0] if run[1] else run[0]
