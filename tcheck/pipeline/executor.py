"""The executor stage: checking inputs document by document, wherever that happens.

One run is a pipeline (discover → load and pair → per-document checks → run checks → report); the
*executor* is the one pluggable stage. It takes the run's inputs and gives back, **per input and in
input order**, what the per-document work produced (:class:`DocResult`): findings, line indexes,
suppressions, texts, and the digests of the run checks. The engine merges those into one result
and runs the run checks itself, so every executor gives the same report as a one-process run.

Executors: :mod:`~tcheck.pipeline.serial` (this process), :mod:`~tcheck.pipeline.processes`
(``--jobs N``, forked processes) and :mod:`~tcheck.pipeline.dask_executor` (``--executor dask``,
a Dask cluster). A result cache can sit in front of any of them: it sees the same inputs and
hands back the same per-input results.
"""

from __future__ import annotations

import copyreg
import os
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Engine, Input
from tcheck.errors import InputError
from tcheck.model import Document, Finding, LineIndex, Suppression, frozen_map


def _reduce_mapping_proxy(
    proxy: types.MappingProxyType[Any, Any],
) -> tuple[Callable[..., Mapping[str, Any]], tuple[dict[Any, Any]]]:
    return frozen_map, (dict(proxy),)


# Findings and documents carry read-only mappings, which pickle does not know by itself.
copyreg.pickle(types.MappingProxyType, _reduce_mapping_proxy)  # type: ignore[arg-type]

T = TypeVar("T")


def cpu_count() -> int:
    """Cores this process may use (the affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class DocResult:
    """What the per-document work gives for one document (or one unreadable file: ``path`` is None).

    ``lines``, ``suppressions`` and ``texts`` are the tables of the engine that checked it (its
    source's line index included); ``digests`` are the run checks' digests by code, and ``doc``
    travels only when a selected run check has no digest and needs the document itself.
    ``groups`` names, for each run check that splits the run into parts (TC103: by language),
    the part this document's digest belongs to (see :mod:`tcheck.pipeline.runparts`).
    """

    path: str | None
    findings: list[Finding]
    lines: Mapping[str, LineIndex] = field(default_factory=dict)
    suppressions: dict[str, tuple[Suppression, ...]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    digests: dict[str, Any] = field(default_factory=dict)
    doc: Document | None = None
    languages: tuple[str | None, str | None] = (None, None)
    pairs: dict[str, tuple[str, list[tuple[int, int, int, int]]]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Job:
    """Everything the per-document work needs besides the input: one per run."""

    ctx: Context
    config: Config
    source: str | None = None  # --source: the one target file's source-language original
    keep_texts: bool = False
    # answers for an input without reading it when it cannot yield a finding (pipeline.prefilter)
    skip: Callable[[Input], list[DocResult] | None] | None = None


class Executor(Protocol):
    """Runs :func:`check_input` (or its equal) on every input; yields per input, in input order."""

    name: str

    def map(self, inputs: Sequence[Input], job: Job) -> Iterator[list[DocResult]]: ...


def check_document(doc: Document | InputError, job: Job) -> DocResult:
    """Run the document checks on one document and compute the run checks' digests."""
    engine = Engine(job.ctx, job.keep_texts)
    run_rules, engine.run_rules = engine.run_rules, []  # run checks are fed by the merging engine
    if isinstance(doc, InputError):
        engine.input_error(doc)
        return DocResult(None, engine.findings)
    engine.check(doc)
    digests: dict[str, Any] = {}
    groups: dict[str, str] = {}
    needs_doc = False
    for rule, check in run_rules:
        if not engine._can_run(rule, doc):
            continue
        digest = getattr(check, "digest", None)
        if digest is None:
            needs_doc = True
            continue
        digests[rule.code] = digest(doc, job.ctx)
        group = getattr(check, "group", None)
        if group is not None:
            groups[rule.code] = group(doc)
    return DocResult(
        doc.path,
        engine.findings,
        engine.lines,
        engine.suppressions,
        engine.texts,
        digests,
        doc if needs_doc else None,
        (doc.source_lang, doc.lang),
        engine.pairs,
        groups,
    )


def check_input(item: Input, job: Job) -> list[DocResult]:
    """Read one input (one file may hold several documents) and check what it yields."""
    from tcheck.loader import load_documents

    if job.skip is not None and (known := job.skip(item)) is not None:
        return known
    return [check_document(doc, job) for doc in load_documents([item], job.config, job.source)]


def _update(table: dict[str, T], values: dict[str, T], own: str) -> None:
    """The document's own entry replaces, others (its source's) are added once."""
    for path, value in values.items():
        if path == own:
            table[path] = value
        else:
            table.setdefault(path, value)


def merge(engine: Engine, part: DocResult) -> None:
    """Add one document's results to ``engine``, as ``Engine.check`` would have."""
    engine.findings.extend(part.findings)
    if part.path is None:
        return
    engine.files += 1
    engine.languages.add(part.languages)
    engine.doc_langs[part.path] = part.languages[1]
    for path, index in part.lines.items():  # the document's own replaces, its source's is added once
        if path == part.path:
            engine.lines.put(path, index)
        else:
            engine.lines.add(path, index)
    _update(engine.suppressions, part.suppressions, part.path)
    _update(engine.texts, part.texts, part.path)
    engine.pairs.update(part.pairs)
    engine.collect(part.doc, part.digests)
