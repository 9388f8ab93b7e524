"""Round-trip translation speed on the tiny offline Argos model (tests/roundtrip_model.py).

Measures, for the same sentences and the same installed package:

1. ``argostranslate.translate.translate`` called once per sentence (argostranslate's own path);
2. tcheck's batched path (``tcheck.services.mt.Translator``: the package's CTranslate2 model and
   tokenizer driven with whole batches), checking that both give the same text;
3. a full ``tcheck check`` round trip (target → source → target) on a document of those
   sentences, first with an empty translation cache, then again with the cache filled.

The tiny model is a copy model, so these figures are the *overhead* around the model (splitting,
tokenising, Python calls, batching, cache); a real model adds its own, larger, compute time per
token to both paths. Sentences come from NTREX-128 when its folder is given, else from a built-in
list; sentences longer than the model's position table are left out.

    python bench/roundtrip.py [../shared/data/ntrex128] [--sentences 200] [--threads 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOME = Path(tempfile.mkdtemp(prefix="tcheck-bench-argos-"))

BUILT_IN = [
    "The police said on Wednesday that 2,300 people had been detained since the start of the unrest.",
    "President Kassym-Jomart Tokayev asked the CSTO for help, and troops arrived within two days.",
    "Fuel prices doubled at the start of the year, which set off protests in the west of the country.",
    "In Almaty, protesters stormed the mayor's office and set parts of the building on fire.",
    "The government resigned, and a state of emergency was declared in several regions.",
    "Internet access was cut across the country for several days, the monitoring group said.",
    "Banks and shops reopened on Monday, but a curfew remained in force in the largest city.",
    "The central bank said it would keep the exchange rate stable in the coming weeks.",
]


# CPU time of the process (all its threads): on a shared machine, wall-clock time mostly measures
# the neighbours. With one CTranslate2 thread, CPU time is the work done.
clock = time.process_time


class Timed:
    """Stands in for a CTranslate2 translator and adds up the CPU time spent in ``translate_batch``."""

    def __init__(self, owner: object, attribute: str) -> None:
        self.inner = getattr(owner, attribute)
        self.seconds = 0.0
        setattr(owner, attribute, self)

    def translate_batch(self, *args: object, **kwargs: object) -> object:
        t0 = clock()
        try:
            return self.inner.translate_batch(*args, **kwargs)
        finally:
            self.seconds += clock() - t0


def _sentences(data: Path | None, count: int) -> list[str]:
    if data is not None:
        source = data / "newstest2019-src.eng.txt"
        if not source.is_file():
            print(f"{source}: not found, using the built-in sentences", file=sys.stderr)
        else:
            lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
            return [line for line in lines if line][:count]
    return [f"{s[:-1]} (sentence {i})." for i, s in enumerate(BUILT_IN * (count // len(BUILT_IN) + 1))][
        :count
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", nargs="?", type=Path, help="NTREX-128 folder (optional)")
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--threads", type=int, default=1, help="CTranslate2 intra threads (0 = all cores)")
    parser.add_argument("--positions", type=int, default=256, help="longest sentence in tokens")
    args = parser.parse_args()

    # argostranslate reads its settings at import: a private folder, never the user's packages.
    for name, sub in (("ARGOS_PACKAGES_DIR", "packages"), ("XDG_DATA_HOME", "data")):
        os.environ[name] = str(HOME / sub)
    os.environ.update(
        {"XDG_CONFIG_HOME": str(HOME / "config"), "XDG_CACHE_HOME": str(HOME / "cache")},
        ARGOS_DEVICE_TYPE="cpu",
        ARGOS_COMPUTE_TYPE="float32",  # the tiny model's hand-set weights do not survive int8
        ARGOS_INTRA_THREADS=str(args.threads),
        TCHECK_ROUND_TRIP="on",
    )
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from roundtrip_model import build_package
    except ImportError as exc:
        print(f"skipped: the model builder needs the test extra ({exc})", file=sys.stderr)
        return 0

    started = time.perf_counter()
    from argostranslate import package

    for src, tgt in (("en", "nb"), ("nb", "en")):
        package.install_from_path(build_package(HOME / "built", src, tgt, positions=args.positions))
    import argostranslate.translate as argos

    from tcheck.services import mt
    from tcheck.services.cache import TranslationCache

    print(f"setup (build, install, import argostranslate): {time.perf_counter() - started:.1f} s")
    probe = mt.Translator(TranslationCache(None))
    tokenizer = probe.route("en", "nb")[0].pkg.tokenizer
    sentences = [
        s for s in _sentences(args.data, args.sentences) if len(tokenizer.encode(s)) < args.positions - 1
    ]
    n = len(sentences)
    print(f"{n} sentences, mean {sum(map(len, sentences)) / n:.0f} characters, {args.threads} thread(s)")

    argos.translate("Warm-up.", "en", "nb")
    theirs_model = Timed(argos.get_translation_from_codes("en", "nb").underlying, "translator")
    t0 = clock()
    theirs = [argos.translate(s, "en", "nb") for s in sentences]
    t_argos = clock() - t0

    ours_translator = mt.Translator(TranslationCache(None))
    ours_translator.translate("en", "nb", ["Warm-up."])
    ours_model = Timed(ours_translator.route("en", "nb")[0], "_translator")
    t0 = clock()
    ours = ours_translator.translate("en", "nb", sentences)
    t_batch = clock() - t0
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))

    print("one direction (en→nb), model already loaded; CPU time per sentence: total = model + overhead")
    for label, total, model in (
        ("argostranslate.translate per sentence", t_argos, theirs_model.seconds),
        ("tcheck batched path                  ", t_batch, ours_model.seconds),
    ):
        print(f"  {label}: {1000 * total / n:7.2f} ms = {1000 * model / n:7.2f} ms model "
              f"+ {1000 * (total - model) / n:6.2f} ms overhead ({total:.2f} s in all)")  # fmt: skip
    print(f"  identical output for {same}/{n} sentences")

    from tcheck import app
    from tcheck.config import resolve

    doc = HOME / "article.en.txt"
    doc.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
    cli = {
        "source-lang": "nb",
        "target-lang": "en",
        "cache-dir": str(HOME / "tcheck-cache"),
        "select": ("TC5",),
    }
    config = resolve(cli, None, HOME)
    for label in ("cold cache", "warm cache"):
        t0, w0 = clock(), time.perf_counter()
        result = app.check([str(doc)], config)
        cpu, wall = clock() - t0, time.perf_counter() - w0
        counts = result.translations
        print(f"tcheck check --select TC5, {label}: CPU {cpu:6.2f} s ({1000 * cpu / n:.2f} ms/sentence), "
              f"wall {wall:.2f} s; computed {counts['computed']}, cached {counts['cached']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
