"""How close a reader built on pyromark's events would come to the Markdown reader, and how fast.

Usage (pyromark is not a dependency: install it into a folder of its own and put that on the path)::

    pip install --target /tmp/pyro pyromark
    PYTHONPATH=/tmp/pyro python bench/pyromark_segments.py FOLDER [--show N]

For every ``.md``/``.mdx``/``.markdown`` file under FOLDER it makes the segments the reader makes
(start, prose with markup blanked, kind) from pyromark's events with their source ranges: the
prose of a text block (paragraph, heading, table cell, definition term) is its ``Text`` events,
less images, autolinks, entities, backslashes of escapes and bare URLs and e-mail addresses. It
prints the CPU time of that and of :func:`tcheck.formats.markdown.read` over the same files, the
pages whose segments are the reader's exactly and the reader's segments it reproduces, and with
``--show N`` the segments of N differing pages. It has none of the reader's plugins (MDX
``import`` lines and JSX, Hugo shortcodes, admonitions, attribute lists): what it misses is what a
pyromark reader would have to add.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyromark  # type: ignore[import-not-found]

from tcheck.formats import markdown
from tcheck.formats.masking import EMAIL_RE, URL_RE, masked_runs

SUFFIXES = {".md", ".markdown", ".mdx"}
_O = pyromark.Options
OPTIONS = (
    _O.ENABLE_TABLES
    | _O.ENABLE_FOOTNOTES
    | _O.ENABLE_STRIKETHROUGH
    | _O.ENABLE_HEADING_ATTRIBUTES
    | _O.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | _O.ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
    | _O.ENABLE_DEFINITION_LIST
)
# The reader's segment kind of the innermost container (see tcheck.formats.markdown._KINDS).
KINDS = {
    "Item": "list_item",
    "BlockQuote": "blockquote",
    "TableCell": "table",
    "DefinitionListTitle": "term",
    "DefinitionListDefinition": "definition",
    "FootnoteDefinition": "footnote",
}
# Blocks that end the text gathered so far; those of OPEN start a segment of their own.
BLOCKS = frozenset(KINDS) | {"List", "Paragraph", "Heading", "CodeBlock", "HtmlBlock", "Table"}
BLOCKS |= {"TableHead", "TableRow", "DefinitionList", "MetadataBlock"}
OPEN = frozenset({"Paragraph", "Heading", "TableCell", "DefinitionListTitle", "Item"})
OPEN |= {"DefinitionListDefinition"}
Segment = tuple[int, str, str]  # start, masked prose, kind


class CharOffsets:
    """pyromark's byte offsets (UTF-8) as character offsets; asked in mostly increasing order,
    each answer decodes only the bytes since the previous one."""

    def __init__(self, src: str) -> None:
        self.data = None if src.isascii() else src.encode("utf-8")
        self.byte = self.char = 0

    def __call__(self, offset: int) -> int:
        if self.data is None:
            return offset
        if offset < self.byte:
            self.byte = self.char = 0
        self.char += len(self.data[self.byte : offset].decode("utf-8", "ignore"))
        self.byte = offset
        return self.char


def _name(tag: Any) -> str:
    return tag if isinstance(tag, str) else next(iter(tag))


def _skipped(name: str, tag: Any) -> bool:
    """An image (its alt text too) or an autolink: no prose."""
    if name == "Image":
        return True
    return name == "Link" and tag["Link"]["link_type"] in ("Autolink", "Email")


def segments(src: str) -> list[Segment]:
    """The segments of one page, from pyromark's events (see the module docstring)."""
    out: list[Segment] = []
    stack: list[str] = []
    skipping: list[bool] = []  # for each open Image/Link: whether it is skipped
    runs: list[tuple[int, int]] | None = None
    kind = "paragraph"
    char = CharOffsets(src)
    for event, where in pyromark.events_with_range(src, options=OPTIONS):
        key, value = next(iter(event.items())) if isinstance(event, dict) else (event, None)
        if key == "Start":
            name = _name(value)
            if name in ("Image", "Link"):
                skipping.append(_skipped(name, value))
            if runs is not None and name in BLOCKS:
                _flush(src, runs, kind, out)
                runs = None
            if name in OPEN:
                inner = [*stack, name]
                kind = (
                    "heading"
                    if name == "Heading"
                    else next((KINDS[t] for t in reversed(inner) if t in KINDS), "paragraph")
                )
                runs = []
            stack.append(name)
        elif key == "End":
            name = _name(value)
            if stack:
                stack.pop()
            if name in ("Image", "Link") and skipping:
                skipping.pop()
            if runs is not None and name in OPEN:
                _flush(src, runs, kind, out)
                runs = None
        elif key == "Text" and runs is not None and not any(skipping):
            start, end = char(where["start"]), char(where["end"])
            if src.startswith("&", start) and end - start > 1:
                continue  # an entity
            if end - start == 2 and src.startswith("\\", start):
                start += 1  # an escape: the character, not the backslash
            runs.append((start, end))
    if runs:
        _flush(src, runs, kind, out)
    return out


def _flush(src: str, runs: list[tuple[int, int]], kind: str, out: list[Segment]) -> None:
    """Add the segment of ``runs`` (adjacent runs joined, bare URLs and e-mails cut out)."""
    prose: list[tuple[int, int]] = []
    for start, end in _joined(runs):
        piece = src[start:end]
        cuts = sorted(
            [m.span() for m in URL_RE.finditer(piece)] + [m.span() for m in EMAIL_RE.finditer(piece)]
        )
        pos = 0
        for cut_start, cut_end in cuts:
            if cut_start > pos:
                prose.append((start + pos, start + cut_start))
            pos = max(pos, cut_end)
        if pos < len(piece):
            prose.append((start + pos, end))
    found = masked_runs(src, prose)
    if found is not None:
        out.append((found[0], found[1], kind))


def _joined(runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    current: tuple[int, int] | None = None
    for start, end in runs:
        if current is not None and current[1] == start:
            current = (current[0], end)
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=0, help="differing pages to print")
    args = parser.parse_args()
    files = [
        (str(path), path.read_text(encoding="utf-8-sig", errors="replace"))
        for path in sorted(args.folder.rglob("*"))
        if path.suffix.lower() in SUFFIXES and path.is_file()
    ]
    began = time.process_time()
    made = [segments(text) for _, text in files]
    pyro = time.process_time() - began
    began = time.process_time()
    docs = [markdown.read(path, text) for path, text in files]
    reader = time.process_time() - began
    size = sum(len(text.encode("utf-8")) for _, text in files) / 1e6
    same = reproduced = total = shown = 0
    for (path, _), mine, doc in zip(files, made, docs, strict=True):
        wanted = [(s.span.start, s.text, s.kind) for s in doc.segments if s.kind != "front-matter"]
        total += len(wanted)
        kept = set(mine)
        reproduced += sum(1 for item in wanted if item in kept)
        if wanted == mine:
            same += 1
        elif shown < args.show:
            shown += 1
            print(f"== {path}")
            print("\n".join(f"  reader:   {item!r:.160}" for item in wanted if item not in kept))
            print("\n".join(f"  pyromark: {item!r:.160}" for item in mine if item not in set(wanted)))
    print(f"{len(files)} pages, {size:.2f} MB")
    print(
        f"pyromark segments: {pyro:.2f} s CPU ({size / pyro:.1f} MB/s); reader: {reader:.2f} s ({size / reader:.1f} MB/s)"
    )
    print(f"pages read alike: {same} of {len(files)}; reader's segments reproduced: {reproduced} of {total}")


if __name__ == "__main__":
    main()
