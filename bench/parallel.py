"""``--jobs N`` against ``--jobs 1`` on an NTREX-based corpus: identical bytes, and the speed-up.

Builds a corpus with ``bench/corpus.py`` (NTREX documents in several languages, one ``.txt`` per
document and language), runs ``tcheck check CORPUS --format json`` once per job count in a fresh
interpreter (best of ``--repeat`` runs), compares the reports byte for byte and prints:

- wall time and the wall-clock speed-up (meaningful only when the machine's cores are idle);
- CPU time of the main process and of the workers, and from these the *critical path*
  ``max(main CPU, workers CPU / N)``: the wall time the run would take on N idle cores. The
  *CPU speed-up* is ``--jobs 1`` CPU divided by that; it holds on a machine shared with other work.

Exits 1 when the reports differ.

    python bench/parallel.py ../shared/data/ntrex128 --megabytes 3 --jobs 2 --repeat 3
    python bench/parallel.py ../shared/data/ntrex128 --tcheck-args "--ignore TC103"
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build

LANGS = ["eng", "nob", "dan", "swe", "deu", "fra", "spa", "rus", "zho"]

# Runs the CLI in-process, then reports its own CPU time and that of its (reaped) workers.
_CHILD = """
import resource, sys
from tcheck.cli import main
try:
    main(sys.argv[1:], prog_name="tcheck")
    status = 0
except SystemExit as exc:
    status = exc.code if isinstance(exc.code, int) else 1
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\\nTCHECK-CPU {me.ru_utime + me.ru_stime} {kids.ru_utime + kids.ru_stime}\\n")
sys.exit(status)
"""


@dataclass(frozen=True)
class Run:
    wall: float
    main_cpu: float
    workers_cpu: float

    def critical_path(self, jobs: int) -> float:
        return max(self.main_cpu, self.workers_cpu / jobs) if jobs > 1 else self.main_cpu + self.workers_cpu


def run(corpus: Path, jobs: int, out: Path, fmt: str, extra: list[str]) -> Run:
    """One tcheck run writing its report to ``out``."""
    args = ["check", str(corpus), "--format", fmt, "--fail-on", "never", "--output", str(out)]
    args += ["--jobs", str(jobs), *extra]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True, cwd=corpus)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"tcheck failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    line = next(x for x in reversed(done.stderr.splitlines()) if x.startswith("TCHECK-CPU "))
    main_cpu, workers_cpu = (float(v) for v in line.split()[1:])
    return Run(wall, main_cpu, workers_cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--megabytes", type=float, default=3.0, help="corpus size (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="job count to compare with 1 (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job count; the best counts")
    parser.add_argument("--format", default="json", choices=["json", "sarif", "text", "html"])
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated NTREX codes")
    parser.add_argument("--tcheck-args", default="", help='more tcheck options, e.g. "--ignore TC103"')
    args = parser.parse_args(argv)
    extra = shlex.split(args.tcheck_args)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    with tempfile.TemporaryDirectory(prefix="tcheck-parallel-") as tmp:
        corpus = Path(tmp) / "corpus"
        files, size = build(args.data, corpus, args.megabytes, args.langs.split(","))
        print(
            f"corpus: {files} files, {size / 1e6:.1f} MB; cores: {os.cpu_count()}; format: {args.format}; "
            f"options: {' '.join(extra) or '(none)'}; load average: {os.getloadavg()[0]:.1f}"
        )
        reports: dict[int, bytes] = {}
        best: dict[int, Run] = {}
        walls: dict[int, float] = {}
        for jobs in (1, args.jobs):
            out = Path(tmp) / f"report-{jobs}.{args.format}"
            runs = [run(corpus, jobs, out, args.format, extra) for _ in range(max(1, args.repeat))]
            best[jobs] = min(runs, key=lambda r: r.critical_path(jobs))
            wall = walls[jobs] = min(r.wall for r in runs)
            reports[jobs] = out.read_bytes()
            digest = hashlib.sha256(reports[jobs]).hexdigest()[:16]
            b = best[jobs]
            print(
                f"--jobs {jobs}: wall best {wall:.2f} s (runs {', '.join(f'{r.wall:.2f}' for r in runs)}); "
                f"CPU main {b.main_cpu:.2f} s + workers {b.workers_cpu:.2f} s, critical path "
                f"{b.critical_path(jobs):.2f} s; report {len(reports[jobs])} bytes, sha256 {digest}"
            )
        same = reports[1] == reports[args.jobs]
        print(f"identical output: {'yes' if same else 'NO'}")
        print(
            f"speed-up --jobs {args.jobs} over --jobs 1: CPU critical path "
            f"{best[1].critical_path(1) / best[args.jobs].critical_path(args.jobs):.2f}x; "
            f"wall clock {walls[1] / walls[args.jobs]:.2f}x (load average now {os.getloadavg()[0]:.1f})"
        )
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
