"""A faster way to read most Markdown pages: pyromark's events with their source ranges.

pyromark (Rust's pulldown-cmark) reads CommonMark with GFM tables and strikethrough about three
times as fast as markdown-it-py with tcheck's plugins. It has none of the plugins, so a page goes
this way only when nothing in it needs one, and what it reads is exactly what
:func:`tcheck.formats.markdown.read` makes of the page through markdown-it: the same segments
(start, masked prose, kind), the same front matter and the same :class:`Layout`.

Two gates keep it exact:

- :func:`may_take` looks at the page before it is parsed: not MDX, no footnotes ``[^``, no line
  that starts (after quote and list markers) with ``:`` or ``~`` (definition lists, admonitions
  ``:::``, ``~~~`` fences), no MDX ``import``/``export`` line, no NUL character;
- :func:`read_blocks` gives up (returns None) as soon as the events hold something only a plugin
  reads, or that the two parsers might read differently: a ``{`` in prose (shortcodes, template
  actions, attribute lists, MDX comments), a ``<`` where the JSX rule would see a tag, a
  paragraph that the JSX block rule would take, strikethrough with other than two tildes, a
  character reference or escape it cannot place, an event it does not know.

A page it gives up on is read by markdown-it, so the result never depends on which way a page
went; ``bench/markdown_fastpath.py`` compares the two readers page by page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from markdown_it.common.normalize_url import validateLink

from tcheck.formats.inline_marks import Budget, code_elements
from tcheck.formats.markdown_fast_pieces import Offsets, minus, pyromark_module
from tcheck.formats.markdown_fast_pieces import available as available
from tcheck.formats.markdown_fast_pieces import may_take as may_take
from tcheck.formats.markdown_parser import Layout, trailing_attrs_end
from tcheck.formats.masking import EMAIL_RE, URL_RE, masked_runs
from tcheck.formats.mdx import scan_flow, scan_tag

Run = tuple[int, int]
Found = tuple[int, str, str]  # start, masked prose, kind

# Read as markup by markdown-it even where they are literal: runs of backticks that close no code
# span, and backslashes that escape nothing (its escape rule takes any backslash).
_MARKUP_CHARS = re.compile(r"`+|\\")
# A literal ``*`` or ``_`` that could open or close emphasis: not between two white spaces, and for
# ``_`` not inside a word.
_DELIMITER = re.compile(r"(?<!\s)\*|\*(?!\s)|(?<![^\W_])_(?!\s)|(?<!\s)_(?![^\W_])")
# The kind of a paragraph in the innermost of these containers (markdown.py's _KINDS).
_KINDS = {"Item": "list_item", "BlockQuote": "blockquote"}
_INLINE_EVENTS = frozenset({"Text", "Code", "InlineHtml", "SoftBreak", "HardBreak"})
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})
_CONTAINERS = frozenset({"BlockQuote", "List", "Item", "Table", "TableHead", "TableRow"})


class GiveUp(Exception):
    """The page holds something the fast reader does not read as markdown-it would."""


_REASON = [""]


def last_reason() -> str:
    """Why :func:`read_blocks` last gave up on a page (its first word), for the bench."""
    return _REASON[0]


class _Block:
    """The text block being read: its kind, layout kind, first line and prose so far."""

    __slots__ = ("braces", "end", "first", "kind", "literal", "runs", "shape", "slot", "start", "tags")

    def __init__(self, kind: str, shape: str, start: int, first: int | None) -> None:
        self.kind, self.shape, self.start = kind, shape, start
        self.first = first  # layout's first line (None: the line of the first event)
        self.end = -1  # end of the last inline event
        self.runs: list[Run] = []
        self.tags: list[Run] = []
        self.slot = -1  # index of its entry in the layout
        self.literal = 0  # 1: literal emphasis delimiters in its text, 2: literal brackets
        self.braces: list[int] = []  # where a ``{`` in its text may start trailing attributes


class _Walk:
    """One page's events turned into segments and layout (see :func:`read_blocks`)."""

    def __init__(self, source: str, starts: Sequence[int]) -> None:
        self.src = source
        self.at = Offsets(source, starts)
        self.budget = Budget.for_text(source)
        self.found: list[Found] = []
        self.text: list[tuple[int, int, str]] = []
        self.apart: list[tuple[int, int]] = []
        self.code: list[tuple[int, int, str, str]] = []
        self.stack: list[str] = []
        self.block: _Block | None = None
        self.skip = 0  # depth inside an image or autolink (no prose)
        self.code_block: tuple[int, int, str, bool] | None = None  # lines, language, fenced
        self.code_text: list[str] = []
        self.glued = -1  # end of the last link, image or code span (attributes may follow)

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        return self.at.line(start), self.at.line(max(start, end - 1)) + 1

    def open(self, name: str, start: int) -> None:
        stack = self.stack
        if name == "Heading":
            first = self.at.line(start)  # its last line comes with its text (a setext underline is not)
            self.block = _Block("heading", "heading", start, first)
            self.block.slot = len(self.text)
            self.text.append((first, first + 1, "heading"))
        elif name == "TableCell":
            row = self.at.line(start)
            self.block = _Block("table", "table", start, row)
            self.text.append((row, row + 1, "table"))
        else:
            kind = next((_KINDS[t] for t in reversed(stack) if t in _KINDS), "paragraph")
            shape = "table" if "TableRow" in stack or "TableHead" in stack else "paragraph"
            if "Heading" in stack:
                raise GiveUp("paragraph in heading")
            self.block = _Block(kind, shape, start, None)
            self.block.slot = len(self.text)
            self.text.append((-1, -1, shape))
            if (
                self.src[start] in "<{"
                and scan_flow(self.src, start, len(self.src), False, self.budget) is not None
            ):
                raise GiveUp("JSX flow")

    def close(self) -> None:
        block = self.block
        self.block = None
        if block is None:
            return
        if block.first is None:
            if block.end < 0:
                raise GiveUp("empty paragraph")
            self.text[block.slot] = (*self.lines_of(block.start, block.end), block.shape)
        elif block.shape == "heading" and block.end >= 0:
            self.text[block.slot] = (block.first, self.lines_of(block.start, block.end)[1], "heading")
        self.segment(block)

    def segment(self, block: _Block) -> None:
        src = self.src
        if src[block.start : block.end].rstrip().endswith("\\"):
            raise GiveUp("backslash")  # at the end of a block, markdown-it keeps it as text
        if not block.runs:
            return
        if block.literal == 3:
            raise GiveUp("literal-delimiter")  # with brackets, markdown-it may pair it elsewhere
        if src.find("~~", block.start, block.end) >= 0:
            raise GiveUp("tildes")  # the parsers pair tildes differently
        cuts: list[Run] = []
        for brace in block.braces:
            tail = trailing_attrs_end(src, brace, block.end)
            if tail is not None:
                if any(brace < tag_end and tag_start < tail for tag_start, tag_end in block.tags):
                    raise GiveUp("tag in attributes")
                cuts.append((brace, tail))
                break
        if block.tags:
            code_elements(src, block.tags, cuts)
        begin = block.start
        piece = src[begin : max(block.end, begin)]
        if "://" in piece or "www." in piece:
            cuts.extend((begin + a, begin + b) for a, b in (m.span() for m in URL_RE.finditer(piece)))
        if "@" in piece:
            cuts.extend((begin + a, begin + b) for a, b in (m.span() for m in EMAIL_RE.finditer(piece)))
        runs = minus(block.runs, sorted(cuts)) if cuts else block.runs
        found = masked_runs(src, runs)
        if found is not None:
            self.found.append((found[0], found[1], block.kind))

    def inline(self, key: str, value: Any, where: dict[str, int]) -> None:
        """An inline event (``key``) of the current text block."""
        start = self.at.char(where["start"])
        end = start if key == "Start" else self.at.char(where["end"])
        block = self.block
        if block is None:
            if not self.stack or self.stack[-1] != "Item":
                raise GiveUp(f"inline {key} outside a block")
            self.open("Paragraph", start)  # a tight list item's text: no Paragraph event
            block = self.block
            assert block is not None
        if block.first is None and block.end < 0:
            block.start = start
        previous = block.end
        block.end = max(block.end, end)
        # the first event on its line (a line break's range ends after the "\n")
        first_on_line = previous < 0 or self.src.find("\n", max(previous - 1, 0), start) >= 0
        if self.skip:
            return
        src = self.src
        if key == "Text":
            escaped = start > max(previous, 0) and src[start - 1] == "\\"  # the backslash is no event
            self.text_run(block, value, start, end, first_on_line, escaped)
        elif key in ("SoftBreak", "HardBreak"):  # the rest of the line is prose for markdown-it
            stop = src.find("\n", start, end)
            if stop > 0 and src[stop - 1] == "\\":
                stop -= 1  # a hard break's backslash is markup
            if stop > previous >= 0:
                block.runs.append((previous, stop))
        elif key == "Code":
            self.glued = end
        elif key == "InlineHtml":
            found = scan_tag(src, start, len(src), self.budget)
            if found is not None and found[0] != end:
                raise GiveUp("JSX tag")
            block.tags.append((start, end))

    def text_run(
        self, block: _Block, value: str, start: int, end: int, first_on_line: bool, escaped: bool
    ) -> None:
        """Plain text: prose, less what markdown-it reads as markup in it (see :data:`_MARKUP_CHARS`);
        ``escaped``: its first character is escaped by the backslash before it."""
        src = self.src
        if src.startswith(value, start) and len(value) == end - start:
            if first_on_line and value.isspace():
                raise GiveUp("blank")  # markdown-it's reader may place the lines after it one line up
            if escaped:
                block.runs.append((start, start + 1))
                start += 1
                value = value[1:]
                first_on_line = False
            if ("*" in value or "_" in value) and _DELIMITER.search(src, start, end) is not None:
                block.literal |= 1  # a delimiter left unpaired
            if "[" in value or "]" in value:
                block.literal |= 2  # a bracket that is no link
                if src.find("](", max(start - 1, 0), end + 1) >= 0:
                    raise GiveUp("link")  # no link here: markdown-it may read one
            if "{" in value:
                self.braces(block, start, end, first_on_line)
            if "<" in value:
                at = src.find("<", start, end)
                while at >= 0:
                    if scan_tag(src, at, len(src), self.budget) is not None:
                        raise GiveUp("JSX tag in text")
                    at = src.find("<", at + 1, end)
            if first_on_line:
                while start < end and src[start].isspace():
                    start += 1
            if "`" in value or "\\" in value:  # markdown-it reads every backslash as an escape
                last = start
                for match in _MARKUP_CHARS.finditer(src, start, end):
                    if match.start() > last:
                        block.runs.append((last, match.start()))
                    last = match.end()
                start = last
            if end > start:
                block.runs.append((start, end))
        elif src[start] == "\\" and end - start == 2 and value == src[start + 1]:
            block.runs.append((start + 1, end))
        elif not (src[start] == "&" and src[end - 1] == ";"):
            raise GiveUp(f"text {value!r} at {start}")
        if self.budget.left <= 0:
            raise GiveUp("budget")

    def braces(self, block: _Block, start: int, end: int, first_on_line: bool) -> None:
        """Each ``{`` of plain text at ``[start, end)``: markdown-it's rules that start there are
        its plugins' (shortcodes, MDX comments, attribute lists); only trailing attributes are
        read here (when the block is complete), the others make the page go to markdown-it."""
        src = self.src
        at = src.find("{", start, end)
        while at >= 0:
            if src.startswith(("{{", "{%", "{/*"), at) or at == self.glued or "Link" in self.stack:
                raise GiveUp("brace")
            if first_on_line and not src[start:at].strip():
                raise GiveUp("brace")  # a line of attributes
            block.braces.append(at)
            at = src.find("{", at + 1, end)

    def start(self, name: str, value: Any, where: dict[str, int]) -> None:
        if name in _INLINE_TAGS:
            self.inline("Start", None, where)
            if name in ("Link", "Image") and not validateLink(value[name]["dest_url"]):
                raise GiveUp("script link")  # markdown-it reads it as text
            if name == "Image" or (name == "Link" and value["Link"]["link_type"] in ("Autolink", "Email")):
                self.skip += 1
                self.stack.append("skip")
                return
            if name == "Strikethrough":
                self.strikethrough(where)
            self.stack.append(name)
            return
        self.close()
        if name in ("Paragraph", "Heading", "TableCell"):
            self.open(name, self.at.char(where["start"]))
        elif name == "CodeBlock":
            start, end = self.at.char(where["start"]), self.at.char(where["end"])
            fenced = isinstance(value["CodeBlock"], dict)
            info = ""
            if fenced:  # the info string as written (markdown-it leaves escapes and entities)
                line_end = self.src.find("\n", start)
                opening = self.src[start : len(self.src) if line_end < 0 else line_end]
                info = opening.lstrip(opening[:1]).strip().split(" ")[0]
                closing = self.src[start:end].rstrip().rsplit("\n", 1)[-1].strip()
                fence = len(opening) - len(opening.lstrip(opening[:1]))
                if (
                    "\n" not in self.src[start:end].rstrip()
                    or closing.strip(opening[:1])
                    or len(closing) < fence
                ):
                    raise GiveUp("unclosed fence")  # where it ends differs at the end of a page
            self.code_block = (*self.lines_of(start, end), info, fenced)
            self.code_text = []
        elif name not in _CONTAINERS and name not in ("HtmlBlock", "Rule"):
            raise GiveUp(f"block {name}")
        self.stack.append(name)

    def strikethrough(self, where: dict[str, int]) -> None:
        start, end = self.at.char(where["start"]), self.at.char(where["end"])
        src = self.src
        if not (src.startswith("~~", start) and src[end - 2 : end] == "~~"):
            raise GiveUp("strikethrough")
        if src[start + 2 : start + 3] == "~" or src[end - 3 : end - 2] == "~" or end - start < 5:
            raise GiveUp("strikethrough")

    def end(self, name: str, where: dict[str, int]) -> None:
        if name in _INLINE_TAGS and self.block is not None:
            stop = self.at.char(where["end"])  # the markup after the last text: `](url)`, `**`
            self.block.end = max(self.block.end, stop)
            if name in ("Link", "Image"):
                self.glued = stop
                destination = self.src.rfind("](", self.block.start, stop)
                if destination >= 0 and self.src.find("\\", destination, stop) >= 0:
                    raise GiveUp("link destination")  # escapes: the parsers may end it elsewhere
        if self.stack:
            top = self.stack.pop()
            if top == "skip":
                self.skip -= 1
                return
        if name in _INLINE_TAGS:
            return
        self.close()
        if name == "CodeBlock" and self.code_block is not None:
            first, last, info, fenced = self.code_block
            self.apart.append((first, last))
            content = "".join(self.code_text)
            if not fenced and not content.endswith("\n"):
                content += "\n"  # markdown-it ends an indented block's code with a line break
            self.code.append((first, last, info, content))
            self.code_block = None


