"""Language identification on NTREX-128 sentences: tcheck's n-gram scorer, langdetect, lingua.

Each detector names the language of the same sentences, chosen among the same candidates (the
twelve NTREX languages used here: en nb nn da sv de fr es ru ar ja zh). Norwegian Bokmål and
Nynorsk count as one language (langdetect has one Norwegian profile). Three sets per language:
whole sentences, their first five words (first twelve characters in Japanese and Chinese), and
their first two words (first five characters): short text is where detectors differ. Printed per
detector: accuracy per set, the misses per language, and CPU milliseconds per sentence (model
loading apart, printed on its own with the growth of the peak memory it caused).

Detectors:

- ``ngram``: tcheck's naive Bayes over every character n-gram of the text with langdetect's
  profiles (:class:`tcheck.language.profiles.Scorer`, what TC401/TC403 use to settle clear cases);
- ``langdetect``: langdetect's sampling detector, seeded, restricted to the candidates (what
  TC401/TC403 ask when the n-gram evidence is close);
- ``detect``: :func:`tcheck.services.langid.detect`, how a document's language is found (script
  first, then the n-gram scorer, langdetect when the best two are close), over all 55 languages
  langdetect knows, not only the candidates;
- ``lingua``: lingua-language-detector (``pip install lingua-language-detector``; skipped when it
  is not installed), restricted to the same candidates, high-accuracy mode;
- ``lingua-low``: lingua in its low-accuracy mode (trigrams only, faster).

    python bench/langid_compare.py /work/shared/data/ntrex128 [--per-lang 150] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

FILES = {
    "en": "newstest2019-src.eng.txt",
    "nb": "newstest2019-ref.nob.txt",
    "nn": "newstest2019-ref.nno.txt",
    "da": "newstest2019-ref.dan.txt",
    "sv": "newstest2019-ref.swe.txt",
    "de": "newstest2019-ref.deu.txt",
    "fr": "newstest2019-ref.fra.txt",
    "es": "newstest2019-ref.spa.txt",
    "ru": "newstest2019-ref.rus.txt",
    "ar": "newstest2019-ref.arb.txt",
    "ja": "newstest2019-ref.jpn.txt",
    "zh": "newstest2019-ref.zho-CN.txt",
}
WIDE = ("ja", "zh")
SAME = {"nn": "nb"}  # one Norwegian
Detector = Callable[[str], "str | None"]


def samples(data: Path, per_lang: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """Per set (``whole``, ``5 words``, ``2 words``): ``(language, text)`` pairs."""
    rng = random.Random(seed)
    sets: dict[str, list[tuple[str, str]]] = {"whole": [], "5 words": [], "2 words": []}
    for lang, name in FILES.items():
        lines = [
            line.strip() for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        for line in rng.sample(lines, min(per_lang, len(lines))):
            sets["whole"].append((lang, line))
            if lang in WIDE:
                sets["5 words"].append((lang, line[:12]))
                sets["2 words"].append((lang, line[:5]))
            else:
                sets["5 words"].append((lang, " ".join(line.split()[:5])))
                sets["2 words"].append((lang, " ".join(line.split()[:2])))
    return sets


def ngram_detector() -> Detector:
    from tcheck.language.profiles import scorer

    langs = tuple(lang for lang in FILES if lang not in SAME)
    scoring = scorer(langs)
    import re

    word = re.compile(r"[^\W\d_]+")

    def detect(text: str) -> str | None:
        scores, grams = scoring.total(word.findall(text))
        if not grams:
            return None
        return langs[max(range(len(langs)), key=scores.__getitem__)]

    return detect


def langdetect_detector() -> Detector:
    from tcheck.services.langid import restricted_probabilities

    langs = tuple(lang for lang in FILES if lang not in SAME)

    def detect(text: str) -> str | None:
        found = restricted_probabilities(text, langs)
        return found[0][0] if found else None

    return detect


def document_detector() -> Detector:
    from tcheck.services.langid import detect

    return detect


def lingua_detector(low: bool) -> Detector | None:
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    codes = {"nb": "NB", "nn": "NN", "en": "EN", "da": "DA", "sv": "SV", "de": "DE", "fr": "FR"}
    codes |= {"es": "ES", "ru": "RU", "ar": "AR", "ja": "JA", "zh": "ZH"}
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code)) for code in codes.values()]
    builder = LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models()
    detector = (builder.with_low_accuracy_mode() if low else builder).build()
    back = {getattr(IsoCode639_1, code).name: lang for lang, code in codes.items()}

    def detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return None if found is None else back[found.iso_code_639_1.name]

    return detect


def evaluate(name: str, make: Callable[[], Detector | None], sets: dict[str, list[tuple[str, str]]]) -> None:
    start = time.process_time()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detector = make()
    loading = time.process_time() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    if detector is None:
        print(f"{name:11s} not installed")
        return
    cells = []
    misses: Counter[str] = Counter()
    for set_name, items in sets.items():
        right = 0
        start = time.process_time()
        for lang, text in items:
            found = detector(text)
            if found is not None and SAME.get(found, found) == SAME.get(lang, lang):
                right += 1
            elif set_name == "whole":
                misses[lang] += 1
        cpu = time.process_time() - start
        cells.append(f"{100 * right / len(items):6.1f}% {1000 * cpu / len(items):6.2f} ms")
    missed = " ".join(f"{lang}:{n}" for lang, n in sorted(misses.items())) or "-"
    print(f"{name:11s} {loading:6.2f} s {grown:5.0f} MiB  " + "  ".join(cells) + f"  {missed}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="the ntrex128 folder")
    parser.add_argument("--per-lang", type=int, default=150, help="sentences per language")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sets = samples(args.data, args.per_lang, args.seed)
    print(f"{len(sets['whole'])} sentences, {len(FILES)} languages (nb and nn count as one)")
    header = "  ".join(f"{name + ': right, cpu':>20s}" for name in sets)
    print(f"{'detector':11s} {'load, peak memory':>18s}  {header}  whole-sentence misses")
    evaluate("ngram", ngram_detector, sets)
    evaluate("langdetect", langdetect_detector, sets)
    evaluate("detect", document_detector, sets)
    evaluate("lingua", lambda: lingua_detector(low=False), sets)
    evaluate("lingua-low", lambda: lingua_detector(low=True), sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
