"""False positives of the date, time, number and currency checks (TC2xx, TC3xx) on human translations.

NTREX-128 pairs English news (``newstest2019-src.eng.txt``) line by line with professional
translations. Each NTREX article (an id in ``DOCUMENT_IDS.tsv``) becomes one bilingual document:
target segments are the translation's lines, each paired with its English line as
``Segment.counterpart``. tcheck runs TC2 and TC3 over them, and the script prints, per language,
how many segments got at least one finding. Human translations have some real problems, so the
flagged ones are worth reading (``--show nob``).

    python bench/ntrex_false_positives.py /work/shared/data/ntrex128 [--langs nob,deu] [--show nob]
        [--whole-file]   # one document per language file instead of one per article
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpus import FOLDER

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import RunResult, run
from tcheck.formats.sentences import split_sentences
from tcheck.model import Document, Segment, Span

# NTREX file suffix -> the language code tcheck is given (the folder names of bench/corpus.py)
TARGETS = {
    lang: FOLDER[lang.split("-")[0]] for lang in ("nob", "dan", "swe", "deu", "fra", "spa", "rus", "zho-CN")
}
SOURCE = "newstest2019-src.eng.txt"


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def segment(path: str, text: str, start: int, number: int, counterpart: Segment | None = None) -> Segment:
    body = text.strip()
    lead = len(text) - len(text.lstrip())
    return Segment(
        f"l{number}",
        body,
        Span(start + lead, start + lead + len(body)),
        "line",
        split_sentences(body),
        counterpart,
        path=path,
    )


def build_documents(
    data: Path, target_file: str, lang: str, whole_file: bool = False, lines: list[str] | None = None
) -> list[Document]:
    """One bilingual document per NTREX article (or per file), target lines paired with English."""
    source_lines = lines_of(data / SOURCE)
    target_lines = lines if lines is not None else lines_of(data / target_file)
    ids_path = data / "DOCUMENT_IDS.tsv"
    ids = lines_of(ids_path) if ids_path.exists() and not whole_file else []
    groups: dict[str, list[int]] = defaultdict(list)
    for i in range(min(len(source_lines), len(target_lines))):
        if source_lines[i].strip() and target_lines[i].strip():
            groups[ids[i].strip() if i < len(ids) else "all"].append(i)
    target_path = str(data / target_file)
    source_path = str(data / SOURCE)
    target_text = "\n".join(target_lines)
    source_text = "\n".join(source_lines)
    target_starts = _starts(target_lines)
    source_starts = _starts(source_lines)
    docs = []
    for indices in groups.values():
        src_segments = [segment(source_path, source_lines[i], source_starts[i], i + 1) for i in indices]
        tgt_segments = [
            segment(target_path, target_lines[i], target_starts[i], i + 1, src)
            for i, src in zip(indices, src_segments, strict=True)
        ]
        source = Document(source_path, source_text, "en", tuple(src_segments))
        docs.append(Document(target_path, target_text, lang, tuple(tgt_segments), "en", source=source))
    return docs


def _starts(lines: list[str]) -> list[int]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def check(docs: list[Document], select: tuple[str, ...] = ("TC2", "TC3")) -> RunResult:
    config = Config(select=select, default_glossaries=False)
    return run(iter(docs), Context(config=config))


def flagged_lines(result: RunResult) -> dict[int, list[str]]:
    """Target line number → findings on it (``CODE message``)."""
    out: dict[int, list[str]] = defaultdict(list)
    for finding in result.findings:
        line, _ = result.position(finding.path, finding.span.start)
        out[line].append(f"{finding.code} [{finding.severity.label}] {finding.message}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the NTREX-128 folder")
    parser.add_argument("--langs", default=",".join(TARGETS), help="NTREX language codes")
    parser.add_argument("--show", default="", help="print the flagged segments of these languages")
    parser.add_argument("--whole-file", action="store_true", help="one document per file, not per article")
    args = parser.parse_args(argv)
    if not (args.data / SOURCE).exists():
        print(f"skipped: {args.data / SOURCE} not found", file=sys.stderr)
        return 0
    show = set(args.show.split(",")) if args.show else set()
    source_lines = lines_of(args.data / SOURCE)
    print(f"{'lang':8} {'segments':>8} {'flagged':>8} {'%':>6}  by code (segments)   seconds")
    worst = 0.0
    for code in args.langs.split(","):
        target_file = f"newstest2019-ref.{code}.txt"
        if not (args.data / target_file).exists():
            print(f"{code:8} missing")
            continue
        started = time.perf_counter()
        docs = build_documents(args.data, target_file, TARGETS[code], args.whole_file)
        result = check(docs)
        seconds = time.perf_counter() - started
        segments = sum(len(d.segments) for d in docs)
        flagged = flagged_lines(result)
        by_code = Counter(code for notes in flagged.values() for code in {n.split()[0] for n in notes})
        share = 100 * len(flagged) / segments
        worst = max(worst, share)
        codes = " ".join(f"{c}:{n}" for c, n in sorted(by_code.items())) or "-"
        print(f"{code:8} {segments:8d} {len(flagged):8d} {share:5.2f}%  {codes:20} {seconds:6.1f}")
        if code in show:
            target_lines = lines_of(args.data / target_file)
            for line, notes in sorted(flagged.items()):
                print(
                    f"\n  line {line}\n    en: {source_lines[line - 1]}\n    {code}: {target_lines[line - 1]}"
                )
                for note in notes:
                    print(f"      {note}")
            print()
    print(f"worst language: {worst:.2f}% of segments flagged (target: at most 1%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
