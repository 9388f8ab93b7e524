"""CPU of aligning a real site's page pairs in process, and a digest of what the alignment made.

Usage::

    python bench/site_alignment.py record SITE /tmp/me/site_pairs.pkl   # one run of the site
    python bench/site_alignment.py time /tmp/me/site_pairs.pkl [--repeat 3]
    PYTHONPATH=/tmp/me/old python bench/site_alignment.py time /tmp/me/site_pairs.pkl   # A/B

``record`` runs ``tcheck check SITE --select TC601 --jobs 1`` in this process and keeps every
(translation, original) page pair the loader hands to ``pair_with_source``, pickled to a file of
your choosing (outside the project). ``time`` aligns them all again (best of ``--repeat``, CPU
time), prints the CPU of the whole (``pair_with_source``) and of the sentence search alone
(``align._search``), how many searches and band cells that took, and a digest of every paired
segment (text, place, sentences, confidence and counterpart): two versions that align alike print
the same digest. A pair the loader cannot align counts as an error, as in a run.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import tcheck.bilingual.align as aligning
import tcheck.loader as loader

Pair = tuple[Any, Any, float]


def record(site: Path, out: Path) -> None:
    pairs: list[Pair] = []
    original = loader.pair_with_source

    def keep(target: Any, source: Any, min_confidence: float = 0.3) -> Any:
        pairs.append((target, source, min_confidence))
        return original(target, source, min_confidence)

    loader.pair_with_source = keep
    os.environ["TCHECK_RESULT_CACHE"] = "off"
    os.chdir(site)
    from tcheck.cli import main

    with contextlib.suppress(SystemExit):
        main(["check", ".", "--jobs", "1", "--select", "TC601", "--format", "json", "--output", os.devnull,
              "--fail-on", "never", "--quiet"])  # fmt: skip
    with out.open("wb") as fh:
        pickle.dump(pairs, fh)
    print(f"{len(pairs)} page pairs kept in {out}")


def align_all(pairs: list[Pair]) -> tuple[str, int]:
    """Digest of what every pair became, and how many could not be aligned."""
    digest = hashlib.sha256()
    errors = 0
    for target, source, min_confidence in pairs:
        try:
            doc = loader.pair_with_source(target, source, min_confidence)
        except Exception as exc:  # a pair too different to align: a usage error in a run
            digest.update(repr(exc).encode())
            errors += 1
            continue
        for seg in doc.segments:
            other = seg.counterpart
            shown = other and (other.text, other.span, other.sentences)
            digest.update(repr((seg.text, seg.span, seg.sentences, seg.confidence, shown)).encode())
        for seg in doc.source.segments if doc.source is not None else ():
            digest.update(repr((seg.text, seg.span)).encode())
    return digest.hexdigest()[:16], errors


def time_pairs(path: Path, repeat: int) -> None:
    with path.open("rb") as fh:
        pairs: list[Pair] = pickle.load(fh)
    search = aligning._search
    spent = [0.0, 0.0, 0.0]  # CPU in _search, searches, band cells

    def timed(coster: aligning.Coster, width: int) -> dict[int, tuple[int, int]] | None:
        n, m = len(coster.src), len(coster.tgt)
        spent[1] += 1
        spent[2] += sum(min(m, int(i * m / n + width) + 1) - max(0, int(i * m / n - width)) + 1
                        for i in range(n + 1)) if n else 1  # fmt: skip
        began = time.process_time()
        found = search(coster, width)
        spent[0] += time.process_time() - began
        return found

    aligning._search = timed
    best, best_search, digest, errors = float("inf"), 0.0, "", 0
    for _ in range(max(1, repeat)):
        spent[:] = [0.0, 0.0, 0.0]
        began = time.process_time()
        digest, errors = align_all(pairs)
        took = time.process_time() - began
        if took < best:
            best, best_search = took, spent[0]
    print(f"{len(pairs)} page pairs: pair_with_source {best:.2f} s CPU, _search {best_search:.2f} s "
          f"({int(spent[1])} searches, {int(spent[2])} cells); digest {digest}, {errors} not aligned")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="run a site and keep its page pairs")
    rec.add_argument("site", type=Path)
    rec.add_argument("out", type=Path)
    tim = sub.add_parser("time", help="align the kept page pairs again")
    tim.add_argument("pairs", type=Path)
    tim.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.command == "record":
        record(args.site.resolve(), args.out.resolve())
    else:
        time_pairs(args.pairs, args.repeat)


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    main()
