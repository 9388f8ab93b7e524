"""Markdown reader (markdown-it-py, CommonMark plus tables).

Each heading, paragraph, list-item paragraph, blockquote paragraph and table row becomes a segment
covering its source lines. Inside it, markup that is not prose is masked with spaces: inline code,
link destinations, images, autolinks, bare URLs, inline HTML and comments, emphasis markers and
block prefixes. Code blocks and HTML blocks are not segments at all. YAML-style front matter
(``date:``, ``lang:``, ``title:`` ...) becomes document metadata, and HTML comments
``<!-- tcheck-disable CODES -->``, ``<!-- tcheck-enable -->`` and
``<!-- tcheck-disable-next-line CODES -->`` become suppressions.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from tcheck.formats.masking import EMAIL_RE, URL_RE, blank, mask_patterns
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, LineIndex, Segment, Span, Suppression, frozen_map

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?\n)?\1[ \t]*(?:\n|\Z)", re.S)
_META_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")

# Inline patterns that are not prose, masked in this order.
_INLINE = (
    re.compile(r"<!--.*?-->", re.S),  # comments
    re.compile(r"(`+)(?:(?!\1).)+?\1", re.S),  # code spans
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images
    re.compile(r"\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"),  # link destinations
    re.compile(r"\]\[[^\]]*\]"),  # reference links
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>"),  # autolinks
    re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    URL_RE,
    EMAIL_RE,
)
_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?", re.M)
_SETEXT = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.M)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.M)
_MARKERS = re.compile(
    r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|\\(?=[^\w\s])|(?<!\])\[|^\s*\|[-:| ]+\|\s*$|\|", re.M
)
_DIRECTIVE = re.compile(r"<!--\s*tcheck-(disable-next-line|disable|enable)\b([^>]*?)-->", re.I)
_KINDS = {
    "heading_open": "heading",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
    "th_open": "table",
    "td_open": "table",
}

_parser: MarkdownIt | None = None


def _md() -> MarkdownIt:
    global _parser
    if _parser is None:
        _parser = MarkdownIt("commonmark").enable("table")
    return _parser


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Blank the front matter (keeping line numbers) and return its simple ``key: value`` pairs."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    meta: dict[str, str] = {}
    for line in (match.group(2) or "").splitlines():
        kv = _META_LINE.match(line)
        if kv and kv.group(2):
            meta[kv.group(1).lower()] = kv.group(2).strip("\"'")
    return blank(text, 0, match.end()), meta


def _mask_block(raw: str) -> str:
    raw = mask_patterns(raw, *_INLINE)
    raw = mask_patterns(raw, _SETEXT, _CLOSING_HASHES, _PREFIX, _MARKERS)
    return raw


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


def read(path: str, text: str) -> Document:
    body, meta = _front_matter(text)
    lines = LineIndex(text)
    segments: list[Segment] = []
    seen: set[tuple[int, int]] = set()
    stack: list[str] = []
    for token in _md().parse(body):
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1:
            if stack:
                stack.pop()
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map
        if (first, last) in seen:
            continue  # the other cells of a table row
        seen.add((first, last))
        start = lines.line_start(first + 1)
        end = lines.line_start(last + 1) if last < lines.line_count else len(text)
        raw = body[start:end].rstrip("\n")
        masked = _mask_block(raw)
        lead = len(masked) - len(masked.lstrip())
        trail = len(masked.rstrip())
        if trail <= lead:
            continue
        prose = masked[lead:trail]
        kind = next((_KINDS[t] for t in reversed(stack) if t in _KINDS), "paragraph")
        segments.append(
            Segment(
                id=f"b{len(segments) + 1}",
                text=prose,
                span=Span(start + lead, start + trail),
                kind=kind,
                sentences=split_sentences(prose),
                path=path,
            )
        )
    return Document(
        path=path,
        text=text,
        lang=meta.get("lang") or meta.get("language") or None,
        segments=tuple(segments),
        metadata=frozen_map(meta),
        suppressions=_suppressions(text, lines),
    )
