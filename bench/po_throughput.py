"""CPU time and peak memory of ``tcheck check`` on one large PO file, beside pofilter's.

Builds one Gettext PO file from NTREX-128 in a temporary folder: the English source of every
segment as ``msgid`` and its translation in each of ten languages as ``msgstr`` (1,997 segments
x 10 languages = 19,970 units, about 6 MB), each unit's language and position in its
``msgctxt``; the header names no target language (it is not one), so
tcheck detects one and TC401 reports the units in the nine others: ``--languages deu`` builds
the usual kind of PO, one language (1,997 units) named in the header. The data stays outside the project: pass its folder as an argument. Then runs, each in
a fresh child process, and prints CPU time (user+sys of the child and its children: what a shared
machine measures fairly) and peak RSS:

- tcheck with the three checks pofilter's ``numbers``, ``untranslated`` and ``unchanged`` match
  (``--select TC301,TC401,TC402``), and with its default checks;
- with ``--pofilter PATH`` (translate-toolkit installed anywhere, e.g. in a virtual environment
  of its own), ``pofilter -t numbers -t untranslated -t unchanged`` and pofilter's default
  checks, and the ratios pofilter / tcheck (above 1: tcheck is faster).

The goal (issue 12): the three checks at least as fast as pofilter's, the default checks at least
3x faster than pofilter's default, and peak memory at most twice the file's size plus 100 MB.

    python bench/po_throughput.py ../shared/data/ntrex128 [--pofilter /tmp/po_venv/bin/pofilter]
        [--keep FILE.po] [--repeat 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import FOLDER
from corpus import LANGS as FILES

TARGETS = ["deu", "fra", "spa", "rus", "zho", "jpn", "arb", "nob", "dan", "swe"]
SUBSET = "TC301,TC401,TC402"
CHILD = (
    "import resource, subprocess, sys\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'{r.ru_utime + r.ru_stime} {r.ru_maxrss / 1024} {p.returncode}')\n"
    "sys.stderr.write(p.stderr.decode(errors='replace')[-2000:] if p.returncode not in (0, 1) else '')\n"
)


def quote(text: str) -> str:
    """``text`` as the body of a PO string (C escapes)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")


def build(data: Path, out: Path, targets: list[str]) -> tuple[int, int]:
    """Write the PO file; return (units, bytes). With one target language the header names it."""
    english = (data / FILES["eng"]).read_text(encoding="utf-8").splitlines()
    language = f'"Language: {FOLDER[targets[0]]}\\n"\n' if len(targets) == 1 else ""
    parts = [
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
        f'{language}"X-Source-Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n',
    ]
    units = 0
    for lang in targets:
        target = (data / FILES[lang]).read_text(encoding="utf-8").splitlines()
        for n, (src, tgt) in enumerate(zip(english, target, strict=True), 1):
            if not src.strip() or not tgt.strip():
                continue
            parts.append(f'#: newstest2019:{n}\nmsgctxt "{lang}:{n}"\n')
            parts.append(f'msgid "{quote(src.strip())}"\nmsgstr "{quote(tgt.strip())}"\n\n')
            units += 1
    data_bytes = "".join(parts).encode("utf-8")
    out.write_bytes(data_bytes)
    return units, len(data_bytes)


def run_child(command: list[str]) -> tuple[float, float]:
    """(CPU s of the command and its children, peak RSS MB) of one run."""
    out = subprocess.run([sys.executable, "-c", CHILD, *command], capture_output=True, text=True, check=True)
    cpu, peak, status = out.stdout.split()
    if int(status) not in (0, 1):
        raise SystemExit(f"{command[0]} failed (exit {status}): {out.stderr}")
    return float(cpu), float(peak)


def best(command: list[str], repeat: int) -> tuple[float, float]:
    """The least CPU and the least peak memory of ``repeat`` runs."""
    runs = [run_child(command) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--pofilter", help="the pofilter program to compare with (translate-toolkit)")
    parser.add_argument("--keep", type=Path, help="also write the PO file here (outside the project)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the best is shown")
    parser.add_argument(
        "--languages",
        default=",".join(TARGETS),
        help="NTREX target languages, comma-separated (one language: a PO of 1,997 units naming it)",
    )
    parser.add_argument("--only", choices=["subset", "default"], help="run one of the two tcheck sets")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    with tempfile.TemporaryDirectory(prefix="tcheck-po-") as tmp:
        po = Path(tmp) / "ntrex.po"
        units, size = build(args.data, po, args.languages.split(","))
        if args.keep:
            args.keep.write_bytes(po.read_bytes())
        print(f"PO file: {units} units, {size / 1e6:.1f} MB; memory goal: {2 * size / 2**20 + 100:.0f} MB")
        tcheck = [
            sys.executable,
            "-m",
            "tcheck",
            "check",
            str(po),
            "--format",
            "json",
            "--output",
            "/dev/null",
        ]
        tcheck += ["--fail-on", "never", "--no-cache", "--jobs", "1", "--quiet"]
        mine: dict[str, tuple[float, float]] = {}
        for name, extra in (("subset", ["--select", SUBSET]), ("default", [])):
            if args.only and args.only != name:
                continue
            mine[name] = best(tcheck + extra, args.repeat)
            cpu, peak = mine[name]
            print(f"tcheck {name:8s} CPU {cpu:6.2f} s, {size / 1e6 / cpu:5.2f} MB/s, peak RSS {peak:5.0f} MB")
        if not args.pofilter:
            return 0
        out = str(Path(tmp) / "out.po")
        subset = ["-t", "numbers", "-t", "untranslated", "-t", "unchanged"]
        goals = {"subset": 1.0, "default": 3.0}
        for name, extra in (("subset", subset), ("default", [])):
            if args.only and args.only != name:
                continue
            cpu, peak = best([args.pofilter, "--progress", "none", *extra, str(po), out], args.repeat)
            ratio = cpu / mine[name][0]
            verdict = "met" if ratio >= goals[name] else "not met"
            print(
                f"pofilter {name:6s} CPU {cpu:6.2f} s, peak RSS {peak:5.0f} MB; "
                f"pofilter/tcheck CPU x{ratio:.2f} (goal x{goals[name]:g}: {verdict})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
