"""What TC103 (term-variant) keeps of each document for the run: its names, acronyms and
capitalised pairs with their places, tallied per form (:class:`Digest`), and the state per language
the run builds from them (:class:`LanguageForms`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from tcheck.checks._variants import MAX_SPANS, TOKEN, Form, letters
from tcheck.model import Document


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
    its place (file offsets, sentence number within the document, whether it starts a sentence),
    its lower-case words, its names for topic matching and its hyphen/no-hyphen compounds."""

    path: str
    lang: str | None
    source_lang: str | None
    forms: dict[str, Tally] = field(default_factory=dict)
    spaced: dict[str, Tally] = field(default_factory=dict)
    compounds: list[tuple[int, int, str, int]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    lowercase: set[str] = field(default_factory=set)
    sentences: int = 0


def compounds(
    doc: Document, hyphenated: dict[str, set[str]], sentence_starts: list[int]
) -> list[tuple[int, int, str, int]]:
    """Lower-case compounds written both with and without hyphens in this document, with the
    number of their sentence (``sentence_starts``: file offsets where sentences 1, 2 ... start)."""
    found: dict[str, list[tuple[int, int, str, int]]] = {}
    for seg in doc.segments:
        for m in TOKEN.finditer(seg.text):
            word = m.group()
            if word.islower() and (key := letters(word)) in hyphenated:
                span = seg.file_span(m.start(), m.end())
                sentence = bisect_right(sentence_starts, span.start)
                found.setdefault(key, []).append((span.start, span.end, word, sentence))
    return [o for occurrences in found.values() if len({o[2] for o in occurrences}) > 1 for o in occurrences]
