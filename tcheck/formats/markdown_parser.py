"""The markdown-it parsers behind the Markdown reader: CommonMark plus what documentation sites use.

One parser for Markdown and one for MDX (see :mod:`tcheck.formats.mdx`), each with:

- GFM tables and strikethrough;
- front matter, YAML ``---`` and TOML ``+++`` (:mod:`tcheck.formats.frontmatter`);
- attribute lists (read with mdit-py-plugins' ``attrs`` parser): ``{#id .class key=val}`` after
  links, images and code, on a line of their own (the plugin's block attributes), and at the end
  of a heading or paragraph (Hugo's and Docusaurus' ``## Next steps {#next-steps}``);
- definition lists and footnotes (mdit-py-plugins ``deflist``, ``footnote``); a footnote reference
  ``[^1]`` is markup even when its definition is missing;
- Docusaurus admonitions ``:::note Title`` ... ``:::`` (mdit-py-plugins ``container``, any type);
- Hugo shortcodes and template actions (:mod:`tcheck.formats.shortcodes`);
- markup recording (:mod:`tcheck.formats.inline_marks`), so each block's prose is known exactly.

:func:`layout` keeps what the markup checks need of a parse (:class:`Layout`): the reader stores
it with the document, so a page is parsed once however many checks and translations read it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attrs
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from tcheck.formats.codespans import spans_without_parse
from tcheck.formats.frontmatter import front_matter_rules
from tcheck.formats.inline_marks import KEY, SINK, Recorder, note_markup, recording_plugin
from tcheck.formats.mdx import mdx_plugin
from tcheck.formats.shortcodes import shortcodes_plugin

ADMONITION = "container_admonition_open"
_ADMONITION_TYPE = re.compile(r"\s*[A-Za-z][\w-]*")
# Docusaurus heading ids allow what attribute lists do not (``{#oci-support-prior-to-v3.8.0}``).
HEADING_ID = re.compile(r"\{#[^\s{}]+\}")
ATTRS_LIMIT = 1_024
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
BlockRule = Callable[[StateBlock, int, int, bool], bool]

_parsers: dict[bool, MarkdownIt] = {}


def trailing_attrs_end(src: str, pos: int, end: int) -> int | None:
    """End of the attribute list or heading id at ``src[pos] == "{"`` that ends a block's text at
    ``end`` (``## Next steps {#next-steps .cls}``, ``## Support {#support-in-v3.8.0}``), or None."""
    if end - pos > ATTRS_LIMIT:
        return None
    tail = src[pos:end].rstrip()
    if len(tail) < 3 or tail[-1] != "}" or "\n" in tail:
        return None
    if HEADING_ID.fullmatch(tail) is None:
        try:
            closing, _ = parse_attrs(tail)
        except ParseError:
            return None
        if closing != len(tail) - 1:
            return None
    return pos + len(tail)


def _trailing_attrs(state: StateInline, silent: bool) -> bool:
    """An attribute list or heading id that ends the block (:func:`trailing_attrs_end`): markup."""
    pos = state.pos
    end = trailing_attrs_end(state.src, pos, state.posMax) if state.src[pos] == "{" else None
    if end is None:
        return False
    if not silent:
        state.push("attrs_inline", "", 0).content = state.src[pos:end]
        note_markup(state, pos, end)
    state.pos = end
    return True


def _element_attrs(state: StateInline, silent: bool) -> bool:
    """An attribute list right after a link, image or code span, ``[x](y){target=_blank}``:
    markup (as mdit-py-plugins' ``attrs`` reads it, without reading the rest of the block)."""
    src = state.src
    pos = state.pos
    if src[pos] != "{" or state.pending or not state.tokens:
        return False
    if state.tokens[-1].type not in ("link_close", "image", "code_inline"):
        return False
    try:
        closing, _ = parse_attrs(src[pos : min(state.posMax, pos + ATTRS_LIMIT)])
    except ParseError:
        return False
    if not silent:
        state.push("attrs_inline", "", 0).content = src[pos : pos + closing + 1]
        note_markup(state, pos, pos + closing + 1)
    state.pos = pos + closing + 1
    return True


def _any_footnote_ref(state: StateInline, silent: bool) -> bool:
    """``[^label]`` whose definition is not in this file (a partial translation): markup."""
    if not state.src.startswith("[^", state.pos):
        return False
    match = _FOOTNOTE_REF.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        state.push("footnote_ref_unresolved", "", 0).content = match.group()
        note_markup(state, match.start(), match.end())
    state.pos = match.end()
    return True


def _with_row_positions(rule: BlockRule) -> BlockRule:
    """The table rule, noting on each cell's inline token where its row starts and ends."""

    def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        count = len(state.tokens)
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            for token in state.tokens[count:]:
                if token.type == "inline" and token.map:
                    line = token.map[0]
                    token.meta["row"] = (state.bMarks[line] + state.tShift[line], state.eMarks[line])
        return True

    return table


def _whole_line_attrs(rule: BlockRule) -> BlockRule:
    """The plugin's block-attribute rule, only for a line that is one attribute list
    (``{% include x.html %}text{% endif %}`` would parse as one and eat the text)."""

    def attr(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        line = state.src[pos : state.eMarks[start_line]].rstrip()
        if not line.startswith("{") or line.startswith(("{{", "{%")):
            return False
        try:
            closing, _ = parse_attrs(line)
        except ParseError:
            return False
        return closing == len(line) - 1 and rule(state, start_line, end_line, silent)

    return attr


def _admonition(params: str, *args: object) -> bool:
    return _ADMONITION_TYPE.match(params) is not None


class Block:
    """What the reader and :func:`layout` need of one block-level token (a slim copy of
    markdown-it's ``Token``, without attributes or children): a page's blocks are held until the
    page is read, and a full token costs several times the text it stands for."""

    __slots__ = ("content", "info", "map", "markup", "meta", "nesting", "type")

    def __init__(self, token: Token | None, type_: str = "", nesting: int = 0) -> None:
        if token is None:  # an opening or closing of a container, shared by all of one type
            self.type, self.nesting, self.map = type_, nesting, None
            self.content = self.info = self.markup = ""
            self.meta: dict[Any, Any] = _NO_META
            return
        self.type = token.type
        self.nesting = token.nesting
        self.map = (token.map[0], token.map[1]) if token.map else None
        self.content = token.content
        self.info = token.info
        self.markup = token.markup
        self.meta = token.meta if token.meta else _NO_META

    @classmethod
    def inline(cls, content: str, first: int, last: int) -> Block:
        """The inline block of a paragraph on lines ``[first, last)``, as markdown-it makes it."""
        block = cls(None, "inline", 0)
        block.map, block.content = (first, last), content
        return block


_NO_META: dict[Any, Any] = {}
# Tokens no reader stage looks at: paragraphs only wrap their inline token (which is kept), and
# attribute blocks only carry HTML attributes.
_DROPPED = frozenset({"paragraph_open", "paragraph_close", "attrs_block"})


class _Sink:
    """Where the blocks of the page being read go as soon as they are complete."""

    __slots__ = ("blocks", "tokens")

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.tokens: list[Token] | None = None  # the page's own token list (not a nested parse's)

    def take(self, tokens: list[Token]) -> None:
        blocks = self.blocks
        for token in tokens:
            kind = token.type
            if kind in _DROPPED:
                continue
            if token.nesting and kind != ADMONITION:  # only its type matters (the reader's stack)
                key = (kind, token.nesting)
                bare = _BARE.get(key)
                if bare is None:
                    bare = _BARE[key] = Block(None, kind, token.nesting)
                blocks.append(bare)
            else:
                blocks.append(Block(token))
        tokens.clear()


_BARE: dict[tuple[str, int], Block] = {}


_FLUSH_EVERY = 64  # top-level tokens kept before they are turned into blocks


def _flush(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A block rule that matches nothing: between two top-level blocks of a page read with a
    :class:`_Sink` in its environment, it moves the finished tokens into it as :class:`Block`."""
    sink = state.env.get(SINK)
    if not isinstance(sink, _Sink) or silent or state.level:
        return False
    if sink.tokens is None:  # the first call comes from the page's own parse, before any other rule
        sink.tokens = state.tokens
    if state.tokens is sink.tokens and len(state.tokens) >= _FLUSH_EVERY:
        sink.take(state.tokens)
    return False


def parse_blocks(md: MarkdownIt, src: str, env: dict[str, Any]) -> list[Block]:
    """The blocks of ``src`` in document order, without inline parsing: read each inline block's
    markup with :func:`block_markup` (in order: the environment carries state from one to the next).

    Token by token, a page parsed whole costs about 14 times its size at the peak; read this way,
    the tokens of a few blocks at a time are alive, and blocks keep only what the reader uses.
    """
    sink = env[SINK] = _Sink()
    try:
        tokens = md.parse(src, env)
        sink.take(tokens)
    finally:
        del env[SINK]
    return sink.blocks


def block_markup(md: MarkdownIt, content: str, env: dict[str, Any]) -> list[tuple[int, int]]:
    """The markup ranges of one inline block's ``content`` (see :mod:`tcheck.formats.inline_marks`),
    parsed with the page's environment, whose :class:`Recorder` is under ``KEY``."""
    recorder = env[KEY]
    recorder.begin(content)
    _parse_inline(md, content, env, recorder)
    return list(recorder.finish())


def _parse_inline(md: MarkdownIt, src: str, env: dict[str, Any], recorder: Recorder) -> None:
    """Parse ``src`` inline for its markup, into ``recorder``: text with no inline markup
    character is not parsed, and text whose only one is the backtick is read by
    :func:`~tcheck.formats.codespans.code_spans` (a quarter of helm-www's blocks: their parse
    was a third of the inline parsing)."""
    spans = spans_without_parse(src)
    if spans is None:
        md.inline.parse(src, md, env, [])
    else:
        recorder.ranges.extend(spans)


def _ignore(*args: object, **kwargs: object) -> None:
    """A debug message dropped unread."""


def quiet_rule_logging() -> list[str]:
    """Names of markdown-it's block-rule loggers whose debug messages are dropped from now on.

    Each block rule logs its entry at debug level, one call for every rule tried on every line
    (about 900,000 calls for the 1,652 pages of helm-www, 6% of reading them), which costs a
    logger call even when nobody listens. A logger for which debug messages are enabled when a
    parser is built keeps them (to debug markdown-it, configure logging first)."""
    quieted = []
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if not name.startswith("markdown_it.rules_block.") or not isinstance(logger, logging.Logger):
            continue
        if not logger.isEnabledFor(logging.DEBUG):
            logger.debug = _ignore  # type: ignore[method-assign]
            quieted.append(name)
    return quieted


def _as_written(url: str) -> str:
    """A link destination as written: the reader keeps no link's URL (the markup checks read
    destinations from the file), so markdown-it's normalisation (percent-encoding, punycode) is
    work for nothing. Whether a link is valid is still asked of it, and does not depend on the
    encoding (a ``javascript:`` or ``data:`` scheme reads the same before and after)."""
    return url


def _build(mdx: bool) -> MarkdownIt:
    quiet_rule_logging()
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # 3% of reading helm-www's pages went to normalising link URLs that nothing reads
    md.normalizeLink = _as_written  # type: ignore[method-assign]
    md.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]
    front_matter_rules(md)
    md.use(deflist_plugin)
    md.use(footnote_plugin, inline=False)
    md.core.ruler.disable("footnote_tail")  # definitions stay where they are written
    md.use(container_plugin, name="admonition", validate=_admonition)
    md.use(attrs_block_plugin)
    mdx_plugin(md, mdx=mdx)
    shortcodes_plugin(md)
    md.inline.ruler.before("linkify", "trailing_attrs", _trailing_attrs)
    md.inline.ruler.push("element_attrs", _element_attrs)
    md.inline.ruler.after("footnote_ref", "footnote_ref_any", _any_footnote_ref)
    wrappers = {"table": _with_row_positions, "attr": _whole_line_attrs}
    for rule in list(md.block.ruler.__rules__):
        if rule.name in wrappers:
            md.block.ruler.at(rule.name, wrappers[rule.name](rule.fn), {"alt": rule.alt})
    recording_plugin(md)
    md.block.ruler.before(md.block.ruler.__rules__[0].name, "tcheck_flush", _flush)
    return md


def parser(mdx: bool) -> MarkdownIt:
    """The shared parser for MDX (``mdx``) or Markdown."""
    md = _parsers.get(mdx)
    if md is None:
        md = _parsers[mdx] = _build(mdx)
    return md


def inline_markup(md: MarkdownIt, src: str) -> list[tuple[int, int]]:
    """Markup ranges of ``src`` read as the text of one block (a title, a table cell)."""
    recorder = Recorder()
    recorder.begin(src)
    _parse_inline(md, src, {KEY: recorder}, recorder)
    return recorder.finish()


# Blocks that hold no text: their lines are set apart from the markup scan (code blocks are kept).
_APART = frozenset({"front_matter", "mdx_esm", "fence", "code_block"})
_CODE = frozenset({"fence", "code_block"})


@dataclass(frozen=True)
class Layout:
    """The block structure of one parsed page, in 0-based line ranges ``[first, last)``.

    ``text`` holds each inline token's lines and kind (``heading``, ``table`` or ``paragraph``) in
    token order; ``apart`` the lines of front matter, MDX ``import``/``export`` and code blocks;
    ``code`` each code block's lines, info string and content. ``memo`` keeps what is derived from
    it (the markup of the page) for the life of the document; it is not pickled.
    """

    mdx: bool
    text: tuple[tuple[int, int, str], ...]
    apart: tuple[tuple[int, int], ...]
    code: tuple[tuple[int, int, str, str], ...]
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {"mdx": self.mdx, "text": self.text, "apart": self.apart, "code": self.code}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "memo", {})


def layout(tokens: Sequence[Token] | Sequence[Block], mdx: bool) -> Layout:
    """The :class:`Layout` of a page from its tokens (or the :class:`Block` of them)."""
    text: list[tuple[int, int, str]] = []
    apart: list[tuple[int, int]] = []
    code: list[tuple[int, int, str, str]] = []
    stack: list[str] = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1:
            if stack:
                stack.pop()
        if not token.map:
            continue
        first, last = token.map
        if token.type in _APART:
            apart.append((first, last))
            if token.type in _CODE:
                code.append((first, last, token.info.strip().split(" ")[0], token.content))
        elif token.type == "inline":
            kind = "heading" if "heading_open" in stack else "table" if "tr_open" in stack else "paragraph"
            text.append((first, max(last, first + 1), kind))  # a definition term's map is empty
    return Layout(mdx, tuple(text), tuple(apart), tuple(code))
