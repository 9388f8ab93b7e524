"""What TC103 (term-variant) keeps of each document for the run: its names, acronyms and
capitalised pairs with their places, tallied per form (:class:`Digest`), and the state per language
the run builds from them (:class:`LanguageForms`)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, filterfalse
from operator import ne
from typing import Any

from tcheck.checks._variants import (
    MAX_SPANS,
    WORDS,
    Form,
    is_capitalised,
    is_defined,
    is_label,
    letters,
)
from tcheck.model import Document, Segment

MAX_NAMES_PER_DOC = 400
Word = tuple[int, int, str, bool]  # start and end in the sentence, the word, whether it starts it


class LanguageForms:
    """Everything collected for the documents of one language."""

    def __init__(self) -> None:
        self.forms: dict[str, Form] = {}
        self.spaced: dict[str, Form] = {}
        self.lowercase: set[str] = set()
        self.matcher: Any = None


@dataclass(slots=True)
class Tally:
    """One form's occurrences in one document: how many, how many mid-sentence, and the first
    ``MAX_SPANS`` places (all that :meth:`Form.add` keeps), so that a digest grows with the
    document's distinct forms, not with its words."""

    count: int = 0
    mid: int = 0
    defined: bool = False
    places: list[tuple[int, int, bool, int]] = field(default_factory=list)  # start, end, initial, sentence

    def add(self, start: int, end: int, initial: bool, sentence: int) -> None:
        self.count += 1
        self.mid += not initial
        if len(self.places) < MAX_SPANS:
            self.places.append((start, end, initial, sentence))

    def add_to(self, form: Form, doc: int, offset: int) -> None:
        """Add these occurrences to ``form`` as one :meth:`Form.add` per occurrence would: all
        are counted, and places are kept while the form has room for them."""
        form.count += self.count
        form.mid += self.mid
        form.add_doc(doc)
        room = (4 * MAX_SPANS - len(form.places)) // 4
        if room > 0:
            form.places.extend([x for s, e, _, n in self.places[:room] for x in (doc, s, e, offset + n)])


@dataclass
class Digest:
    """One document's share of the run: every name, acronym and pair of capitalised words with
    its count and first places (file offsets, sentence number within the document, whether it
    starts a sentence), its lower-case words, its names for topic matching and its
    hyphen/no-hyphen compounds, each tallied per form: a digest grows with the document's
    distinct forms, never with its words."""

    path: str
    lang: str | None
    source_lang: str | None
    forms: dict[str, Tally] = field(default_factory=dict)
    spaced: dict[str, Tally] = field(default_factory=dict)
    compounds: dict[str, Tally] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    lowercase: set[str] = field(default_factory=set)
    sentences: int = 0


@dataclass(frozen=True)
class GroupFacts:
    """What the rest of the run needs of one language's documents (a part of the run that a
    rerun may take from the result cache instead of feeding it again): how many documents there
    are and, for each name, in how many of them it occurs."""

    docs: int
    df: Mapping[str, int]


@dataclass(frozen=True)
class RunFacts:
    """The same over the whole run: documents fed, and documents holding each name (a name
    found in few documents of the run, in any language, is evidence that two documents tell the
    same story)."""

    docs: int
    df: Mapping[str, int]

    @classmethod
    def of(cls, parts: Iterable[GroupFacts]) -> RunFacts:
        docs = 0
        df: Counter[str] = Counter()
        for part in parts:
            docs += part.docs
            df.update(part.df)
        return cls(docs, df)

    def limit(self) -> int:
        """The most documents a name may occur in and still be rare (5% of the run, at least 2)."""
        return max(2, int(0.05 * self.docs))

    def rare_in(self, part: GroupFacts) -> frozenset[str]:
        """The names of ``part`` that are rare in the run: all that its findings depend on
        besides its own documents."""
        limit = self.limit()
        return frozenset(name for name in part.df if self.df.get(name, 0) <= limit)


