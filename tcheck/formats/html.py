"""HTML article reader: the prose of a web page's article, at its exact place in the file.

The page is parsed by an HTML5 parser (lexbor, through selectolax), so broken markup is read as a
browser reads it: unclosed paragraphs, stray end tags and misnested inline elements are repaired,
never an error. Since the parser keeps no positions, every text node of the tree is found again in
the file's character data, which :mod:`tcheck.formats.html_text` decodes with the file range of
each character (in document order, so exact, including text written with references).

What is prose:

- the article: the page's ``<article>`` elements when it has any, else its ``<main>``, else the
  whole ``<body>``; not navigation (``<nav>``, ``role="navigation"``), nor the page's own header,
  footer and sidebars (``<header>``, ``<footer>``, ``<aside>`` outside an article or section) or
  forms;
- one segment per block with text: paragraph, heading, list item, table cell, quote, definition
  term and description, figure caption, ``<div>`` text; a block inside another splits it;
- inline markup (``<b>``, ``<a>``, ``<span>``, ``<br>`` ...) masked with spaces of the same length,
  like Markdown's, except that inline tags inside a word are left out (``Kass<b>ym</b>`` reads
  ``Kassym``, ``19<sup>th</sup>`` ``19th``); character references (``&amp;``, ``&nbsp;``,
  ``&#8217;``) decoded; what is left out or decoded keeps its place in :attr:`Segment.offsets`;
- not prose: ``<script>``, ``<style>``, ``<template>``, ``<noscript>``, code (``<code>``,
  ``<kbd>``, ``<samp>``, ``<var>``, ``<pre>``), form controls, embedded media, SVG and MathML, ruby
  annotations (``<rt>``), deleted text (``<del>``), anything ``hidden``, ``aria-hidden="true"`` or
  ``translate="no"``, URLs and e-mail addresses written in the text, and template actions
  (``{{ .Title }}``, ``{% if %}``: a site's page templates are HTML files too).

Languages: the document's language is the ``lang`` (or ``xml:lang``) in force at the article (else
on ``<html>``). A block that declares another language is a segment with that ``lang``
(:attr:`Segment.lang`); inline text marked as another language (``<i lang="fr">raison
d'être</i>``) is masked, as it is deliberately not in the document's language.

Date: ``<meta property="article:published_time">`` (or ``itemprop="datePublished"``), else a
``<time datetime="2022-01-19">`` that is marked ``pubdate``, sits in the article's ``<header>``, or
comes in the first three segments, is the document's date (``metadata["date"]``) for the calendar
checks (TC201, TC202). Comments ``<!-- tcheck-disable ... -->`` suppress findings as in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tcheck.errors import InputError
from tcheck.formats.html_text import CharData, char_data
from tcheck.formats.masking import blanks, mask_patterns, mask_urls
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, OffsetRuns, Segment, Span, Suppression, frozen_map

INLINE = frozenset(
    """a abbr acronym b bdi bdo big br cite code data del dfn em font i img input ins kbd label mark
    meter nobr output picture progress q rb rp rt rtc ruby s samp select small source span strike strong
    sub sup svg math textarea time tt u var wbr button audio video canvas embed object iframe""".split()  # noqa: SIM905
)
NOT_PROSE = frozenset(
    """script style template noscript code kbd samp var tt pre listing xmp plaintext svg math textarea
    select button input option datalist iframe object embed canvas audio video rt rp del head form
    dialog""".split()  # noqa: SIM905
)
_KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list_item",
    "td": "table",
    "th": "table",
    "caption": "table",
    "blockquote": "blockquote",
    "dt": "term",
    "dd": "definition",
    "figcaption": "caption",
}
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
_SECTIONS = frozenset({"article", "main", "section"})
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?!\d)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DATELINE_SEGMENTS = 3
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)  # Go, Jinja, Liquid templates
_WORD_TAGS = re.compile(
    r"(?:</?(?:a|abbr|b|bdi|bdo|big|cite|data|dfn|em|font|i|ins|mark|q|s|small|span|strong|sub|sup|time|u|wbr)"
    r"\b[^<>]*>)+",
    re.I,
)
_WINDOW = 2**18  # how far from the last text node the next is looked for (characters)
_SMALL_WINDOW = 2**12  # ... once the searches have scanned eight times the file
MAX_DEPTH = 10_000  # elements nested deeper are refused (the HTML parser slows down quadratically)


@dataclass(frozen=True, slots=True)
class _Context:
    """What holds for the content of one element."""

    prose: bool  # its text is prose of the article
    scope: bool  # inside the article
    section: bool  # inside an article, section or main (a header there is not the page's)
    lang: str | None  # the language in force
    kind: str  # the segment kind of its blocks
    header: bool = False  # inside an article's <header>


def _primary(lang: str | None) -> str | None:
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def _enter(node: Any, parent: _Context, scope_tag: str) -> _Context:
    tag = node.tag
    attrs = node.attributes
    lang = attrs.get("lang") or attrs.get("xml:lang") or parent.lang
    scope = parent.scope or tag == scope_tag
    section = parent.section or tag in _SECTIONS
    prose = parent.prose or (scope and not parent.scope)
    if (
        tag in NOT_PROSE
        or tag == "nav"
        or (tag in ("header", "footer") and not section)
        or (tag == "aside" and not (parent.section and parent.scope))
        or attrs.get("role") in _CHROME_ROLES
        or "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or attrs.get("translate") == "no"
        or _HIDDEN_STYLE.search(attrs.get("style") or "") is not None
    ):
        prose = False
    header = parent.header or (tag == "header" and section)
    return _Context(prose and scope, scope, section, lang, _KINDS.get(tag, parent.kind), header)


class _Reader:
    """Walks the tree in document order, finding each text node in the file's character data."""

    def __init__(self, path: str, source: str, chars: CharData) -> None:
        self.path = path
        self.source = source
        self.chars = chars
        self.cursor = 0
        self.budget = 8 * len(chars.text) + _WINDOW  # characters the searches may scan in all
        self.used: set[int] = set()
        self.segments: list[Segment] = []
        self.run: list[tuple[int, int]] = []
        self.run_context: _Context | None = None
        self.blocks: list[_Context] = []  # the contexts of the block elements open
        self.doc_lang: str | None = None
        self.date: str | None = None

    def place(self, text: str) -> tuple[int, int] | None:
        """Where the text node ``text`` is in the character data (None: not found).

        Text nodes come in file order, so each is looked for after the one before. The parser may
        move text before a table (foster parenting): a node not found ahead is looked for behind.
        Both searches are bounded, so text the parser made up never costs a scan of the file.
        """
        data = self.chars.text
        cursor = self.cursor
        window = _WINDOW if self.budget > 0 else _SMALL_WINDOW  # text the parser made up is rare
        at = data.find(text, cursor, cursor + len(text) + window)
        self.budget -= (at - cursor if at >= 0 else window) + len(text)
        if at >= 0:
            self.cursor = at + len(text)
        else:
            self.budget -= window
            at = data.find(text, max(0, cursor - window), cursor)
            while at >= 0 and at in self.used:
                at = data.find(text, at + 1, cursor)
            if at < 0:
                return None
        self.used.add(at)
        return at, at + len(text)

    def text(self, node: Any, context: _Context) -> None:
        value = node.text_content or ""
        if not value.strip():
            return
        found = self.place(value)
        if found is None or not context.prose:
            return
        block = self.blocks[-1] if self.blocks else context
        if _primary(context.lang) != _primary(block.lang):
            return  # inline text marked as another language
        self.run_context = block
        self.run.append(found)

    def flush(self) -> None:
        if self.run and self.run_context is not None:
            segment = self.segment(self.run, self.run_context)
            if segment is not None:
                self.segments.append(segment)
        self.run = []
        self.run_context = None

    def segment(self, run: list[tuple[int, int]], context: _Context) -> Segment | None:
        """The segment of one block: its prose, everything between masked, references decoded."""
        data = self.chars.text
        run = sorted(run)  # text the parser moved (foster parenting) stays at its place in the file
        first = next(
            (a + len(data[a:b]) - len(data[a:b].lstrip()) for a, b in run if data[a:b].strip()), None
        )
        last = next((a + len(data[a:b].rstrip()) for a, b in reversed(run) if data[a:b].strip()), None)
        if first is None or last is None:
            return None
        placed = _Placed()
        pos = start = self.chars.file_range(first)[0]
        for a, b in run:
            a, b = max(a, first), min(b, last)
            if a >= b:
                continue
            for t_start, t_end, f_start, f_end in self.chars.pieces(a, b):
                piece = data[t_start:t_end]
                if f_start > pos:  # markup, comments and text that is not prose
                    gap = self.source[pos:f_start]
                    if not (placed.parts and _inside_word(placed.last(), piece[0], gap)):
                        placed.emit(blanks(gap), pos, f_start)
                if piece == "\n" and f_end - f_start == 2:
                    piece = " \n"  # \r\n keeps its length
                placed.emit(piece, f_start, f_end)
                pos = f_end
        if not placed.parts:
            return None
        text = mask_urls("".join(placed.parts).replace("\r", " "))
        if "{" in text:
            text = mask_patterns(text, _TEMPLATE)
        if not text.strip():
            return None
        offsets, ends = placed.offsets(len(text))
        lang = context.lang if _primary(context.lang) != _primary(self.doc_lang) else None
        return Segment(
            f"h{len(self.segments) + 1}",
            text,
            Span(start, pos),
            context.kind,
            split_sentences(text),
            offsets=offsets,
            path=self.path,
            ends=ends,
            lang=lang,
        )

    def time(self, node: Any, context: _Context) -> None:
        """A ``<time datetime>`` that dates the article."""
        if self.date is not None or not context.scope:
            return
        match = _DATE.match(node.attributes.get("datetime") or "")
        if match is None:
            return
        attrs = node.attributes
        if "pubdate" in attrs or context.header or len(self.segments) < _DATELINE_SEGMENTS:
            self.date = match.group(1)


