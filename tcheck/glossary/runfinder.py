"""Whether a text can hold one of a matcher's selective keys, told from the key's runs of letters.

Every automaton key of a term matcher holds runs of letters and digits that stand, unchanged and
at the key's own distances from each other, in any text the key is found in: the matcher
searches a segment's lower-cased text with every non-word character marked, and a segment of
plain text or Markdown is its file's text at the same offsets with markup blanked out (into
spaces). Each run that follows a non-word character in the key follows a non-alphanumeric
character (or an underscore, or the start of the text) in the file. A :class:`RunFinder`
answers "does some key stand so in this lower-cased text?" with one Aho–Corasick pass over the
text for each key's longest run; only where one occurs are that key's other runs compared, at
their places around it (``the great thing`` is ruled out by a page that says ``the thing`` and,
elsewhere, ``great``; ``nnonm-ilitary service`` by ``nnonm`` in a page that says
``service``). It is what :mod:`tcheck.pipeline.prefilter` asks before reading a page.

It is stored with a compiled matcher (:mod:`tcheck.glossary.stored`) as the automaton and one
string per longest run (the keys that have it), so loading it creates no Python object per key:
a 50,000-entry termbase's finder unpickles in milliseconds and gives the garbage collector
nothing to walk; a key is decoded when its longest run first occurs in a text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from typing import Any

from tcheck.glossary.words import MARK

MIN_WORD = 2  # shortest run searched anywhere in a word (CJK terms are often two characters)
_AT = "\x02"  # between a key's offset of its longest run and the key
_KEY = "\x03"  # between keys that share a longest run
_RUNS = re.compile(f"[^{MARK}_]+")  # a key's runs: between markers (non-word characters) and underscores

# A key as compared around a hit of its longest run at index p of the text: it spans p + low to
# p + high, and each run (offset from p, text, whether a boundary precedes it) stands there.
_Shape = tuple[int, int, tuple[tuple[int, str, bool], ...]]


class RunFinder:
    """Tests texts for a set of keys (see the module); build with :meth:`build`."""

    __slots__ = ("_automaton", "_keys", "_shapes", "_sizes")

    def __init__(self, automaton: Any, sizes: array[int], keys: list[str]) -> None:
        self._automaton = automaton  # each key's longest run, as it is, -> its number
        self._sizes = sizes  # the length of each longest run
        # the keys whose longest run is number n, each as "<offset of that run>\x02<key>",
        # joined by \x03; decoded into _shapes when the run first occurs in a text
        self._keys = keys
        self._shapes: dict[int, list[_Shape]] = {}

    @classmethod
    def build(cls, keys: Iterable[str] | None) -> RunFinder | None:
        """A finder for automaton ``keys`` (as searched: non-word characters as ``MARK``, a
        leading ``MARK`` for a key that starts a word); None when it could rule nothing out: a
        key without a run, or whose longest run is a single character that may stand inside a
        word."""
        import ahocorasick

        if keys is None:
            return None
        by_anchor: dict[str, set[str]] = {}  # longest run -> its keys
        for key in keys:
            runs = places(key)
            if not runs:
                return None
            offset, anchor, bounded = max(runs, key=lambda r: (len(r[1]), r[2], r[1]))
            if len(anchor) < MIN_WORD and not bounded:
                return None  # a letter or two occurs in nearly every page
            by_anchor.setdefault(anchor, set()).add(f"{offset}{_AT}{key}")
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        sizes, stored = array("I"), []
        for number, (anchor, found) in enumerate(by_anchor.items()):
            automaton.add_word(anchor, number)
            sizes.append(len(anchor))
            stored.append(_KEY.join(sorted(found)))
        if sizes:
            automaton.make_automaton()
        return cls(automaton, sizes, stored)

    def occurs(self, low: str) -> bool:
        """Whether some key stands in ``low`` (lower-cased text, ``ς`` as ``σ``): its runs at
        their places around its longest run, each run that follows a boundary in the key after a
        non-alphanumeric character (an underscore too) or at the start of the text."""
        sizes = self._sizes
        if not sizes:
            return False
        n = len(low)
        shapes = self._shapes
        for end, number in self._automaton.iter(low):
            at = end - sizes[number] + 1
            found = shapes.get(number)
            if found is None:
                found = shapes[number] = _decoded(self._keys[number])
            for first, last, runs in found:
                if at + first < -1 or at + last > n:
                    continue
                for offset, run, bounded in runs:
                    i = at + offset
                    if i < 0 or not low.startswith(run, i) or (bounded and i and low[i - 1].isalnum()):
                        break
                else:
                    return True
        return False

    def __len__(self) -> int:
        """How many distinct longest runs it searches."""
        return len(self._sizes)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return RunFinder, (self._automaton, self._sizes, self._keys)


def places(key: str) -> list[tuple[int, str, bool]]:
    """The runs of letters and digits of an automaton ``key``: (offset in the key, the run with
    ``ς`` as ``σ``, whether a non-word character or an underscore precedes it in the key), in
    order."""
    return [(m.start(), m.group().replace("ς", "σ"), m.start() > 0) for m in _RUNS.finditer(key)]


def _decoded(stored: str) -> list[_Shape]:
    """The keys stored for one longest run, as compared around a hit of it (see ``_Shape``).

    A key's position k stands at index ``p + k - a`` of the text, ``a`` being the offset of its
    longest run in the key and ``p`` where that run occurs (position 0 of a key that starts a
    word is the character before the word: -1 at the start of the text)."""
    shapes = []
    for item in stored.split(_KEY):
        offset, _, key = item.partition(_AT)
        at = int(offset)
        runs = tuple((start - at, run, bounded) for start, run, bounded in places(key))
        shapes.append((-at, len(key) - at, runs))
    return shapes
