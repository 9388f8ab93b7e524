"""Time and peak memory of ``tcheck check`` on hostile inputs at doubling sizes.

Each shape of the hardening issue (a huge XML attribute, deep nesting, 10 MB on one line,
thousands of dates in one paragraph, ``'1,000 ' * N``, ``'1' * N``) and ordinary files of every
reader (text, Markdown, XLIFF, TMX, PO, TSV) are written at 1, 2, 4 ... MB and checked, each size
in a fresh process. For each run the table shows the CPU time of the child (user + sys, from the
kernel's accounting of that child, ``getrusage(RUSAGE_CHILDREN)``), the growth against the previous size (linear: about 2.0;
the goal is at most 2.2), the child's peak RSS, the part of it above the fixed cost of a run on
a small file of the same shape, what each added MB of file cost in memory since the previous
size (the marginal cost: what must stay under 10 for the goal to hold at every size), and the
memory goal (10 x the file + 100 MB)::

    python bench/hostile.py                          # every shape, 1 to 8 MB
    python bench/hostile.py --max-mb 64 --shapes xliff-attr,tmx-attr
    python bench/hostile.py --shapes text --select TC1,TC2   # extra options go to tcheck
    python bench/hostile.py --max-mb 64 --select TC001        # the readers alone

A shape stops growing once one run takes more than ``--budget`` seconds of CPU.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000

SENTENCES_EN = (
    "The Collective Security Treaty Organization (CSTO) sent 2,300 troops to Almaty on Wednesday.",
    "President Kassym-Jomart Tokayev said the situation was under control, according to NTB.",
    "Fuel prices rose by 4.5 percent in December, and the government capped them at 50 tenge.",
    "At least 164 people were killed, the health ministry said on Sunday, January 9.",
    "Protesters gathered in the main square before the police arrived at 2:30 PM.",
)
SENTENCES_NB = (
    "Organisasjonen for kollektiv sikkerhet (CSTO) sendte 2300 soldater til Almaty onsdag.",
    "President Kassym-Jomart Tokajev sa at situasjonen var under kontroll, ifølge NTB.",
    "Drivstoffprisene steg med 4,5 prosent i desember, og regjeringen satte et tak på 50 tenge.",
    "Minst 164 mennesker ble drept, opplyste helsedepartementet søndag 9. januar.",
    "Demonstranter samlet seg på hovedtorget før politiet kom klokken 14.30.",
)


def _fill(size: int, piece: Callable[[int], str], head: str = "", tail: str = "") -> str:
    """``head``, then ``piece(0)``, ``piece(1)`` ... until ``size`` characters, then ``tail``."""
    parts, total, i = [head], len(head) + len(tail), 0
    while total < size:
        part = piece(i)
        parts.append(part)
        total += len(part)
        i += 1
    parts.append(tail)
    return "".join(parts)


def _paragraph(i: int) -> str:
    n = len(SENTENCES_EN)
    return " ".join(SENTENCES_EN[(i + k) % n] for k in range(1 + i % 4)) + "\n\n"


def text(size: int) -> str:
    return _fill(size, _paragraph)


def markdown(size: int) -> str:
    def piece(i: int) -> str:
        if i % 10 == 0:
            return f"## Section {i // 10}\n\n"
        if i % 10 == 5:
            return (
                f"- See [the report](https://example.org/r/{i}) and `code {i}`\n- {SENTENCES_EN[i % 5]}\n\n"
            )
        return _paragraph(i)

    return _fill(size, piece, "---\ntitle: Unrest\ndate: 2022-01-19\n---\n\n# Unrest in Kazakhstan\n\n")


def single_line(size: int) -> str:
    return _fill(size, lambda i: SENTENCES_EN[i % 5] + " ") + "\n"


def dates(size: int) -> str:
    return _fill(size, lambda i: f"Wednesday, January {1 + i % 28}, 2022, ") + "\n"


def numbers(size: int) -> str:
    return _fill(size, lambda i: "1,000 ") + "\n"


def digits(size: int) -> str:
    return "1" * size + "\n"


def _xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;")


def xliff(size: int) -> str:
    def unit(i: int) -> str:
        src, trg = SENTENCES_NB[i % 5], SENTENCES_EN[i % 5]
        return (
            f'<trans-unit id="u{i}"><source>{_xml(src)} &amp; <g id="1">mer</g></source>'
            f'<target>{_xml(trg)} &amp; <g id="1">more</g><x id="2"/></target></trans-unit>\n'
        )

    return _fill(size, unit, _XLIFF_HEAD, _XLIFF_TAIL)


_XLIFF_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">\n'
    '<file source-language="nb" target-language="en" datatype="plaintext" original="a"><body>\n'
)
_XLIFF_TAIL = "</body></file></xliff>\n"


def xliff_attr(size: int) -> str:
    body = "<source>Hei</source><target>Hello</target></trans-unit>\n"
    return f'{_XLIFF_HEAD}<trans-unit id="big" resname="{"a" * size}">{body}{_XLIFF_TAIL}'


def xliff_deep(size: int) -> str:
    depth = size // 11
    inner = '<g id="1">' * depth + "Hello" + "</g>" * depth
    return (
        f'{_XLIFF_HEAD}<trans-unit id="u1"><source>Hei</source><target>{inner}</target></trans-unit>\n'
        f"{_XLIFF_TAIL}"
    )


_TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="nb" '
    'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="bench" '
    'creationtoolversion="1"/>\n<body>\n'
)


def _tu(i: int) -> str:
    src, trg = _xml(SENTENCES_NB[i % 5]), _xml(SENTENCES_EN[i % 5])
    return (
        f'<tu tuid="{i}"><tuv xml:lang="nb"><seg>{src} <bpt i="1">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>'
        f'</seg></tuv><tuv xml:lang="en"><seg>{trg} <ph x="1"/></seg></tuv></tu>\n'
    )


def tmx(size: int) -> str:
    return _fill(size, _tu, _TMX_HEAD, "</body></tmx>\n")


def tmx_attr(size: int) -> str:
    unit = _tu(1).replace('tuid="1"', f'tuid="{"7" * size}"')
    return f"{_TMX_HEAD}{unit}</body></tmx>\n"


def po(size: int) -> str:
    def entry(i: int) -> str:
        src, trg = SENTENCES_NB[i % 5].replace('"', '\\"'), SENTENCES_EN[i % 5].replace('"', '\\"')
        return f'#: src/page.c:{i}\nmsgid "{src}\\n"\nmsgstr ""\n"{trg}\\t"\n"\\n"\n\n'

    head = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: nb\\n"\n\n'
    return _fill(size, entry, head)


def tsv(size: int) -> str:
    return _fill(size, lambda i: f"{SENTENCES_NB[i % 5]}\t{SENTENCES_EN[i % 5]}\n", "nb\ten\n")


@dataclass(frozen=True)
class Shape:
    name: str
    suffix: str
    make: Callable[[int], str]
    options: tuple[str, ...] = ("--target-lang", "en")


SHAPES = (
    Shape("text", ".txt", text),
    Shape("markdown", ".md", markdown),
    Shape("single-line", ".txt", single_line),
    Shape("xliff", ".xlf", xliff, ()),
    Shape("xliff-attr", ".xlf", xliff_attr, ()),
    Shape("xliff-deep", ".xlf", xliff_deep, ()),
    Shape("tmx", ".tmx", tmx, ()),
    Shape("tmx-attr", ".tmx", tmx_attr, ()),
    Shape("po", ".po", po, ()),
    Shape("tsv", ".tsv", tsv, ()),
    Shape("dates", ".txt", dates),
    Shape("numbers", ".txt", numbers),
    Shape("digits", ".txt", digits),
)


# Runs in a small intermediate interpreter: a child forked straight from this process would inherit
# its peak RSS (the kernel carries it across fork and exec), so the big strings the benchmark builds
# would show as the child's memory. The intermediate reports its only child's usage.
_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as err:
    code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)
"""


