"""TC103 term-variant on human translations: every finding printed, to be read and counted.

NTREX-128 documents are professional human text, so almost every TC103 finding on them should be
a real inconsistency (or the check is too eager). One file per document id (DOCUMENT_IDS.tsv),
one paragraph per segment; English source and Norwegian Bokmål reference by default.

    python bench/tc103_precision.py ../shared/data/ntrex128 [--langs eng nob]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

FILES = {
    "eng": ("newstest2019-src.eng.txt", "en"),
    "nob": ("newstest2019-ref.nob.txt", "nb"),
    "nno": ("newstest2019-ref.nno.txt", "nn"),
    "deu": ("newstest2019-ref.deu.txt", "de"),
    "fra": ("newstest2019-ref.fra.txt", "fr"),
    "swe": ("newstest2019-ref.swe.txt", "sv"),
    "dan": ("newstest2019-ref.dan.txt", "da"),
}


def write_documents(data: Path, lang: str, out: Path) -> int:
    """One ``.txt`` per document id; returns the number of documents."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (data / FILES[lang][0]).read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines, strict=True):
        docs[doc_id.strip()].append(line.strip())
    out.mkdir(parents=True, exist_ok=True)
    for doc_id, segments in docs.items():
        (out / f"{doc_id}.txt").write_text("\n\n".join(segments) + "\n", encoding="utf-8")
    return len(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--langs", nargs="+", default=["eng", "nob"], choices=sorted(FILES))
    args = parser.parse_args()
    if not (args.data / "DOCUMENT_IDS.tsv").is_file():
        print(f"skipped: {args.data} has no NTREX-128 data")
        return 0
    from tcheck import app
    from tcheck.config import Config
    from tcheck.model import LineIndex

    with tempfile.TemporaryDirectory(prefix="tc103-") as tmp:
        for lang in args.langs:
            folder = Path(tmp) / lang
            count = write_documents(args.data, lang, folder)
            config = Config(target_lang=FILES[lang][1], select=("TC103",), default_glossaries=False)
            result = app.check([str(folder)], config)
            found = [f for f in result.findings if f.code == "TC103"]
            print(f"== {lang}: {count} documents, {len(found)} TC103 findings")
            texts: dict[str, str] = {}
            for f in found:
                text = texts.setdefault(f.path, Path(f.path).read_text(encoding="utf-8"))
                line, col = LineIndex(text).position(f.span.start)
                rel = [
                    f"{Path(r.path).name}:{LineIndex(texts.setdefault(r.path, Path(r.path).read_text(encoding='utf-8'))).position(r.span.start)[0]}"
                    for r in f.related[:3]
                ]
                print(f"{Path(f.path).name}:{line}:{col}: {f.message} | related {', '.join(rel)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
