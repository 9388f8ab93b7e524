"""tcheck on real documentation sites: findings per code, pairing, and a sample to read.

Usage::

    python bench/content_repos.py ../shared/data/content-repos/cncf-glossary ../shared/data/content-repos/helm-www
    python bench/content_repos.py SITE --sample 10 --codes TC401,TC403 --seed 1
    python bench/content_repos.py SITE --save /tmp/site.json   # keep the JSON report to compare

Each site is checked from its own folder (``tcheck check . --format json``) in a subprocess; the
script prints, per site: the CPU time of the run (user+sys of the child), findings per code and
severity, findings per 100 translated pages, the pairing summary (translations paired with their
source and those without one, per language), findings that point at markup (a finding whose text
starts with a markup character: ``{``, ``<``, ``|``, ``:::``, ``#``), and with ``--sample N`` N
findings per code drawn at random (seeded), each with the line of the file it points at, for a
person to judge as real or false.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

MARKUP_STARTS = ("{", "<", "|", ":::", "{{", "{%", "import ", "export ")


def run_site(site: Path, extra: list[str]) -> tuple[dict[str, Any], float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-m", "tcheck", "check", ".", "--format", "json", "--quiet", *extra],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "TCHECK_ROUND_TRIP": "off"},
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{site}: tcheck exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout), cpu


def _read(path: Path) -> str:
    """The file as tcheck reads it: line endings kept, so offsets match."""
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _line(site: Path, finding: dict[str, Any]) -> str:
    try:
        lines = _read(site / finding["path"]).split("\n")
        return lines[finding["line"] - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return "<unreadable>"


def _points_at_markup(site: Path, finding: dict[str, Any], cache: dict[str, str]) -> bool:
    path = finding["path"]
    if path not in cache:
        try:
            cache[path] = _read(site / path)
        except (OSError, UnicodeDecodeError):
            cache[path] = ""
    text = cache[path][finding["offset"] : finding["end_offset"]].lstrip()
    return bool(text) and text.startswith(MARKUP_STARTS)


def report(site: Path, payload: dict[str, Any], cpu: float, args: argparse.Namespace) -> None:
    findings = payload["findings"]
    summary = payload["summary"]
    pairing = summary.get("pairing", {})
    paired = sum(v["paired"] for v in pairing.values())
    unpaired = sum(len(v["unpaired"]) for v in pairing.values())
    translations = paired + unpaired
    print(f"== {site.name}: {summary['files']} files, {len(findings)} findings, CPU {cpu:.1f} s")
    print(f"   pairing: {paired} of {translations} translations paired, {unpaired} without a source")
    for lang, entry in pairing.items():
        print(f"     {lang:<12} paired {entry['paired']:>4}  alone {len(entry['unpaired']):>3}")
    by_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        by_code[finding["code"]].append(finding)
    per_page = 100 * len(findings) / translations if translations else float("nan")
    print(f"   findings per 100 translated pages: {per_page:.1f}")
    cache: dict[str, str] = {}
    markup = sum(_points_at_markup(site, f, cache) for f in findings)
    print(f"   findings pointing at markup: {markup}")
    print("   code    n  error warning info")
    for code, items in sorted(by_code.items()):
        sev = Counter(f["severity"] for f in items)
        print(f"   {code} {len(items):>5} {sev['error']:>6} {sev['warning']:>7} {sev['info']:>4}")
    if args.sample:
        rng = random.Random(args.seed)
        wanted = set(args.codes.split(",")) if args.codes else None
        for code, items in sorted(by_code.items()):
            if wanted and code not in wanted:
                continue
            print(f"   --- {code}: {min(args.sample, len(items))} of {len(items)}")
            for finding in rng.sample(items, min(args.sample, len(items))):
                print(
                    f"   {finding['path']}:{finding['line']}:{finding['column']} {finding['message'][:240]}"
                )
                print(f"       | {_line(site, finding)[:240]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sites", nargs="+", type=Path, help="site folders (e.g. ../shared/data/content-repos/*)"
    )
    parser.add_argument("--sample", type=int, default=0, help="findings per code to print with their line")
    parser.add_argument("--codes", default="", help="only sample these codes (comma-separated)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, help="write the JSON report here (one site) or to DIR/SITE.json")
    parser.add_argument("--jobs", default="1", help="tcheck --jobs (default 1: CPU time of one process)")
    args = parser.parse_args()
    for site in args.sites:
        if not site.is_dir():
            print(f"{site}: not a folder, skipped", file=sys.stderr)
            continue
        payload, cpu = run_site(site.resolve(), ["--jobs", args.jobs])
        if args.save:
            target = args.save / f"{site.name}.json" if args.save.is_dir() else args.save
            target.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        report(site.resolve(), payload, cpu, args)


if __name__ == "__main__":
    main()
