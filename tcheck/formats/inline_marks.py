"""Where the markup is inside the text of one Markdown block, as markdown-it parses it.

markdown-it's inline tokens carry no positions. This module wraps the inline rules of a parser so
that each rule that matched records the range of the inline source it consumed; after the block
is parsed, :meth:`Recorder.finish` returns the ranges that are markup, in offsets of the block's
inline source (``Token.content``). Everything outside them is prose.

What each construct leaves as prose:

- code spans, images (their alt text too), autolinks, raw HTML tags and comments, entities
  (``&nbsp;``), footnote references ``[^1]`` and attribute lists ``{.class}``: nothing;
- links ``[text](url "title")`` and ``[text][ref]``: the text;
- emphasis and strikethrough: the text, not the ``*``/``_``/``~~`` that were used as markers (an
  underscore inside ``snake_case`` stays, since it is not a marker);
- backslash escapes: the escaped character, not the backslash;
- the content of ``<kbd>``, ``<code>``, ``<samp>``, ``<var>``, ``<pre>``, ``<tt>`` elements: nothing
  (key names and code);
- bare URLs and e-mail addresses: nothing.

The recorder lives in the parser's ``env`` under :data:`KEY`; a nested parse (an image's alt text)
has another source string and is not recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from tcheck.formats.masking import EMAIL_RE, URL_RE

KEY = "tcheck.marks"
BUDGET = "tcheck.budget"
# With this key in the environment, blocks are read as a stream (markdown_parser.parse_blocks) and
# their inline parse is left to the reader, one block at a time.
SINK = "tcheck.blocks"
InlineRule = Callable[[StateInline, bool], bool]

_WHOLE = frozenset({"backticks", "image", "autolink", "entity", "footnote_ref", "attr"})
_TAGS = frozenset({"html_inline"})
_DELIMITERS = frozenset({"emphasis", "strikethrough"})
_CODE_TAG = re.compile(r"<(/?)(kbd|code|samp|var|pre|tt)\b", re.I)


class Recorder:
    """The markup ranges found while one inline source is parsed."""

    __slots__ = ("delimiters", "ranges", "src", "tags")

    def __init__(self) -> None:
        self.src: str | None = None
        self.ranges: list[tuple[int, int]] = []
        self.tags: list[tuple[int, int]] = []
        self.delimiters: list[tuple[int, list[tuple[Token, int]]]] = []

    def begin(self, src: str) -> None:
        self.src = src
        self.ranges = []
        self.tags = []
        self.delimiters = []

    def finish(self) -> list[tuple[int, int]]:
        """Sorted markup ranges of the source given to :meth:`begin`."""
        src = self.src or ""
        ranges = self.ranges
        if self.tags:
            code_elements(src, self.tags, ranges)
        if "://" in src or "www." in src:
            ranges.extend(m.span() for m in URL_RE.finditer(src))
        if "@" in src:
            ranges.extend(m.span() for m in EMAIL_RE.finditer(src))
        ranges.sort()
        self.src = None
        return ranges


class Budget:
    """How many more characters the rules written for tcheck may look at while searching for the
    end of a construct (an unclosed ``{``, ``<Tag``, ``{{``), so that no input makes the reader
    slower than linear: once spent, such constructs are read as text."""

    __slots__ = ("left",)

    def __init__(self, chars: int) -> None:
        self.left = chars

    @classmethod
    def for_text(cls, text: str) -> Budget:
        return cls(16 * len(text) + 65_536)


def budget_of(env: Any) -> Budget:
    """The budget kept in a parser environment (a fresh one if there is none)."""
    budget = env.get(BUDGET)
    if not isinstance(budget, Budget):
        budget = env[BUDGET] = Budget(65_536)
    return budget


def code_elements(src: str, tags: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> None:
    """The content between ``<kbd>`` and ``</kbd>`` (and the other code elements) is markup."""
    open_at: dict[str, int] = {}
    for start, end in tags:
        match = _CODE_TAG.match(src, start)
        if match is None:
            continue
        name = match.group(2).lower()
        if not match.group(1):
            if src[end - 2 : end] != "/>":
                open_at.setdefault(name, end)
        elif name in open_at:
            ranges.append((open_at.pop(name), start))


def recorder_of(state: StateInline) -> Recorder | None:
    """The recorder of the inline source being parsed, or None (not recording, nested parse)."""
    rec = state.env.get(KEY)
    if isinstance(rec, Recorder) and rec.src is state.src:
        return rec
    return None


def note_markup(state: StateInline, start: int, end: int) -> None:
    """Record ``[start, end)`` of the inline source as markup (for rules written for tcheck)."""
    rec = recorder_of(state)
    if rec is not None:
        rec.ranges.append((start, end))


def note_tag(state: StateInline, start: int, end: int) -> None:
    """Record a tag (markup) whose element may hold code, e.g. ``<kbd>``."""
    rec = recorder_of(state)
    if rec is not None:
        rec.ranges.append((start, end))
        rec.tags.append((start, end))


def _recording(note: Callable[[StateInline, int, int], None]) -> Callable[[InlineRule], InlineRule]:
    """A wrapper of inline rules that records what each match consumed with ``note``."""

    def wrap(rule: InlineRule) -> InlineRule:
        def recorded(state: StateInline, silent: bool) -> bool:
            start = state.pos
            if not rule(state, silent):
                return False
            if not silent:
                note(state, start, state.pos)
            return True

        return recorded

    return wrap


_wrap_whole = _recording(note_markup)
_wrap_tag = _recording(note_tag)


def _wrap_escape(rule: InlineRule) -> InlineRule:
    def escape(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent and state.src[start] == "\\":
            note_markup(state, start, start + 1)
        return True

    return escape


def _wrap_link(rule: InlineRule) -> InlineRule:
    def link(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent:
            rec = recorder_of(state)
            if rec is not None:
                end = state.pos
                label_end = parseLinkLabel(state, start, True)
                if label_end < 0:
                    rec.ranges.append((start, end))
                else:
                    rec.ranges.append((start, start + 1))
                    rec.ranges.append((label_end, end))
        return True

    return link


def _wrap_delimiters(rule: InlineRule) -> InlineRule:
    def delimiters(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        if state.pending:
            state.pushPending()
        start = state.pos
        count = len(state.tokens)
        if not rule(state, silent):
            return False
        rec = recorder_of(state)
        if rec is not None:
            rec.delimiters.append((start, [(t, len(t.content)) for t in state.tokens[count:]]))
        return True

    return delimiters


def _classify_delimiters(state: StateInline) -> None:
    """After emphasis pairing: a delimiter that became a marker is markup, a literal one is not."""
    rec = recorder_of(state)
    if rec is None or not rec.delimiters:
        return
    for start, items in rec.delimiters:
        offset = start
        for token, length in items:
            if token.type != "text" or not token.content:
                rec.ranges.append((offset, offset + length))
            offset += length
    rec.delimiters = []


def _parse_inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, recording the markup of each inline token in its
    ``meta["markup"]`` when a :class:`Recorder` is in the environment."""
    rec = state.env.get(KEY)
    if SINK in state.env:
        return  # the blocks are parsed inline one at a time as they are read
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if not isinstance(rec, Recorder):
            md.inline.parse(token.content, md, state.env, token.children)
            continue
        rec.begin(token.content)
        md.inline.parse(token.content, md, state.env, token.children)
        token.meta["markup"] = rec.finish()


def recording_plugin(md: MarkdownIt) -> None:
    """Make ``md`` record markup ranges; apply after every plugin that adds inline rules."""
    wrappers: dict[str, Callable[[InlineRule], InlineRule]] = {
        "escape": _wrap_escape,
        "link": _wrap_link,
    }
    wrappers.update(dict.fromkeys(_WHOLE, _wrap_whole))
    wrappers.update(dict.fromkeys(_TAGS, _wrap_tag))
    wrappers.update(dict.fromkeys(_DELIMITERS, _wrap_delimiters))
    for rule in list(md.inline.ruler.__rules__):
        wrap = wrappers.get(rule.name)
        if wrap is not None:
            md.inline.ruler.at(rule.name, wrap(rule.fn))
    md.inline.ruler2.before("fragments_join", "tcheck_delimiters", _classify_delimiters)
    md.core.ruler.at("inline", _parse_inline)
