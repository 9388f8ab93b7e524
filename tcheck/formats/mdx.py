"""MDX for the Markdown reader: ESM lines, JSX elements and ``{expressions}`` are markup.

MDX (``.mdx`` files, and the ``.md`` files of sites such as Docusaurus that read Markdown as MDX)
adds three things to Markdown, and none of them is prose:

- ``import``/``export`` statements at the top level (a block that ends at a blank line);
- JSX elements, ``<Tabs groupId="os">``, ``<TabItem value="a" label="Helm 3">``, ``<Foo bar={1} />``,
  ``</Tabs>``, ``<>``, with their attributes, which may span lines;
- ``{expressions}``, including MDX comments ``{/* #some-anchor */}``.

The text children of a JSX element (``<TabItem>Install with Helm 3</TabItem>``) are prose.
Attribute values such as ``label="Helm 3"`` are markup for now.

In a ``.md`` file only what cannot be prose is taken: strict ``import ... from '...'`` and
``export const|function|default ...`` lines, complete JSX tags and ``{/* comments */}``; a braced
phrase in ordinary prose stays prose.

These are markdown-it rules (block and inline), so every position comes from the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from tcheck.formats.inline_marks import Budget, budget_of, note_markup, note_tag

BlockRule = Callable[[StateBlock, int, int, bool], bool]
InlineRule = Callable[[StateInline, bool], bool]

_NAME = re.compile(r"[^\W\d][\w$-]*(?:[.:][^\W\d][\w$-]*)*")  # JS identifiers: any letter
_ATTR_NAME = re.compile(r"[A-Za-z_$][\w$:.-]*")
_BRACE_STOP = re.compile(r"[{}\"'`]|/\*|//")
_STRING_END = {'"': re.compile(r'(?:[^"\\\n]|\\.)*"'), "'": re.compile(r"(?:[^'\\\n]|\\.)*'")}
_TEMPLATE_END = re.compile(r"(?:[^`\\]|\\.)*`", re.S)
# Elements whose content is not Markdown: everything up to the closing tag is markup.
_RAW_ELEMENTS = frozenset({"script", "style", "pre", "textarea"})
# At most this many characters are scanned for one tag or expression (unclosed braces).
_LIMIT = 20_000

_ESM_MDX = re.compile(r"(?:import|export)(?=[\s{*])")
ESM_STRICT = re.compile(
    r"""import\s+(?:[\w$*{][^\n]*?\s+from\s+)?["'][^"'\n]+["'];?[ \t]*$"""
    r"""|import\s*(?:type\s+)?\{[^\n]*$"""
    r"""|import\s+[\w$]+\s*,?\s*(?:\{[^\n]*)?$"""
    r"""|export\s+(?:const|let|var|function|async|class|default|type|interface|\{|\*)""",
    re.M,
)


def scan_braces(src: str, pos: int, end: int, budget: Budget) -> int | None:
    """End (after ``}``) of the balanced expression opened at ``src[pos] == "{"``, or None.

    Strings, template literals and comments are skipped, so a ``}`` inside them does not count.
    The characters looked at are taken from ``budget``; with none left, nothing is an expression.
    """
    if budget.left <= 0:
        return None
    depth = 0
    i = pos
    end = min(end, pos + _LIMIT)
    while True:
        match = _BRACE_STOP.search(src, i, end)
        if match is None:
            budget.left -= end - pos
            return None
        token = match.group()
        i = match.end()
        if token == "{":
            depth += 1
            continue
        if token == "}":
            depth -= 1
            if depth == 0:
                budget.left -= i - pos
                return i
            continue
        if token == "/*":
            close = src.find("*/", i, end)
            i = -1 if close < 0 else close + 2
        elif token == "//":
            close = src.find("\n", i, end)
            i = -1 if close < 0 else close + 1
        else:
            pattern = _TEMPLATE_END if token == "`" else _STRING_END[token]
            found = pattern.match(src, i, end)
            i = -1 if found is None else found.end()
        if i < 0:
            budget.left -= end - pos
            return None


def _skip_space(src: str, i: int, end: int) -> int:
    while i < end and src[i].isspace():
        i += 1
    return i


def _attribute_value(src: str, i: int, end: int, budget: Budget) -> int | None:
    if i >= end:
        return None
    first = src[i]
    if first == "{":
        return scan_braces(src, i, end, budget)
    if first in "\"'":
        close = src.find(first, i + 1, end)
        budget.left -= (end if close < 0 else close) - i
        return None if close < 0 else close + 1
    if first == "<":
        found = scan_tag(src, i, end, budget)
        return None if found is None else found[0]
    return None


def scan_tag(src: str, pos: int, end: int, budget: Budget) -> tuple[int, str, bool] | None:
    """``(end, name, closing)`` of the JSX tag at ``src[pos] == "<"``, or None when it is not one.

    ``name`` is empty for a fragment (``<>``, ``</>``); ``closing`` is true for ``</name>``.
    """
    if budget.left <= 0:
        return None
    end = min(end, pos + _LIMIT)
    i = pos + 1
    closing = i < end and src[i] == "/"
    if closing:
        i += 1
    match = _NAME.match(src, i, end)
    name = ""
    if match is not None:
        name = match.group()
        i = match.end()
    elif i >= end or src[i] != ">":
        return None
    while True:
        i = _skip_space(src, i, end)
        if i >= end:
            break
        char = src[i]
        if char == ">":
            budget.left -= i - pos
            return i + 1, name, closing
        if char == "/" and not closing:
            i = _skip_space(src, i + 1, end)
            budget.left -= i - pos
            return (i + 1, name, closing) if i < end and src[i] == ">" else None
        if closing or not name:
            break
        if char == "{":
            found = scan_braces(src, i, end, budget)
            if found is None:
                break
            i = found
            continue
        attr = _ATTR_NAME.match(src, i, end)
        if attr is None or (attr.start() > pos and not src[attr.start() - 1].isspace()):
            break
        i = attr.end()
        after = _skip_space(src, i, end)
        if after < end and src[after] == "=":
            value = _attribute_value(src, _skip_space(src, after + 1, end), end, budget)
            if value is None:
                break
            i = value
    budget.left -= i - pos
    return None


def _closing_of(src: str, name: str, pos: int, end: int, budget: Budget) -> int | None:
    """End of ``</name>`` after ``pos`` (the content of ``<pre>``, ``<script>``... is not read)."""
    limit = min(end, pos + _LIMIT)
    found = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(src, pos, limit)
    budget.left -= (limit if found is None else found.end()) - pos
    return None if found is None else found.end()


def scan_flow(src: str, pos: int, end: int, mdx: bool, budget: Budget) -> int | None:
    """End of a run of JSX tags, ``{expressions}`` and HTML comments that fills whole lines."""
    i: int | None = pos
    while i is not None and budget.left > 0:
        char = src[i] if i < end else ""
        if src.startswith("<!--", i):
            limit = min(end, i + _LIMIT)
            close = src.find("-->", i + 4, limit)
            budget.left -= (limit if close < 0 else close) - i
            i = None if close < 0 else close + 3
        elif char == "<":
            found = scan_tag(src, i, end, budget)
            if found is None:
                return None
            i, name, closing = found
            if name.lower() in _RAW_ELEMENTS and not closing and src[i - 2] != "/":
                i = _closing_of(src, name, i, end, budget)
        elif char == "{" and (mdx or src.startswith("{/*", i)):
            i = scan_braces(src, i, end, budget)
        else:
            return None
        if i is None:
            return None
        while i < end and src[i] in " \t":
            i += 1
        if i >= end or src[i] == "\n":
            return i
        if src[i] not in "<{":
            return None
    return None


def _line_of(state: StateBlock, offset: int, start_line: int, end_line: int) -> int:
    line = start_line
    while line < end_line - 1 and state.eMarks[line] < offset:
        line += 1
    return line


def _flow_rule(mdx: bool) -> BlockRule:
    def jsx_flow(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        """Block-level JSX tags, expressions and comments on lines of their own: markup."""
        pos = state.bMarks[start_line] + state.tShift[start_line]
        if pos >= state.eMarks[start_line] or state.src[pos] not in "<{":
            return False
        if not mdx and state.is_code_block(start_line):
            return False
        done = scan_flow(state.src, pos, len(state.src), mdx, budget_of(state.env))
        if done is None:
            return False
        if silent:
            return True
        last = _line_of(state, done, start_line, end_line)
        token = state.push("mdx_flow", "", 0)
        token.map = [start_line, last + 1]
        token.content = state.src[pos:done]
        state.line = last + 1
        return True

    return jsx_flow


def _esm_rule(mdx: bool) -> BlockRule:
    start_pattern = _ESM_MDX if mdx else ESM_STRICT

    def mdx_esm(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        """Top-level ``import``/``export`` statements, up to the next blank line: markup."""
        if state.level != 0 or state.sCount[start_line] != 0 or state.blkIndent != 0:
            return False
        pos = state.bMarks[start_line]
        if state.src[pos : pos + 1] not in ("i", "e"):
            return False
        if start_pattern.match(state.src, pos, state.eMarks[start_line]) is None:
            return False
        if silent:
            return True
        line = start_line + 1
        while line < end_line and not state.isEmpty(line):
            line += 1
        token = state.push("mdx_esm", "", 0)
        token.map = [start_line, line]
        token.content = state.src[pos : state.eMarks[line - 1]]
        state.line = line
        return True

    return mdx_esm


def _inline_jsx(state: StateInline, silent: bool) -> bool:
    """An inline JSX tag (``<Highlight color="#25c2a0">``, ``</Highlight>``, ``<br/>``)."""
    if state.src[state.pos] != "<":
        return False
    found = scan_tag(state.src, state.pos, state.posMax, budget_of(state.env))
    if found is None:
        return False
    if not silent:
        token = state.push("mdx_jsx_inline", "", 0)
        token.content = state.src[state.pos : found[0]]
        note_tag(state, state.pos, found[0])
    state.pos = found[0]
    return True


def _expression_rule(mdx: bool) -> InlineRule:
    def mdx_expression(state: StateInline, silent: bool) -> bool:
        """An inline ``{expression}`` (MDX) or ``{/* comment */}`` (also in Markdown)."""
        pos = state.pos
        if state.src[pos] != "{":
            return False
        if mdx:
            found = scan_braces(state.src, pos, state.posMax, budget_of(state.env))
        elif state.src.startswith("{/*", pos):
            budget = budget_of(state.env)
            limit = min(state.posMax, pos + _LIMIT)
            close = state.src.find("*/}", pos + 3, limit) if budget.left > 0 else -1
            budget.left -= (limit if close < 0 else close) - pos
            found = None if close < 0 else close + 3
        else:
            return False
        if found is None:
            return False
        if not silent:
            token = state.push("mdx_expression", "", 0)
            token.content = state.src[pos:found]
            note_markup(state, pos, found)
        state.pos = found
        return True

    return mdx_expression


def mdx_plugin(md: MarkdownIt, *, mdx: bool) -> None:
    """Add the MDX rules to ``md``: full MDX when ``mdx``, the unambiguous subset otherwise.

    In full MDX the HTML block rule and indented code are turned off, as MDX does: a ``<div>``
    line is a JSX element whose text children are prose, and indentation is not code.
    """
    if mdx:
        md.disable(["html_block", "code"])
        md.block.ruler.before("fence", "mdx_flow", _flow_rule(True), {"alt": ["paragraph"]})
    else:
        md.block.ruler.after("html_block", "mdx_flow", _flow_rule(False))
    md.block.ruler.before("paragraph", "mdx_esm", _esm_rule(mdx))
    md.inline.ruler.before("html_inline", "mdx_jsx", _inline_jsx)
    md.inline.ruler.before("linkify", "mdx_expression", _expression_rule(mdx))
