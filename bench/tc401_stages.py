"""CPU time of each language check (TC401, TC403, TC405 ...) in one run, apart from reading files.

The files are checked in this process, one at a time (``jobs=1``, no result cache); the time a
check's findings take to produce is added up per check code (``time.process_time``). Loading,
pairing and reporting are left out, so that two versions of the language checks can be compared
on the same input with less noise than the CPU time of whole runs::

    python bench/tc401_stages.py /tmp/nt1 --select TC4
    PYTHONPATH=/tmp/old-worktree python bench/tc401_stages.py /tmp/nt1 --select TC4

Prints one line per check (CPU seconds, findings) and the total of the checks.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from typing import Any


def measure(paths: list[str], select: tuple[str, ...]) -> dict[str, tuple[float, int]]:
    """``{code: (CPU seconds, findings)}`` of a run over ``paths`` with ``select``."""
    from tcheck import app, engine
    from tcheck.config import Config

    spent: dict[str, float] = defaultdict(float)
    found: dict[str, int] = defaultdict(int)
    original = engine.Engine._add

    def timed(self: Any, rule: Any, path: str, hits: Any) -> None:
        started = time.process_time()
        listed = list(hits)
        spent[rule.code] += time.process_time() - started
        found[rule.code] += len(listed)
        original(self, rule, path, listed)

    engine.Engine._add = timed  # type: ignore[method-assign]
    try:
        app.check(paths, Config(select=select, jobs=1, executor="serial", default_glossaries=False))
    finally:
        engine.Engine._add = original  # type: ignore[method-assign]
    return {code: (spent[code], found[code]) for code in sorted(spent)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="files or folders to check")
    parser.add_argument("--select", default="TC4", help="comma-separated codes or prefixes (default TC4)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TCHECK_RESULT_CACHE", "off")
    result = measure(args.paths, tuple(args.select.upper().split(",")))
    for code, (seconds, count) in result.items():
        print(f"{code}  {seconds:7.2f} s CPU  {count:6d} findings")
    print(f"total  {sum(s for s, _ in result.values()):7.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
