"""Throughput and peak memory of a full ``tcheck check`` (no round trip) on an NTREX corpus.

Builds corpora of two sizes (to show whether memory grows with corpus size), runs tcheck on each
in a child process, and prints MB/s and peak RSS; also times ``tcheck --help``.

    python bench/throughput.py ../shared/data/ntrex128 --megabytes 50 [--ignore TC4] [--jobs 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build

LANGS = ["eng", "nob", "dan", "swe", "deu", "fra", "spa", "rus", "zho"]


def run_child(corpus: Path, extra: list[str]) -> tuple[float, float, int]:
    """Run tcheck in a fresh interpreter so peak RSS belongs to this run alone."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(f'{w} {m} {p.returncode}')\n"
        "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:] if p.returncode not in (0, 1) else '')\n"
    )
    tcheck = [
        sys.executable,
        "-m",
        "tcheck",
        "check",
        str(corpus),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--output",
        os.devnull,
        *extra,
    ]
    out = subprocess.run([sys.executable, "-c", code, *tcheck], capture_output=True, text=True, check=True)
    if out.stderr:
        print(out.stderr, file=sys.stderr)
    wall, peak, status = out.stdout.split()
    return float(wall), float(peak), int(status)


def corpus_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--small-megabytes", type=float, default=10.0)
    parser.add_argument("--select", help="code prefixes to run (default: all)")
    parser.add_argument("--ignore", help="code prefixes to skip")
    parser.add_argument("--jobs", help="pass --jobs N to tcheck (if it supports it)")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    extra: list[str] = []
    if args.select:
        extra += ["--select", args.select]
    if args.ignore:
        extra += ["--ignore", args.ignore]
    if args.jobs:
        extra += ["--jobs", args.jobs]

    help_times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tcheck", "--help"], stdout=subprocess.DEVNULL, check=True)
        help_times.append(time.perf_counter() - start)
    print(f"tcheck --help: {min(help_times):.3f} s (best of 5)")

    with tempfile.TemporaryDirectory(prefix="tcheck-bench-") as tmp:
        for size in (args.small_megabytes, args.megabytes):
            corpus = Path(tmp) / f"corpus-{size:g}"
            build(args.data, corpus, size, LANGS)
            nbytes = corpus_bytes(corpus)
            wall, peak, status = run_child(corpus, extra)
            files = sum(1 for _ in corpus.rglob("*.txt"))
            print(
                f"{nbytes / 1e6:6.1f} MB, {files} files: {wall:7.1f} s, {nbytes / 1e6 / wall:5.2f} MB/s, "
                f"peak RSS {peak:6.0f} MB (exit {status}; options: {' '.join(extra) or 'none'})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
