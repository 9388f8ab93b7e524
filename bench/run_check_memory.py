"""What the run checks TC103 (term-variant) and TC106 (inconsistent-translation) keep, at two
corpus sizes: issue 12 asks that what a run check keeps grow with the run's distinct terms, not
with its text.

Builds NTREX Markdown corpora of two sizes (translations paired with their English originals, as
``bench/corpus.py`` lays them out), reads them with tcheck's loader and feeds every document to a
fresh instance of each check (``digest`` then ``absorb``) under tracemalloc. Prints, per check and
size: the bytes the check holds once every document is fed (the documents themselves are gone by
then), the peak above that while ``finish`` runs, the findings, and the places that hold the most
(grouped by the line that allocated). Peak RSS of whole runs is ``bench/throughput.py --select``.

    python bench/run_check_memory.py ../shared/data/ntrex128 --megabytes 2 4 [--codes TC103,TC106]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import LANGS, build

from tcheck.checks.inconsistent_translation import InconsistentTranslation
from tcheck.checks.term_variant import TermVariant
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import discover
from tcheck.loader import load_documents
from tcheck.model import Document

CHECKS: dict[str, Any] = {"TC103": TermVariant, "TC106": InconsistentTranslation}


def measure(folder: Path, code: str, top: int) -> tuple[int, int, int, list[str]]:
    """``(bytes held after feeding, peak above that in finish, findings, top allocation lines)``."""
    config = Config(select=(code,))
    ctx = Context(config=config)
    inputs = discover([str(folder)], config=config)
    state = CHECKS[code]()
    gc.collect()
    tracemalloc.start(1)
    base = tracemalloc.get_traced_memory()[0]
    start = tracemalloc.take_snapshot()
    for doc in load_documents(inputs, config):
        if isinstance(doc, Document):
            state.absorb(type(state).digest(doc, ctx), ctx)
    del doc
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - base
    stats = tracemalloc.take_snapshot().compare_to(start, "lineno")
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    found = sum(1 for _ in state.finish(ctx))
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    lines = [
        f"{s.size_diff / 1e6:7.2f} MB {s.count_diff:9,d} blocks  {s.traceback[0].filename.split('tcheck/')[-1]}"
        f":{s.traceback[0].lineno}"
        for s in stats[:top]
    ]
    return held, peak, found, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--megabytes", type=float, nargs=2, default=(2.0, 4.0))
    parser.add_argument("--codes", default="TC103,TC106")
    parser.add_argument("--top", type=int, default=6, help="allocation lines shown per measurement")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    held: dict[tuple[str, float], int] = {}
    with tempfile.TemporaryDirectory(prefix="tcheck-runmem-") as tmp:
        for size in args.megabytes:
            folder = Path(tmp) / f"{size:g}mb"
            files, total = build(args.data, folder, size, list(LANGS), ".md")
            print(f"corpus {size:g} MB: {files} files, {total / 1e6:.2f} MB")
            for code in args.codes.split(","):
                kept, peak, found, lines = measure(folder, code, args.top)
                held[code, size] = kept
                print(
                    f"  {code}: holds {kept / 1e6:.2f} MB after feeding, finish peak +{peak / 1e6:.2f} MB, {found} findings"
                )
                for line in lines:
                    print(f"      {line}")
    small, large = args.megabytes
    for code in args.codes.split(","):
        a, b = held[code, small], held[code, large]
        print(
            f"{code}: held {a / 1e6:.2f} -> {b / 1e6:.2f} MB (x{b / max(a, 1):.2f} for x{large / small:.2f} text)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
