"""What TC103 (term-variant) keeps of each document for the run: its names, acronyms and
capitalised pairs with their places, tallied per form (:class:`Digest`), and the state per language
the run builds from them (:class:`LanguageForms`)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tcheck.checks._variants import (
    MAX_SPANS,
    TOKEN,
    Form,
    is_acronym,
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
        """Add these occurrences to ``form`` as one :meth:`Form.add` per occurrence would."""
        for start, end, initial, sentence in self.places:
            form.add(doc, start, end, initial, offset + sentence)
        rest = self.count - len(self.places)
        if rest:  # beyond MAX_SPANS a form only counts
            form.count += rest
            form.mid += self.mid - sum(not initial for _, _, initial, _ in self.places)
            form.add_doc(doc)


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
        if is_acronym(word) or is_capitalised(word):
            span = seg.file_span(a, b)
            defined = is_acronym(word) and is_defined(seg.text, a, b)
            tally = forms.get(word) or forms.setdefault(word, Tally())
            tally.add(span.start, span.end, initial, found.sentences)
            tally.defined = tally.defined or defined
            if not initial and len(names) < MAX_NAMES_PER_DOC:
                names.add(letters(word))
            if previous is not None and is_capitalised(previous[2]) and is_capitalised(word):
                if seg.text[previous[1] : a] == " ":
                    first = seg.file_span(previous[0], b)
                    pair = f"{previous[2]} {word}"
                    pair_tally = spaced.get(pair) or spaced.setdefault(pair, Tally())
                    pair_tally.add(first.start, first.end, previous[3], found.sentences)
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
    2 ... start), in the order of their first occurrence, grouped by compound."""
    found: dict[str, dict[str, Tally]] = {}
    for seg in doc.segments:
        for m in TOKEN.finditer(seg.text):
            word = m.group()
            if word.islower() and (key := letters(word)) in hyphenated:
                span = seg.file_span(m.start(), m.end())
                sentence = bisect_right(sentence_starts, span.start)
                spellings = found.get(key) or found.setdefault(key, {})
                tally = spellings.get(word) or spellings.setdefault(word, Tally())
                tally.add(span.start, span.end, False, sentence)
    return {
        word: tally for spellings in found.values() if len(spellings) > 1 for word, tally in spellings.items()
    }