def _options(pyromark: ModuleType) -> int:
    options = pyromark.Options
    return int(options.ENABLE_TABLES | options.ENABLE_STRIKETHROUGH)


def read_blocks(
    source: str, starts: Sequence[int], front: tuple[int, bool] | None
) -> tuple[list[Found], Layout] | None:
    """Segments ``(start, masked prose, kind)`` in page order and the layout of ``source``
    (front matter excluded: ``front`` is its end line, whose lines are read as blank), or None
    when the page must be read by markdown-it (see the module docstring)."""
    pyromark = pyromark_module()
    if pyromark is None:
        return None
    text = source
    if front is not None:
        cut = starts[front[0]] if front[0] < len(starts) else len(source)
        text = re.sub(r"[^\n]", " ", source[:cut]) + source[cut:]
    walk = _Walk(text, starts)
    try:
        for event, where in pyromark.events_with_range(text, options=_options(pyromark)):
            if isinstance(event, str):
                if event in _INLINE_EVENTS:
                    walk.inline(event, None, where)
                elif event != "Rule":
                    raise GiveUp(event)
                else:
                    walk.close()
                continue
            key, value = next(iter(event.items()))
            if key == "Start":
                walk.start(value if isinstance(value, str) else next(iter(value)), value, where)
            elif key == "End":
                walk.end(value if isinstance(value, str) else next(iter(value)), where)
            elif key == "Text" and walk.code_block is not None:
                walk.code_text.append(value)
            elif key in _INLINE_EVENTS:
                walk.inline(key, value, where)
            elif key == "Html":
                continue
            else:
                raise GiveUp(key)
        walk.close()
    except (GiveUp, IndexError, KeyError, TypeError, ValueError, UnicodeError) as reason:
        # whatever the fast reader cannot read, markdown-it reads (the bench counts the reasons)
        _REASON[0] = f"{type(reason).__name__}:{str(reason).split(' ')[0]}"
        return None
    apart = walk.apart
    if front is not None:
        apart.insert(0, (0, front[0]))
    layout = Layout(False, tuple(walk.text), tuple(apart), tuple(walk.code))
    walk.found.sort(key=lambda item: item[0])
    return walk.found, layout
