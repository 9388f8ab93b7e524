"""Alignment units: the sentences of a document, with what aligning them looks at.

A unit is one sentence (cut again at hard line breaks that start a new line of text): where it is,
its length without white space, and its anchors: numbers (``2,300`` = ``2 300``), names (a
capitalised word after a space, by its first five letters) and the marks ``?`` and ``!``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from tcheck.model import Document, Segment

NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,:]\d+)?")
NAME = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ][\w-]{2,}")
# NAME's matches, as its group: a pattern that starts by matching a character is searched faster
# than one that starts with a look-behind (a name never ends on white space, so no match eats the
# space before the next one).
_NAME_AFTER_SPACE = re.compile(r"\s([A-ZÀ-ÖØ-Þ][\w-]{2,})")


class Unit(NamedTuple):
    """One sentence to align: where it is, how long, what it is anchored by (a named tuple: a
    page has one per sentence, made for each pairing)."""

    seg: int  # index of its segment in the document
    start: int  # offsets in that segment's text
    end: int
    length: int  # characters other than white space
    numbers: frozenset[str]
    names: frozenset[str]
    marks: frozenset[str]
    block_start: bool
    line_start: bool
    kind: str


def number_key(raw: str) -> str:
    """The digits of a number as written (``2,300`` and ``2 300`` are ``2300``), leading zeros
    dropped."""
    digits = re.sub(r"\D", "", raw)
    return digits.lstrip("0") or "0"


_EMPTY: frozenset[str] = frozenset()
# What NUMBER matches besides digits: the key is what is left without them (as number_key).
_NUMBER_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f :")
Facts = tuple[int, frozenset[str], frozenset[str], frozenset[str]]


_FACTS: dict[str, Facts] = {}  # a paragraph's facts are asked for again for its sentences
_FACTS_LIMIT = 4_096
_FACTS_LENGTH = 1_000  # longer texts are not kept (at most 4 million characters are)


def facts(text: str) -> Facts:
    """What aligning ``text`` looks at: its length without white space, its numbers
    (:func:`number_key`), its names (the first five letters, lower case, of a capitalised word
    after a space) and its marks (``?``, ``!``)."""
    known = _FACTS.get(text)
    if known is not None:
        return known
    found = _facts(text)
    if len(text) <= _FACTS_LENGTH:
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[text] = found
    return found


def _facts(text: str) -> Facts:
    numbers = NUMBER.findall(text)
    names = _NAME_AFTER_SPACE.findall(text)
    return (
        len("".join(text.split())),
        frozenset([n.translate(_NUMBER_SEPARATORS).lstrip("0") or "0" for n in numbers])
        if numbers
        else _EMPTY,
        frozenset([n[:5].lower() for n in names]) if names else _EMPTY,
        frozenset(ch for ch in "?!" if ch in text) if "?" in text or "!" in text else _EMPTY,
    )


_HARD_BREAK = re.compile(r"(?<=[^\s])[ \t]*\n(?=[ \t]*[\d\"'“«„(\[–—\-]|[ \t]*[^\W\d_])")


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at line breaks that end a line (a headline, a line ending a sentence) and
    start a new one with a capital, digit or quote; a line wrapped inside a sentence stays whole."""
    cuts = [start]
    for match in _HARD_BREAK.finditer(text, start, end):
        before = text[cuts[-1] : match.start()].rstrip()
        after = text[match.end() : end].lstrip()
        ends_sentence = before[-1:] in ".!?:;\"”»)'’"
        headline = len(before) < 100 and before[-1:].isalnum()
        if (ends_sentence or headline) and (after[:1].isupper() or not after[:1].isalpha()):
            cuts.append(match.end())
    cuts.append(end)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return pieces


def sentences_of(seg: Segment) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each sentence of ``seg``, cut at hard line breaks."""
    sentences = seg.sentence_texts()
    if all("\n" not in text for _, _, text in sentences):
        return sentences
    out: list[tuple[int, int, str]] = []
    for start, end, text in sentences:
        if "\n" in text:
            out.extend((a, b, seg.text[a:b]) for a, b in _line_pieces(seg.text, start, end))
        else:
            out.append((start, end, text))
    return out


def units_of(segments: Sequence[Segment]) -> list[Unit]:
    """The sentences of ``segments`` as alignment units."""
    out: list[Unit] = []
    append = out.append
    for index, seg in enumerate(segments):
        whole, kind = seg.text, seg.kind
        previous_end = 0
        for n, (start, end, text) in enumerate(sentences_of(seg)):
            line_start = n == 0 or "\n" in whole[previous_end:start]
            previous_end = end
            length, numbers, names, marks = facts(text)
            append(Unit(index, start, end, length, numbers, names, marks, n == 0, line_start, kind))
    return out


# The loader counts a page's units and its source's before aligning them (which asks for them
# again): the units of the last few pages are kept, by their segments (as an object).
_UNITS: dict[int, tuple[tuple[Segment, ...], list[Unit]]] = {}
_UNITS_KEPT = 4


def units(doc: Document) -> list[Unit]:
    """``units_of(doc.segments)``, kept for the next time the same segments are asked for (the
    list is shared: callers only read it)."""
    segments = doc.segments
    hit = _UNITS.get(id(segments))
    if hit is not None and hit[0] is segments:
        return hit[1]
    found = units_of(segments)
    if len(_UNITS) >= _UNITS_KEPT:
        del _UNITS[next(iter(_UNITS))]
    _UNITS[id(segments)] = (segments, found)
    return found
