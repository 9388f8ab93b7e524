"""Throughput, peak memory and reruns of ``tcheck check`` (no round trip) on NTREX corpora.

Builds corpora of two sizes (memory should not grow with the corpus), runs tcheck on each in a
child process and prints CPU time (user+sys, what a shared machine measures fairly), MB/s of CPU
and peak RSS, then the ratios; with a result cache, the CPU of a second run on the unchanged
corpus and of a run after editing one file, as shares of the first run; and one small file.

When the environment sets ``PYTHONDONTWRITEBYTECODE`` (as some containers do), every run would
compile tcheck's sources again (0.1-2.5 s a run), which an installed tool never does: the runs get
a bytecode cache of their own under the temporary folder, written by one untimed run first.

    python bench/throughput.py ../shared/data/ntrex128 --megabytes 50 --small-megabytes 5 \
        [--suffix .md] [--select TC101] [--jobs 1] [--glossary FILE]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build

LANGS = ["eng", "nob", "dan", "swe", "deu", "fra", "spa", "rus", "zho"]
CHILD = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "w = time.perf_counter() - t\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'{w} {r.ru_utime + r.ru_stime} {r.ru_maxrss / 1024} {p.returncode}')\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:] if p.returncode not in (0, 1) else '')\n"
)


def child_env() -> dict[str, str]:
    """The children's environment: a bytecode cache even where the environment turns it off."""
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "tcheck-throughput-pyc"))
    return env


def run_child(
    target: Path, extra: list[str], env_cache: Path | None, cwd: Path | None = None
) -> tuple[float, float, float]:
    """(wall s, CPU s of tcheck and its children, peak RSS MB) of one run in a fresh interpreter."""
    tcheck = [sys.executable, "-m", "tcheck", "check", str(target), "--format", "json", "--fail-on", "never"]
    tcheck += ["--output", "/dev/null", *extra]
    tcheck += ["--cache-dir", str(env_cache)] if env_cache else ["--no-cache"]
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *tcheck],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=child_env(),
    )
    if out.stderr:
        print(out.stderr, file=sys.stderr)
    wall, cpu, peak, status = out.stdout.split()
    if int(status) not in (0, 1):
        raise SystemExit(f"tcheck failed (exit {status})")
    return float(wall), float(cpu), float(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--small-megabytes", type=float, default=5.0)
    parser.add_argument("--suffix", default=".md", help="file suffix of the corpus: .md or .txt")
    parser.add_argument("--select", help="code prefixes to run (default: all)")
    parser.add_argument("--ignore", help="code prefixes to skip")
    parser.add_argument("--glossary", help="a glossary file to use")
    parser.add_argument("--jobs", default="1", help="pass --jobs N to tcheck")
    parser.add_argument("--no-rerun", action="store_true", help="skip the result-cache reruns")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    extra = ["--jobs", args.jobs]
    for flag, value in (("--select", args.select), ("--ignore", args.ignore), ("--glossary", args.glossary)):
        if value:
            extra += [flag, value]
    print(f"options: {' '.join(extra)}")
    with tempfile.TemporaryDirectory(prefix="tcheck-bench-") as tmp:
        results = []
        warm = Path(tmp) / "warm" / "warm.nb.txt"
        warm.parent.mkdir()
        warm.write_text("CSTO sendte 2300 soldater til Almaty onsdag 19. januar 2022.\n", encoding="utf-8")
        run_child(warm, extra, None)  # bytecode and derived tables written, as for any installed tool
        for size in (args.small_megabytes, args.megabytes):
            corpus = Path(tmp) / f"corpus-{size:g}"
            files, nbytes = build(args.data, corpus, size, LANGS, args.suffix)
            _, cpu, peak = run_child(corpus, extra, None)
            results.append((nbytes, cpu, peak))
            print(
                f"{nbytes / 1e6:6.1f} MB, {files} files: CPU {cpu:7.1f} s, {nbytes / 1e6 / cpu:5.2f} MB/s, peak RSS {peak:5.0f} MB"
            )
        (small, cpu_s, peak_s), (large, cpu_l, peak_l) = results
        print(
            f"memory {large / small:.0f}x the corpus: peak x{peak_l / peak_s:.2f}; MB/s x{(large / cpu_l) / (small / cpu_s):.2f}"
        )
        if not args.no_rerun:
            corpus = Path(tmp) / f"corpus-{args.small_megabytes:g}"
            cache = Path(tmp) / "cache"
            git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
            for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "corpus"]):
                subprocess.run([*git, *command], cwd=corpus, check=True, capture_output=True)
            _, first, _ = run_child(corpus, extra, cache)
            _, again, _ = run_child(corpus, extra, cache)
            page = next(iter(sorted(corpus.rglob(f"*{args.suffix}"))))
            page.write_text(
                page.read_text(encoding="utf-8") + "\nOne more line, added on Wednesday 19 January 2022.\n",
                encoding="utf-8",
            )
            _, edited, _ = run_child(corpus, extra, cache)
            page.write_text(
                page.read_text(encoding="utf-8") + "\nAnd one more on Thursday.\n", encoding="utf-8"
            )
            _, diffed, _ = run_child(corpus, [*extra, "--diff", "HEAD"], cache, cwd=corpus)  # git asked there
            print(
                f"result cache: first {first:.1f} s CPU; unchanged rerun {again:.2f} s ({again / first:.1%}); "
                f"one file edited {edited:.2f} s ({edited / first:.1%}); "
                f"--diff HEAD after another edit {diffed:.2f} s ({diffed / first:.1%})"
            )
        one = Path(tmp) / "one" / "artikkel.nb.txt"
        one.parent.mkdir()
        one.write_text(
            "Oslo, onsdag 19. januar 2022\n\nCSTO sendte 2300 soldater til Almaty torsdag.\n",
            encoding="utf-8",
        )
        walls, cpus = [], []
        for _ in range(3):
            wall, cpu, _ = run_child(one, [], None)
            walls.append(wall)
            cpus.append(cpu)
        print(f"one small file: {min(walls):.2f} s wall, {min(cpus):.2f} s CPU (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