def run_child(command: list[str]) -> tuple[float, float, int, str]:
    """CPU seconds (user + sys), peak RSS in MB, exit status and stderr tail of one fresh child."""
    with tempfile.NamedTemporaryFile(suffix=".err") as err:
        out = subprocess.run(
            [sys.executable, "-c", _MEASURE, err.name, *command], capture_output=True, text=True, check=True
        )
        tail = Path(err.name).read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
    cpu, maxrss, code = out.stdout.split()
    return float(cpu), int(maxrss) / 1024, int(code), tail[0] if tail else ""


def sizes(max_mb: float) -> list[float]:
    out, mb = [], 1.0
    while mb <= max_mb:
        out.append(mb)
        mb *= 2
    return out


def check_file(
    shape: Shape, size: int, extra: list[str], folder: Path
) -> tuple[float, float, float, int, str]:
    """Write the shape at ``size`` characters, check it in a fresh process: (file MB, CPU s, peak
    RSS MB, exit status, last stderr line)."""
    path = folder / f"{shape.name}-{size}{shape.suffix}"
    content = shape.make(size)
    path.write_text(content, encoding="utf-8")
    file_mb = path.stat().st_size / MB
    del content
    command = [sys.executable, "-m", "tcheck", "check", str(path), *shape.options]
    command += ["--no-default-glossaries", "--no-round-trip", "--no-cache", "--jobs", "1", "--quiet"]
    command += ["--format", "json", "--output", os.devnull, "--fail-on", "never", *extra]
    try:
        cpu, rss, code, tail = run_child(command)
    finally:
        path.unlink()
    return file_mb, cpu, rss, code, tail