def _inside_word(before: str, after: str, gap: str) -> bool:
    """Whether ``gap`` is inline tags inside a word (``Kass<b>ym</b>``, ``19<sup>th</sup>``): they
    are left out rather than blanked, so the word stays whole (its offsets are kept)."""
    return not before.isspace() and not after.isspace() and _WORD_TAGS.fullmatch(gap) is not None


class _Placed:
    """Segment text built piece by piece, with the file offsets where each character begins and
    ends (as :class:`OffsetRuns`: one run while the text is the file's, a new one at each reference
    or left-out tag)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.keys: list[int] = []
        self.values: list[int] = []
        self.end_keys: list[int] = []
        self.end_values: list[int] = []
        self.index = 0

    def last(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def emit(self, text: str, start: int, end: int) -> None:
        """Append ``text`` read from the file range ``[start, end)``."""
        if not text:
            return
        index = self.index
        keys, values, end_keys, end_values = self.keys, self.values, self.end_keys, self.end_values
        if not keys or values[-1] + index - keys[-1] != start:
            keys.append(index)
            values.append(start)
        self.parts.append(text)
        self.index = index + len(text)
        if len(text) == end - start:  # as it is in the file
            if not end_keys or end_values[-1] + index - end_keys[-1] != start + 1:
                end_keys.append(index)
                end_values.append(start + 1)
            return
        for extra in range(len(text)):  # a reference: every character it gives comes from all of it
            if extra:
                keys.append(index + extra)
                values.append(start)
            end_keys.append(index + extra)
            end_values.append(end)
        keys.append(self.index)
        values.append(end)

    def offsets(self, length: int) -> tuple[OffsetRuns | None, OffsetRuns | None]:
        """Where each character begins (plus the end) and ends, or None when the text is the file's."""
        if len(self.keys) == 1:
            return None, None
        return OffsetRuns(self.keys, self.values, length + 1), OffsetRuns(
            self.end_keys, self.end_values, length
        )


