"""Fast many-pattern term search (Aho–Corasick) with inflection, whole-word and case rules.

One automaton holds every pattern of every glossary, so a termbase of tens of thousands of
entries costs one pass over the text. Matching is on lower-cased text (case folding);
case-sensitive patterns are then compared with the original. In scripts written with spaces a match
must start and end at word boundaries; in scripts without (Chinese, Japanese, Thai) any substring
counts. Overlaps are resolved longest-first, then leftmost.

Inflection: when a pattern is added with a language that has a Snowball stemmer, its last word
also matches any word with the same stem (``Europa-Kommission`` finds ``Europa-Kommissionen``,
``Nordic Advice`` finds ``Nordic Advices``, ``agency`` finds ``agencies``): where the text word
goes on past the pattern (by at most four letters; a final ``y`` of the pattern may change, and
in languages other than English its last two letters: ``категория`` finds ``категории``,
``restablecer`` finds ``Restablece``), the hit is kept when the whole text word has the same
Snowball stem (stems are computed lazily and
cached, so a large termbase costs no stemming up front). The other words of a multi-word term may
inflect too (``Europäische Kommission`` finds ``Europäischen Kommission``): such terms are also
held under a shorter trigger and walked word by word (:mod:`tcheck.glossary.inflection`).
Short words (under 4 letters) and acronyms are not stemmed; an acronym instead accepts a short
lower-case ending (``FNs``, ``NATOs``, ``EU:n``); case-sensitive terms inflect their last word
only. Such matches have ``exact=False``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from tcheck import gcutil
from tcheck.glossary.inflection import (
    FIXED_MODIFIERS,
    MAX_ENDING,
    MIN_STEMMED,
    Phrases,
    phrase,
)
from tcheck.glossary.lazyvalues import Indexed, LazyValues
from tcheck.glossary.model import primary
from tcheck.glossary.overlaps import longest_first, near_notable
from tcheck.glossary.patterns import Match, Pattern, acronym_match, inflected_match
from tcheck.glossary.runfinder import RunFinder
from tcheck.glossary.stemming import stemmer_for
from tcheck.glossary.words import (
    BOUNDARY,
    MARK,
    NON_WORD,
    boundary,
    changed_ending,
    ends_in_acronym,
    is_word_char,
    last_letters,
    lower_same_length,
    spaceless,
    with_marks,
)

T = TypeVar("T")
CACHE = 4096
_REACH = MAX_ENDING + 3  # how far past its key an inflected word or an acronym's suffix may reach


class TermMatcher(Generic[T]):
    """Finds many terms at once; ``add`` every pattern, then ``find`` in any number of texts.

    ``notable`` tells which payloads are worth a search on their own: ``find(text,
    notable_only=True)`` returns nothing for a text in which no notable pattern occurs, without
    the per-hit work (boundaries, inflection, overlaps) for the others. A large termbase of common
    words hits almost every sentence, but a check of forbidden terms has something to say only
    where a forbidden term occurs.

    ``selective`` names the payloads (among the notable ones) that a narrower search looks for:
    ``find(text, selective=True)`` is ``find(text, notable_only=True)`` where a selective pattern
    occurs, and nothing at all elsewhere (checked on the automaton's hits alone). A check of
    forbidden terms asks for that: a segment holding only terms with several allowed renderings
    costs it no per-hit work, and where it does search, the result is the notable search's.
    """

    def __init__(
        self, notable: Callable[[T], bool] | None = None, selective: Callable[[T], bool] | None = None
    ) -> None:
        self._notable = notable
        self._selective = selective
        self._automaton: Any = None  # key -> index into _values
        self._values: list[_Value | None] = []
        self._lazy: LazyValues | None = None  # a stored matcher's values, decoded when first hit
        self._finder: RunFinder | None = None  # see run_finder
        self._finder_known = False
        self._pending: list[tuple[str, T, bool, str | None]] = []
        self._payloads: dict[str, list[Pattern]] | None = {}  # None: stored, takes no new terms
        self._triggers: set[str] = set()  # keys that hold multi-word terms to walk
        self._count = 0
        self._inflections: dict[tuple[str, str], bool] = {}  # (term's word, text's word) -> same word?
        self._changed: dict[tuple[str, str], bool] = {}  # the same, for forms with another ending
        # by the text object itself (and whether only notable spans were asked for)
        self._recent: dict[tuple[int, bool], tuple[str, list[Match[T]]]] = {}
        # the last text searched: its lower-cased and marked forms and the automaton's hits
        self._last_hits: tuple[str, str, str, list[tuple[int, _Value]]] | None = None
        self._deferred: Callable[[], TermMatcher[T]] | None = None  # see deferred

    @classmethod
    def deferred(
        cls, count: int, finder: RunFinder | None, load: Callable[[], TermMatcher[T]]
    ) -> TermMatcher[T]:
        """A stored matcher of ``count`` patterns that is loaded (``load()``) when first compiled
        or searched: until then it answers ``len`` and :meth:`run_finder` (``finder``) alone, so
        a run whose pre-filter rules every page out never reads its automaton."""
        matcher: TermMatcher[T] = cls()
        matcher._count, matcher._finder, matcher._finder_known = count, finder, True
        matcher._payloads, matcher._deferred = None, load
        return matcher

    def add(self, pattern: str, payload: T, case_sensitive: bool = False, lang: str | None = None) -> None:
        """Add ``pattern``; with ``lang`` (a language with a Snowball stemmer), inflected forms too.

        Patterns are only queued here; the first ``find`` compiles them all at once.
        """
        if self._payloads is None:
            raise RuntimeError("a stored term matcher takes no new terms")
        if pattern and not pattern.isspace():
            self._pending.append((pattern, payload, case_sensitive, lang))
            self._count += 1

    def __len__(self) -> int:
        return self._count

    def compile(self) -> None:
        """Build the automaton now (``find`` does it on first use when patterns are pending)."""
        if self._deferred is not None:
            load, self._deferred = self._deferred, None
            with gcutil.paused():
                self.__dict__.update(load().__dict__)
        if self._pending or self._automaton is None:
            self._build()

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: the compiled matcher, without the caches of earlier searches."""
        self.compile()
        state = dict(self.__dict__)
        state.update(_inflections={}, _changed={}, _recent={}, _last_hits=None)
        if self._lazy is not None:
            state["_values"] = None  # the lazy table's own list (see __setstate__)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self._lazy is not None:
            self._values = self._lazy.decoded

    def stored(self, ref: Callable[[Any], int | None]) -> TermMatcher[T]:
        """A copy of this matcher to keep between runs: its automaton values pickled one by one
        (:class:`~tcheck.glossary.lazyvalues.LazyValues`, objects ``ref`` numbers stored as
        their number), so that loading it decodes only the values a search hits; call
        :meth:`resolve` on the loaded copy. It takes no new terms."""
        self.compile()
        self.run_finder()  # kept with it
        copy: TermMatcher[T] = TermMatcher.__new__(TermMatcher)
        copy.__dict__.update(self.__dict__)
        copy._lazy = LazyValues.encode(self._values, ref)
        copy._payloads, copy._triggers = None, set()
        return copy

    def selective_keys(self) -> list[str]:
        """Every selective key, as the automaton searches it (see ``_keyed``); a matcher not built
        yet works them out from its patterns, without building its automaton."""
        if self._automaton is None and self._deferred is None:
            worths = {searched: worth for _, _, searched, _, _, worth in self._keyed()}  # the last wins
            return [searched for searched, worth in worths.items() if worth & 2]
        self.compile()
        return [key for key, number in self._automaton.items() if number & 2]

    def run_finder(self) -> RunFinder | None:
        """The :class:`~tcheck.glossary.runfinder.RunFinder` of the :meth:`selective_keys` (None
        when it cannot rule any text out), worked out once: a stored matcher keeps it; one not
        built yet takes the keys of its selective patterns alone (a key depends on its own
        pattern only), so a termbase's other terms cost nothing until a search."""
        if not self._finder_known:
            source = self
            if self._automaton is None and self._selective is not None and self._deferred is None:
                source = TermMatcher(self._notable, self._selective)
                worth = self._selective, self._notable or (lambda _: True)
                source._pending = [p for p in self._pending if worth[0](p[1]) and worth[1](p[1])]
                source._count = len(source._pending)
            self._finder = RunFinder.build(source.selective_keys())
            self._finder_known = True
        return self._finder

    def resolve(self, refs: Indexed) -> None:
        """Give a loaded :meth:`stored` matcher the objects its values refer to by number."""
        if self._lazy is not None:
            self._lazy.resolve(refs)

    def _compile(self) -> None:
        payloads = self._payloads
        assert payloads is not None  # add() refuses new terms for a stored matcher
        # per language: its stemmer, and whether words before a term's last inflect there
        languages: dict[str | None, tuple[Callable[[str], str] | None, bool]] = {}
        for pattern, payload, case_sensitive, lang in self._pending:
            pattern = " ".join(pattern.split())
            if not pattern.isascii():
                pattern = unicodedata.normalize("NFC", pattern)
            key = pattern.lower() if pattern.isascii() else lower_same_length(pattern)
            acronym = ends_in_acronym(pattern)
            known = languages.get(lang)
            if known is None:
                stemmer = stemmer_for(lang)
                known = languages[lang] = (
                    stemmer,
                    stemmer is not None and primary(lang or "") not in FIXED_MODIFIERS,
                )
            stem, inflecting = known if not acronym else (None, False)
            word = last_letters(key)
            at = len(key) - len(word)
            if stem is None or len(word) < MIN_STEMMED or spaceless(key[-1]):
                word = ""
            item = Pattern(pattern, case_sensitive, payload, word, at, stem if word else None, acronym, False)
            found = payloads.get(key)
            if found is None:
                payloads[key] = [item]
            else:
                found.append(item)
            drop = changed_ending(word, inflecting)
            if drop:
                # Inflection mostly extends a word (rådgiver/rådgiveren, Kommission/Kommissionen),
                # but a final y may change (agency/agencies), and in most languages other than
                # English an ending (категория/категории, restablecer/restablece, Mädchen is safe)
                cut = Pattern(pattern, case_sensitive, payload, word, at, stem, acronym, True, None, lang)
                payloads.setdefault(key[:-drop], []).append(cut)
            if inflecting and not case_sensitive and (words := phrase(key)) is not None:
                walked = Pattern(pattern, case_sensitive, payload, word, at, stem, acronym, False, words)
                payloads.setdefault(words.trigger, []).append(walked)
                self._triggers.add(words.trigger)
        self._pending.clear()

    def _build(self) -> None:
        with gcutil.paused():
            self._build_automaton()

    def _build_automaton(self) -> None:
        import ahocorasick

        self._recent.clear()
        self._last_hits = None
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        add_word = automaton.add_word
        values: list[_Value | None] = []
        for key, patterns, searched, marked, plain, worth in self._keyed():
            reach, phrases = _REACH, None
            if key in self._triggers:
                patterns, reach, phrases = _phrases(key, patterns)
            add_word(searched, len(values) << 2 | worth)  # the value's index and its worth
            values.append((len(key), marked, plain, key, patterns, worth, reach, phrases))
        if self._payloads:
            automaton.make_automaton()
        self._automaton = automaton
        self._values, self._lazy = values, None
        self._finder_known = False

    def _keyed(self) -> Iterator[tuple[str, list[Pattern], str, bool, bool, int]]:
        """Each key, its patterns, the key as searched (non-word characters as markers, one first
        where it starts a word: hits only at word starts), whether it starts a word, whether it has
        no punctuation and its worth (1: a notable pattern; 2: a selective one, or any notable)."""
        self._compile()
        assert self._payloads is not None
        word_start: dict[str, bool] = {}
        notable, selective = self._notable, self._selective
        for key, patterns in self._payloads.items():
            plain = NON_WORD.search(key) is None
            searched = key if plain else NON_WORD.sub(MARK, key)
            first = key[0]
            marked = word_start.get(first)
            if marked is None:
                marked = word_start[first] = is_word_char(first) and not spaceless(first)
            if marked:
                searched = MARK + searched
            worth = 1 if notable is None or any(notable(p.payload) for p in patterns) else 0
            if worth and (selective is None or any(selective(p.payload) for p in patterns)):
                worth |= 2
            yield key, patterns, searched, marked, plain, worth

    def find(
        self, text: str, lowered: str | None = None, *, notable_only: bool = False, selective: bool = False
    ) -> Iterator[Match[T]]:
        """Non-overlapping matches in ``text``, longest first, in text order.

        With ``notable_only``, only the spans where a notable pattern matched (each with all its
        matches), after overlaps with every pattern have been resolved; nothing at all, and no
        work on the other hits, when no notable pattern occurs. Results for the last few
        thousand text objects are kept, so several checks searching the same segment pay for one
        search. With ``selective``, nothing where no selective pattern occurs, else the same as
        with ``notable_only`` (see the class).
        """
        self.compile()
        if not self._values:
            return iter(())
        if selective:
            notable_only = True
            if not any(value[5] & 2 for _, value in self._hits(text, lowered)[2]):
                return iter(())
        key = (id(text), notable_only)
        recent = self._recent.get(key)
        if recent is not None and recent[0] is text:
            return iter(recent[1])
        found = self._find(text, lowered, notable_only)
        if len(self._recent) >= CACHE:
            self._recent.clear()
        self._recent[key] = (text, found)
        return iter(found)

    def _hits(self, text: str, lowered: str | None) -> tuple[str, str, list[tuple[int, _Value]]]:
        """``text`` lower-cased, with its non-word characters marked, and the automaton's hits
        there (kept for the next search of the same text object)."""
        last = self._last_hits
        if last is not None and last[0] is text:
            return last[1:]
        low = lowered if lowered is not None else lower_same_length(text)
        searched = with_marks(low)
        values, lazy = self._values, self._lazy
        # a stored matcher decodes a key's value the first time it is hit (LazyValues)
        hits: list[tuple[int, _Value]] = [
            (end, values[i >> 2] or lazy.load(i >> 2))  # type: ignore[union-attr]
            for end, i in self._automaton.iter(searched)
        ]
        self._last_hits = (text, low, searched, hits)
        return low, searched, hits

    def _find(self, text: str, lowered: str | None, notable_only: bool) -> list[Match[T]]:
        low, searched, found_hits = self._hits(text, lowered)
        ascii_text = low.isascii()
        hits: Iterable[tuple[int, _Value]] = found_hits
        if notable_only:
            hits = near_notable(found_hits)
            if not hits:
                return []
        candidates: list[Match[T]] = []
        notable: set[tuple[int, int]] = set()
        n = len(text)
        known = BOUNDARY
        for end, (size, marked, plain, key, patterns, worth, _, phrases) in hits:
            # ``end``: one less for the leading marker, one more for a half-open end
            start = end - size
            if ascii_text:
                # in ASCII the markers are exactly the non-word characters: a marked key starts
                # a word, an unmarked one starts with punctuation
                closed = end == n or searched[end] == MARK or searched[end + 1] == MARK
            else:
                if start > 0:
                    left = known.get((text[start - 1], text[start]))
                    if left is None:
                        left = boundary(text[start - 1], text[start])
                    if not left and (marked or not spaceless(text[start])):
                        continue
                if end == n:
                    closed = True
                else:
                    closed_known = known.get((text[end - 1], text[end]))
                    closed = boundary(text[end - 1], text[end]) if closed_known is None else closed_known
            if not plain and low[start:end] != key:
                continue  # punctuation differs ("Europa Kommission" for "Europa-Kommission")
            surface = text[start:end]
            before = len(candidates)
            if phrases is not None:
                for pat, stop in phrases.at(text, low, start, self._inflections):
                    candidates.append(Match(start, stop, text[start:stop], pat.payload, exact=False))
            for pat in patterns:
                if closed:
                    if pat.cut or (pat.case_sensitive and surface != pat.text):
                        continue
                    candidates.append(Match(start, end, surface, pat.payload))
                elif pat.acronym:
                    match = acronym_match(pat, text, start, end)
                    if match is not None:
                        candidates.append(match)
                elif pat.stemmer is not None:
                    known = self._changed if pat.cut else self._inflections
                    match = inflected_match(pat, text, low, start, end, known)
                    if match is not None:
                        candidates.append(match)
            if notable_only and worth:
                notable.update((m.start, m.end) for m in candidates[before:])
        found = longest_first(candidates)
        if notable_only:
            return [m for m in found if (m.start, m.end) in notable]
        return found


# An automaton value: key length, starts with a marker, has no punctuation, key, patterns,
# notable, how far past its key a match may reach, and the multi-word terms it triggers
_Value = tuple[int, bool, bool, str, list[Pattern], int, int, Phrases[Pattern] | None]


def _phrases(key: str, patterns: list[Pattern]) -> tuple[list[Pattern], int, Phrases[Pattern]]:
    """A trigger's own patterns, how far past it a match may reach, and the terms it walks."""
    phrases: Phrases[Pattern] = Phrases()
    reach = 0
    for pat in patterns:
        if pat.phrase is not None and pat.stemmer is not None:
            phrases.add(pat.phrase, pat.stemmer, pat)
            reach = max(reach, len(pat.text) - len(key) + MAX_ENDING * len(pat.phrase.words))
    return [p for p in patterns if p.phrase is None], _REACH + reach, phrases
