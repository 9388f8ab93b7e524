"""The round-trip pre-pass: translations computed before the checks, handed over in the context.

Checks stay pure. Before the document checks run on a document, the engine calls
:meth:`RoundTrip.prepare`, which translates every sentence of the document in batches — the target
text back into the source language and forward again (``target → source → target``) and, when the
source is at hand, each source segment into the target language — and keeps the result. The
TC5xx checks read it with :meth:`RoundTrip.translations_for`; they never call a model.

Without a source language the round trip goes through English (or, for English text, is skipped
with a note). Whether it runs at all is the ``round-trip`` setting: ``auto`` runs it when the
models are installed and otherwise says once how to install them; ``on`` makes a missing model an
error; ``off`` never runs it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tcheck.config import ROUND_TRIP, Config
from tcheck.engine import RunResult
from tcheck.errors import UsageError
from tcheck.model import Document
from tcheck.registry import Rule
from tcheck.services import mt
from tcheck.services.cache import FILE_NAME, TranslationCache, cache_folder
from tcheck.services.progress import NoProgress, TripProgress

CODES = "TC501–TC503"
INSTALL_EXTRA = "pip install 'tcheck[roundtrip]'"


@dataclass(frozen=True, slots=True)
class SentenceTrip:
    """One target sentence and its round trip; ``start``/``end`` index the segment's text."""

    segment: int
    start: int
    end: int
    text: str
    back: str
    round: str


@dataclass(frozen=True, slots=True)
class FreshTranslation:
    """A machine translation of a segment's source counterpart into the target language."""

    segment: int
    text: str


@dataclass(frozen=True)
class DocTranslations:
    """Everything the TC5xx checks need about one document."""

    path: str
    lang: str
    via: str
    trips: tuple[SentenceTrip, ...]
    fresh: tuple[FreshTranslation, ...] = ()


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _install_hint(pairs: Iterable[tuple[str, str]]) -> str:
    return " && ".join(f"tcheck models install {a} {b}" for a, b in pairs)


class RoundTrip:
    """The MT service of one run (``ctx.services``): prepares documents, keeps the current one."""

    def __init__(self, translator: mt.Translator, mode: str, progress: TripProgress | None = None) -> None:
        self.translator = translator
        self.mode = mode
        self.progress = progress or NoProgress()
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self._current: DocTranslations | None = None

    # -- what the context and reporters read -------------------------------------------------
    @property
    def signature(self) -> list[dict[str, str]]:
        """The models used so far (a live list: it grows as models are loaded)."""
        return self.translator.models

    @property
    def counts(self) -> dict[str, int]:
        return {"computed": self.translator.computed, "cached": self.translator.cached}

    def translations_for(self, doc: Document) -> DocTranslations | None:
        current = self._current
        return current if current is not None and current.path == doc.path else None

    def warnings(self) -> list[str]:
        return [*self.translator.cache.warnings, *self.notes]

    def close(self) -> None:
        self.progress.finish()
        self.translator.close()
        self.translator.cache.close()

    # -- the pre-pass ------------------------------------------------------------------------
    def _note(self, key: str, message: str) -> None:
        if self.mode == "on":
            raise UsageError(message)
        if key not in self._noted:
            self._noted.add(key)
            self.notes.append(message)

    def _languages(self, doc: Document) -> tuple[str, str] | None:
        if not doc.lang:
            self._note(
                "lang", f"round trip skipped for {doc.path}: its language is unknown (use --target-lang)"
            )
            return None
        target = mt.argos_code(doc.lang)
        via = mt.argos_code(doc.source_lang) if doc.source_lang else mt.PIVOT
        if via == target:
            if not doc.source_lang:
                self._note(
                    f"via:{target}",
                    f"round trip skipped for {target} text without a source language "
                    "(use --source-lang to choose the language to translate through)",
                )
            return None
        return target, via

    def _routes_ready(self, target: str, via: str) -> bool:
        missing = []
        for pair in ((target, via), (via, target)):
            try:
                self.translator.route(*pair)
            except mt.ModelMissing:
                missing.append(pair)
        if not missing:
            return True
        lost = f"{CODES} skipped" if self.mode != "on" else "round trip cannot run"
        what = " and ".join(f"{a}→{b}" for a, b in missing)
        self._note(
            f"model:{target}:{via}",
            f"{lost}: no Argos Translate model for {what} is installed. "
            f"To enable the round trip: {_install_hint(missing)}",
        )
        return False

    def prepare(self, doc: Document) -> None:
        """Translate the document's sentences (round trip, and the source when paired)."""
        self._current = None
        langs = self._languages(doc)
        if langs is None or not self._routes_ready(*langs):
            return
        target, via = langs
        items: list[tuple[int, int, int, str]] = []
        for index, seg in enumerate(doc.segments):
            for start, end, text in seg.sentence_texts():
                if _has_letters(text):
                    items.append((index, start, end, text))
        sources: list[tuple[int, list[str]]] = []
        for index, seg in enumerate(doc.segments):
            if seg.counterpart is not None:
                parts = [t for _, _, t in seg.counterpart.sentence_texts() if _has_letters(t)]
                if parts:
                    sources.append((index, parts))
        texts = [text for *_, text in items]
        flat_sources = [t for _, parts in sources for t in parts]
        steps = len(self.translator.route(target, via)) + len(self.translator.route(via, target))
        forward = len(self.translator.route(via, target))
        self.progress.start(Path(doc.path).name, len(texts) * steps + len(flat_sources) * forward)
        advance = self.progress.advance
        try:
            back = self.translator.translate(target, via, texts, advance)
            round_ = self.translator.translate(via, target, back, advance)
            fresh = self.translator.translate(via, target, flat_sources, advance) if flat_sources else []
        except (RuntimeError, ValueError, OSError) as exc:  # what CTranslate2 and SentencePiece raise
            self.progress.finish()
            self._note(f"failed:{doc.path}", f"round trip failed for {doc.path}: {exc}")
            return
        self.progress.finish()
        trips = tuple(
            SentenceTrip(index, start, end, text, b, r)
            for (index, start, end, text), b, r in zip(items, back, round_, strict=True)
        )
        done = iter(fresh)
        fresh_out = [FreshTranslation(index, " ".join(next(done) for _ in parts)) for index, parts in sources]
        self._current = DocTranslations(doc.path, target, via, trips, tuple(fresh_out))


