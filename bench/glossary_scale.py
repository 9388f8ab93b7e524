"""Glossary scale: a 50,000-entry glossary against a 10-entry one on the same corpus.

The large glossary is the Nordic termbank (``nordic_termbank/*.tsv``: Norwegian source, English
target, synonyms as admitted terms, a generated misspelling of each as forbidden) topped up with
generated entries; the small one is its first 10 entries, a mid-sized one its first 3,000; a
fourth, of 50,000 generated entries
only, (almost) never occurs in the text: it shows the cost of size alone, without the hits that
the termbank's common words (state, member, law ...) bring. The corpus is the English NTREX-128
source, one file per document, repeated until it reaches the requested size. With ``--target nb``
the direction is reversed: Norwegian (Bokmål) terms are matched in the Norwegian NTREX
translation, where every word of a multi-word term may inflect (``europeisk union`` / ``den
europeiske union``), which English terms do not. Each configuration
runs in a fresh process (peak memory is the process's maximum resident set), alternately and
``--repeat`` times, keeping each configuration's best time:

- ``check``: ``tcheck check`` of the corpus with the glossary checks TC101 and TC104 (reading,
  segmenting, matching, reporting);
- ``match``: the matcher alone (load + build + one ``find`` over every segment, every match
  returned, as TC102 asks on the source side; documents read first and frozen out of the
  garbage collector's way, as a check run freezes what it has set up);
- ``load``: CPU time of loading the glossary (parse and validate) and compiling its target-side
  matcher, without a cache folder, into an empty one (the first run: parsed, compiled and
  stored) and from a filled one (a later run: unpickled);
- ``tc101``: CPU time (user+sys) of ``tcheck check --select TC101 --jobs 1`` on the corpus, load
  included, in three cache states: ``--no-cache``; a first run with an empty cache folder; and
  a run whose cache folder already holds the glossary and its matcher (filled by a run on
  another, one-file corpus), so that only the corpus's results are new. ``--detect`` leaves
  ``--target-lang`` out: tcheck then identifies each page's language where it reads the page.

``--format tbx`` writes the glossaries as TBX (the 50,000-entry one is then about 30 MB);
``--write-glossaries DIR`` also keeps 10-, 3,000- and 50,000-entry glossaries there, for
``bench/throughput.py --glossary``.

    python bench/glossary_scale.py ../shared/data/ntrex128 ../shared/data/nordic_termbank
    python bench/glossary_scale.py ../shared/data/ntrex128 ../shared/data/nordic_termbank --target nb
    python bench/glossary_scale.py ../shared/data/ntrex128 ../shared/data/nordic_termbank \
        --megabytes 5 --format tbx --modes load tc101 --repeat 1
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vi",
    "do",
    "pa",
    "zu",
    "fe",
    "ri",
    "go",
    "na",
    "be",
    "ti",
    "mo",
    "la",
    "se",
]


CORPUS = {"en": "newstest2019-src.eng.txt", "nb": "newstest2019-ref.nob.txt"}
MIDDLE = 3000  # entries of the mid-sized glossary (the first of the large one's)


def build_corpus(ntrex: Path, out: Path, megabytes: float, target: str = "en") -> int:
    ids = (ntrex / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (ntrex / CORPUS[target]).read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines, strict=True):
        docs[doc_id].append(line.strip())
    texts = ["\n\n".join(segs) + "\n" for segs in docs.values()]
    out.mkdir(parents=True, exist_ok=True)
    size = copy = 0
    while size < megabytes * 1_000_000:
        folder = out / f"copy-{copy:03d}"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
        copy += 1
    return size


def _misspell(term: str, rng: random.Random) -> str:
    """A misspelling that is not itself a word: a doubled first letter and a swapped pair."""
    words = term.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) >= 4:
        j = rng.randrange(1, len(w) - 2)
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    words[i] = w[0] + w
    return " ".join(words)


def build_glossaries(
    termbank: Path, out: Path, entries: int, target: str = "en"
) -> tuple[Path, Path, Path, int]:
    rng = random.Random(20240119)
    rows: list[list[str]] = []
    for tsv in sorted(termbank.glob("*.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                en = [t.split("{")[0].strip() for t in row["en"].split("|") if t.split("{")[0].strip()]
                no = [t.split("{")[0].strip() for t in row["no"].split("|") if t.split("{")[0].strip()]
                source, terms = (no, en) if target == "en" else (en, no)
                if en and no:
                    forbidden = _misspell(terms[0], rng)
                    if forbidden.casefold() not in {t.casefold() for t in terms}:
                        rows.append([" | ".join(source), " | ".join(terms), forbidden])
    real = len(rows)
    seen = {r[1].casefold() for r in rows}
    while len(rows) < entries:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 3))
        ]
        term = " ".join(words)
        if term in seen:
            continue
        seen.add(term)
        rows.append([term + "en", term, _misspell(term, rng)])
    pair = "nb -> en" if target == "en" else "en -> nb"
    header = f"# languages: {pair}\nsource,target,forbidden\n"
    large, small, rare = out / "large.csv", out / "small.csv", out / "rare.csv"
    chosen_rows = (
        (large, rows[:entries]),
        (small, rows[:10]),
        (rare, rows[real : real + entries]),
        (out / "middle.csv", rows[:MIDDLE]),
    )
    for path, chosen in chosen_rows:
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(header)
            csv.writer(fh, lineterminator="\n").writerows(chosen)
    return large, small, rare, real


def worker(mode: str, corpus: str, glossary: str, target: str = "en") -> None:
    """One measurement in this (fresh) process; prints a JSON line."""
    from tcheck import app
    from tcheck.config import Config

    config = Config(
        source_lang="nb" if target == "en" else "en",
        target_lang=target,
        glossaries=(glossary,),
        default_glossaries=False,
        select=("TC101", "TC104"),
    )
    start = time.perf_counter()
    if mode == "check":
        result = app.check([corpus], config)
        count = len(result.findings)
    else:
        from tcheck import gcutil
        from tcheck.context import Context
        from tcheck.engine import discover
        from tcheck.loader import load_documents

        docs = [d for d in load_documents(discover([corpus]), config) if not isinstance(d, Exception)]
        gcutil.settle()  # as a check run does once set up: the corpus held here is not rescanned
        start = time.perf_counter()
        ctx = Context(config=config, glossaries=app.load_glossaries(config))
        matcher = ctx.target_matcher(docs[0])  # type: ignore[arg-type]
        count = sum(1 for d in docs for s in d.segments for _ in matcher.find(s.text))  # type: ignore[union-attr]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak, 1), "count": count}))


def measure(mode: str, corpus: Path, glossary: Path, target: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", mode, str(corpus), str(glossary), target],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def load_worker(glossary: str, target: str, cache: str) -> None:
    """CPU time of loading ``glossary`` and compiling its matcher (``cache``: a folder or ``-``)."""
    from tcheck import glossary as glossaries
    from tcheck.config import Config
    from tcheck.context import Context

    folder = Path(cache) if cache != "-" else None
    start = time.process_time()
    loaded = glossaries.load(glossary, folder)
    loading = time.process_time() - start
    ctx = Context(Config(cache=folder is not None, cache_dir=cache if folder else None), [loaded])
    list(ctx.target_matcher_for("nb" if target == "en" else "en", target).find("compiled"))
    compiling = time.process_time() - start - loading
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": round(loading, 2), "matcher": round(compiling, 2), "peak_mb": round(peak, 1)}))


CHILD = (
    "import resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:] if p.returncode not in (0, 1) else '')\n"
    "print(r.ru_utime + r.ru_stime, r.ru_maxrss / 1024, p.returncode)\n"
)


def tc101_cpu(
    corpus: Path, glossary: Path, target: str, cache: Path | None, detect: bool = False
) -> tuple[float, float]:
    """CPU seconds (user+sys) and peak MB of ``tcheck check --select TC101`` in a fresh process
    (``detect``: without ``--target-lang``, each page's language is tcheck's to find)."""
    command = [sys.executable, "-m", "tcheck", "check", str(corpus), "--select", "TC101"]
    command += ["--glossary", str(glossary), "--no-default-glossaries"]
    command += [] if detect else ["--target-lang", target]
    command += ["--source-lang", "nb" if target == "en" else "en", "--jobs", "1", "--format", "json"]
    command += ["--output", os.devnull, "--fail-on", "never", "--quiet"]
    command += ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    env = {k: v for k, v in os.environ.items() if k != "TCHECK_RESULT_CACHE"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *command], capture_output=True, text=True, check=True, env=env
    )
    cpu, peak, status = out.stdout.split()
    if int(status) not in (0, 1):
        raise SystemExit(f"tcheck failed (exit {status}): {out.stderr}")
    return float(cpu), float(peak)


def run_tc101(
    root: Path, configs: list[tuple[str, Path]], target: str, repeat: int, detect: bool = False
) -> None:
    """Print the tc101 mode's table: each glossary in each cache state, best of ``repeat``, and
    the corpus's MB/s in each."""
    warm_corpus = root / "warm"
    warm_corpus.mkdir(exist_ok=True)
    (warm_corpus / "one.txt").write_text("The minister spoke on Thursday.\n", encoding="utf-8")
    best: dict[tuple[str, str], tuple[float, float]] = {}
    for _ in range(repeat):
        for name, path in configs:
            for state in ("off", "first", "warm"):
                cache = None if state == "off" else root / f"cache-{state}"
                if cache is not None:
                    shutil.rmtree(cache, ignore_errors=True)
                if state == "warm":
                    tc101_cpu(warm_corpus, path, target, cache, detect)
                found = tc101_cpu(root / "corpus", path, target, cache, detect)
                key = (name, state)
                best[key] = min(best.get(key, found), found)
    base = configs[0][0]
    size = sum(f.stat().st_size for f in (root / "corpus").rglob("*") if f.is_file()) / 1e6
    for name, _ in configs:
        cells = []
        for state in ("off", "first", "warm"):
            cpu, peak = best[(name, state)]
            ratio = cpu / max(best[(base, state)][0], 1e-9)
            rate = size / max(cpu, 1e-9)
            cells.append(f"{state}: {cpu:6.2f} s CPU {ratio:4.2f}x {rate:5.1f} MB/s, peak {peak:4.0f} MB")
        print(f"tc101 {name:>16}: " + " | ".join(cells))


