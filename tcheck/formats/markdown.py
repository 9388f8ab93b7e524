"""Markdown and MDX reader: only prose reaches the checks, at its exact place in the file.

The file is parsed with markdown-it-py and mdit-py-plugins (see
:mod:`tcheck.formats.markdown_parser`). Each heading, paragraph, list item, quote paragraph, table
cell, definition-list term and definition, footnote definition, admonition title and translatable
front-matter value becomes one segment. Its ``text`` is the file text it covers with everything that
is not prose replaced by spaces (line breaks kept), so offsets stay exact:

- inline: code spans, link destinations and titles, images, autolinks, bare URLs and e-mail
  addresses, raw HTML tags and comments, ``<kbd>`` keys, entities, emphasis markers, footnote
  references, attribute lists ``{#id .class}``, Hugo shortcodes and template actions, MDX JSX tags
  and ``{expressions}``;
- blocks that are not segments: code blocks (fenced and indented), HTML blocks, reference
  definitions, table separator rows, MDX ``import``/``export`` and JSX-only lines, lines of
  shortcodes only, admonition fences ``:::``.

Segment kinds: ``heading``, ``paragraph``, ``list_item``, ``blockquote``, ``table`` (one per cell),
``term``, ``definition``, ``footnote``, ``admonition`` (the title) and ``front-matter``.

Front matter (YAML ``---`` or TOML ``+++``) becomes document metadata (``date``, ``lang`` ...) and
its ``title``, ``description``, ``linkTitle`` and ``summary`` values become segments (the keys are
set with ``[tool.tcheck.options.markdown] prose-keys``). HTML comments
``<!-- tcheck-disable CODES -->``, ``<!-- tcheck-enable -->`` and
``<!-- tcheck-disable-next-line CODES -->`` become suppressions.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from itertools import accumulate

from markdown_it import MarkdownIt

from tcheck.formats.frontmatter import DEFAULT_PROSE_KEYS, read_front_matter
from tcheck.formats.inline_marks import BUDGET, KEY, Budget, Recorder
from tcheck.formats.markdown_fast import may_take, read_blocks
from tcheck.formats.markdown_fast_pieces import front_matter_end
from tcheck.formats.markdown_parser import (
    ADMONITION,
    Block,
    Layout,
    block_markup,
    inline_markup,
    layout,
    parse_blocks,
    parser,
)
from tcheck.formats.masking import masked_runs, prose_runs
from tcheck.formats.paragraphs import plain_paragraphs
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, LineIndex, Segment, Span, Suppression, frozen_map

_DIRECTIVE = re.compile(r"<!--\s*tcheck-(disable-next-line|disable|enable)\b([^>]*?)-->", re.I)
_KINDS = {
    "heading_open": "heading",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
    "th_open": "table",
    "td_open": "table",
    "dt_open": "term",
    "dd_open": "definition",
    "footnote_reference_open": "footnote",
}
_ADMONITION_HEAD = re.compile(r":{3,}[ \t]*[A-Za-z][\w-]*")
_NEWLINE = re.compile("\n")
_INLINE_MARKUP = re.compile(r"[`<\[*_&{\\~]|://|www\.|@")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_TRIM = " \t\n\r\f\v"

Run = tuple[int, int]


class _Reader:
    """Segments of one file, in file order."""

    def __init__(self, path: str, source: str, md: MarkdownIt) -> None:
        self.path = path
        self.source = source
        self.md = md
        self.starts = array("q", [0])  # 8 bytes a line, not a Python int each
        self.starts.extend(m.end() for m in _NEWLINE.finditer(source))
        self.found: list[tuple[int, str, str]] = []  # start, masked text, kind

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Start and end (before the line break) of 0-based ``line``."""
        starts = self.starts
        if line + 1 < len(starts):
            return starts[line], starts[line + 1] - 1
        return starts[-1] if line < len(starts) else len(self.source), len(self.source)

    def add(self, runs: list[Run], kind: str) -> None:
        found = masked_runs(self.source, runs)
        if found is not None:
            self.found.append((found[0], found[1], kind))

    def block(self, token: Block, markup: list[Run], kind: str) -> None:
        """A paragraph-like inline token: its content lines placed back on their file lines.

        Each content line is the end of its file line (after the list, quote or heading marker),
        except that the last one lost its trailing white space and a heading its closing hashes.
        """
        content = token.content
        if not token.map or not content or content.isspace():
            return
        source = self.source
        placed: list[tuple[int, int, int]] = []  # content start, content end, file start
        line = token.map[0]
        offset = 0
        rows = content.split("\n")
        last = len(rows) - 1
        for index, row in enumerate(rows):
            piece = row.lstrip()
            begin = offset + len(row) - len(piece)
            offset_end = offset + len(row)
            offset = offset_end + 1
            if not piece:
                continue
            start, end = self.line_bounds(line + index)
            at = (start + len(source[start:end].rstrip()) if index == last else end) - len(piece)
            if at < start or not source.startswith(piece, at):
                at = source.rfind(piece, start, end)
                if at < 0:
                    continue
            placed.append((begin, offset_end, at))
        self.add(prose_runs(placed, markup), kind)

    def row(self, cells: list[tuple[Block, list[Run]]]) -> None:
        """Table cells: one segment each, placed by splitting their row as markdown-it does."""
        bounds = cells[0][0].meta.get("row")
        if bounds is None:
            return
        row_start, row_end = bounds
        text = self.source[row_start:row_end]
        lead = len(text) - len(text.lstrip(_TRIM))
        text = text.strip(_TRIM)
        base = row_start + lead
        columns: list[Run] = []
        last = 0
        for match in _CELL_BORDER.finditer(text):
            columns.append((last, match.start()))
            last = match.end()
        columns.append((last, len(text)))
        if columns and columns[0][0] == columns[0][1]:
            columns.pop(0)
        if columns and columns[-1][0] == columns[-1][1]:
            columns.pop()
        for (token, marks), (first, stop) in zip(cells, columns, strict=False):
            raw = text[first:stop]
            cell = raw.strip(_TRIM)
            if not cell:
                continue
            at = base + first + len(raw) - len(raw.lstrip(_TRIM))
            markup = marks if cell == token.content else None
            if markup is None:
                markup = inline_markup(self.md, cell)
            self.add(prose_runs([(0, len(cell), at)], markup), "table")

    def admonition(self, token: Block) -> None:
        """The title of ``:::note Title`` or ``:::note[Title]``."""
        if not token.map:
            return
        start, end = self.line_bounds(token.map[0])
        head = _ADMONITION_HEAD.search(self.source, start, end)
        if head is None:
            return
        title_start = head.end()
        title_end = start + len(self.source[start:end].rstrip())
        if self.source.startswith("[", title_start) and self.source[title_end - 1] == "]":
            title_start, title_end = title_start + 1, title_end - 1
        title = self.source[title_start:title_end]
        if title.strip():
            self.add(prose_runs([(0, len(title), title_start)], inline_markup(self.md, title)), "admonition")

    def front_matter(self, token: Block, prose_keys: Iterable[str]) -> dict[str, str]:
        if not token.map or token.map[1] < 2:
            return {}
        start = self.line_bounds(1)[0]
        end = self.line_bounds(token.map[1] - 1)[0] - 1
        found = read_front_matter(self.source, start, max(start, end), token.markup == "+++", prose_keys)
        for _, runs in found.values:
            prose: list[Run] = []
            for start, end in runs:  # inline markup in a value (Hugo titles are often markdownified)
                piece = self.source[start:end]
                if _INLINE_MARKUP.search(piece) is None:
                    prose.append((start, end))
                else:
                    prose.extend(prose_runs([(0, len(piece), start)], inline_markup(self.md, piece)))
            self.add(prose, "front-matter")
        return found.metadata