def round_trip_mode(config: Config) -> str:
    """``auto``, ``on`` or ``off``: the setting, else ``TCHECK_ROUND_TRIP``, else ``auto``."""
    if config.round_trip is not None:
        return config.round_trip
    env = os.environ.get("TCHECK_ROUND_TRIP", "").strip().lower()
    if env and env not in ROUND_TRIP:
        raise UsageError(f"TCHECK_ROUND_TRIP must be one of {', '.join(ROUND_TRIP)}, not {env!r}")
    return env or "auto"


def start(
    config: Config, rules: Iterable[Rule], progress: TripProgress | None = None
) -> tuple[RoundTrip | None, list[str]]:
    """The run's round-trip service, or None with the notes that say why not."""
    mode = round_trip_mode(config)
    if mode == "off" or not any("mt" in rule.needs for rule in rules):
        return None, []
    if not mt.argostranslate_installed():
        message = (
            f"round trip ({CODES}) needs argostranslate, which is not installed. "
            f"To enable it: {INSTALL_EXTRA}, then {EXAMPLE_HINT}"
        )
        if mode == "on":
            raise UsageError(message)
        return None, [message]
    packages = mt.installed_packages()
    if not packages:
        lost = "round trip cannot run" if mode == "on" else f"{CODES} skipped"
        message = (
            f"{lost}: no Argos Translate model is installed. To enable the round trip, install both "
            f"directions, e.g. {EXAMPLE_HINT}"
        )
        if mode == "on":
            raise UsageError(message)
        return None, [message]
    if config.cache:
        cache = TranslationCache(cache_folder(config.cache_dir) / FILE_NAME)
    else:
        cache = TranslationCache(None)
    translator = mt.Translator(cache, installed=packages)
    return RoundTrip(translator, mode, progress), []


def translations_of(doc: Document, services: object) -> DocTranslations | None:
    """What the pre-pass prepared for ``doc`` (for the checks: ``translations_of(doc, ctx.services)``)."""
    getter = getattr(services, "translations_for", None)
    return getter(doc) if getter is not None else None


def close(services: RoundTrip | None) -> None:
    if services is not None:
        services.close()


EXAMPLE_HINT = "tcheck models install nb en && tcheck models install en nb"


def run_hint(result: RunResult, limit: int = 3) -> str:
    """The model installs the run's own language pairs need (both directions), or the example."""
    pairs = sorted({(s.split("_")[0], t.split("_")[0]) for s, t in result.languages if s and t})
    pairs = [(s, t) for s, t in pairs if s != t][:limit]
    if not pairs:
        return EXAMPLE_HINT
    return _install_hint([p for s, t in pairs for p in ((s, t), (t, s))])


def report(result: RunResult, services: RoundTrip | None, notes: Sequence[str]) -> None:
    """Put the service's counts, warnings and notes into the run's result.

    Notes go into the text report and, for formats without room for them, to stderr (alerts);
    an install hint names the languages the run met, not an example pair.
    """
    notes = [n.replace(EXAMPLE_HINT, run_hint(result)) for n in notes]
    if services is not None:
        result.translations = services.counts
        notes = [*notes, *services.warnings()]
    for note in notes:
        if note not in result.notes:
            result.notes.append(note)
            result.alerts.append(note)
