"""What runs on a Dask worker: the run's plugin (its job and models) and the tasks.

A run registers one :class:`TcheckRun` worker plugin under a name of its own. Dask hands it to
every worker, including workers that join or are restarted during the run. It carries the job
(settings and glossaries; services stay on the client) and, when the round trip is on, a
:class:`~tcheck.pipeline.dask_trips.TripPayload`: the translation packages themselves (so workers
need no shared file system and no installed models), argostranslate's decoding settings and the
translations the client's cache already holds. Each worker unpacks the packages once and loads
each model once, on first use, for the whole run.

Tasks read documents by path (workers see the corpus at the same paths: the same machine, a
checkout on each worker, or a shared folder) and return :class:`DocResult` lists, with a
:class:`~tcheck.pipeline.dask_trips.TripReport` that gives the client the translations computed
here, keyed as its cache keys them.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin, get_worker

from tcheck.engine import Input
from tcheck.model import Document
from tcheck.pipeline.dask_trips import TripPayload, TripReport, merged_translations, shifted
from tcheck.pipeline.executor import DocResult, Job, check_document
from tcheck.services import mt
from tcheck.services.cache import TranslationCache
from tcheck.services.roundtrip import DocTranslations, RoundTrip


class MemoryCache(TranslationCache):
    """The worker's translation cache: a dict seeded with the client's entries; what is added
    during a task is also kept in ``fresh``, for the client's cache."""

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.path = None
        self.warnings = []
        self._rows = {(m, d, s): t for m, d, s, t in rows}
        self.fresh: list[tuple[str, str, str, str]] = []

    def get_many(self, model: str, direction: str, texts: Any) -> dict[str, str]:
        rows = self._rows
        return {t: rows[model, direction, t] for t in dict.fromkeys(texts) if (model, direction, t) in rows}

    def put_many(self, model: str, direction: str, pairs: Any) -> None:
        for source, target in pairs:
            self._rows[model, direction, source] = target
            self.fresh.append((model, direction, source, target))

    def __len__(self) -> int:
        return len(self._rows)

    def close(self) -> None:
        pass


class WorkerTranslator(mt.Translator):
    """The client's translator, on a worker: the packages shipped with the run, named by the
    client's model identities (so cache keys and signatures are the client's), and the models of
    every route a task used in ``used``."""

    def __init__(self, cache: MemoryCache, packages: list[Any], infos: dict[str, mt.ModelInfo]) -> None:
        super().__init__(cache, installed=packages)
        self.infos = infos
        self.used: list[dict[str, str]] = []

    def route(self, from_code: str, to_code: str) -> list[mt.PackageModel]:
        steps = super().route(from_code, to_code)
        for step in steps:
            info = self.infos.get(Path(step.pkg.package_path).name)
            if info is not None and step.info is not info:
                step.info = info
            signature = step.info.signature()
            if signature not in self.used:
                self.used.append(signature)
        return steps


class NotingRoundTrip(RoundTrip):
    """A round trip whose notes keep their keys, so the client keeps the first of each key."""

    def __init__(self, translator: mt.Translator, mode: str) -> None:
        super().__init__(translator, mode)
        self.keyed: list[tuple[str, str]] = []

    def _note(self, key: str, message: str) -> None:
        super()._note(key, message)
        self.keyed.append((key, message))


class PreparedRoundTrip:
    """Translations computed elsewhere (in unit ranges), handed to the checks in document order."""

    def __init__(self, prepared: list[DocTranslations | None]) -> None:
        self._prepared = iter(prepared)
        self._current: DocTranslations | None = None

    def prepare(self, doc: Document) -> None:
        self._current = next(self._prepared, None)

    def translations_for(self, doc: Document) -> DocTranslations | None:
        current = self._current
        return current if current is not None and current.path == doc.path else None