def measure(shape: Shape, max_mb: float, budget: float, extra: list[str], folder: Path) -> None:
    """One line per size: CPU, growth against the previous size, peak RSS, the peak above the
    run's fixed cost (the same shape at 20 kB: interpreter, libraries, language data) and the
    marginal memory per MB of file."""
    _, _, base, _, _ = check_file(shape, 20_000, extra, folder)
    print(f"{shape.name:<12} fixed cost (20 kB file): {base:.0f} MB peak", flush=True)
    previous: float | None = None
    last: tuple[float, float] | None = None  # (file MB, peak RSS MB) of the previous size
    for mb in sizes(max_mb):
        file_mb, cpu, rss, code, tail = check_file(shape, int(mb * MB), extra, folder)
        ratio = f"{cpu / previous:5.2f}" if previous else "    -"
        goal = 10 * file_mb + 100
        flag = "ok" if rss <= goal else "OVER"
        above = max(rss - base, 0.0)  # a refused file (TC001) never loads what the checks need
        # what each added MB of file costs, from the previous size: free of whatever a run loads
        # only for large files (language tables), which "above the fixed cost" counts as growth
        marginal = f"{(rss - last[1]) / (file_mb - last[0]):5.1f}" if last and file_mb > last[0] else "    -"
        status = "" if code == 0 else f"  exit {code}: {tail[:80]}"
        print(
            f"{shape.name:<12} {file_mb:6.1f} MB  {cpu:8.2f} s  x{ratio}  {rss:7.0f} MB peak "
            f"(+{above:5.0f} MB = {above / file_mb:4.1f}x the file; {marginal} MB per added MB; "
            f"goal {goal:5.0f}: {flag}){status}",
            flush=True,
        )
        previous = max(cpu, 0.01)
        last = (file_mb, rss)
        if cpu > budget:
            print(f"{shape.name:<12} stopped: {cpu:.0f} s is over the {budget:.0f} s budget", flush=True)
            break


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-mb", type=float, default=8, help="largest size (default 8; e.g. 64)")
    parser.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    parser.add_argument("--budget", type=float, default=60, help="CPU seconds after which a shape stops")
    args, extra = parser.parse_known_args()
    wanted = {s.strip() for s in args.shapes.split(",") if s.strip()}
    unknown = wanted - {s.name for s in SHAPES}
    if unknown:
        parser.error(f"unknown shapes {sorted(unknown)}; known: {', '.join(s.name for s in SHAPES)}")
    print("shape          size        CPU   growth       peak RSS")
    with tempfile.TemporaryDirectory(prefix="tcheck-hostile-") as tmp:
        for shape in SHAPES:
            if not wanted or shape.name in wanted:
                measure(shape, args.max_mb, args.budget, extra, Path(tmp))


if __name__ == "__main__":
    main()
