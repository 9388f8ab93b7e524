"""The round trip on a Dask cluster: what the client sends the workers and what comes back.

The client keeps the run's translation cache. It sends each worker, once per run, the installed
translation packages (zipped), argostranslate's decoding settings and the translations its cache
holds for those models; a worker translates only what is not among them. Each task returns a
:class:`TripReport`: the translations it computed (with their cache keys), the models its routes
used, its notes and its counts, which :func:`absorb` records on the client — the next run then
translates only sentences that no run has translated yet.

A large bilingual file's round trip is split into unit ranges (:func:`shifted`,
:func:`merged_translations` put the ranges back together), so one file's sentences are
translated on every worker at once.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcheck.services import mt
from tcheck.services.roundtrip import DocTranslations, RoundTrip

# argostranslate settings that decide how a model is run (and so what it outputs)
DECODING_SETTINGS = ("device", "inter_threads", "intra_threads", "compute_type", "beam_size")


@dataclass(frozen=True)
class TripPayload:
    """Sent to every worker once: packages as ``(folder name, zip bytes)``, the client's identity
    of each (by folder name), the decoding settings and the cached translations."""

    mode: str
    packages: tuple[tuple[str, bytes], ...]
    infos: tuple[tuple[str, mt.ModelInfo], ...]
    settings: dict[str, Any]
    cached: list[tuple[str, str, str, str]]


@dataclass
class TripReport:
    """What one task's round trips did: keyed notes, models used, translations computed."""

    notes: list[tuple[str, str]] = field(default_factory=list)
    models: list[dict[str, str]] = field(default_factory=list)
    fresh: list[tuple[str, str, str, str]] = field(default_factory=list)  # model, direction, src, tgt
    computed: int = 0
    cached: int = 0


def _zipped(folder: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for file in sorted(folder.rglob("*")):
            archive.write(file, Path(folder.name) / file.relative_to(folder))
    return out.getvalue()


def payload(services: RoundTrip) -> TripPayload:
    """The client's packages, settings and cached translations, for the workers."""
    from argostranslate import settings

    translator = services.translator
    packages, infos, keys = [], [], []
    for pkg in translator.packages():
        folder = Path(pkg.package_path)
        model = mt.PackageModel(pkg)
        packages.append((folder.name, _zipped(folder)))
        infos.append((folder.name, model.info))
        keys.append(model.cache_key)
    return TripPayload(
        mode=services.mode,
        packages=tuple(packages),
        infos=tuple(infos),
        settings={name: getattr(settings, name) for name in DECODING_SETTINGS},
        cached=translator.cache.entries(keys),
    )


def absorb(services: RoundTrip, report: TripReport | None) -> None:
    """Record a task's report on the client: cache entries, counts, models used, notes."""
    if report is None:
        return
    translator = services.translator
    grouped: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for model, direction, source, target in report.fresh:
        grouped[model, direction].append((source, target))
    for (model, direction), pairs in grouped.items():
        translator.cache.put_many(model, direction, pairs)
    translator.computed += report.computed
    translator.cached += report.cached
    for signature in report.models:
        if signature not in translator.models:
            translator.models.append(signature)
    for key, message in report.notes:
        services._note(key, message)  # the first note of each key, as in a one-process run


def shifted(found: DocTranslations, start: int) -> DocTranslations:
    """A range's translations with segment numbers of the whole document."""
    return dataclasses.replace(
        found,
        trips=tuple(dataclasses.replace(t, segment=t.segment + start) for t in found.trips),
        fresh=tuple(dataclasses.replace(f, segment=f.segment + start) for f in found.fresh),
    )


def merged_translations(
    layout: list[int], parts: list[DocTranslations | None]
) -> list[DocTranslations | None]:
    """Per document, its ranges' translations joined (None when any range has none: the round
    trip of the whole document would have been skipped or failed too)."""
    out: list[DocTranslations | None] = []
    at = 0
    for count in layout:
        ranges = parts[at : at + count]
        at += count
        if not ranges or any(r is None for r in ranges):
            out.append(None)
            continue
        first = ranges[0]
        assert first is not None
        out.append(
            dataclasses.replace(
                first,
                trips=tuple(t for r in ranges if r is not None for t in r.trips),
                fresh=tuple(f for r in ranges if r is not None for f in r.fresh),
            )
        )
    return out