def add_names(
    found: Digest,
    seg: Segment,
    sentence: str,
    s_start: int,
    marked: list[Word],
    hyphenated: dict[str, set[str]],
    previous: Word | None,
) -> Word | None:
    """Tally the names and acronyms among ``marked`` (words of ``sentence``, which starts at
    ``s_start`` in ``seg.text``, in order), and the pairs of capitalised words separated by one
    space; note the lower-case words. ``previous``: the last name before these words (None after
    any other word); returns the last name of these words."""
    forms, spaced, names, lowercase = found.forms, found.spaced, found.names, found.lowercase
    # Lower-case words between two names need no reset of ``previous``: a pair must be separated
    # by a single space.
    number = found.sentences
    for start, end, word, initial in marked:
        if word.islower():
            previous = None
            if word.isalpha():
                lowercase.add(word)
            else:
                lowercase.add(letters(word))
                if "-" in word:
                    hyphenated.setdefault(letters(word), set()).add(word)
            continue
        a, b = s_start + start, s_start + end
        if initial and is_label(sentence, end):
            previous = None  # "NOTE:", "**Tipp:**": a label's capitals are typography
            continue
        upper = word.isupper()  # is_acronym and is_capitalised, each asked once
        acronym = upper and sum(map(str.isalpha, word)) >= 2
        capitalised = not upper and word[:1].isupper()
        if acronym or capitalised:
            span = seg.file_span(a, b)
            tally = forms.get(word)
            if tally is None:
                tally = forms[word] = Tally()
            tally.count += 1  # Tally.add, inline: this runs for every name of the text
            tally.mid += not initial
            if len(tally.places) < MAX_SPANS:
                tally.places.append((span.start, span.end, initial, number))
            if acronym and not tally.defined:
                tally.defined = is_defined(seg.text, a, b)
            if not initial and len(names) < MAX_NAMES_PER_DOC:
                names.add(letters(word))
            if previous is not None and capitalised and is_capitalised(previous[2]):
                if seg.text[previous[1] : a] == " ":
                    first = seg.file_span(previous[0], b)
                    pair = f"{previous[2]} {word}"
                    pair_tally = spaced.get(pair) or spaced.setdefault(pair, Tally())
                    pair_tally.add(first.start, first.end, previous[3], number)
            previous = (a, b, word, initial)
            continue
        previous = None
    return previous


def compounds(
    doc: Document, hyphenated: dict[str, set[str]], sentence_starts: Sequence[int]
) -> dict[str, Tally]:
    """Lower-case compounds written both with and without hyphens in this document
    (``hyphenated``: letters -> the hyphenated spellings seen), each spelling tallied with the
    number of the sentence of its places (``sentence_starts``: file offsets where sentences 1,
    2 ... start), in the order of their first occurrence, grouped by compound.

    Each segment's words come from one ``re.split``; only the document's distinct words are
    looked at one by one (:func:`_spellings`), and only the places of those spellings are
    worked out."""
    found: dict[str, dict[str, Tally]] = {}
    seen: set[str] = set()
    spellings: dict[str, str] = {}  # a spelling of a compound -> the compound (its letters)
    for seg in doc.segments:
        parts = WORDS.split(seg.text)
        words = parts[1::2]
        fresh = set(words).difference(seen)
        if fresh:
            seen |= fresh
            spellings.update(_spellings(fresh, hyphenated))
        if not spellings or spellings.keys().isdisjoint(words):
            continue
        starts = list(accumulate(map(len, parts)))  # starts[2 * i]: where word i starts
        for i in compress(range(len(words)), map(spellings.__contains__, words)):
            word = words[i]
            span = seg.file_span(starts[2 * i], starts[2 * i] + len(word))
            sentence = bisect_right(sentence_starts, span.start)
            key = spellings[word]
            tallies = found.get(key) or found.setdefault(key, {})
            tally = tallies.get(word) or tallies.setdefault(word, Tally())
            tally.add(span.start, span.end, False, sentence)
    return {word: tally for tallies in found.values() if len(tallies) > 1 for word, tally in tallies.items()}


def _spellings(words: set[str], compounds: Mapping[str, object]) -> Iterator[tuple[str, str]]:
    """``(word, its letters)`` for the lower-case ``words`` whose letters (:func:`letters`) are
    one of ``compounds``. A word of letters and digits that case folding leaves alone is its own
    letters, so only the others (and the words that are a compound) are looked at one by one."""
    maybe = words.intersection(compounds)
    maybe.update(filterfalse(str.isalnum, words))
    other = list(filterfalse(str.isascii, words))
    maybe.update(compress(other, map(ne, other, map(str.casefold, other))))
    for word in maybe:
        if word.islower() and (key := letters(word)) in compounds:
            yield word, key
