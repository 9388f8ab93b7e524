"""TC107's two stages on one bilingual file, measured apart: CPU time and sizes.

The digest (tokenising and counting the file's segment pairs, done where the file is read) and
the finish (linking the kept pairs and grouping renderings, done once at the end of the run) are
run in this process, one after the other, as ``tcheck check FILE --select TC107 --jobs 1`` runs
them. Printed: the CPU time of each stage (user + sys of this process, ``time.process_time``),
the number of findings, how much the counts hold (segment pairs, source keys, word pairs and the
share of word pairs seen once) and the peak RSS of the process::

    python bench/tc107_scale.py /tmp/s8/ntrex10.po
    python bench/tc107_scale.py memory.tsv --lang de     # the target language, when the file names none

Compare two revisions alternately in the same minutes (``PYTHONPATH=<worktree>``): the machine
is shared, and CPU time of one run moves with the load.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
from typing import Any

from tcheck.bilingual.wordalign import Counts
from tcheck.checks.inconsistent_term import InconsistentTerm
from tcheck.formats import read_documents
from tcheck.loader import detect_language


class _Options:
    """The check's default options (a stand-in for the run's context)."""

    def option(self, code: str, key: str, default: Any, kind: Any = None) -> Any:
        return default


def _sizes(counts: Counts) -> tuple[int, int, float]:
    word_pairs = sum(len(row) for row in counts.joint.values())
    once = sum(1 for row in counts.joint.values() for n in row.values() if n == 1)
    return len(counts.joint), word_pairs, once / word_pairs if word_pairs else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", help="a bilingual file (PO, XLIFF, TMX, TSV)")
    parser.add_argument("--lang", help="target language (default: the file's, else detected)")
    args = parser.parse_args(argv)
    context: Any = _Options()
    check = InconsistentTerm()
    started = time.process_time()
    units = 0
    for doc in read_documents(args.path, args.path):
        lang = args.lang or doc.lang or detect_language(doc)
        doc = dataclasses.replace(doc, lang=lang)
        units += len(doc.segments)
        check.absorb(check.digest(doc, context), context)
    digested = time.process_time()
    findings = sum(1 for _ in check.finish(context))
    finished = time.process_time()
    print(f"{args.path}: {units:,} units, {sum(len(k) for kept in check.kept.values() for k in kept):,} kept")
    for pair, counts in sorted(check.counts.items()):
        keys, word_pairs, once = _sizes(counts)
        print(
            f"  {pair[0]}->{pair[1]}: {counts.pairs:,} segment pairs, {keys:,} source keys, "
            f"{word_pairs:,} word pairs ({once:.0%} seen once)"
        )
    print(
        f"digest {digested - started:.2f} s CPU, finish {finished - digested:.2f} s CPU, {findings:,} findings"
    )
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