class WorkerTrip:
    """The round trip on one worker: packages unpacked once, models loaded once."""

    def __init__(self, payload: TripPayload, folder: Path) -> None:
        from argostranslate import settings
        from argostranslate.package import Package

        for name, value in payload.settings.items():
            setattr(settings, name, value)
        packages = []
        for name, data in payload.packages:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                archive.extractall(folder)
            packages.append(Package(folder / name))
        self.mode = payload.mode
        self.cache = MemoryCache(payload.cached)
        self.translator = WorkerTranslator(self.cache, packages, dict(payload.infos))
        self.lock = threading.Lock()  # one task at a time uses the models and the counters

    @contextmanager
    def task(self, job: Job) -> Iterator[tuple[Job, TripReport]]:
        """A job whose context holds a fresh round-trip service; the report is filled on exit."""
        with self.lock:
            service = NotingRoundTrip(self.translator, self.mode)
            translator = self.translator
            computed, cached = translator.computed, translator.cached
            translator.used, self.cache.fresh = [], []
            report = TripReport()
            yield dataclasses.replace(job, ctx=dataclasses.replace(job.ctx, services=service)), report
            report.notes.extend(service.keyed)
            report.models.extend(translator.used)
            report.fresh.extend(self.cache.fresh)
            report.computed = translator.computed - computed
            report.cached = translator.cached - cached

    def close(self) -> None:
        self.translator.close()


@dataclass
class RunPayload:
    """What every worker of one run receives once."""

    job: Job
    trip: TripPayload | None = None
    cwd: str | None = None  # the client's folder: relative paths are read from there


class TcheckRun(WorkerPlugin):
    """The worker plugin of one run (see the module's documentation)."""

    def __init__(self, payload: RunPayload) -> None:
        self.payload = payload
        self.trip: WorkerTrip | None = None
        self.folder: Path | None = None

    def setup(self, worker: Any) -> None:
        if self.payload.trip is not None:
            self.folder = Path(tempfile.mkdtemp(prefix="tcheck-models-", dir=worker.local_directory))
            self.trip = WorkerTrip(self.payload.trip, self.folder)

    def teardown(self, worker: Any) -> None:
        if self.trip is not None:
            self.trip.close()
            self.trip = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __getstate__(self) -> dict[str, Any]:
        return {"payload": self.payload, "trip": None, "folder": None}


def _plugin(name: str) -> TcheckRun:
    plugin = get_worker().plugins[name]
    assert isinstance(plugin, TcheckRun)
    cwd = plugin.payload.cwd
    if cwd and os.getcwd() != cwd and os.path.isdir(cwd):
        os.chdir(cwd)  # paths as the client gave them (relative ones too) name the same files
    return plugin


def _load(item: Input, job: Job) -> list[Any]:
    from tcheck.loader import load_documents

    return list(load_documents([item], job.config, job.source))


def check_batch(name: str, items: list[Input]) -> list[tuple[list[DocResult], TripReport | None]]:
    """Task: check a batch of inputs; per input its results and, with the round trip, its report."""
    plugin = _plugin(name)
    job, trip = plugin.payload.job, plugin.trip
    out: list[tuple[list[DocResult], TripReport | None]] = []
    for item in items:
        if trip is None:
            out.append(([check_document(doc, job) for doc in _load(item, job)], None))
            continue
        with trip.task(job) as (own, report):
            results = [check_document(doc, own) for doc in _load(item, own)]
        out.append((results, report))
    return out


def count_units(name: str, item: Input) -> list[int] | None:
    """Task: the number of segments of each document of a file (None: it has a read error)."""
    plugin = _plugin(name)
    counts = []
    for doc in _load(item, plugin.payload.job):
        if not isinstance(doc, Document):
            return None
        counts.append(len(doc.segments))
    return counts


def prepare_range(
    name: str, item: Input, index: int, start: int, stop: int
) -> tuple[DocTranslations | None, TripReport]:
    """Task: the round trip of segments ``start:stop`` of the file's ``index``-th document."""
    plugin = _plugin(name)
    assert plugin.trip is not None, "prepare_range needs the round trip"
    with plugin.trip.task(plugin.payload.job) as (own, report):
        doc = _load(item, own)[index]
        part = dataclasses.replace(doc, segments=doc.segments[start:stop])
        service = own.ctx.services
        service.prepare(part)
        found = service.translations_for(part)
    return (shifted(found, start) if found is not None else None), report


def check_prepared(
    name: str, item: Input, layout: list[int], *parts: tuple[DocTranslations | None, TripReport]
) -> list[DocResult]:
    """Task: check a file whose documents' round trips were prepared in ranges (``layout``: the
    number of ranges of each document, in document order; ``parts``: the ranges' results)."""
    plugin = _plugin(name)
    job = plugin.payload.job
    prepared = merged_translations(layout, [part for part, _ in parts])
    own = dataclasses.replace(job, ctx=dataclasses.replace(job.ctx, services=PreparedRoundTrip(prepared)))
    return [check_document(doc, own) for doc in _load(item, own)]
