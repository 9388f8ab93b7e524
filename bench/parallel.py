"""``--jobs N`` against ``--jobs 1`` on an NTREX-based corpus: identical bytes, and the speed-up.

Builds a corpus with ``bench/corpus.py`` (NTREX documents in several languages, one ``.txt`` per
document and language), runs ``tcheck check CORPUS --format json`` once per job count in a fresh
interpreter (best wall time of ``--repeat`` runs), compares the JSON reports byte for byte and
prints the wall and CPU times and the speed-up. Exits 1 when the reports differ. On a machine
shared with other work, compare the CPU times too: the wall-time speed-up needs idle cores.

    python bench/parallel.py ../shared/data/ntrex128 --megabytes 5 --jobs 2 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build

LANGS = ["eng", "nob", "dan", "swe", "deu", "fra", "spa", "rus", "zho"]


def run(corpus: Path, jobs: int, out: Path, fmt: str, extra: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all processes) of one run writing its report to ``out``."""
    cmd = [sys.executable, "-m", "tcheck", "check", str(corpus), "--format", fmt, "--fail-on", "never"]
    cmd += ["--output", str(out), "--jobs", str(jobs), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=corpus)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"tcheck failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--megabytes", type=float, default=5.0, help="corpus size (default 5)")
    parser.add_argument("--jobs", type=int, default=2, help="job count to compare with 1 (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job count; the best counts")
    parser.add_argument("--format", default="json", choices=["json", "sarif", "text", "html"])
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated NTREX codes")
    parser.add_argument("extra", nargs="*", help="more tcheck options, after --")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    with tempfile.TemporaryDirectory(prefix="tcheck-parallel-") as tmp:
        corpus = Path(tmp) / "corpus"
        files, size = build(args.data, corpus, args.megabytes, args.langs.split(","))
        print(f"corpus: {files} files, {size / 1e6:.1f} MB; cores: {os.cpu_count()}; format: {args.format}")
        reports: dict[int, bytes] = {}
        best: dict[int, float] = {}
        for jobs in (1, args.jobs):
            out = Path(tmp) / f"report-{jobs}.{args.format}"
            runs = [run(corpus, jobs, out, args.format, args.extra) for _ in range(max(1, args.repeat))]
            times = [wall for wall, _ in runs]
            best[jobs] = min(times)
            cpu = min(c for _, c in runs)
            reports[jobs] = out.read_bytes()
            digest = hashlib.sha256(reports[jobs]).hexdigest()[:16]
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(
                f"--jobs {jobs}: best {best[jobs]:.2f} s wall ({size / 1e6 / best[jobs]:.2f} MB/s; runs {shown}), "
                f"{cpu:.2f} s CPU; "
                f"report {len(reports[jobs])} bytes, sha256 {digest}"
            )
        same = reports[1] == reports[args.jobs]
        print(f"identical output: {'yes' if same else 'NO'}")
        print(f"speed-up --jobs {args.jobs} over --jobs 1: {best[1] / best[args.jobs]:.2f}x")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
