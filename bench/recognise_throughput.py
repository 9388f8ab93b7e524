"""CPU time of the date, time, number and currency recognisers on the texts a real run asks for.

Runs ``tcheck check PATHS --select TC2,TC3`` (or ``--select``) once in this process, recording
every ``recognise(text, lang, also)`` call the checks make, then recognises those texts again
from empty caches (``--repeat`` times, the fastest kept) and prints the CPU seconds, the
characters per second, and how many texts the shared prefilter (``tcheck.recognise.prefilter``)
finds nothing in. The recorded calls can be saved (``--save``) and read back (``--calls``) to
compare two versions of the recognisers on the same calls.

    python bench/recognise_throughput.py /tmp/nt1
    python bench/recognise_throughput.py /tmp/s8/ntrex10.po --select TC301 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from pathlib import Path

import tcheck.recognise as recognisers
from tcheck.recognise.prefilter import needs

Call = tuple[str, str, str | None]


def record(paths: list[str], select: str) -> list[Call]:
    """The ``recognise`` calls of one ``tcheck check`` run (without the result cache)."""
    from tcheck.cli import main

    calls: list[Call] = []
    original = recognisers.recognise.__wrapped__

    def recording(text: str, lang: str, also: str | None = None) -> recognisers.Mentions:
        calls.append((text, lang, also))
        return original(text, lang, also)

    os.environ["TCHECK_RESULT_CACHE"] = "off"
    recognisers.recognise.__wrapped__ = recording
    try:
        args = ["check", *paths, "--jobs", "1", "--select", select, "--format", "json"]
        main.main([*args, "--output", os.devnull, "--fail-on", "never", "--quiet"], standalone_mode=False)
    except SystemExit as done:  # the check command ends with its exit status
        if done.code not in (0, None):
            raise
    finally:
        recognisers.recognise.__wrapped__ = original
    return calls


def timed(calls: list[Call], repeat: int) -> float:
    """The fastest CPU seconds of recognising every call from empty caches."""
    best = float("inf")
    for _ in range(repeat):
        recognisers.clear_caches()
        start = time.process_time()
        for text, lang, also in calls:
            recognisers.recognise(text, lang, also)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="files or folders to check (not needed with --calls)")
    parser.add_argument("--select", default="TC2,TC3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the recorded calls here")
    parser.add_argument("--calls", type=Path, help="read recorded calls instead of running tcheck")
    args = parser.parse_args(argv)
    if args.calls:
        with args.calls.open("rb") as f:
            calls: list[Call] = pickle.load(f)
    else:
        calls = record(args.paths, args.select)
    if args.save:
        with args.save.open("wb") as f:
            pickle.dump(calls, f)
    timed(calls, 1)  # every language's lexicons and patterns made before timing
    seconds = timed(calls, args.repeat)
    chars = sum(len(text) for text, _, _ in calls)
    texts = dict.fromkeys((text, lang) for text, lang, _ in calls)
    quiet = sum(needs(text, lang).nothing for text, lang in texts)
    print(f"{len(calls):,} calls, {len(texts):,} texts, {chars / 1e6:.2f} M characters")
    print(f"recognise: {seconds:.2f} s CPU, {chars / 1e6 / max(seconds, 1e-9):.2f} M characters/s")
    print(f"texts the prefilter finds nothing in: {quiet:,} ({100 * quiet / max(len(texts), 1):.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
