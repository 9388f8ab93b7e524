"""False positives of TC401 (and TC403) on professional human translations: NTREX-128.

Each NTREX document becomes a bilingual TSV file (English source, one target language), and
tcheck checks it with TC401 and TC403 only. Every flagged segment is a false alarm (bar the rare
segment that really is in another language in the data). Two modes: ``bilingual`` (the TSV, so the
source language is known) and ``monolingual`` (the target text alone, ``--target-lang`` only, so the
plausible languages are the whole pool). Prints a table per language and the flagged segments.

    python bench/tc401_false_positives.py ../shared/data/ntrex128 [--langs nob,dan,swe,deu,fra]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "eng": ("newstest2019-src.eng.txt", "en"),
    "nob": ("newstest2019-ref.nob.txt", "nb"),
    "dan": ("newstest2019-ref.dan.txt", "da"),
    "swe": ("newstest2019-ref.swe.txt", "sv"),
    "deu": ("newstest2019-ref.deu.txt", "de"),
    "fra": ("newstest2019-ref.fra.txt", "fr"),
    "spa": ("newstest2019-ref.spa.txt", "es"),
    "rus": ("newstest2019-ref.rus.txt", "ru"),
    "zho": ("newstest2019-ref.zho-CN.txt", "zh"),
}


def documents(data: Path, lang: str) -> dict[str, list[str]]:
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (data / FILES[lang][0]).read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines, strict=True):
        docs[doc_id.strip()].append(line.strip().replace("\t", " "))
    return docs


def measure(data: Path, lang: str, mode: str, show: int) -> tuple[int, dict[str, int], float]:
    """Segments, flagged segments per code (and 'any'), seconds."""
    from tcheck import app
    from tcheck.config import Config

    code = FILES[lang][1]
    eng, tgt = documents(data, "eng"), documents(data, lang)
    segments = 0
    with tempfile.TemporaryDirectory(prefix="tcheck-fp-") as tmp:
        for doc_id, lines in tgt.items():
            segments += len(lines)
            if mode == "bilingual":
                rows = [f"en\t{code}"] + [f"{s}\t{t}" for s, t in zip(eng[doc_id], lines, strict=True)]
                (Path(tmp) / f"{doc_id}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
            else:
                (Path(tmp) / f"{doc_id}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        config = Config(target_lang=code, select=("TC401", "TC403"), default_glossaries=False)
        inputs = sorted(str(p) for p in Path(tmp).iterdir())
        started = time.perf_counter()
        result = app.check(inputs, config)
        elapsed = time.perf_counter() - started
        flagged: dict[str, set[tuple[str, int]]] = defaultdict(set)
        texts: dict[str, str] = {}
        for finding in result.findings:
            line, _ = result.position(finding.path, finding.span.start)
            key = (finding.path, line)
            flagged[finding.code].add(key)
            flagged["any"].add(key)
            if len(texts) < show and key not in texts:
                text = Path(finding.path).read_text(encoding="utf-8")
                texts[f"{Path(finding.path).name}:{line}"] = (
                    f"{finding.code} {text[finding.span.start : finding.span.end][:90]!r}"
                )
    for where, what in texts.items():
        print(f"    {where}: {what}")
    return segments, {k: len(v) for k, v in flagged.items()}, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--langs", default="nob,dan,swe,deu,fra")
    parser.add_argument("--modes", default="bilingual,monolingual")
    parser.add_argument("--show", type=int, default=5, help="flagged segments to print per language")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    sys.path.insert(0, str(ROOT))
    rows = []
    for mode in args.modes.split(","):
        for lang in args.langs.split(","):
            print(f"{mode} eng → {lang}:")
            segments, flagged, elapsed = measure(args.data, lang, mode, args.show)
            rows.append((mode, lang, segments, flagged, elapsed))
    print()
    print(
        f"{'mode':<12} {'target':<7} {'segments':>8} {'TC401':>6} {'TC403':>6} {'any':>5} {'rate':>7} {'time':>7}"
    )
    for mode, lang, segments, flagged, elapsed in rows:
        rate = 100 * flagged.get("any", 0) / segments
        print(
            f"{mode:<12} {lang:<7} {segments:>8} {flagged.get('TC401', 0):>6} {flagged.get('TC403', 0):>6} "
            f"{flagged.get('any', 0):>5} {rate:>6.2f}% {elapsed:>6.1f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
