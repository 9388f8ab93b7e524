"""Growth of the date, time, number and currency recognisers and checks on hostile input.

Each shape is one paragraph made of a piece repeated (``'1,000 ' * n``, 25,000 dates, ten
million ``1``), checked at doubling sizes with the TC2xx and TC3xx checks: monolingual
(TC201, TC202, TC205, TC302, TC303) and bilingual, the same text as its own English source
(TC203, TC204, TC301, TC304). The script prints the seconds per size and the ratio to the
previous size; linear code stays near 2 (the aim: at most 2.2 from 1 MB up), and the number of
findings at each size (to compare the recognisers' results before and after a change).

    python bench/hostile_recognisers.py                 # every shape, 1, 2 and 4 MB
    python bench/hostile_recognisers.py --sizes 1 2 4 8 --shapes thousands ones --repeat 2

On a shared machine another process can slow one size down; ``--repeat 2`` keeps the faster run.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import time
from collections.abc import Callable

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import run
from tcheck.model import Document, Segment, Span

# name -> (language, piece repeated)
SHAPES: dict[str, tuple[str, str]] = {
    "dates": ("en", "Wednesday, 19 January 2022, "),
    "thousands": ("en", "1,000 "),
    "ones": ("en", "1"),
    "times": ("en", "at 10:30 and 2 p.m., "),
    "amounts": ("en", "$5 and 5,000 kroner, "),
    "weekdays": ("en", "earlier on Thursday "),
    "words": ("en", "two hundred "),
    "decimals": ("de", "1.5 und 2,5 "),
    "cjk": ("zh", "2022年1月19日星期三十五万"),
    "versions": ("en", ">= 1.2 < 3.0.0 "),
}


def _document(text: str, lang: str, bilingual: bool) -> Document:
    source = None
    counterpart = None
    if bilingual:
        counterpart = Segment("s1", text, Span(0, len(text)), path="source.txt")
        source = Document("source.txt", text, "en", (counterpart,))
    segment = Segment("p1", text, Span(0, len(text)), counterpart=counterpart)
    return Document("doc.txt", text, lang, (segment,), "en" if bilingual else None, source=source)


def _timed(action: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _clear_caches() -> None:
    from tcheck.recognise import clear_caches

    clear_caches()


def measure(shape: str, megabytes: float, bilingual: bool) -> tuple[int, float]:
    lang, piece = SHAPES[shape]
    if bilingual and lang != "en":
        lang = "en"
    size = int(megabytes * 1_000_000)
    text = (piece * (size // len(piece) + 1))[:size]
    select = (
        ("TC203", "TC204", "TC301", "TC304") if bilingual else ("TC201", "TC202", "TC205", "TC302", "TC303")
    )
    ctx = Context(config=Config(select=select, default_glossaries=False))
    doc = _document(text, lang, bilingual)
    _clear_caches()
    result: list[int] = []

    def check() -> None:
        result.append(len(run(iter([doc]), ctx).findings))

    seconds = _timed(check)
    _clear_caches()
    return result[0], seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="megabytes")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--mode", choices=("mono", "bi", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    args = parser.parse_args(argv)
    modes = [m for m in ("mono", "bi") if args.mode in (m, "both")]
    print(f"{'shape':10} {'mode':4} " + " ".join(f"{s:>8g}MB" for s in args.sizes) + "   ratios (aim <= 2.2)")
    worst = 0.0
    for shape in args.shapes:
        for mode in modes:
            runs = [
                min(measure(shape, size, mode == "bi") for _ in range(args.repeat)) for size in args.sizes
            ]
            times = [seconds for _, seconds in runs]
            ratios = [b / a if a > 0 else 0.0 for a, b in itertools.pairwise(times)]
            worst = max([worst, *ratios])
            cells = " ".join(f"{t:9.2f}s" for t in times)
            counts = " ".join(str(found) for found, _ in runs)
            print(
                f"{shape:10} {mode:4} {cells}   "
                + " ".join(f"{r:.2f}" for r in ratios)
                + f"   findings {counts}",
                flush=True,
            )
    print(f"worst ratio: {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
