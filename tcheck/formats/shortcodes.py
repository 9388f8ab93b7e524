"""Hugo shortcodes and Go/Jinja/Liquid template actions for the Markdown reader: markup.

- Shortcodes ``{{< figure src="a.png" caption="..." >}}``, ``{{% alert title="Note" %}}`` and their
  closing forms ``{{< /tab >}}`` are markup with all their arguments. The text between an opening
  and a closing shortcode is read as Markdown like any other text, so it is prose.
- Template actions ``{{ .Title }}``, ``{{ if not $x }}``, ``{{/* comment */}}``, ``{{- end -}}``,
  ``{% include x.html %}``, ``{%- raw -%}`` are markup.
- A code shortcode (``{{< highlight go >}}`` ... ``{{< /highlight >}}``, Liquid
  ``{% highlight %}`` ... ``{% endhighlight %}``) is a code block: all of it is markup.
- A link whose destination is a shortcode, ``[the chart guide]({{< ref "charts.md" >}})``, keeps its
  text as prose and its brackets and destination as markup, as Hugo (which expands shortcodes
  before Markdown) renders it.

An action never spans a blank line. Lines that hold nothing but actions are a markup block, so a
shortcode split over several lines (``>}}`` alone on the last line) does not start a quote.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from tcheck.formats.inline_marks import Budget, budget_of, note_markup

_CLOSERS = {"{{<": ">}}", "{{%": "%}}", "{{": "}}", "{%": "%}"}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CODE_OPEN = re.compile(r"\{\{[<%]\s*(highlight)\b|\{%-?\s*(highlight)\b")
_CODE_CLOSE = {
    "{{": re.compile(r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}"),
    "{%": re.compile(r"\{%-?\s*endhighlight\s*-?%\}"),
}
_LINK_TAIL = re.compile(r"[^\s()]*\)")
_OPENERS = ("{{", "{%")
# An action longer than this is not one (an unclosed ``{{`` is text).
_LIMIT = 4_096
_CODE_LIMIT = 200_000


def match_action(src: str, pos: int, end: int, budget: Budget) -> int | None:
    """End of the shortcode or template action starting at ``pos``, or None.

    The closing delimiter must come before ``end`` and before any blank line.
    """
    if src.startswith("{{", pos):
        opener = src[pos : pos + 3] if src[pos + 2 : pos + 3] in ("<", "%") else "{{"
    elif src.startswith("{%", pos):
        opener = "{%"
    else:
        return None
    if budget.left <= 0:
        return None
    closer = _CLOSERS[opener]
    limit = min(end, pos + _LIMIT)
    close = src.find(closer, pos + len(opener), limit)
    budget.left -= (limit if close < 0 else close) - pos
    if close < 0 or _BLANK_LINE.search(src, pos, close) is not None:
        return None
    return close + len(closer)


def _scan_line_actions(src: str, pos: int, budget: Budget) -> int | None:
    """End of a run of template actions that fills the rest of its line(s), or None."""
    i = pos
    while True:
        found = match_action(src, i, len(src), budget)
        if found is None:
            return None
        if _CODE_OPEN.match(src, i, found) is not None:
            limit = min(len(src), found + _CODE_LIMIT)
            closing = _CODE_CLOSE[src[i : i + 2]].search(src, found, limit)
            budget.left -= (limit if closing is None else closing.end()) - found
            if closing is None:
                return None
            found = closing.end()
        i = found
        while i < len(src) and src[i] in " \t":
            i += 1
        if i >= len(src) or src[i] == "\n":
            return i
        if not src.startswith(_OPENERS, i):
            return None


def template_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Lines that hold only shortcodes or template actions (and code shortcodes): markup."""
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith(_OPENERS, pos) or state.is_code_block(start_line):
        return False
    done = _scan_line_actions(state.src, pos, budget_of(state.env))
    if done is None:
        return False
    if silent:
        return True
    last = start_line
    while last < end_line - 1 and state.eMarks[last] < done:
        last += 1
    token = state.push("template_block", "", 0)
    token.map = [start_line, last + 1]
    token.content = state.src[pos:done]
    state.line = last + 1
    return True


def template_inline(state: StateInline, silent: bool) -> bool:
    """A shortcode or template action inside a paragraph: markup."""
    src = state.src
    pos = state.pos
    if src[pos] != "{" or not src.startswith(_OPENERS, pos):
        return False
    found = match_action(src, pos, state.posMax, budget_of(state.env))
    if found is None:
        return False
    end = found
    opening = -1
    if src[pos - 2 : pos] == "](":
        tail = _LINK_TAIL.match(src, end, state.posMax)
        opening = src.rfind("[", 0, pos - 2) if tail is not None else -1
        if tail is not None and opening >= 0:
            end = tail.end()
    if not silent:
        if opening >= 0:
            note_markup(state, opening, opening + 1)
            note_markup(state, pos - 2, pos)
        token = state.push("template_inline", "", 0)
        token.content = src[pos:end]
        note_markup(state, pos, end)
    state.pos = end
    return True


def shortcodes_plugin(md: MarkdownIt) -> None:
    """Add the shortcode and template-action rules to ``md``."""
    md.block.ruler.after("code", "template_block", template_block, {"alt": ["paragraph"]})
    md.inline.ruler.after("text", "template_inline", template_inline)
