"""A page's outline: its sections, with what a translation of each keeps.

A section is a heading and what follows it up to the next heading (the first section: what comes
before the first heading). A translated page keeps its original's headings far more faithfully
than its sentences, so the sections of a translation are matched with its original's first
(:mod:`tcheck.bilingual.sectionmatch`). What a section carries for that, beside its units and
length: its heading's level, number (``4.``, ``2.1``), explicit id (``{#becoming-an-approver}``)
or the words an id is made from, its heading's words (by their first five letters, so that
cognates and untranslated names meet), and the keys of its text: link targets without their
language folder (``/contribute/`` = ``/ru/contribute/``), code spans, numbers and names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from tcheck.bilingual.units import Unit
from tcheck.model import Document

__all__ = ["Section", "heading_levels", "outline", "section_starts", "slug_equal", "slug_words"]

_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_HTML = re.compile(r"<h([1-6])\b", re.IGNORECASE)
_NUMBER = re.compile(r"\s*(?:[A-Za-z]+\s+)?(\d{1,3}(?:\.\d{1,3})*)(?:[.):]|\s|$)")
_ID = re.compile(r"\{\s*(?:/\*\s*)?#([\w.:-]+)[^}]*\}")  # {#id}, and MDX's {/* #id */}
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_CODE = re.compile(r"`([^`\n]{2,60})`")
_WORD = re.compile(r"[^\W\d_]{4,}")
_LANG_PREFIX = re.compile(r"^/[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?(?=/)")


class Section(NamedTuple):
    """One section of a page: its units ``first``..``end`` and the evidence its heading and text
    carry (:func:`outline`)."""

    first: int  # index of its first unit (its heading's, but for the first section)
    end: int  # one past its last unit
    level: int  # its heading's level, 0 for the first section or when unknown
    parent: bool  # whether the next section is a subsection of it (its heading is deeper)
    number: str  # its heading's number ("4", "2.1"), "" when none
    title: str  # its heading as written, in lower case ("" for the first section)
    ident: str  # its heading's explicit id, "" when none
    slug: tuple[str, ...]  # its id's words, or those of its heading text (as an id is made)
    words: frozenset[str]  # its heading's words of four letters or more, by their first five
    keys: frozenset[str]  # link targets, code spans, numbers and names of its text
    length: int  # characters of its units, white space aside


def heading_levels(doc: Document) -> list[int]:
    """The level of each segment of ``doc`` that is a heading (``#`` marks in Markdown, the tag's
    number in HTML), 0 for any other segment or a heading whose level the text does not show."""
    text = doc.text
    levels = []
    for seg in doc.segments:
        level = 0
        if seg.kind == "heading" and seg.offsets is None:
            start = text.rfind("\n", 0, seg.span.start) + 1
            line = text[start : seg.span.start + 1]
            atx = _ATX.match(line)
            html = None if atx else _HTML.search(line)
            level = len(atx.group(1)) if atx else int(html.group(1)) if html else 0
        levels.append(level)
    return levels


def slug_words(text: str) -> tuple[str, ...]:
    """The words of an id (or of a heading, as an id is made from it), lower case, a plural's
    ``s`` dropped (``becoming-an-approvers`` = ``Becoming an Approver``)."""
    words = re.findall(r"[^\W_]+", text.lower())
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def _link(target: str) -> str:
    """A link target without its language folder or trailing slash (``/ru/contribute/`` is
    ``/contribute``)."""
    return _LANG_PREFIX.sub("", target).rstrip("/") or "/"


def section_starts(units: Sequence[Unit]) -> list[int]:
    """The index of the first unit of each section: the first unit, and each heading that starts
    a block but the first when only the front matter precedes it (a translator's "What it is"
    over the introduction that the original leaves without a heading: the title opens it)."""
    starts = [0] + [n for n, u in enumerate(units) if n and u.kind == "heading" and u.block_start]
    if len(starts) > 1 and all(u.kind == "front-matter" for u in units[: starts[1]]):
        del starts[1]
    return starts


def outline(doc: Document, units: Sequence[Unit]) -> list[Section]:
    """The sections of ``doc`` whose alignment units are ``units``: one for what precedes the
    first heading (when anything does) and one per heading that starts a block."""
    starts = section_starts(units)
    levels = heading_levels(doc)
    segments, text = doc.segments, doc.text
    sections = []
    for k, first in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(units)
        head = units[first]
        seg = segments[head.seg]
        level, number, ident, title = 0, "", "", ""
        slug: tuple[str, ...] = ()
        words: frozenset[str] = frozenset()
        if head.kind == "heading":
            title = " ".join(seg.text.split()).lower()
            found = _NUMBER.match(title)
            number = found.group(1) if found else ""
            line_end = text.find("\n", seg.span.end)
            explicit = _ID.search(text, seg.span.start, len(text) if line_end < 0 else line_end)
            ident = explicit.group(1) if explicit else ""
            slug = slug_words(ident or title)
            words = frozenset([w[:5] for w in _WORD.findall(title)] + [m for m in "?!" if m in title])
            level = levels[head.seg]
        span_start = seg.span.start
        last = segments[units[end - 1].seg]
        raw = text[span_start : max(last.span.end, span_start)]
        keys: set[str] = {"link:" + _link(t) for t in _LINK.findall(raw)}
        keys.update("code:" + c.strip() for c in _CODE.findall(raw))
        for unit in units[first + (head.kind == "heading") : end]:
            keys.update(unit.numbers)
            keys.update(unit.names)
        sections.append(
            Section(
                first,
                end,
                level,
                False,
                number,
                title,
                ident,
                slug,
                words,
                frozenset(keys),
                sum(u.length for u in units[first:end]),
            )
        )
    return [
        section._replace(parent=k + 1 < len(sections) and 0 < section.level < sections[k + 1].level)
        for k, section in enumerate(sections)
    ]


def slug_equal(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two ids name the same heading: the same words, or nearly (a word or two that a
    translator's id spells otherwise)."""
    if a == b:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) >= 0.75 * max(len(sa), len(sb))