def run_load(configs: list[tuple[str, Path]], target: str, root: Path, repeat: int) -> None:
    """Print the load mode's table: CPU of loading and compiling, per cache state."""
    for name, path in configs:
        cells = []
        for state in ("no cache", "first", "warm"):
            results = []
            for _ in range(repeat):
                folder = root / "cache-load"
                if state != "warm":
                    shutil.rmtree(folder, ignore_errors=True)
                cache = "-" if state == "no cache" else str(folder)
                if state == "warm" and not folder.exists():
                    _load(path, target, cache)
                results.append(_load(path, target, cache))
            fig = min(results, key=lambda r: r["load"] + r["matcher"])
            cells.append(f"{state}: load {fig['load']:5.2f} + matcher {fig['matcher']:5.2f} s CPU")
        print(f" load {name:>16}: " + " | ".join(cells))


def _load(path: Path, target: str, cache: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--load-worker", str(path), target, cache],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def keep(folder: Path, large: Path, entries: int) -> None:
    """The first 10 and 3,000 entries of ``large`` as CSV, and all of it as TBX, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = large.read_text(encoding="utf-8").splitlines(keepends=True)
    for count in (10, 3000):
        (folder / f"terms-{count}.csv").write_text("".join(lines[: 2 + count]), encoding="utf-8")
    shutil.copy(as_tbx(large), folder / f"terms-{entries}.tbx")
    print(f"glossaries written to {folder}: terms-10.csv, terms-3000.csv, terms-{entries}.tbx")


def as_tbx(path: Path) -> Path:
    """The glossary at ``path`` written again as TBX beside it."""
    from tcheck import glossary as glossaries

    out = path.with_suffix(".tbx")
    out.write_text(glossaries.write(glossaries.load(str(path)), str(out)), encoding="utf-8")
    return out


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:6])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--load-worker":
        load_worker(*sys.argv[2:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ntrex", type=Path)
    parser.add_argument("termbank", type=Path)
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument(
        "--modes", nargs="+", default=["check", "match"], choices=["check", "match", "load", "tc101"]
    )
    parser.add_argument("--format", choices=["csv", "tbx"], default="csv", help="of the glossaries")
    parser.add_argument("--write-glossaries", type=Path, help="keep 10/3,000/50,000-entry glossaries here")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each configuration (best kept)")
    parser.add_argument(
        "--detect",
        action="store_true",
        help="tc101 mode: no --target-lang (tcheck identifies each page's language)",
    )
    parser.add_argument(
        "--target", choices=sorted(CORPUS), default="en", help="language of the terms and text"
    )
    args = parser.parse_args()
    if not (args.ntrex / "DOCUMENT_IDS.tsv").is_file() or not list(args.termbank.glob("*.tsv")):
        print("skipped: NTREX-128 or the Nordic termbank is missing")
        return 0
    with tempfile.TemporaryDirectory(prefix="tcheck-gscale-") as tmp:
        root = Path(tmp)
        size = build_corpus(args.ntrex, root / "corpus", args.megabytes, args.target)
        large, small, rare, real = build_glossaries(args.termbank, root, args.entries, args.target)
        middle = root / "middle.csv"
        if args.write_glossaries is not None:
            keep(args.write_glossaries, large, args.entries)
        if args.format == "tbx":
            large, small, rare, middle = as_tbx(large), as_tbx(small), as_tbx(rare), as_tbx(middle)
        configs = [
            ("10 entries", small),
            (f"{MIDDLE} entries", middle),
            (f"{args.entries} entries", large),
            (f"{args.entries} unseen", rare),
        ]
        print(
            f"{args.target} corpus: {size / 1e6:.1f} MB; glossaries: 10 entries; the first {MIDDLE} and {args.entries} "
            f"entries ({real} from the termbank, common words included); {args.entries} generated entries that "
            "never occur"
        )
        for mode in args.modes:
            if mode == "load":
                run_load(configs, args.target, root, args.repeat)
                continue
            if mode == "tc101":
                run_tc101(root, configs, args.target, args.repeat, args.detect)
                continue
            runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in configs}
            for _ in range(args.repeat):  # alternate, keep each one's best: the machine may be busy
                for name, path in configs:
                    runs[name].append(measure(mode, root / "corpus", path, args.target))
            best = {name: min(found, key=lambda r: r["seconds"]) for name, found in runs.items()}
            base = best[configs[0][0]]["seconds"]
            for name, figures in best.items():
                print(
                    f"{mode:>5} {name:>16}: {figures['seconds']:7.2f} s, peak {figures['peak_mb']:4.0f} MB, "
                    f"{figures['count']:9.0f} found, {figures['seconds'] / max(base, 1e-9):.2f}x the 10-entry run"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
