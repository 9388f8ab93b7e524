"""The markup of a Markdown or MDX page, each piece with its exact file span and its block.

The page is parsed with the reader's own markdown-it parser (:mod:`tcheck.formats.markdown_parser`)
for its block structure: front matter, MDX ``import``/``export`` lines and code blocks are set
apart, and every block of text (heading, paragraph, list item, table row) gets an index. Inside
the text the markup is then read where it is written, so spans are exact:

- inline code spans (their content without white space is the key, with metavariables such as
  ``<release-name>`` and ``RELEASE_NAME`` that a reader replaces, and translators may translate,
  made alike);
- link destinations ``[text](dest "title")``, image sources ``![alt](src)``, autolinks
  ``<https://...>``, reference definitions ``[ref]: dest``, ``href``/``src`` of HTML tags;
- heading ids ``{#id}`` (and ``{#id .class}``, and Docusaurus' MDX form ``{/* #id */}``),
  ``id``/``name`` of HTML tags;
- Hugo shortcodes ``{{< name args >}}`` / ``{{% name args %}}`` and HTML tags or JSX components,
  keyed by name and the arguments that are not text (``title``, ``alt``, ``label``, ``caption``
  ... are text a translator translates; the option ``text-attributes`` names them);
- footnote references ``[^1]``;
- bare URLs, e-mail addresses and @handles in the text (:mod:`tcheck.markup.addresses`);
- fenced and indented code blocks, keyed by their code without comments and words
  (:func:`tcheck.markup.codeblocks.code_tokens`).

HTML comments and MDX comments ``{/* ... */}`` hold nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from tcheck.formats.inline_marks import BUDGET, KEY, Budget, Recorder
from tcheck.formats.markdown_parser import Layout, layout, parser
from tcheck.markup import addresses
from tcheck.markup.codeblocks import code_tokens
from tcheck.markup.marks import ANCHOR, CODE, CODE_BLOCK, FOOTNOTE, IMAGE, LINK, SHORTCODE, TAG, Mark
from tcheck.model import Document

# fmt: off
TEXT_ATTRIBUTES = frozenset(
    [
        "title", "alt", "label", "caption", "description", "placeholder", "aria-label", "summary",
        "heading", "text", "tooltip", "linktitle", "attr"
    ]
)
# fmt: on
MARKDOWN_SUFFIXES = (".md", ".mdx", ".markdown")
# Tags that only format text: a translator may use them where the source uses Markdown (``<em>``
# for ``_x_``) or add a line break; they are not compared.
# fmt: off
FORMATTING_TAGS = frozenset(
    [
        "em", "strong", "b", "i", "u", "s", "br", "wbr", "sup", "sub", "small", "mark", "span", "del",
        "ins", "p", "abbr", "cite", "q", "ruby", "rt", "rp", "bdi", "bdo"
    ]
)
# fmt: on
# Code blocks in these languages hold text for the reader (a page template, sample output in
# words), which is translated: only their presence is compared (so is a block without a
# language that holds Markdown: a heading and a link, see _markdown_text).
PROSE_BLOCKS = frozenset({"md", "markdown", "text", "txt", "plain", "plaintext"})

_MD_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+[^\W\d_]", re.M)
_MD_LINK = re.compile(r"\[[^\[\]\n]+\]\([^()\s]+\)")


def _markdown_text(content: str) -> bool:
    """Whether a block without a language holds a Markdown page for the reader to write (a
    README to copy: a heading and a link), which is text, and translated like the page."""
    return bool(_MD_HEADING_LINE.search(content) and _MD_LINK.search(content))


_MDX_HEADING_ID = re.compile(r"\{/\*\s*#([^\s*{}]+)\s*\*/\}[ \t]*$", re.M)
_SKIP = re.compile(r"<!--.*?-->|\{/\*.*?\*/\}", re.S)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# What the reader replaces in a command (translated in some languages): <release-name>, RELEASE_NAME.
_METAVARIABLE = re.compile(r"<[^<>`\s][^<>`]*>|\b[^\W\d_a-z]+(?:_[^\W_a-z]+)+\b")
_QUOTE_BREAK = re.compile(r"\n[ \t]*(?:>[ \t]?)*")
_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([^\s>%/}]+)(.*?)\s*[>%]\}\}", re.S)
_DESTINATION = re.compile(
    r"""\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"""
)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s<>]+)>?", re.M)
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_HEADING_ID = re.compile(r"\{[ \t]*#([^\s{}]+)(?:[ \t]+[^{}\n]*)?\}[ \t]*$", re.M)
_ATTR = r"""[^\s<>"'{}=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^\s"'=<>`{}]+))?"""
_TAG = re.compile(rf"<(/?)([A-Za-z][\w.:-]*)((?:\s+{_ATTR})*)\s*(/?)>")
_ATTR_ONE = re.compile(
    r"""([^\s<>"'{}=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^\s"'=<>`{}]+))?"""
)
_SC_ARG = re.compile(r"""(?:([\w-]+)\s*=\s*)?("[^"]*"|'[^']*'|`[^`]*`|[^\s"'`]+)""")


@dataclass(frozen=True, slots=True)
class Block:
    """A block of text: its file range and kind (``heading``, ``table``, ``paragraph``)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Page:
    """The markup of one page: marks in file order, the blocks of text and the page's anchors
    (explicit heading ids and the ids generated from the headings' text)."""

    marks: tuple[Mark, ...]
    blocks: tuple[Block, ...]
    anchors: frozenset[str]
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [b.start for b in self.blocks])

    @cached_property
    def headings(self) -> list[int]:
        """Indexes of the heading blocks, in order."""
        return [i for i, b in enumerate(self.blocks) if b.kind == "heading"]

    def block_at(self, offset: int) -> int:
        """Index of the block that holds ``offset``, or -1."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset <= self.blocks[index].end:
            return index
        return -1

    def of_kind(self, *kinds: str) -> list[Mark]:
        return [m for m in self.marks if m.kind in kinds]


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def heading_words(heading: str) -> str:
    """The words of a heading's line: its ``#`` marks, explicit id, emphasis and link
    destinations left out (what a site makes the generated id from)."""
    words = _MDX_HEADING_ID.sub("", _HEADING_ID.sub("", heading)).strip().lstrip("#").strip()
    return re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", words)


def slug(text: str) -> str:
    """The id a site generates for a heading (GitHub style): lower case, punctuation dropped,
    spaces as hyphens; letters of every script kept."""
    cleaned = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return cleaned.replace(" ", "-")


def _attributes(raw: str) -> list[tuple[str, str]]:
    out = []
    for match in _ATTR_ONE.finditer(raw):
        value = match.group(2) or ""
        if value[:1] in "\"'":
            value = value[1:-1]
        out.append((match.group(1), value))
    return out


class _Scanner:
    def __init__(self, text: str, text_attributes: frozenset[str]) -> None:
        self.text = text
        self.text_attributes = text_attributes
        self.marks: list[Mark] = []

    def scan(self, start: int, end: int, block: int, heading: bool) -> None:
        text = self.text
        taken = bytearray(end - start)

        def free(a: int, b: int) -> bool:
            return not any(taken[a - start : b - start])

        def take(a: int, b: int) -> None:
            taken[a - start : b - start] = b"\x01" * (b - a)

        def add(kind: str, key: str, a: int, b: int) -> None:
            self.marks.append(Mark(kind, key, text[a:b], a, b, block))

        here = text[start:end]  # each pattern is only searched for where its first literal occurs
        if "`" not in here and "<" not in here and "{" not in here and "]" not in here:
            if "@" in here or "://" in here or "www." in here:
                self._addresses(start, here, free, take, add)
            return  # a block of plain text (most of them)
        if heading and "{/*" in here:  # Docusaurus' MDX form of a heading id: ## Driver {/* #driver */}
            for match in _MDX_HEADING_ID.finditer(text, start, end):
                take(*match.span())
                add(ANCHOR, match.group(1), *match.span(1))
        if "<!--" in here or "{/*" in here:
            for match in _SKIP.finditer(text, start, end):
                if free(*match.span()):
                    take(*match.span())
        for match in _CODE_SPAN.finditer(text, start, end) if "`" in here else ():
            if free(*match.span()) and "\n\n" not in match.group(2):
                take(*match.span())
                content = _QUOTE_BREAK.sub(" ", match.group(2))  # a span across quoted lines
                content = _METAVARIABLE.sub(_metavariable, content)
                add(CODE, "".join(content.split()), *match.span())
        for match in _SHORTCODE.finditer(text, start, end) if "{{" in here else ():
            if free(*match.span()):
                take(*match.span())
                add(SHORTCODE, self._shortcode_key(match), *match.span())
        for match in _DESTINATION.finditer(text, start, end) if "](" in here else ():
            a, b = match.span(1)
            if not free(match.start(), match.end()):
                continue
            take(match.start() + 1, match.end())
            kind = IMAGE if self._is_image(match.start(), start, taken) else LINK
            if text[a : a + 1] == "<":
                a, b = a + 1, b - 1
            add(kind, text[a:b], a, b)
        for match in _AUTOLINK.finditer(text, start, end) if "<" in here else ():
            if free(*match.span()):
                take(*match.span())
                add(LINK, match.group(1), *match.span(1))
        for match in _REFERENCE.finditer(text, start, end) if "]:" in here else ():
            if free(*match.span(1)):
                take(*match.span())
                add(LINK, match.group(1), *match.span(1))
        for match in _FOOTNOTE.finditer(text, start, end) if "[^" in here else ():
            if free(*match.span()):
                take(*match.span())
                add(FOOTNOTE, match.group(1), *match.span())
        if heading and "{" in here:
            for match in _HEADING_ID.finditer(text, start, end):
                if free(*match.span(1)):
                    take(match.start(), match.end())
                    add(ANCHOR, match.group(1), *match.span(1))
        for match in _TAG.finditer(text, start, end) if "<" in here else ():
            if free(*match.span()):
                take(*match.span())
                self._tag(match, add)
        if "@" in here or "://" in here or "www." in here:
            self._addresses(start, here, free, take, add)

    @staticmethod
    def _addresses(
        start: int,
        here: str,
        free: Callable[[int, int], bool],
        take: Callable[[int, int], None],
        add: Callable[[str, str, int, int], None],
    ) -> None:
        """Bare URLs, e-mail addresses and @handles of the text ``here`` (at ``start``) in what no
        other mark has taken."""
        for found in addresses.find(here):
            if free(start + found.start, start + found.end):
                take(start + found.start, start + found.end)
                add(found.kind, found.key, start + found.start, start + found.end)

    def _is_image(self, close: int, start: int, taken: bytearray) -> bool:
        """Whether the ``]`` at ``close`` ends ``![...``: its ``[`` found by counting brackets
        back (code spans excluded)."""
        text = self.text
        depth = 0
        for i in range(close, start - 1, -1):
            if taken[i - start]:
                continue
            ch = text[i]
            if ch == "]" and (i == 0 or text[i - 1] != "\\"):
                depth += 1
            elif ch == "[" and (i == 0 or text[i - 1] != "\\"):
                depth -= 1
                if depth == 0:
                    return i > 0 and text[i - 1] == "!"
        return False

    def _shortcode_key(self, match: re.Match[str]) -> str:
        parts = [match.group(1) + match.group(2) + match.group(3)]
        for arg in _SC_ARG.finditer(match.group(4)):
            name, value = arg.group(1), arg.group(2)
            if name and name.lower() in self.text_attributes:
                continue
            plain = value.strip("\"'`")
            if not name and value[:1] in "\"'`" and re.search(r"\s", plain) and re.search(r"[^\W\d_]", plain):
                continue  # a quoted phrase: text
            parts.append(f"{name}={value}" if name else value)
        return " ".join(parts)

    def _tag(self, match: re.Match[str], add: Callable[[str, str, int, int], None]) -> None:
        closing, name, raw, _ = match.groups()
        kept = []
        for attr, value in _attributes(raw):
            low = attr.lower()
            if low in self.text_attributes:
                continue
            if low in ("href", "src", "id") or (low == "name" and name.lower() == "a"):
                offset = match.start(3) + raw.find(value, raw.find(attr)) if value else -1
                if value and offset >= match.start(3):
                    kind = {"href": LINK, "src": IMAGE}.get(low, ANCHOR)
                    add(kind, value, offset, offset + len(value))
                continue
            kept.append(f"{attr}={value}")
        if name.lower() in FORMATTING_TAGS or "_" in name:
            return  # formatting, or a metavariable written like a tag (<repo_name>)
        key = f"<{closing}{name}" + "".join(" " + k for k in sorted(kept)) + ">"
        add(TAG, key, *match.span())


def _metavariable(match: re.Match[str]) -> str:
    return "<…>" if match.group().startswith("<") else "…"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def read_page(text: str, mdx: bool, text_attributes: Iterable[str] = TEXT_ATTRIBUTES) -> Page:
    """The markup of the Markdown (``mdx=False``) or MDX page ``text``."""
    return _read(text.replace("\r", " ") if "\r" in text else text, mdx, frozenset(text_attributes))


def page_of(doc: Document, text_attributes: Iterable[str] = TEXT_ATTRIBUTES) -> Page:
    """The markup of a Markdown or MDX document, from the parse its reader kept
    (:attr:`Document.layout`) when there is one: a page is parsed once, and read for markup once
    however many checks and translations compare it."""
    layout = doc.layout
    attrs = frozenset(text_attributes)
    if not isinstance(layout, Layout):
        return read_page(doc.text, doc.path.lower().endswith(".mdx"), attrs)
    page = layout.memo.get(attrs)
    if page is None:
        text = doc.text.replace("\r", " ") if "\r" in doc.text else doc.text
        page = layout.memo[attrs] = _page(text, layout, attrs)
    assert isinstance(page, Page)
    return page


@lru_cache(maxsize=16)
def _read(text: str, mdx: bool, text_attributes: frozenset[str]) -> Page:
    tokens = parser(mdx).parse(text, {KEY: Recorder(), BUDGET: Budget.for_text(text)})
    return _page(text, layout(tokens, mdx), text_attributes)


def _page(text: str, layout: Layout, text_attributes: frozenset[str]) -> Page:
    starts = _line_starts(text)

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    def line_end(line: int) -> int:  # end of 0-based line ``line - 1`` (before its break)
        return max(offset(line) - 1, offset(line - 1)) if line < len(starts) else len(text)

    used = bytearray(len(starts) + 1)  # lines that belong to a block or are not text
    for first, last in layout.apart:
        used[first:last] = b"\x01" * (last - first)
    ranges: dict[tuple[int, int], str] = {}
    for first, last, kind in layout.text:
        ranges.setdefault((first, last), kind)
        used[first:last] = b"\x01" * (last - first)
    blocks = sorted((offset(a), line_end(b), kind) for (a, b), kind in ranges.items())
    scanner = _Scanner(text, text_attributes)
    for index, (start, end, kind) in enumerate(blocks):
        scanner.scan(start, end, index, kind == "heading")
    line = 0
    while line < len(starts):  # lines outside blocks: HTML, JSX, shortcodes, reference definitions
        if used[line]:
            line += 1
            continue
        first = line
        while line < len(starts) and not used[line]:
            line += 1
        scanner.scan(offset(first), line_end(line), -1, False)
    marks = scanner.marks
    for first, last, info, content in layout.code:
        start, end = offset(first), line_end(last)
        prose = info.lower() in PROSE_BLOCKS or (not info and _markdown_text(content))
        key = "(text for the reader)" if prose else code_tokens(content, info)
        marks.append(Mark(CODE_BLOCK, key, content, start, end, -1))
    marks.sort(key=lambda m: (m.start, m.end))
    anchors = {m.key for m in marks if m.kind == ANCHOR}
    for start, end, kind in blocks:
        if kind == "heading":
            anchors.add(slug(heading_words(text[start:end])))
    return Page(tuple(marks), tuple(Block(*b) for b in blocks), frozenset(anchors))
