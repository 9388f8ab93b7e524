"""CPU of a site run by stage, from a py-spy profile: pairing, alignment, TC6xx, the rest.

Usage::

    cd SITE && TCHECK_RESULT_CACHE=off TCHECK_ROUND_TRIP=off py-spy record -r 50 -f raw -o /tmp/site.raw \\
        -- python -m tcheck check . --jobs 1 --format json --output /tmp/site.json --fail-on never --quiet
    python bench/site_stages.py /tmp/site.raw --cpu 65.3     # the run's CPU seconds (content_repos.py)

A sample counts for the innermost stage on its stack: a check's own work is the check's, but what
it asks of the aligner is alignment's and a page it reads is reading's. ``--cpu`` turns shares
into seconds (py-spy counts samples of a running process; on a busy machine, a share is the
figure to trust). The stages:

- pairing: which page translates which (``tcheck/bilingual/pairing.py``, ``routes.py``,
  ``site.py``, ``pagelinks.py``, ``keptpair.py``) and the loader around it;
- alignment: ``align.py``, ``aligned.py``, ``units.py`` and ``anchors.py``;
- markup: reading a page's marks and comparing them (``tcheck/markup/*``);
- one line per check, by its module (the TC6xx checks are marked);
- reading: the readers (``tcheck/formats``).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"\((?:.*/)?(tcheck/[\w/]+)\.py:\d+\)$")
PAIRING = {"pairing", "routes", "site", "pagelinks", "keptpair"}
ALIGNMENT = {"align", "aligned", "units", "anchors"}
TC6 = {"heading_anchor", "link_target", "inline_code", "markup_element", "code_block"}
TC6 |= {"placeholder_mismatch", "plural_categories", "address_mismatch"}


def stage(frame: str) -> str | None:
    """The stage a stack frame belongs to, or None (a helper: the caller's stage counts)."""
    match = _FRAME.search(frame)
    if match is None:
        return None
    parts = match.group(1).split("/")
    name = parts[-1]
    if parts[1] == "bilingual":
        if name in ALIGNMENT:
            return f"alignment: {name}"
        return f"pairing: {name}" if name in PAIRING else f"other bilingual: {name}"
    if parts[1] == "markup":
        return f"markup: {name}"
    if parts[1] == "checks" and not name.startswith("_"):
        return f"TC6xx check: {name}" if name in TC6 else f"check: {name}"
    if parts[1] == "formats":
        return "reading"
    if parts[1] == "loader":
        return "pairing: loader"
    return None


def tally(raw: Path) -> tuple[Counter[str], int]:
    """Samples per stage (innermost stage of each stack), and all samples."""
    found: Counter[str] = Counter()
    total = 0
    with raw.open(encoding="utf-8") as fh:
        for line in fh:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            n = int(count)
            total += n
            where = "rest"
            for frame in stack.split(";"):
                here = stage(frame)
                if here is not None:
                    where = here
            found[where] += n
    return found, total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("raw", type=Path, help="py-spy record -f raw output")
    parser.add_argument("--cpu", type=float, default=0.0, help="CPU seconds of the run, to print seconds")
    parser.add_argument("--top", type=int, default=30, help="finer stages to list")
    args = parser.parse_args()
    found, total = tally(args.raw)
    coarse: Counter[str] = Counter()
    for name, n in found.items():
        coarse[name.split(":")[0]] += n

    def row(name: str, n: int) -> str:
        seconds = f" {args.cpu * n / total:6.1f} s" if args.cpu else ""
        return f"   {name:<36} {100 * n / total:5.1f}%{seconds}"

    print(f"== {args.raw.name}: {total} samples")
    for name, n in coarse.most_common():
        print(row(name, n))
    print("   --")
    for name, n in found.most_common(args.top):
        print(row(name, n))


if __name__ == "__main__":
    main()
