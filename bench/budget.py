"""How much of issue 12's 4 MB/s budget the floor of a Markdown run takes, stage by stage.

Usage::

    python bench/budget.py FOLDER [FOLDER ...] [--repeat 3]

Reads every ``.md``/``.markdown``/``.mdx`` file under the folders into memory, then times (CPU,
best of ``--repeat``) what any run of ``tcheck check`` on them must do before a single check
runs, and what the cheapest per-word work costs in this interpreter:

- ``read``: :func:`tcheck.formats.markdown.read`, the Markdown reader (segments with sentences);
- ``words``: one regular-expression pass over the segments' text, each word made a string;
- ``words+dict``: the same with one dictionary lookup per word (the least any check that looks
  at words, such as language identification or term consistency, does per word);
- ``words+3 dicts``: three lookups per word (a lemma, a frequency, a count).

For each it prints MB/s (megabytes of UTF-8 input per CPU second) and the share of the budget it
takes on its own: 4 MB/s is 0.25 s per MB for everything (reading, every check, the report). A
stage at 100 % or more leaves nothing for the checks. The figures are the floor of a design that
reads and looks at every word in Python; they are why the goal needs the per-word work moved out
of the interpreter (a compiled scanner) or the budget restated.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tcheck.formats import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent))
from markdown_reader import load  # the pages bench/markdown_reader.py reads

BUDGET_MB_S = 4.0
WORD = re.compile(r"\w+")


def _best(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load(args.folders)
    megabytes = sum(len(text.encode()) for _, text in texts) / 1e6
    docs = [markdown.read(path, text) for path, text in texts]
    prose = [seg.text for doc in docs for seg in doc.segments]
    lexicon = {w: len(w) for text in prose for w in WORD.findall(text.casefold())}

    def read() -> None:
        for path, text in texts:
            markdown.read(path, text)

    def words() -> None:
        for text in prose:
            for m in WORD.finditer(text):
                m.group()

    def words_dict() -> None:
        get = lexicon.get
        for text in prose:
            for m in WORD.finditer(text):
                get(m.group().casefold())

    def words_3() -> None:
        get = lexicon.get
        for text in prose:
            for m in WORD.finditer(text):
                w = m.group().casefold()
                get(w)
                get(w[:-1])
                get(w[1:])

    stages: list[tuple[str, Callable[[], None]]] = [
        ("read", read),
        ("words", words),
        ("words+dict", words_dict),
        ("words+3 dicts", words_3),
    ]
    n_words = sum(len(WORD.findall(text)) for text in prose)
    print(f"{len(texts)} files, {megabytes:.2f} MB, {n_words} words in {len(prose)} segments")
    print(f"budget: {BUDGET_MB_S} MB/s = {megabytes / BUDGET_MB_S:.3f} s CPU for everything")
    print(f"{'stage':<16}{'CPU s':>8}{'MB/s':>8}{'budget':>9}")
    for name, work in stages:
        seconds = _best(work, args.repeat)
        rate = megabytes / seconds if seconds else float("inf")
        print(f"{name:<16}{seconds:8.3f}{rate:8.2f}{100 * BUDGET_MB_S / rate:8.0f} %")


if __name__ == "__main__":
    main()
