"""TC107 (inconsistent-term) on professional translations, with injected inconsistencies, and
``glossary extract`` on NTREX English→Norwegian.

1. False positives: every NTREX article becomes one bilingual document (target lines paired with
   the English source, as in ``ntrex_false_positives.py``); TC107 runs over all of them and the
   script prints findings per 100 segments (goal: at most 1).
2. Recall: in every article with a term rendered consistently at least four (five) times, one
   (two) of its renderings (not the first) are replaced by a stand-in word that NTREX never uses
   (to the alignment, a synonym slipped in once, or used twice; see ``STAND_INS``); the script
   prints how many of these injected places TC107 reports (a finding on the replaced word) and
   the other findings. The same for multi-word terms: in every article with a multi-word term
   rendered consistently at least five times, the rendering of its last word (usually the head
   noun: ``foreign buyers`` -> ``ausländische Käufer``) is replaced by a stand-in in two places.
3. ``--glossary nob,deu``: the top 100 entries of a glossary drafted from eng→nob (eng→deu),
   for a person to judge.

    python bench/term_consistency.py /work/shared/data/ntrex128 [--langs deu,nob,fra,zho-CN]
        [--show deu] [--glossary nob,deu]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from ntrex_false_positives import SOURCE, TARGETS, build_documents, lines_of

from tcheck.checks.inconsistent_term import InconsistentTerm
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import RunResult, run
from tcheck.model import Document


def check(docs: list[Document], minimum: float | None = None) -> RunResult:
    """TC107 over ``docs`` (``minimum``: its ``min-confidence``, default when None)."""
    options = {"TC107": {"min-confidence": minimum}} if minimum is not None else {}
    config = Config(select=("TC107",), default_glossaries=False, options=options)
    return run(iter(docs), Context(config=config))


def target_file(code: str) -> str:
    return f"newstest2019-ref.{code}.txt"


def false_positives(data: Path, code: str, show: bool, minimum: float | None) -> tuple[int, int, float]:
    started = time.perf_counter()
    docs = build_documents(data, target_file(code), TARGETS[code])
    result = check(docs, minimum)
    seconds = time.perf_counter() - started
    segments = sum(len(d.segments) for d in docs)
    if show:
        source = lines_of(data / SOURCE)
        target = lines_of(data / target_file(code))
        for f in result.findings:
            line, _ = result.position(f.path, f.span.start)
            print(f"  line {line} [{f.severity.label} {f.confidence}] {f.message}")
            print(f"    en: {source[line - 1][:160]}\n    {code}: {target[line - 1][:160]}")
    return segments, len(result.findings), seconds


def _consistent_terms(
    docs: list[Document], times: int = 1, multi: bool = False
) -> list[tuple[tuple[int, int], ...]]:
    """Spans in the target file of ``times`` renderings (not the first) of a term rendered one
    way at least ``3 + times`` times (three stay: TC107's least majority), one term per article
    (``multi``: a multi-word term, and the spans are the renderings of its last word, usually
    the head noun: ``foreign buyers`` -> ``Käufern``)."""
    from tcheck.bilingual.wordterms import digest_document, renderings_of

    state = InconsistentTerm()
    ctx = Context(config=Config(select=("TC107",), default_glossaries=False))
    for doc in docs:
        state.absorb(digest_document(doc, False), ctx)
    picks: list[tuple[tuple[int, int], ...]] = []
    text = docs[0].text if docs else ""
    for pair, kept in state.kept.items():
        counts = state.counts[pair]
        chosen: dict[int, tuple[tuple[int, int], ...]] = {}
        for found in renderings_of(kept, counts, pair[1], False, 3):
            main = found.groups[0]
            wanted = found.words > 1 if multi else found.words == 1
            if wanted and len(found.groups) == 1 and main.count >= 3 + times and found.scope not in chosen:
                places = [_last_word(text, p.start, p.end) for p in main.places[1 : 1 + times]]
                if len(set(places)) == times:
                    chosen[found.scope] = tuple(places)
        picks += [spans for _, spans in sorted(chosen.items())]
    return picks


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the last word of ``text[start:end]`` (its last two characters in Chinese)."""
    import re

    words = list(re.finditer(r"[^\W\d_]+", text[start:end]))
    if not words:
        return start, end
    a, b = words[-1].span()
    if any("\u4e00" <= ch <= "\u9fff" for ch in words[-1].group()):
        a = max(a, b - 2)
    return start + a, start + b


# Words that NTREX does not use, joined two by two (each compound used once), to stand in for a
# synonym a translator slipped in once: to the alignment they are what such a synonym is, a word
# seen once, where the term's rendering was.
STAND_INS = {
    "de": "Quarkspeise Brotzeitteller Federkiel Sandkastenspiel Zaunkönig Blumenkohl Leuchtturmwärter "
    "Kaffeekanne Schneeflocke Kieselstein Regenschirm Apfelkuchen Gießkanne Wäscheklammer",
    "nb": "kaffekanne snøfnugg fyrtårn blomkål paraply eplekake smørbrød sandkasse gjerdesmett "
    "kiselstein fjærpenn skyskraper vaskeklype vannkanne",
    "fr": "parapluie chou-fleur flocon caillou phare cafetière tartelette plume roitelet gratte-ciel "
    "tartine arrosoir pince-linge pissenlit",
    "zh": "雨伞 花椰菜 雪花片 灯塔守 咖啡壶 苹果派 羽毛笔 沙盒子 鹪鹩鸟 鹅卵石 摩天楼 三明治 洒水壶 衣夹子",
}


def inject(
    data: Path, code: str, minimum: float | None, times: int = 1, seed: int = 7, multi: bool = False
) -> tuple[int, int, int]:
    """Replace ``times`` renderings of one consistent term per article by one stand-in (a
    synonym slipped in once, or used twice; ``multi``: in the rendering of a multi-word term,
    its last word); return (injected places, found, other findings)."""
    lang = TARGETS[code]
    docs = build_documents(data, target_file(code), lang)
    lines = lines_of(data / target_file(code))
    text = "\n".join(lines)
    words = STAND_INS[lang].split()
    joint = "-" if lang == "fr" else ""
    stand_ins = [a + joint + b.lower() for a in words for b in words if a != b]  # each used once
    stand_ins = [w for w in stand_ins if w.casefold() not in text.casefold()]
    rng = random.Random(seed)
    rng.shuffle(stand_ins)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    new_lines = list(lines)
    injected: list[tuple[int, int, int]] = []  # line, start in line, end in line (after the edit)
    for number, spans in enumerate(_consistent_terms(docs, times, multi)):
        where = [max(i for i, s in enumerate(starts) if s <= start) for start, _ in spans]
        if len(set(where)) < len(where) or any(new_lines[line] != lines[line] for line in where):
            continue
        for line, (start, end) in zip(where, spans, strict=True):
            word = text[start:end]
            other = stand_ins[number % len(stand_ins)]
            other = other[:1].upper() + other[1:] if word[:1].isupper() else other[:1].lower() + other[1:]
            a, b = start - starts[line], end - starts[line]
            new_lines[line] = lines[line][:a] + other + lines[line][b:]
            injected.append((line, a, a + len(other)))
    edited = build_documents(data, target_file(code), lang, lines=new_lines)
    result = check(edited, minimum)
    new_text_starts = [0]
    for line in new_lines:
        new_text_starts.append(new_text_starts[-1] + len(line) + 1)
    hit_spans = {(f.span.start, f.span.end) for f in result.findings}
    found = 0
    marked: set[tuple[int, int]] = set()
    for line, a, b in injected:
        span = (new_text_starts[line] + a, new_text_starts[line] + b)
        if any(s < span[1] and span[0] < e for s, e in hit_spans):
            found += 1
            marked |= {(s, e) for s, e in hit_spans if s < span[1] and span[0] < e}
    return len(injected), found, len(hit_spans - marked)


def glossary_top(data: Path, code: str, top: int) -> None:
    from tcheck.glossary.extract import extract_from_documents

    docs = build_documents(data, target_file(code), TARGETS[code])
    entries = extract_from_documents(docs, "en", TARGETS[code])
    print(f"\nglossary extract eng->{code}: {len(entries)} entries; top {top}:")
    print(f"{'#':>3}  {'source':28} {'target':28} {'n':>3} {'conf':>5}  variants")
    for number, entry in enumerate(entries[:top], 1):
        variants = ", ".join(f"{v} {n}" for v, n in entry.variants[1:4])
        print(
            f"{number:3d}  {entry.source:28} {entry.target:28} {entry.count:3d} {entry.confidence:5.2f}  {variants}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the NTREX-128 folder")
    parser.add_argument("--langs", default="deu,nob,fra,zho-CN", help="NTREX language codes")
    parser.add_argument("--show", default="", help="print the findings of these languages")
    parser.add_argument("--glossary", default="", help="print the top entries drafted for these languages")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--min-confidence", default="default,0.3", help="TC107 thresholds to measure")
    args = parser.parse_args(argv)
    if not (args.data / SOURCE).exists():
        print(f"skipped: {args.data / SOURCE} not found", file=sys.stderr)
        return 0
    show = set(args.show.split(",")) if args.show else set()
    print(
        f"{'lang':8} {'min-conf':>8} {'segments':>8} {'findings':>8} {'per 100':>7} {'seconds':>7}"
        "  injected-once found recall other  injected-twice found recall other"
        "  multi-word-twice found recall other"
    )
    for code in args.langs.split(","):
        for threshold in args.min_confidence.split(","):
            minimum = None if threshold == "default" else float(threshold)
            segments, findings, seconds = false_positives(args.data, code, code in show, minimum)
            row = f"{code:8} {threshold:>8} {segments:8d} {findings:8d} {100 * findings / segments:7.2f} {seconds:7.1f}"
            for times in (1, 2):
                injected, found, other = inject(args.data, code, minimum, times)
                recall = 100 * found / injected if injected else 0.0
                row += f"  {injected:13d} {found:5d} {recall:5.1f}% {other:5d}"
            injected, found, other = inject(args.data, code, minimum, 2, multi=True)
            recall = 100 * found / injected if injected else 0.0
            row += f"  {injected:16d} {found:5d} {recall:5.1f}% {other:5d}"
            print(row)
    for code in filter(None, args.glossary.split(",")):
        glossary_top(args.data, code, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
