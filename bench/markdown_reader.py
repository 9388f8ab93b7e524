"""Speed of the Markdown/MDX reader alone, and markup left in its segments.

Usage::

    python bench/markdown_reader.py FOLDER [FOLDER ...] [--repeat N] [--marks] [--digest]
    python bench/markdown_reader.py FOLDER --leftover [--show N]

Reads every ``.md``/``.markdown``/``.mdx`` file under each folder into memory, then times
``tcheck.formats.markdown.read`` over all of them (CPU, best of ``--repeat`` runs) and prints MB/s
(megabytes of UTF-8 input per second). With ``--marks`` it also times reading each page's markup
from the kept parse (:func:`tcheck.markup.markdown.page_of`, what the TC6xx checks compare). With
``--digest`` it prints a digest of everything read (segments with their spans, kinds and
sentences, metadata, suppressions, the layout, and the marks with ``--marks``): two versions of
the reader that print the same digest read every page alike. With ``--leftover`` it also counts the segments whose prose
still holds markup characters (``{{``, ``{#``, ``{/*``, ``<``, ``import``, ``:::``, ``|``) and
prints up to ``--show`` of them, to read which are markup the reader should have masked.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections import Counter
from pathlib import Path

from tcheck.formats import markdown
from tcheck.markup.markdown import page_of
from tcheck.model import Document

SUFFIXES = {".md", ".markdown", ".mdx"}
LEFTOVER = re.compile(r"\{\{|\{#|\{/|<|\bimport |:::|\|")


def load(folders: list[str]) -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                files.append((str(path), path.read_text(encoding="utf-8-sig", errors="replace")))
    return files


def digest_of(doc: Document, marks: bool) -> bytes:
    """What the reader made of one page (and its markup with ``marks``), as bytes to hash."""
    parts: list[object] = [doc.lang, sorted(doc.metadata.items()), doc.suppressions]
    for seg in doc.segments:
        parts.append((seg.id, seg.text, seg.span, seg.kind, seg.sentences))
    layout = doc.layout
    if layout is not None:
        parts.append(layout.__getstate__())
    if marks:
        page = page_of(doc)
        parts.append((page.marks, page.blocks, sorted(page.anchors)))
    return repr(parts).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--marks", action="store_true", help="also time reading each page's markup")
    parser.add_argument("--digest", action="store_true", help="print a digest of what was read")
    parser.add_argument("--leftover", action="store_true")
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    files = load(args.folders)
    size = sum(len(text.encode("utf-8")) for _, text in files)
    best = best_marks = float("inf")
    for _ in range(max(1, args.repeat)):
        began = time.process_time()
        docs = [markdown.read(path, text) for path, text in files]
        best = min(best, time.process_time() - began)
        if args.marks:
            began = time.process_time()
            for doc in docs:
                page_of(doc)
            best_marks = min(best_marks, time.process_time() - began)
        del docs
    print(f"{len(files)} files, {size / 1e6:.2f} MB in {best:.2f} s: {size / 1e6 / best:.2f} MB/s")
    if args.marks:
        print(f"markup of the pages: {best_marks:.2f} s ({size / 1e6 / best_marks:.2f} MB/s)")
    if args.digest:
        sha = hashlib.sha256()
        for path, text in files:
            sha.update(digest_of(markdown.read(path, text), args.marks))
        print(f"digest {sha.hexdigest()[:16]}")
    if not args.leftover:
        return
    segments = 0
    bad: list[tuple[str, int, str]] = []
    by_mark: Counter[str] = Counter()
    for path, text in files:
        doc = markdown.read(path, text)
        for seg in doc.segments:
            segments += 1
            marks = {m.group().strip() for m in LEFTOVER.finditer(seg.text)}
            if marks:
                by_mark.update(marks)
                line = text.count("\n", 0, seg.span.start) + 1
                bad.append((path, line, " ".join(seg.text.split())))
    print(f"{segments} segments, {len(bad)} with markup characters left: {dict(by_mark.most_common())}")
    for path, line, shown in bad[: args.show]:
        print(f"{path}:{line}: [{shown[:160]}]")


if __name__ == "__main__":
    main()
