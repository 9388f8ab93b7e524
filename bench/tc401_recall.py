"""Recall of TC401/TC403 on Norwegian, Danish, Swedish and German left-overs in English articles.

Each case of ``tests/fixtures/leftovers/cases.tsv`` (a whole sentence, or an English sentence with
a ``[[clause]]`` left in another language) is put into one of the English host articles beside it,
after the first sentence of a paragraph. tcheck runs over all the articles (``--target-lang en``)
and a case counts as found when a TC401 or TC403 finding overlaps the left-over; any other finding
is a false alarm in the host text. Norwegian reported as Danish (or the reverse) counts as found:
the text is untranslated either way.

    python bench/tc401_recall.py [--source-lang nb|own|none] [--fixtures tests/fixtures/leftovers]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "leftovers"


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    kind: str
    text: str  # as inserted, without markers
    start: int  # the left-over inside ``text``
    end: int


def load_cases(folder: Path = FIXTURES) -> list[Case]:
    cases = []
    for line in (folder / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        case_id, lang, kind, text = line.split("\t")
        match = re.search(r"\[\[(.+?)\]\]", text)
        if match:
            start = match.start()
            plain = text[:start] + match.group(1) + text[match.end() :]
            cases.append(Case(case_id, lang, kind, plain, start, start + len(match.group(1))))
        else:
            cases.append(Case(case_id, lang, kind, text, 0, len(text)))
    return cases


def hosts(folder: Path = FIXTURES) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("host-*.md"))]


def build(case: Case, number: int, articles: list[str], source_lang: str | None) -> tuple[str, int, int]:
    """The article text with the case inserted, and the left-over's offsets in it."""
    article = articles[number % len(articles)]
    paragraphs = [m for m in re.finditer(r"(?m)^(?!#)\S.*$", article)]
    para = paragraphs[(number // len(articles)) % len(paragraphs)]
    first_end = article.find(". ", para.start(), para.end())
    at = first_end + 2 if first_end != -1 else para.end() + 1
    insert = case.text + " "
    text = article[:at] + insert + article[at:]
    front = f"---\nsource-lang: {source_lang}\n---\n" if source_lang else ""
    offset = len(front) + at
    return front + text, offset + case.start, offset + case.end


def evaluate(
    source_mode: str = "nb", folder: Path = FIXTURES
) -> tuple[dict[str, Counter[str]], list[str], list[dict[str, object]]]:
    """Found/total per language and kind, the missed case ids, and the false alarms."""
    sys.path.insert(0, str(ROOT))
    from tcheck import app
    from tcheck.config import Config
    from tcheck.reporters import located

    cases = load_cases(folder)
    articles = hosts(folder)
    stats: dict[str, Counter[str]] = {}
    missed: list[str] = []
    alarms: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="tcheck-recall-") as tmp:
        spans: dict[str, tuple[Case, int, int]] = {}
        for number, case in enumerate(cases):
            source = case.lang if source_mode == "own" else (None if source_mode == "none" else source_mode)
            text, start, end = build(case, number, articles, source)
            name = f"case-{case.id}.md"
            (Path(tmp) / name).write_text(text, encoding="utf-8")
            spans[str(Path(tmp) / name)] = (case, start, end)
        config = Config(target_lang="en", select=("TC401", "TC403"), default_glossaries=False)
        result = app.check([tmp], config)
        found: set[str] = set()
        for finding in result.findings:
            case, start, end = spans[finding.path]
            if finding.span.start < end and finding.span.end > start:
                found.add(case.id)
            else:
                alarms.append(located(result, finding))
        for case in cases:
            counter = stats.setdefault(f"{case.lang} {case.kind}", Counter())
            counter["total"] += 1
            if case.id in found:
                counter["found"] += 1
            else:
                missed.append(case.id)
    return stats, missed, alarms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--source-lang", default="nb", help="source language given to tcheck: a code, own, none"
    )
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats, missed, alarms = evaluate(args.source_lang, args.fixtures)
    elapsed = time.perf_counter() - started
    total = sum(c["total"] for c in stats.values())
    found = sum(c["found"] for c in stats.values())
    print(f"source language given: {args.source_lang}")
    print(f"{'language kind':<16} {'found':>5} / {'cases':<5} recall")
    for key in sorted(stats):
        c = stats[key]
        print(f"{key:<16} {c['found']:>5} / {c['total']:<5} {100 * c['found'] / c['total']:5.1f}%")
    print(f"{'all':<16} {found:>5} / {total:<5} {100 * found / total:5.1f}%")
    print(f"missed: {', '.join(missed) or 'none'}")
    print(f"false alarms in the English host text: {len(alarms)}")
    for alarm in alarms[:10]:
        print(f"  {alarm['path']}:{alarm['line']}:{alarm['column']}: {alarm['code']} {alarm['message']}")
    print(f"time: {elapsed:.1f} s for {total} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