def _suppressions(text: str, lines: LineIndex) -> tuple[Suppression, ...]:
    result: list[Suppression] = []
    open_at: tuple[int, tuple[str, ...]] | None = None
    all_lines = text.split("\n")
    for match in _DIRECTIVE.finditer(text):
        kind = match.group(1).lower()
        codes = tuple(c.upper() for c in re.findall(r"TC\d*", match.group(2), re.I))
        line, _ = lines.position(match.start())
        if kind == "disable-next-line":
            nxt = line + 1
            while nxt <= len(all_lines) and not all_lines[nxt - 1].strip():
                nxt += 1
            result.append(Suppression(codes, nxt, nxt))
        elif kind == "disable":
            if open_at is not None:
                result.append(Suppression(open_at[1], open_at[0], line))
            open_at = (line, codes)
        elif open_at is not None:
            result.append(Suppression(open_at[1], open_at[0], line))
            open_at = None
    if open_at is not None:
        result.append(Suppression(open_at[1], open_at[0], lines.line_count))
    return tuple(result)


def read(path: str, text: str, prose_keys: Iterable[str] | None = None, *, fast: bool = True) -> Document:
    """Read Markdown (MDX for ``.mdx`` paths) into a :class:`Document`.

    ``prose_keys`` are the front-matter keys whose values are prose (default: title,
    description, linkTitle, summary). Most Markdown pages are read from pyromark's events
    (:mod:`tcheck.formats.markdown_fast`), the others with markdown-it; both read a page alike
    (``fast=False`` reads every page with markdown-it).
    """
    source = text.replace("\r", " ") if "\r" in text else text
    keys = DEFAULT_PROSE_KEYS if prose_keys is None else prose_keys
    mdx = path.lower().endswith(".mdx")
    plain = None if mdx else plain_paragraphs(source)  # this way is faster still
    fast = fast and plain is None and may_take(path, source)
    read = _read_fast(path, source, keys) if fast else None
    found, page, meta = _read_parsed(path, source, keys, mdx, plain) if read is None else read
    segments = tuple(
        Segment(f"b{i}", prose, Span(start, start + len(prose)), kind, split_sentences(prose), path=path)
        for i, (start, prose, kind) in enumerate(found, 1)
    )
    return Document(
        path=path,
        text=text,
        lang=meta.get("lang") or meta.get("language") or None,
        segments=segments,
        metadata=frozen_map(meta),
        suppressions=_suppressions(text, LineIndex(text)) if "tcheck-" in text else (),
        layout=page,
    )


