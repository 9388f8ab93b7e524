"""A faster way to read most Markdown pages: pyromark's events with their source ranges.

pyromark (Rust's pulldown-cmark) reads CommonMark with GFM tables many times as fast as
markdown-it-py with tcheck's plugins. It has none of the plugins, so a page goes
this way only when nothing in it needs one, and what it reads is exactly what
:func:`tcheck.formats.markdown.read` makes of the page through markdown-it: the same segments
(start, masked prose, kind), the same front matter and the same :class:`Layout`.

Two gates keep it exact:

- :func:`~tcheck.formats.markdown_fast_pieces.may_take` looks at the page before it is parsed: not
  MDX, no footnotes, definition lists, admonitions or MDX ``import``/``export`` lines, no
  reference definition but simple ones, no line ending in a no-break space;
- :func:`read_blocks` gives up (returns None) as soon as the events hold something only a plugin
  reads, or that the two parsers might read differently: a ``{`` in prose (shortcodes, template
  actions, attribute lists, MDX comments), a ``<`` where the JSX rule would see a tag, a
  paragraph that the JSX block rule would take, ``~~`` (the parsers pair tildes differently), a
  literal ``*``/``_`` beside a bracket that is no link, a link with an escape in its destination
  or a script destination, a backslash that ends a block, an unclosed fence, a character
  reference or escape it cannot place, an event it does not know.

A page it gives up on is read by markdown-it, so the result never depends on which way a page
went; ``bench/markdown_fastpath.py`` compares the two readers page by page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it.common.normalize_url import validateLink

from tcheck.formats.inline_marks import Budget, code_elements
from tcheck.formats.markdown_fast_pieces import (
    DELIMITER,
    MARKUP_CHARS,
    REASON,
    SPECIAL,
    Offsets,
    Run,
    TextBlock,
    fence_info,
    minus,
    options,
    pyromark_module,
)
from tcheck.formats.markdown_fast_pieces import available as available
from tcheck.formats.markdown_fast_pieces import last_reason as last_reason
from tcheck.formats.markdown_fast_pieces import may_take as may_take
from tcheck.formats.markdown_parser import Layout, trailing_attrs_end
from tcheck.formats.masking import EMAIL_RE, URL_RE, masked_runs
from tcheck.formats.mdx import scan_flow, scan_tag

Found = tuple[int, str, str]  # start, masked prose, kind

# The kind of a paragraph in the innermost of these containers (markdown.py's _KINDS).
_KINDS = {"Item": "list_item", "BlockQuote": "blockquote"}
_INLINE_EVENTS = frozenset({"Text", "Code", "InlineHtml", "SoftBreak", "HardBreak"})
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Link", "Image"})
_CONTAINERS = frozenset({"BlockQuote", "List", "Item", "Table", "TableHead", "TableRow"})


class GiveUp(Exception):
    """The page holds something the fast reader does not read as markdown-it would."""


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
        self.block: TextBlock | None = None
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
            self.block = TextBlock("heading", "heading", start, first)
            self.block.slot = len(self.text)
            self.text.append((first, first + 1, "heading"))
        elif name == "TableCell":
            row = self.at.line(start)
            self.block = TextBlock("table", "table", start, row)
            self.text.append((row, row + 1, "table"))
        else:
            kind = next((_KINDS[t] for t in reversed(stack) if t in _KINDS), "paragraph")
            shape = "table" if "TableRow" in stack or "TableHead" in stack else "paragraph"
            if "Heading" in stack:
                raise GiveUp("paragraph in heading")
            self.block = TextBlock(kind, shape, start, None)
            self.block.slot = len(self.text)
            self.text.append((-1, -1, shape))
            src = self.src
            if src[start] in "<{" and scan_flow(src, start, len(src), False, self.budget):
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

    def segment(self, block: TextBlock) -> None:
        src = self.src
        if block.end < 0:
            return  # no text (an empty heading or table cell)
        last = block.end - 1
        while last > block.start and src[last] in " \t\n":
            last -= 1
        if src[last] == "\\":
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
        begin, end = block.start, max(block.end, block.start)
        if src.find("://", begin, end) >= 0 or src.find("www.", begin, end) >= 0:
            piece = src[begin:end]  # matched as markdown-it does, in the block's text alone
            cuts.extend((begin + a, begin + b) for a, b in (m.span() for m in URL_RE.finditer(piece)))
        if src.find("@", begin, end) >= 0:
            piece = src[begin:end]
            cuts.extend((begin + a, begin + b) for a, b in (m.span() for m in EMAIL_RE.finditer(piece)))
        runs = minus(block.runs, sorted(cuts)) if cuts else block.runs
        found = masked_runs(src, runs)
        if found is not None:
            self.found.append((found[0], found[1], block.kind))

    def text_event(self, value: str, where: dict[str, int]) -> None:
        """A Text event: plain text in the middle of a line with no character that markdown-it
        may read otherwise is prose as it is; anything else goes to :meth:`place`."""
        at = self.at
        if at.data is None:
            start, end = where["start"], where["end"]
        else:
            start, end = at.char(where["start"]), at.char(where["end"])
        block = self.block
        if block is not None and not self.skip:
            previous = block.end
            src = self.src
            if (
                previous > 0
                and end - start == len(value)
                and src[start - 1] != "\\"
                and src.find("\n", previous - 1, start) < 0
                and SPECIAL.search(value) is None
                and src.startswith(value, start)
            ):
                if end > previous:
                    block.end = end
                block.runs.append((start, end))
                return
        self.place("Text", value, start, end)

    def inline(self, key: str, value: Any, where: dict[str, int]) -> None:
        """An inline event (``key``) of the current text block."""
        start = self.at.char(where["start"])
        self.place(key, value, start, start if key == "Start" else self.at.char(where["end"]))

    def place(self, key: str, value: Any, start: int, end: int) -> None:
        """An inline event ``key`` at ``[start, end)`` of the page (the start of an inline tag)."""
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
        if end > previous:
            block.end = end
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
        self, block: TextBlock, value: str, start: int, end: int, first_on_line: bool, escaped: bool
    ) -> None:
        """Plain text: prose, less what markdown-it reads as markup in it (see :data:`MARKUP_CHARS`);
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
            if ("*" in value or "_" in value) and DELIMITER.search(src, start, end) is not None:
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
                for match in MARKUP_CHARS.finditer(src, start, end):
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

    def braces(self, block: TextBlock, start: int, end: int, first_on_line: bool) -> None:
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
            self.stack.append(name)
            return
        if self.block is not None:
            self.close()
        if name in ("Paragraph", "Heading", "TableCell"):
            self.open(name, self.at.char(where["start"]))
        elif name == "CodeBlock":
            start, end = self.at.char(where["start"]), self.at.char(where["end"])
            fenced = isinstance(value["CodeBlock"], dict)
            info = ""
            if fenced:
                found = fence_info(self.src, start, end)
                if found is None:
                    raise GiveUp("unclosed fence")  # where it ends differs at the end of a page
                info = found
            self.code_block = (*self.lines_of(start, end), info, fenced)
            self.code_text = []
        elif name not in _CONTAINERS and name not in ("HtmlBlock", "Rule"):
            raise GiveUp(f"block {name}")
        self.stack.append(name)

    def end(self, name: str, where: dict[str, int]) -> None:
        block = self.block
        if name in _INLINE_TAGS and block is not None:
            stop = self.at.char(where["end"])  # the markup after the last text: `](url)`, `**`
            if stop > block.end:
                block.end = stop
            if name in ("Link", "Image"):
                self.glued = stop
                destination = self.src.rfind("](", block.start, stop)
                if destination >= 0 and self.src.find("\\", destination, stop) >= 0:
                    raise GiveUp("link destination")  # escapes: the parsers may end it elsewhere
        if self.stack:
            top = self.stack.pop()
            if top == "skip":
                self.skip -= 1
                return
        if name in _INLINE_TAGS:
            return
        if block is not None:
            self.close()
        if name == "CodeBlock" and self.code_block is not None:
            first, last, info, fenced = self.code_block
            self.apart.append((first, last))
            content = "".join(self.code_text)
            if not fenced and not content.endswith("\n"):
                content += "\n"  # markdown-it ends an indented block's code with a line break
            self.code.append((first, last, info, content))
            self.code_block = None


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
        for event, where in pyromark.events_with_range(text, options=options(pyromark)):
            if event.__class__ is str:
                if event in _INLINE_EVENTS:
                    walk.inline(event, None, where)
                elif event != "Rule":
                    raise GiveUp(event)
                elif walk.block is not None:
                    walk.close()
                continue
            [(key, value)] = event.items()
            if key == "Text":
                if walk.code_block is None:
                    walk.text_event(value, where)
                else:
                    walk.code_text.append(value)
            elif key == "Start":
                walk.start(value if value.__class__ is str else next(iter(value)), value, where)
            elif key == "End":
                walk.end(value if value.__class__ is str else next(iter(value)), where)
            elif key in _INLINE_EVENTS:
                walk.inline(key, value, where)
            elif key == "Html":
                continue
            else:
                raise GiveUp(key)
        walk.close()
    except (GiveUp, IndexError, KeyError, TypeError, ValueError, UnicodeError) as reason:
        # whatever the fast reader cannot read, markdown-it reads (the bench counts the reasons)
        REASON[0] = f"{type(reason).__name__}:{str(reason).split(' ')[0]}"
        return None
    apart = walk.apart
    if front is not None:
        apart.insert(0, (0, front[0]))
    layout = Layout(False, tuple(walk.text), tuple(apart), tuple(walk.code))
    walk.found.sort(key=lambda item: item[0])
    return walk.found, layout
