"""Build a benchmark corpus of plain-text news documents from NTREX-128.

Each NTREX document (one id in DOCUMENT_IDS.tsv) in each language becomes a ``.txt`` file with
one paragraph per segment; the set is repeated (``copy-N`` folders) until the corpus reaches the
requested size. The data stays outside the project: pass its folder as an argument.

    python bench/corpus.py ../shared/data/ntrex128 /tmp/tcheck-corpus --megabytes 50
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

LANGS = {
    "eng": "newstest2019-src.eng.txt",
    "nob": "newstest2019-ref.nob.txt",
    "nno": "newstest2019-ref.nno.txt",
    "dan": "newstest2019-ref.dan.txt",
    "swe": "newstest2019-ref.swe.txt",
    "deu": "newstest2019-ref.deu.txt",
    "fra": "newstest2019-ref.fra.txt",
    "spa": "newstest2019-ref.spa.txt",
    "rus": "newstest2019-ref.rus.txt",
    "zho": "newstest2019-ref.zho-CN.txt",
    "jpn": "newstest2019-ref.jpn.txt",
    "arb": "newstest2019-ref.arb.txt",
}

# Content repositories name language folders with CLDR/BCP 47 codes.
FOLDER = {
    "eng": "en",
    "nob": "nb",
    "nno": "nn",
    "dan": "da",
    "swe": "sv",
    "deu": "de",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "zho": "zh",
    "jpn": "ja",
    "arb": "ar",
}


def documents(data: Path, lang_file: str) -> dict[str, list[str]]:
    """NTREX segments of one language grouped by document id, in order."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (data / lang_file).read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines, strict=True):
        docs[doc_id.strip()].append(line.strip())
    return docs


def build(data: Path, out: Path, megabytes: float, langs: list[str], suffix: str = ".txt") -> tuple[int, int]:
    """Write the corpus; return (files, bytes)."""
    texts: list[tuple[str, str, str]] = []
    for lang in langs:
        for doc_id, segments in documents(data, LANGS[lang]).items():
            texts.append((lang, doc_id, "\n\n".join(segments) + "\n"))
    target = int(megabytes * 1024 * 1024)
    total = files = copy = 0
    while total < target:
        for lang, doc_id, text in texts:
            path = out / f"copy-{copy:03d}" / FOLDER[lang] / f"{doc_id}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            data_bytes = text.encode("utf-8")
            path.write_bytes(data_bytes)
            total += len(data_bytes)
            files += 1
            if total >= target:
                break
        copy += 1
    return files, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("out", type=Path, help="folder to create (must not exist or be empty)")
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated NTREX codes")
    parser.add_argument("--suffix", default=".txt", help="file suffix: .txt or .md")
    args = parser.parse_args(argv)
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: no NTREX data at {args.data}")
        return 0
    if args.out.exists() and any(args.out.iterdir()):
        print(f"error: {args.out} exists and is not empty", file=sys.stderr)
        return 2
    files, size = build(args.data, args.out, args.megabytes, args.langs.split(","), args.suffix)
    print(f"corpus: {files} files, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