Read = tuple[list[tuple[int, str, str]], Layout, dict[str, str]]


def _read_fast(path: str, source: str, keys: Iterable[str]) -> Read | None:
    """The page read from pyromark's events, or None when markdown-it must read it."""
    reader = _Reader(path, source, parser(False))
    lines = source.split("\n")
    front = front_matter_end(source, lines)
    starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))  # of each line
    read = read_blocks(source, starts, front)
    if read is None:
        return None
    found, page = read
    meta: dict[str, str] = {}
    if front is not None:
        block = Block(None, "front_matter", 0)
        block.map, block.markup = (0, front[0]), "+++" if front[1] else "---"
        meta = reader.front_matter(block, keys)
        found = sorted(reader.found + found, key=lambda item: item[0])
    return found, page, meta


def _read_parsed(path: str, source: str, keys: Iterable[str], mdx: bool, plain: list[Block] | None) -> Read:
    """The page read with markdown-it (and its plugins); ``plain`` are its blocks when it is a page
    of plain paragraphs (:func:`~tcheck.formats.paragraphs.plain_paragraphs`), which need no
    block parse."""
    md = parser(mdx)
    env = {KEY: Recorder(), BUDGET: Budget.for_text(source)}
    blocks = parse_blocks(md, source, env) if plain is None else plain
    reader = _Reader(path, source, md)
    meta: dict[str, str] = {}
    stack: list[str] = []
    cells: list[tuple[Block, list[tuple[int, int]]]] = []
    page = layout(blocks, mdx)
    blocks.reverse()  # taken from the end: each block (and its text) goes once it is read
    while blocks:
        block = blocks.pop()
        kind = block.type
        if block.nesting == 1:
            stack.append(kind)
            if kind == "tr_open":
                cells = []
            elif kind == ADMONITION:
                reader.admonition(block)
        elif block.nesting == -1:
            if stack:
                stack.pop()
            if kind == "tr_close" and cells:
                reader.row(cells)
        elif kind == "inline":
            markup = block_markup(md, block.content, env)  # in page order, as markdown-it would
            if stack and stack[-1] in ("th_open", "td_open"):
                cells.append((block, markup))
            else:
                kind = next((_KINDS[t] for t in reversed(stack) if t in _KINDS), "paragraph")
                reader.block(block, markup, kind)
        elif kind == "front_matter":
            meta = reader.front_matter(block, keys)
    reader.found.sort(key=lambda item: item[0])
    return reader.found, page, meta
