"""CPU time of the date, time, number and currency recognisers on the texts a real run asks for.

Runs ``tcheck check PATHS --select TC2,TC3`` (or ``--select``) once in this process, recording
every ``recognise(text, lang, also)`` call the checks make, then recognises those texts again
from empty caches (``--repeat`` times, the fastest kept) and prints the CPU seconds, the
characters per second, and how many texts the shared prefilter (``tcheck.recognise.prefilter``)
finds nothing in. The recorded calls can be saved (``--save``) and read back (``--calls``) to
compare two versions of the recognisers on the same calls; ``--dump`` writes what each call
finds, one line a call, so that two versions' dumps can be compared with ``cmp`` or ``diff``
(a speed change must leave them identical).

    python bench/recognise_throughput.py /tmp/nt1
    python bench/recognise_throughput.py /tmp/s8/ntrex10.po --select TC301 --repeat 3
    python bench/recognise_throughput.py --calls /tmp/nt1.calls --dump /tmp/found.txt

It also splits the texts by what the prefilter lets through (``D`` digits, ``N`` a name or
number word may start, ``R`` a Roman numeral may stand, ``Z`` a time zone is named; ``----``:
nothing) and prints, per kind, how many texts there are, how many end with a mention, and the
CPU their shared recognition (``_core``) takes: what goes to texts that end with nothing. The
recorded calls are the ones the caches missed, so ``calls`` beyond ``texts`` are a text asked
again with another language on the other side (its amounts read again, the rest shared).
"""

from __future__ import annotations

import argparse
import dataclasses
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


def _plain(value: object) -> object:
    """``value`` with its sets sorted and its dataclasses as tuples (a repr that does not depend
    on the run's hash seed)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__name__, *(_plain(getattr(value, f.name)) for f in fields))
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_plain(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def dump(calls: list[Call], path: Path) -> None:
    """Write what each call finds (every kind, every field), one line a call, from empty caches."""
    recognisers.clear_caches()
    with path.open("w", encoding="utf-8") as out:
        for text, lang, also in calls:
            found = recognisers.recognise(text, lang, also)
            kinds = (found.dates, found.times, found.amounts, found.numbers, found.words, found.cardinals)
            out.write(repr(_plain((lang, also, *(list(kind) for kind in kinds), found.zoned))) + "\n")


def breakdown(calls: list[Call]) -> list[tuple[str, int, int, float]]:
    """Per kind of text the prefilter tells apart: (kind, texts, texts with a mention, CPU s)."""
    from tcheck.recognise import _core

    recognisers.clear_caches()
    rows: dict[str, list[float]] = {}
    for text, lang in dict.fromkeys((text, lang) for text, lang, _ in calls):
        need = needs(text, lang)
        kind = "".join(c if f else "-" for c, f in zip("DNRZ", need, strict=True))
        start = time.process_time()
        core = _core(text, lang)
        spent = time.process_time() - start
        row = rows.setdefault(kind, [0, 0, 0.0])
        row[0] += 1
        row[1] += bool(core.dates or core.times or core.quantities or core.words or core.cardinals)
        row[2] += spent
    return [(kind, int(n), int(found), cpu) for kind, (n, found, cpu) in sorted(rows.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="files or folders to check (not needed with --calls)")
    parser.add_argument("--select", default="TC2,TC3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write the recorded calls here")
    parser.add_argument("--calls", type=Path, help="read recorded calls instead of running tcheck")
    parser.add_argument("--dump", type=Path, help="write what each call finds here (to compare versions)")
    args = parser.parse_args(argv)
    if args.calls:
        with args.calls.open("rb") as f:
            calls: list[Call] = pickle.load(f)
    else:
        calls = record(args.paths, args.select)
    if args.save:
        with args.save.open("wb") as f:
            pickle.dump(calls, f)
    if args.dump:
        dump(calls, args.dump)
    timed(calls, 1)  # every language's lexicons and patterns made before timing
    seconds = timed(calls, args.repeat)
    chars = sum(len(text) for text, _, _ in calls)
    texts = dict.fromkeys((text, lang) for text, lang, _ in calls)
    quiet = sum(needs(text, lang).nothing for text, lang in texts)
    print(f"{len(calls):,} calls, {len(texts):,} texts, {chars / 1e6:.2f} M characters")
    print(f"recognise: {seconds:.2f} s CPU, {chars / 1e6 / max(seconds, 1e-9):.2f} M characters/s")
    print(f"texts the prefilter finds nothing in: {quiet:,} ({100 * quiet / max(len(texts), 1):.0f}%)")
    rows = breakdown(calls)
    total = sum(cpu for *_, cpu in rows) or 1e-9
    empty = sum(cpu * (n - found) / n for _, n, found, cpu in rows if n)
    print("kind   texts  with a mention  CPU of the shared recognition")
    for kind, n, found, cpu in rows:
        print(f"{kind}  {n:7,}  {found:7,}  {cpu:6.2f} s  {1e6 * cpu / max(n, 1):5.0f} us a text")
    print(f"texts that end with nothing: about {empty:.2f} s of {total:.2f} s ({100 * empty / total:.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
