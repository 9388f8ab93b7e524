"""Sentence alignment quality on NTREX-128 English → Norwegian Bokmål with lines merged and split.

For every NTREX document, the Norwegian lines are disturbed at random (seeded): a share of them
(``--rate``, 10%) is merged with the next line or split in two (at a sentence boundary, else at the
comma nearest the middle, else at the middle word). tcheck then aligns the disturbed Norwegian
document with the English one (``tcheck.bilingual.align.pair_documents``, the code ``--source`` uses), and the
predicted links between source lines and target lines are compared with the true ones.

    python bench/alignment.py ../shared/data/ntrex128 [--rate 0.1] [--seed 1] [--target nob]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "eng": "newstest2019-src.eng.txt",
    "nob": "newstest2019-ref.nob.txt",
    "dan": "newstest2019-ref.dan.txt",
}


def documents(data: Path, lang: str) -> dict[str, list[str]]:
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (data / FILES[lang]).read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines, strict=True):
        docs[doc_id.strip()].append(line.strip())
    return docs


def split_line(line: str) -> tuple[str, str] | None:
    from tcheck.formats.sentences import split_sentences

    sentences = split_sentences(line)
    if len(sentences) >= 2:
        cut = sentences[len(sentences) // 2][0]
        return line[:cut].rstrip(), line[cut:]
    middle = len(line) // 2
    commas = [i for i, ch in enumerate(line) if ch == "," and 10 < i < len(line) - 10]
    spaces = [i for i, ch in enumerate(line) if ch == " " and 10 < i < len(line) - 10]
    cuts = commas or spaces
    if not cuts:
        return None
    cut = min(cuts, key=lambda i: abs(i - middle)) + 1
    return line[:cut].rstrip(), line[cut:].lstrip()


def disturb(lines: list[str], rate: float, rng: random.Random) -> tuple[list[str], set[tuple[int, int]]]:
    """New target lines and the true (source line, target line) links."""
    chosen = {i for i in range(len(lines)) if rng.random() < rate}
    out: list[str] = []
    gold: set[tuple[int, int]] = set()
    i = 0
    while i < len(lines):
        if i in chosen and i + 1 < len(lines) and rng.random() < 0.5:
            gold |= {(i, len(out)), (i + 1, len(out))}
            out.append(f"{lines[i]} {lines[i + 1]}")
            i += 2
            continue
        parts = split_line(lines[i]) if i in chosen else None
        if parts is not None:
            for part in parts:
                gold.add((i, len(out)))
                out.append(part)
        else:
            gold.add((i, len(out)))
            out.append(lines[i])
        i += 1
    return out, gold


def lines_of(text: str, seg: object) -> set[int]:
    """Every line a segment's sentences touch."""
    from tcheck.model import Segment

    assert isinstance(seg, Segment)
    found: set[int] = set()
    for a, b, _ in seg.sentence_texts():
        span = seg.file_span(a, b)
        first = text.count("\n", 0, span.start)
        found.update(range(first, first + text.count("\n", span.start, span.end) + 1))
    return found


def predicted(doc: object) -> set[tuple[int, int]]:
    from tcheck.model import Document

    assert isinstance(doc, Document) and doc.source is not None
    links: set[tuple[int, int]] = set()
    for seg in doc.segments:
        if seg.counterpart is None:
            continue
        src = seg.counterpart
        s_lines = lines_of(doc.source.text, src)
        t_lines = lines_of(doc.text, seg)
        links |= {(s, t) for s in s_lines for t in t_lines}
    return links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", default="nob", choices=["nob", "dan"])
    parser.add_argument("--min-confidence", type=float, default=0.3)
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    sys.path.insert(0, str(ROOT))
    from tcheck.bilingual.aligned import pair_documents
    from tcheck.formats import text as plain

    rng = random.Random(args.seed)
    eng, tgt = documents(args.data, "eng"), documents(args.data, args.target)
    hits = pred_total = gold_total = changed = lines_total = 0
    started = time.perf_counter()
    for doc_id in sorted(eng):
        lines, gold = disturb(tgt[doc_id], args.rate, rng)
        changed += sum(1 for _ in lines) != len(tgt[doc_id]) or len(gold) != len(lines)
        lines_total += len(eng[doc_id])
        source = plain.read(f"{doc_id}.en.txt", "\n".join(eng[doc_id]) + "\n")
        target = plain.read(f"{doc_id}.{args.target}.txt", "\n".join(lines) + "\n")
        doc, _ = pair_documents(target, source, args.min_confidence)
        links = predicted(doc)
        hits += len(links & gold)
        pred_total += len(links)
        gold_total += len(gold)
    elapsed = time.perf_counter() - started
    precision, recall = hits / pred_total, hits / gold_total
    print(
        f"eng → {args.target}: {len(eng)} documents, {lines_total} source lines, rate {args.rate}, seed {args.seed}"
    )
    print(f"true links {gold_total}, predicted {pred_total}, correct {hits}")
    print(
        f"precision {100 * precision:.2f}%  recall {100 * recall:.2f}%  F1 {200 * precision * recall / (precision + recall):.2f}%"
    )
    print(f"time: {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
