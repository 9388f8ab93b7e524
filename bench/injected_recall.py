"""Recall of the date, time, number and currency checks on errors injected into human translations.

Takes NTREX-128 Norwegian (``nob``) translations that tcheck finds nothing wrong with (TC2, TC3,
each line paired with its English source) and injects one error into each of ``--count`` of them,
taking turns: a weekday swapped for the next day, a month for the next month, one digit of a
number changed, a currency swapped for another (names, symbols and codes from CLDR). A case is
caught when a TC2/TC3 finding overlaps the changed text.

    python bench/injected_recall.py /work/shared/data/ntrex128 [--count 200] [--seed 0] [--show]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ntrex_false_positives import SOURCE, check, lines_of, segment

from tcheck.locale import babel_locale
from tcheck.locale.currency import find_amounts
from tcheck.model import Document
from tcheck.recognise import recognise

LANG = "nb"
TARGET = "newstest2019-ref.nob.txt"
KINDS = ("weekday", "month", "currency", "digit")  # digits last: they fill what the others lack


@dataclass(frozen=True)
class Case:
    line: int
    kind: str
    text: str  # the perturbed line
    start: int  # the changed text in it
    end: int
    before: str
    after: str


def _cased(name: str, like: str) -> str:
    return name[:1].upper() + name[1:] if like[:1].isupper() else name


def _swap_name(
    text: str, start: int, end: int, names: dict[int, str], number: int, step: int
) -> tuple[str, int, int, str]:
    written = text[start:end]
    base = names[number]
    replacement_base = names[(number + step) % len(names)] if step else base
    if written.lower().startswith(base.lower()):
        replacement = _cased(replacement_base, written) + written[len(base) :]
    else:
        replacement = _cased(replacement_base, written)
    return text[:start] + replacement + text[end:], start, start + len(replacement), replacement


def perturb(text: str, kind: str, rng: random.Random) -> tuple[str, int, int, str] | None:
    """``(new text, start, end, replacement)`` or None when ``text`` offers nothing of ``kind``."""
    locale = babel_locale(LANG)
    mentions = recognise(text, LANG, "en")
    if kind == "weekday":
        days = [d for d in mentions.dates if d.weekday is not None and d.weekday_at]
        if not days:
            return None
        day = rng.choice(days)
        assert day.weekday is not None and day.weekday_at is not None
        names = {i: str(locale.days["format"]["wide"][i]) for i in range(7)}
        return _swap_name(text, *day.weekday_at, names, day.weekday, 1)
    if kind == "month":
        months = [d for d in mentions.dates if d.month is not None]
        if not months:
            return None
        month = rng.choice(months)
        assert month.month is not None
        names = {i - 1: str(locale.months["format"]["wide"][i]) for i in range(1, 13)}
        lowered = text.lower()
        for i, name in names.items():
            if i == month.month - 1:
                at = lowered.find(name, month.start, month.end)
                if at >= 0:
                    return _swap_name(text, at, at + len(name), names, i, 1)
        return None
    if kind == "digit":
        positions = [i for i, ch in enumerate(text) if ch.isdigit()]
        if not positions:
            return None
        at = rng.choice(positions)
        new = str((int(text[at]) + rng.randint(1, 9)) % 10)
        return text[:at] + new + text[at + 1 :], at, at + 1, new
    amounts = find_amounts(text, LANG)
    if not amounts:
        return None
    amount = rng.choice(amounts)
    start, end = amount.currency_at
    other = "USD" if "USD" not in amount.currencies else "EUR"
    if amount.how == "code":
        replacement = other
    elif amount.how == "symbol":
        replacement = "$" if other == "USD" else "€"
    else:
        replacement = "amerikanske dollar" if other == "USD" else "euro"
    return text[:start] + replacement + text[end:], start, start + len(replacement), replacement


def pair_doc(data: Path, line: int, source: str, target: str) -> Document:
    src = segment(str(data / SOURCE), source, 0, line)
    tgt = segment(str(data / TARGET), target, 0, line, src)
    source_doc = Document(str(data / SOURCE), source, "en", (src,))
    return Document(str(data / TARGET), target, LANG, (tgt,), "en", source=source_doc)


def findings(data: Path, line: int, source: str, target: str) -> list[tuple[int, int, str]]:
    result = check([pair_doc(data, line, source, target)])
    return [(f.span.start, f.span.end, f"{f.code} {f.message}") for f in result.findings]


def select_cases(
    data: Path, sources: list[str], targets: list[str], order: list[int], count: int, rng: random.Random
) -> list[Case]:
    """``count`` clean lines, a quarter per kind of error where the data has enough (else digits)."""
    cases: list[Case] = []
    used: set[int] = set()
    for n, kind in enumerate(KINDS):
        quota = (count - len(cases)) // (len(KINDS) - n)
        for i in order:
            if quota <= 0:
                break
            if i in used:
                continue
            changed = perturb(targets[i], kind, rng)
            if changed is None or findings(data, i + 1, sources[i], targets[i]):
                continue  # nothing of this kind, or tcheck already reports something here
            text, start, end, after = changed
            before = targets[i][start : start + len(targets[i]) - len(text) + (end - start)]
            cases.append(Case(i + 1, kind, text, start, end, before, after))
            used.add(i)
            quota -= 1
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="print the cases that were missed")
    args = parser.parse_args(argv)
    if not (args.data / TARGET).exists():
        print(f"skipped: {args.data / TARGET} not found", file=sys.stderr)
        return 0
    rng = random.Random(args.seed)
    sources, targets = lines_of(args.data / SOURCE), lines_of(args.data / TARGET)
    order = [i for i in range(min(len(sources), len(targets))) if sources[i].strip() and targets[i].strip()]
    rng.shuffle(order)
    cases = select_cases(args.data, sources, targets, order, args.count, rng)
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[tuple[Case, list[tuple[int, int, str]]]] = []
    for case in cases:
        found = findings(args.data, case.line, sources[case.line - 1], case.text)
        total[case.kind] += 1
        if any(s < case.end and case.start < e for s, e, _ in found):
            caught[case.kind] += 1
        else:
            missed.append((case, found))
    for kind in KINDS:
        if total[kind]:
            print(f"{kind:9} {caught[kind]:4d} / {total[kind]:4d}  {100 * caught[kind] / total[kind]:5.1f}%")
    all_caught, all_total = sum(caught.values()), sum(total.values())
    print(
        f"{'all':9} {all_caught:4d} / {all_total:4d}  {100 * all_caught / max(all_total, 1):5.1f}%  (aim: at least 95%)"
    )
    if args.show:
        for case, found in missed:
            print(f"\nline {case.line} {case.kind}: {case.before!r} -> {case.after!r}")
            print(f"  en: {sources[case.line - 1]}\n  nb: {case.text}")
            for _, _, note in found:
                print(f"    {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