def _scope(tree: Any) -> str:
    """The element that holds the article: ``article``, else ``main``, else ``body``."""
    for tag in ("article", "main"):
        if tree.css_first(tag) is not None:
            return tag
    return "body"


def _meta_date(tree: Any) -> str | None:
    for selector in ('meta[property="article:published_time"]', 'meta[itemprop="datePublished"]'):
        node = tree.css_first(selector)
        if node is not None:
            match = _DATE.match(node.attributes.get("content") or "")
            if match:
                return match.group(1)
    return None


def _lang_at(node: Any) -> str | None:
    while node is not None and node.is_element_node:
        attrs = node.attributes
        lang = attrs.get("lang") or attrs.get("xml:lang")
        if lang:
            return str(lang)
        node = node.parent
    return None


def read(path: str, text: str) -> Document:
    """Read an HTML page into a :class:`Document` of its article's prose."""
    from selectolax.lexbor import LexborHTMLParser

    chars = char_data(text)
    if chars.depth > MAX_DEPTH:
        line = text.count("\n", 0, chars.depth_at) + 1
        raise InputError(path, f"HTML nested deeper than {MAX_DEPTH:,} elements; refused", line)
    tree = LexborHTMLParser(text)
    scope_tag = _scope(tree)
    reader = _Reader(path, text, chars)
    first_scope = tree.css_first(scope_tag)
    reader.doc_lang = _lang_at(first_scope) if first_scope is not None else _lang_at(tree.root)
    root = tree.root
    if root is None:
        return Document(path=path, text=text, lang=None, segments=())
    outer = _Context(False, scope_tag == "html", False, None, "paragraph")
    stack: list[tuple[Any, _Context, bool]] = [(root, outer, False)]
    while stack:
        node, parent, leaving = stack.pop()
        if leaving:
            if node.tag not in INLINE:
                reader.flush()
                reader.blocks.pop()
            continue
        if node.is_text_node:
            reader.text(node, parent)
            continue
        if not node.is_element_node:
            continue
        context = _enter(node, parent, scope_tag)
        if node.tag not in INLINE:
            reader.flush()
            reader.blocks.append(context)
        elif node.tag == "time":
            reader.time(node, context)
        stack.append((node, context, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, context, False) for c in reversed(children))
    reader.flush()
    meta: dict[str, str] = {}
    date = _meta_date(tree) or reader.date
    if date:
        meta["date"] = date
    suppressions: tuple[Suppression, ...] = ()
    if "tcheck-" in text:
        from tcheck.formats.markdown import _suppressions
        from tcheck.model import LineIndex

        suppressions = _suppressions(text, LineIndex(text))
    return Document(
        path=path,
        text=text,
        lang=reader.doc_lang,
        segments=tuple(reader.segments),
        metadata=frozen_map(meta),
        suppressions=suppressions,
    )
