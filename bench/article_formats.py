"""The same articles as text, HTML pages and Word documents: do the readers give the same findings?

Each NTREX-128 article (an id in ``DOCUMENT_IDS.tsv``) is written three times into a temporary
folder, in English (``<id>.en.*``) and in each chosen translation (``<id>.<lang>.*``), one
paragraph per NTREX line: as ``.txt`` (blank lines between paragraphs), as an HTML page (chrome
around an ``<article>``, quotation marks and apostrophes as character references) and as ``.docx``
(each paragraph cut into runs). tcheck checks each format with pairing by file name, and the script
prints per format and code how many findings there are, and how many do not appear, at the same
(paragraph, character), in the text version. The builders are the tests' (``tests/article_formats.py``).

    python bench/article_formats.py /work/shared/data/ntrex128 [--langs nob,deu,jpn] [--articles 40]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from article_formats import docx_article, html_page, placed, read

from tcheck import app
from tcheck.config import resolve

CODES = {
    "nob": "nb",
    "deu": "de",
    "fra": "fr",
    "jpn": "ja",
    "arb": "ar",
    "rus": "ru",
    "spa": "es",
    "dan": "da",
}
FORMATS = ("txt", "html", "docx")


def articles(data: Path, lang_file: str, limit: int) -> dict[str, tuple[list[str], list[str]]]:
    """``{id: (english lines, translated lines)}`` of the first ``limit`` articles."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    english = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").split("\n")
    target = (data / f"newstest2019-ref.{lang_file}.txt").read_text(encoding="utf-8").split("\n")
    out: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, en, tr in zip(ids, english, target, strict=False):
        doc_id = doc_id.strip().replace("/", "_")
        if not doc_id or not en.strip() or not tr.strip():
            continue
        if doc_id not in out and len(out) >= limit:
            break
        out.setdefault(doc_id, ([], []))
        out[doc_id][0].append(en.strip())
        out[doc_id][1].append(tr.strip())
    return out


def write(folder: Path, name: str, paras: list[str], fmt: str, lang: str) -> Path:
    path = folder / f"{name}.{fmt}"
    if fmt == "txt":
        path.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    elif fmt == "html":
        path.write_text(html_page(paras, lang=lang, date=None), encoding="utf-8")
    else:
        path.write_bytes(docx_article(paras, lang, created=None))  # NTREX articles carry no date
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--langs", default="nob,deu,jpn")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--show", action="store_true", help="print the findings that differ")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "tcheck.toml").write_text("", encoding="utf-8")
        for lang_file in args.langs.split(","):
            lang = CODES[lang_file]
            found = articles(args.data, lang_file, args.articles)
            located: dict[str, list[tuple[str, str, int, int]]] = {}
            for fmt in FORMATS:
                folder = root / f"set-{lang}" / fmt  # not a language folder: pairing by file name
                folder.mkdir(parents=True)
                targets = []
                for doc_id, (en, tr) in found.items():
                    write(folder, f"{doc_id}.en", en, fmt, "en")
                    targets.append(write(folder, f"{doc_id}.{lang}", tr, fmt, lang))
                config = resolve({"source-lang": "en", "jobs": 1, "cache": False}, None, root)
                started = time.perf_counter()
                result = app.check([str(t) for t in targets], config)
                took = time.perf_counter() - started
                located[fmt] = sorted(
                    (Path(t).name.split(".")[0], *where) for t in targets for where in placed(result, read(t))
                )
                paired = result.pairing.get(lang, {}).get("paired", 0)
                print(f"{lang_file} {fmt:4} {len(targets)} articles, {paired} paired, {took:.1f} s")
            base = Counter(located["txt"])
            for fmt in FORMATS:
                counts = Counter(code for _, code, _, _ in located[fmt])
                other = Counter(located[fmt])
                only_here = Counter(item[1] for item in (other - base).elements())
                only_text = Counter(item[1] for item in (base - other).elements())
                if args.show:
                    for item in sorted((other - base).elements()):
                        print(f"    {fmt} only: {item}")
                    for item in sorted((base - other).elements()):
                        print(f"    txt only: {item}")
                for code in sorted(counts | only_text):
                    print(
                        f"  {lang_file} {fmt:4} {code}: {counts[code]:4} findings, "
                        f"{only_here[code]} not in the text version, {only_text[code]} of the text version missing"
                    )


if __name__ == "__main__":
    main()
