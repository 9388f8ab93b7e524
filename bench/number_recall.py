"""Recall of the number checks on numbers changed in every spelling, and their false flags.

NTREX-128 pairs English news line by line with professional translations. For each language X,
both directions are built: English source with X translation (``eng>X``) and X source with the
English line as its translation (``X>eng``). A number the two sides share (same digits) is
rewritten on the translation side, once with another value (a *changed* case: caught when a
TC2/TC3 finding of severity warning or error overlaps the rewritten text) and once with the same
value (an *equal* case: flagged when any TC3 warning or error appears). Categories:

    digit        one digit changed (2,300 -> 2,800)
    word         the number written as a word, num2words in the translation's language (7 -> nine)
    word-source  the source's number written as a word, the translation's digits changed
    roman        a Roman numeral of two letters or more (15 -> XIV), not in scores or before %
    decimal      a number with a decimal part, its integer part changed (7,1 -> 5,1)
    score        a score or ratio (2:0 -> 3-0)
    native       digits of another numbering system (Arabic-Indic, full-width, Devanagari)
    magnitude    a compact form from CLDR (2,300,000 -> 2.4 million, 2,4 Mio.)

Only lines where the unperturbed pair has no TC2/TC3 finding are used. The unperturbed pairs give
the false-flag rate: lines with any TC3 warning or error.

    python bench/number_recall.py /work/shared/data/ntrex128 [--langs deu,rus] [--per 60] [--show word]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

from ntrex_false_positives import SOURCE, check, lines_of, segment

from tcheck.model import Document, Severity

LANGS = {
    "nob": "nb",
    "dan": "da",
    "swe": "sv",
    "deu": "de",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "zho-CN": "zh",
    "jpn": "ja",
    "arb": "ar",
}
CATEGORIES = ("digit", "word", "word-source", "roman", "decimal", "score", "native", "magnitude")
NUM2WORDS = {"nb": "no", "nn": "no"}
NATIVE = {"ar": "٠١٢٣٤٥٦٧٨٩", "ja": "０１２３４５６７８９", "zh": "０１２３４５６７８９"}
DEVANAGARI = "०१२३४५६७८९"
LATIN_OR_CYRILLIC = {"en", "nb", "da", "sv", "de", "fr", "es", "ru"}

_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d+)?(?![\w%]|[.,:/-]\d)"
)
_SCORE = re.compile(r"(?<![\w.,:/-])(\d{1,2})([-:–])(\d)(?![\w.,:/-]?\d)")

Change = tuple[str, str, int, int]  # new source, new target, changed start and end in the target


def digits(token: str) -> str:
    return re.sub(r"\D", "", token)


def shared_numbers(source: str, target: str, lang: str) -> list[tuple[re.Match[str], re.Match[str]]]:
    """Numbers of the target whose digits the source writes too, with that source number; not
    the day or year of a date (dates have their own checks and bench)."""
    by_digits: dict[str, re.Match[str]] = {}
    for m in _NUMBER.finditer(source):
        by_digits.setdefault(digits(m.group(0)), m)
    months = month_names(lang)
    return [
        (by_digits[digits(m.group(0))], m)
        for m in _NUMBER.finditer(target)
        if digits(m.group(0)) in by_digits
        and not months.search(target[max(0, m.start() - 12) : m.end() + 14])
    ]


@cache
def month_names(lang: str) -> re.Pattern[str]:
    from tcheck.locale import babel_locale

    locale = babel_locale(lang)
    names = {
        str(name).lower().rstrip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in locale.months[context][width].values()
    }
    words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 3)
    return re.compile(rf"(?i)(?<![^\W\d_])(?:{words})|月")


def as_int(token: str) -> int | None:
    if re.search(r"[.,]\d{1,2}$", token):
        return None
    return int(digits(token)) if digits(token) else None


def scaled(text: str, end: int, lang: str) -> bool:
    """Whether a multiplier word follows (``20 million``): no Roman numeral goes there."""
    from tcheck.locale.numbers import multiplier_regex

    pattern = multiplier_regex(lang)
    return pattern is not None and pattern.match(text, end) is not None


def spell(n: int, lang: str) -> str | None:
    from num2words import CONVERTER_CLASSES, num2words

    code = NUM2WORDS.get(lang, lang)
    if code not in CONVERTER_CLASSES:
        return None
    try:
        return str(num2words(n, lang=code))
    except (NotImplementedError, OverflowError):
        return None


def roman(n: int) -> str:
    out = ""
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def compact(n: int, lang: str) -> str:
    from babel.numbers import format_compact_decimal

    return str(format_compact_decimal(n, format_type="long", locale=lang, fraction_digits=1))


def other_value(n: int, rng: random.Random) -> int:
    return n + rng.choice((1, 2)) if n < 3 or rng.random() < 0.5 else n - rng.choice((1, 2))


def replace(text: str, start: int, end: int, new: str) -> tuple[str, int, int]:
    return text[:start] + new + text[end:], start, start + len(new)


def perturb(
    kind: str, source: str, target: str, src_lang: str, tgt_lang: str, same: bool, rng: random.Random
) -> Change | None:
    """Rewrite one shared number of the target (and for ``word-source`` the source's too)."""
    if kind == "score":
        scores = list(_SCORE.finditer(target))
        if not scores:
            return None
        m = rng.choice(scores)
        home = int(m.group(1)) if same else int(m.group(1)) + 1
        sep = ":" if m.group(2) != ":" else "-"
        text, a, b = replace(target, m.start(), m.end(), f"{home}{sep}{m.group(3)}")
        return source, text, a, b
    shared = shared_numbers(source, target, tgt_lang)
    rng.shuffle(shared)
    for src_m, tgt_m in shared:
        token = tgt_m.group(0)
        n = as_int(token)
        new: str | None = None
        new_source = source
        if kind == "digit" and not same:
            places = [i for i, ch in enumerate(token) if ch.isdigit()]
            at = rng.choice(places)
            choices = [d for d in "0123456789" if d != token[at] and not (at == 0 and d == "0")]
            new = token[:at] + rng.choice(choices) + token[at + 1 :]
        elif kind == "word" and n is not None and 1 <= n <= 100:
            new = spell(n if same else other_value(n, rng), tgt_lang)
        elif kind == "word-source" and n is not None and 1 <= n <= 100:
            word = spell(n, src_lang)
            if word is None:
                continue
            new_source = source[: src_m.start()] + word + source[src_m.end() :]
            new = str(n if same else other_value(n, rng))
        elif (
            kind == "roman"
            and tgt_lang in LATIN_OR_CYRILLIC
            and n is not None
            and 2 <= n <= 37
            and not scaled(target, tgt_m.end(), tgt_lang)
            # "XL %", "III&1", "Ayr XL – 17": no Roman numeral is written there
            and not re.match(r"\s?[-–%&]", target[tgt_m.end() :])
            and not re.search(r"[-–&]\s?$", target[: tgt_m.start()])
        ):
            value = n if same else other_value(n, rng)
            new = roman(value) if len(roman(value)) >= 2 else None
        elif kind == "decimal" and re.search(r"[.,]\d+$", token) and not re.search(r"[.,]\d{3}$", token):
            at = next(i for i, ch in enumerate(token) if ch.isdigit())
            new = token if same else token[:at] + str((int(token[at]) + 2) % 10 or 1) + token[at + 1 :]
        elif kind == "native":
            table = NATIVE.get(tgt_lang, DEVANAGARI)
            changed = token
            if not same:
                at = max(i for i, ch in enumerate(token) if ch.isdigit())
                changed = token[:at] + str((int(token[at]) + 3) % 10) + token[at + 1 :]
            new = "".join(table[int(ch)] if ch.isdigit() else ch for ch in changed)
        elif kind == "magnitude" and n is not None and n >= 10_000 and len(str(n).rstrip("0")) <= 2:
            lead = int(str(n)[:2]) if len(str(n).rstrip("0")) == 2 else int(str(n)[0])
            scale = n // lead
            value = n if same else (lead + (1 if lead % 10 != 9 else -1)) * scale
            new = compact(value, tgt_lang)
        if new is None or (new == token and not same):
            continue
        text, a, b = replace(target, tgt_m.start(), tgt_m.end(), new)
        return new_source, text, a, b
    return None


def pair_doc(source: str, target: str, src_lang: str, tgt_lang: str) -> Document:
    src = segment("source.txt", source, 0, 1)
    tgt = segment("target.txt", target, 0, 1, src)
    source_doc = Document("source.txt", source, src_lang, (src,))
    return Document("target.txt", target, tgt_lang, (tgt,), src_lang, source=source_doc)


def flags(
    source: str, target: str, src_lang: str, tgt_lang: str, select: tuple[str, ...]
) -> list[tuple[int, int, str]]:
    result = check([pair_doc(source, target, src_lang, tgt_lang)], select)
    return [
        (f.span.start, f.span.end, f"{f.code} {f.message}")
        for f in result.findings
        if f.severity >= Severity.WARNING
    ]


def run_direction(
    sources: list[str],
    targets: list[str],
    src_lang: str,
    tgt_lang: str,
    per: int,
    rng: random.Random,
    show: set[str],
    label: str,
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str], int, int]:
    caught, total, equal_flagged, equal_total = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    clean: list[int] = []
    flagged = 0
    for i, (s, t) in enumerate(zip(sources, targets, strict=False)):
        if not s.strip() or not t.strip():
            continue
        if flags(s, t, src_lang, tgt_lang, ("TC3",)):
            flagged += 1
            if "clean" in show:
                print(
                    f"  [{label} false flag] {s}\n      {t}\n      {flags(s, t, src_lang, tgt_lang, ('TC3',))}"
                )
        elif not flags(s, t, src_lang, tgt_lang, ("TC2",)):
            clean.append(i)
    pairs = sum(1 for s, t in zip(sources, targets, strict=False) if s.strip() and t.strip())
    for kind in CATEGORIES:
        for same in (False, True):
            count = 0
            for i in clean:
                if count >= per:
                    break
                change = perturb(kind, sources[i], targets[i], src_lang, tgt_lang, same, rng)
                if change is None:
                    continue
                new_source, text, a, b = change
                count += 1
                if same:
                    found = flags(new_source, text, src_lang, tgt_lang, ("TC3",))
                    equal_total[kind] += 1
                    equal_flagged[kind] += bool(found)
                    hit = not found
                else:
                    found = flags(new_source, text, src_lang, tgt_lang, ("TC2", "TC3"))
                    total[kind] += 1
                    hit = any(x < b and a < y for x, y, _ in found)
                    caught[kind] += hit
                if not hit and kind in show:
                    what = "equal flagged" if same else "missed"
                    print(
                        f"  [{label} {kind} {what}] {new_source}\n      {text}\n      {[f for _, _, f in found]}"
                    )
    return caught, total, equal_flagged, equal_total, flagged, pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--per", type=int, default=40, help="cases per category, direction and language")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", default="", help="print misses of these categories (and 'clean')")
    args = parser.parse_args(argv)
    if not (args.data / SOURCE).exists():
        print(f"skipped: {args.data / SOURCE} not found", file=sys.stderr)
        return 0
    english = lines_of(args.data / SOURCE)
    show = set(args.show.split(",")) if args.show else set()
    rows: list[tuple[str, Counter[str], Counter[str], Counter[str], Counter[str], int, int]] = []
    for code in args.langs.split(","):
        lang = LANGS[code]
        other = lines_of(args.data / f"newstest2019-ref.{code}.txt")
        for label, srcs, tgts, sl, tl in (
            (f"eng>{code}", english, other, "en", lang),
            (f"{code}>eng", other, english, lang, "en"),
        ):
            rng = random.Random(f"{args.seed}-{label}")
            rows.append((label, *run_direction(srcs, tgts, sl, tl, args.per, rng, show, label)))
    print(f"{'pair':12}" + "".join(f"{k:>12}" for k in CATEGORIES) + f"{'all':>12}{'clean FP':>14}")
    sums: dict[str, Counter[str]] = {"c": Counter(), "t": Counter(), "ef": Counter(), "et": Counter()}
    flagged_all = pairs_all = 0
    for label, caught, total, eq_flagged, eq_total, flagged, pairs in rows:
        cells = "".join(f"{_pct(caught[k], total[k]):>12}" for k in CATEGORIES)
        print(
            f"{label:12}{cells}{_pct(sum(caught.values()), sum(total.values())):>12}{_pct(flagged, pairs):>14}"
        )
        sums["c"] += caught
        sums["t"] += total
        sums["ef"] += eq_flagged
        sums["et"] += eq_total
        flagged_all += flagged
        pairs_all += pairs
    c, t = sums["c"], sums["t"]
    print(
        f"{'recall':12}"
        + "".join(f"{_pct(c[k], t[k]):>12}" for k in CATEGORIES)
        + f"{_pct(sum(c.values()), sum(t.values())):>12}"
    )
    ef, et = sums["ef"], sums["et"]
    print(
        f"{'equal flag':12}"
        + "".join(f"{_pct(ef[k], et[k]):>12}" for k in CATEGORIES)
        + f"{_pct(sum(ef.values()), sum(et.values())):>12}"
    )
    print(
        f"unperturbed pairs with a TC3 warning/error: {flagged_all}/{pairs_all} ({100 * flagged_all / max(pairs_all, 1):.2f}%)"
    )
    return 0


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} {100 * n / d:3.0f}%" if d else "-"


if __name__ == "__main__":
    raise SystemExit(main())
