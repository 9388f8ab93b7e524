"""Recall of source-language words and short phrases left in English, and false flags: NTREX-128.

NTREX pairs English news line by line with professional translations. Read the other way round
(X → English), each line pair is a source sentence and its correct English translation. Every
English line gets one *case*: an English word (odd lines) or a 2–3 word phrase (even lines) is
replaced by a word or phrase of its own source sentence:

- Latin and Cyrillic scripts: a source word of 4+ letters (or 2–3 consecutive source words) that
  does not occur in the English line (so not a shared name); words that are themselves common
  English words (Zipf frequency 3 or more, e.g. French ``important``) are not used, since leaving
  one is no code-mixing;
- Chinese and Japanese: 2–4 (word) or 4–6 (phrase) consecutive CJK characters of the source.

The English word replaced is a lower-case word of 4+ letters that is not the first of the line
and not a function word. tcheck runs the TC4 checks over one document per NTREX article (target
``en``); a case is *found* when a TC4xx finding overlaps the inserted text. False flags: the
untouched English lines with a TC4xx finding, under the same settings.

Modes: ``bilingual`` (each English line paired with its source line, as a TSV or XLIFF gives),
``source-lang`` (the source language is known, the source text is not), ``none`` (neither).

``--reverse`` also counts TC405's false flags the other way, on the professional translations
of the English lines (English → X, bilingual): English words kept on purpose in Danish sports
pages or Spanish fashion pages are the risk there.

    python bench/codemix_recall.py /work/shared/data/ntrex128 [--langs deu,fra] [--modes bilingual]
        [--show 5] [--reverse nob,dan,swe,deu,fra,spa,rus,zho-CN,jpn,arb]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ntrex_false_positives import build_documents, lines_of, segment

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import RunResult, run
from tcheck.language.function_words import function_words
from tcheck.model import Document, Segment

FILES = {
    "deu": ("newstest2019-ref.deu.txt", "de"),
    "fra": ("newstest2019-ref.fra.txt", "fr"),
    "spa": ("newstest2019-ref.spa.txt", "es"),
    "ita": ("newstest2019-ref.ita.txt", "it"),
    "pol": ("newstest2019-ref.pol.txt", "pl"),
    "ces": ("newstest2019-ref.ces.txt", "cs"),
    "rus": ("newstest2019-ref.rus.txt", "ru"),
    "hin": ("newstest2019-ref.hin.txt", "hi"),
    "jpn": ("newstest2019-ref.jpn.txt", "ja"),
    "zho": ("newstest2019-ref.zho-CN.txt", "zh"),
    "nob": ("newstest2019-ref.nob.txt", "nb"),
}
ENGLISH = "newstest2019-src.eng.txt"
_EN_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")
_SRC_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Case:
    line: int  # 0-based line of the files
    text: str  # the English line with the left-over
    start: int
    end: int
    phrase: bool


def _english_spans(line: str, words: int) -> list[tuple[int, int]]:
    """Spans of ``words`` consecutive replaceable English words (single spaces between)."""
    stop = function_words("en") or frozenset()
    found = [m for m in _EN_WORD.finditer(line) if m.start() > 0 and m.group(0) not in stop]
    if words == 1:
        return [(m.start(), m.end()) for m in found]
    spans = []
    for m in re.finditer(rf"(?<![\w'-])[a-z]+(?: [a-z]+){{{words - 1}}}(?![\w'-])", line):
        if m.start() > 0 and any(len(w) >= 4 and w not in stop for w in m.group(0).split()):
            spans.append((m.start(), m.end()))
    return spans


def _source_pieces(source: str, english: str, script_cjk: bool, words: int, rng: random.Random) -> list[str]:
    if script_cjk:
        low, high = (2, 4) if words == 1 else (4, 6)
        runs = [r for r in _CJK.findall(source) if len(r) >= low]
        pieces = []
        for run in runs:
            size = rng.randint(low, min(high, len(run)))
            at = rng.randint(0, len(run) - size)
            pieces.append(run[at : at + size])
        return pieces
    from wordfreq import zipf_frequency

    english_words = {w.lower() for w in _SRC_WORD.findall(english)}

    def usable(word: str) -> bool:
        return word.lower() not in english_words and zipf_frequency(word, "en") < 3.0

    tokens = [m for m in re.finditer(r"\S+", source)]
    pieces = []
    for i in range(1, len(tokens) - words + 1):
        group = [t.group(0) for t in tokens[i : i + words]]
        if not all(_SRC_WORD.fullmatch(w) for w in group):
            continue
        if words == 1 and (len(group[0]) < 4 or not usable(group[0])):
            continue
        if words > 1 and not any(len(w) >= 4 and usable(w) for w in group):
            continue
        if words > 1 and not all(w.lower() not in english_words for w in group):
            continue
        pieces.append(" ".join(group))
    return pieces


def make_cases(source_lines: list[str], english: list[str], lang: str, seed: int = 13) -> list[Case | None]:
    """One case per line (None when the line offers none)."""
    cjk = lang in ("ja", "zh")
    cases: list[Case | None] = []
    for i, (src, eng) in enumerate(zip(source_lines, english, strict=True)):
        rng = random.Random(f"{seed}-{lang}-{i}")
        phrase = i % 2 == 1
        words = rng.choice((2, 3)) if phrase else 1
        spans = _english_spans(eng, words)
        pieces = _source_pieces(src, eng, cjk, words, rng) if src.strip() else []
        if not spans or not pieces:
            cases.append(None)
            continue
        start, end = rng.choice(spans)
        piece = rng.choice(pieces)
        text = eng[:start] + piece + eng[end:]
        cases.append(Case(i, text, start, start + len(piece), phrase))
    return cases


def documents(data: Path, lang_file: str, lang: str, english: list[str], mode: str) -> list[Document]:
    """One document per NTREX article: English lines, paired (bilingual) with their source lines."""
    ids = lines_of(data / "DOCUMENT_IDS.tsv")
    source_lines = lines_of(data / lang_file)
    groups: dict[str, list[int]] = defaultdict(list)
    for i in range(min(len(english), len(source_lines))):
        if english[i].strip() and source_lines[i].strip():
            groups[ids[i].strip()].append(i)
    starts, offset = [], 0
    for line in english:
        starts.append(offset)
        offset += len(line) + 1
    src_starts, offset = [], 0
    for line in source_lines:
        src_starts.append(offset)
        offset += len(line) + 1
    text, source_text = "\n".join(english), "\n".join(source_lines)
    path, source_path = "english.txt", "source.txt"
    docs = []
    for indices in groups.values():
        counterparts: list[Segment | None] = [None] * len(indices)
        source_doc = None
        if mode == "bilingual":
            src = [segment(source_path, source_lines[i], src_starts[i], i + 1) for i in indices]
            counterparts = list(src)
            source_doc = Document(source_path, source_text, lang, tuple(src))
        segs = tuple(
            segment(path, english[i], starts[i], i + 1, other)
            for i, other in zip(indices, counterparts, strict=True)
        )
        source_lang = None if mode == "none" else lang
        docs.append(Document(path, text, "en", segs, source_lang, source=source_doc))
    return docs


def check(docs: list[Document]) -> RunResult:
    config = Config(select=("TC4",), default_glossaries=False)
    return run(iter(docs), Context(config=config))


def line_findings(result: RunResult, english: list[str]) -> dict[int, list[tuple[str, int, int]]]:
    """0-based line → (code, start, end) of its TC4xx findings (offsets within the line)."""
    starts, offset = [], 0
    for line in english:
        starts.append(offset)
        offset += len(line) + 1
    out: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for f in result.findings:
        line, _ = result.position(f.path, f.span.start)
        base = starts[line - 1]
        out[line - 1].append((f.code, f.span.start - base, f.span.end - base))
    return out


def measure(data: Path, code: str, mode: str, show: int) -> dict[str, float]:
    lang_file, lang = FILES[code]
    english = lines_of(data / ENGLISH)
    source_lines = lines_of(data / lang_file)
    cases = make_cases(source_lines, english, lang)
    mixed = list(english)
    for case in cases:
        if case is not None:
            mixed[case.line] = case.text
    started = time.process_time()
    clean = line_findings(check(documents(data, lang_file, lang, english, mode)), english)
    found_by = line_findings(check(documents(data, lang_file, lang, mixed, mode)), mixed)
    cpu = time.process_time() - started
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    missed: list[Case] = []
    for case in cases:
        if case is None:
            continue
        kind = "phrase" if case.phrase else "word"
        total[kind] += 1
        hits = [c for c, a, b in found_by.get(case.line, []) if a < case.end and case.start < b]
        if hits:
            found[kind] += 1
            codes.update(set(hits))
        else:
            missed.append(case)
    lines = sum(1 for e, s in zip(english, source_lines, strict=False) if e.strip() and s.strip())
    for case in missed[:show]:
        print(
            f"    missed: {case.text[max(0, case.start - 40) : case.end + 40]!r} [{case.text[case.start : case.end]}]"
        )
    shown = 0
    for line, hits in sorted(clean.items()):
        if shown >= show:
            break
        for c, a, b in hits[:1]:
            print(f"    false flag {c}: {english[line][max(0, a - 30) : b + 30]!r} [{english[line][a:b]}]")
            shown += 1
    cases_n = total["word"] + total["phrase"]
    return {
        "cases": cases_n,
        "word": 100 * found["word"] / max(total["word"], 1),
        "phrase": 100 * found["phrase"] / max(total["phrase"], 1),
        "recall": 100 * (found["word"] + found["phrase"]) / max(cases_n, 1),
        "lines": lines,
        "flagged": len(clean),
        "fp": 100 * len(clean) / max(lines, 1),
        "cpu": cpu,
        **{f"by {c}": n for c, n in codes.items()},
    }


REVERSE = {"nob": "nb", "dan": "da", "swe": "sv", "deu": "de", "fra": "fr", "spa": "es"}
REVERSE |= {"rus": "ru", "zho-CN": "zh", "jpn": "ja", "arb": "ar"}


def reverse(data: Path, codes: list[str], show: int) -> None:
    """TC405 false flags on English → X professional translations (bilingual)."""
    print(f"\n{'target':<7} {'lines':>6} {'flagged':>7} {'false%':>6}  (TC405, English → X)")
    total = flagged_total = 0
    for code in codes:
        path = f"newstest2019-ref.{code}.txt"
        if code not in REVERSE or not (data / path).exists():
            continue
        docs = build_documents(data, path, REVERSE[code])
        result = run(iter(docs), Context(config=Config(select=("TC405",), default_glossaries=False)))
        lines = {result.position(f.path, f.span.start)[0] for f in result.findings}
        text = docs[0].text if docs else ""
        for f in result.findings[:show]:
            print(f"    {code}: {text[max(0, f.span.start - 40) : f.span.end + 20]!r}")
        n = sum(len(d.segments) for d in docs)
        total += n
        flagged_total += len(lines)
        print(f"{code:<7} {n:>6} {len(lines):>7} {100 * len(lines) / max(n, 1):>6.2f}")
    print(f"all     {total:>6} {flagged_total:>7} {100 * flagged_total / max(total, 1):>6.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the NTREX-128 folder")
    parser.add_argument("--langs", default="deu,fra,spa,ita,pol,ces,rus,hin,jpn,zho")
    parser.add_argument("--modes", default="bilingual,source-lang")
    parser.add_argument("--show", type=int, default=0, help="missed cases and false flags to print")
    parser.add_argument("--reverse", default="", help="NTREX codes: TC405 false flags on English → X")
    args = parser.parse_args(argv)
    if not (args.data / ENGLISH).exists():
        print(f"skipped: {args.data / ENGLISH} not found", file=sys.stderr)
        return 0
    rows = []
    for mode in args.modes.split(","):
        for code in args.langs.split(","):
            if code not in FILES or not (args.data / FILES[code][0]).exists():
                print(f"{code}: no NTREX file, skipped")
                continue
            print(f"{mode} {code} → eng")
            rows.append((mode, code, measure(args.data, code, mode, args.show)))
    print()
    print(
        f"{'mode':<12} {'source':<6} {'cases':>6} {'word%':>6} {'phrase%':>7} {'recall%':>7} {'lines':>6} "
        f"{'flagged':>7} {'false%':>6} {'cpu s':>6}  found by"
    )
    for mode, code, r in rows:
        by = " ".join(f"{k[3:]}:{int(v)}" for k, v in sorted(r.items()) if k.startswith("by "))
        print(
            f"{mode:<12} {code:<6} {int(r['cases']):>6} {r['word']:>6.1f} {r['phrase']:>7.1f} {r['recall']:>7.1f} "
            f"{int(r['lines']):>6} {int(r['flagged']):>7} {r['fp']:>6.2f} {r['cpu']:>6.1f}  {by}"
        )
    for mode in dict.fromkeys(m for m, _, _ in rows):
        mine = [r for m, _, r in rows if m == mode]
        cases = sum(r["cases"] for r in mine)
        recall = sum(r["recall"] * r["cases"] for r in mine) / max(cases, 1)
        lines = sum(r["lines"] for r in mine)
        fp = 100 * sum(r["flagged"] for r in mine) / max(lines, 1)
        print(
            f"{mode}: recall {recall:.1f}% of {int(cases)} cases, false flags {fp:.2f}% of {int(lines)} lines"
        )
    if args.reverse:
        reverse(args.data, args.reverse.split(","), args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
