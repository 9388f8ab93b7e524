"""Which pages the fast Markdown reader takes, whether it reads them exactly as markdown-it does,
and how fast each reader is.

Usage (pyromark is a dependency; without it every page goes to markdown-it and nothing is taken)::

    python bench/markdown_fastpath.py FOLDER [FOLDER ...] [--show N] [--why]

For every ``.md``/``.markdown``/``.mdx`` file under each folder it reads the page with
markdown-it (``tcheck.formats.markdown.read(..., fast=False)``) and with the fast path
(:mod:`tcheck.formats.markdown_fast`), and compares everything the reader returns (segments with
their ids, spans, kinds and sentences, metadata, suppressions and the layout: the digest of
``bench/markdown_reader.py``). It prints per folder the pages and MB the fast path takes, how many
of them are identical (with ``--show N``, the first N that are not, field by field), the pages and
MB left to markdown-it, and the CPU time and MB/s of ``read`` over the whole folder with and
without the fast path (best of ``--repeat``). With ``--why`` it counts why pages were left.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from markdown_reader import digest_of, load

from tcheck.formats import markdown, markdown_fast
from tcheck.formats.frontmatter import DEFAULT_PROSE_KEYS
from tcheck.formats.paragraphs import plain_paragraphs
from tcheck.model import Document


def _timed(files: list[tuple[str, str]], fast: bool, repeat: int) -> float:
    best = float("inf")
    for _ in range(max(1, repeat)):
        began = time.process_time()
        for path, text in files:
            markdown.read(path, text, fast=fast)
        best = min(best, time.process_time() - began)
    return best


def _differences(slow: Document, quick: Document) -> list[str]:
    out: list[str] = []
    a = [(s.span.start, s.text, s.kind) for s in slow.segments]
    b = [(s.span.start, s.text, s.kind) for s in quick.segments]
    out.extend(f"  markdown-it: {item!r:.150}" for item in a if item not in b)
    out.extend(f"  fast:        {item!r:.150}" for item in b if item not in a)
    if slow.layout != quick.layout and slow.layout is not None and quick.layout is not None:
        for name in ("text", "apart", "code"):
            x, y = getattr(slow.layout, name), getattr(quick.layout, name)
            if x != y:
                diff = [(i, p, q) for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q][:3]
                out.append(f"  layout.{name}: {len(x)} vs {len(y)} entries; first differing: {diff!r:.300}")
    if dict(slow.metadata) != dict(quick.metadata):
        out.append(f"  metadata: {dict(slow.metadata)!r:.150} vs {dict(quick.metadata)!r:.150}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--show", type=int, default=0, help="differing pages to print")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--why", action="store_true", help="count why pages went to markdown-it")
    args = parser.parse_args()
    if not markdown_fast.available():
        raise SystemExit("pyromark is not importable: every page would go to markdown-it")
    shown = 0
    for folder in args.folders:
        files = load([folder])
        size = sum(len(text.encode("utf-8")) for _, text in files)
        taken = same = 0
        taken_size = 0
        why: Counter[str] = Counter()
        for path, text in files:
            source = text.replace("\r", " ")
            if not path.endswith(".mdx") and plain_paragraphs(source) is not None:
                why["plain paragraphs"] += 1  # read faster by markdown.read's own way
                continue
            if not markdown_fast.may_take(path, source):
                why["pre-scan"] += 1
                continue
            quick = markdown._read_fast(path, source, DEFAULT_PROSE_KEYS)
            if quick is None:
                why[markdown_fast.last_reason() if args.why else "events"] += 1
                continue
            taken += 1
            taken_size += len(text.encode("utf-8"))
            slow_doc = markdown.read(path, text, fast=False)
            fast_doc = markdown.read(path, text)
            if digest_of(slow_doc, False) == digest_of(fast_doc, False):
                same += 1
            elif shown < args.show:
                shown += 1
                print(f"== {path}")
                print("\n".join(_differences(slow_doc, fast_doc)))
        slow = _timed(files, False, args.repeat)
        fast = _timed(files, True, args.repeat)
        mb = size / 1e6
        print(f"{folder}: {len(files)} pages, {mb:.2f} MB")
        print(f"  fast path takes {taken} pages ({taken_size / 1e6:.2f} MB), identical: {same}")
        print(
            f"  left to markdown-it: {len(files) - taken} pages ({(size - taken_size) / 1e6:.2f} MB) {dict(why)}"
        )
        print(
            f"  read: markdown-it only {slow:.2f} s CPU ({mb / slow:.2f} MB/s); with the fast path {fast:.2f} s ({mb / fast:.2f} MB/s)"
        )


if __name__ == "__main__":
    main()
