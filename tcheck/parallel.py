"""Checking files in several processes (``--jobs N``) with output identical to one process.

Design: the parent builds the context and checks the first file itself (so that everything set up
lazily on the way is ready), then forks ``N`` workers that inherit it all (glossaries, matchers,
language profiles and settings are not pickled). Each worker reads one input at a time with the ordinary
loader and runs the *document* checks on it. It sends back, per document, the findings, the line
index, the suppressions and (when asked) the text. The parent merges these **in input order**
(``imap`` keeps the order) and feeds every document to the *run* checks itself, so a check
registered as a class with ``collect``/``finish`` sees every document exactly as in a one-process
run; documents travel to the parent only when such checks are selected. Findings are sorted at the
end as always, so the report is byte-identical to ``--jobs 1``.

Where ``fork`` is not available (Windows), or there is only one file (or ``--source``), the run
stays in one process.
"""

from __future__ import annotations

import copyreg
import multiprocessing
import os
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tcheck import gcutil
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Engine, Input, RunResult, run
from tcheck.errors import InputError
from tcheck.model import Document, Finding, LineIndex, Suppression, frozen_map


def _reduce_mapping_proxy(
    proxy: types.MappingProxyType[Any, Any],
) -> tuple[Callable[..., Mapping[str, Any]], tuple[dict[Any, Any]]]:
    return frozen_map, (dict(proxy),)


# Findings and documents carry read-only mappings, which pickle does not know by itself.
copyreg.pickle(types.MappingProxyType, _reduce_mapping_proxy)  # type: ignore[arg-type]


def cpu_count() -> int:
    """Cores this process may use (the affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def effective_jobs(jobs: int, inputs: int) -> int:
    """Processes to use: ``jobs`` (0 = one per core), never more than there are files."""
    wanted = jobs if jobs > 0 else cpu_count()
    return max(1, min(wanted, inputs))


@dataclass(frozen=True)
class _DocResult:
    """What a worker sends back for one document (or one unreadable file: ``path`` is None).

    ``lines``, ``suppressions`` and ``texts`` are the worker engine's tables for this document
    (its source's line index included); ``digests`` are the run checks' digests by code, and
    ``doc`` travels only when a selected run check has no digest and needs the document itself.
    """

    path: str | None
    findings: list[Finding]
    lines: dict[str, LineIndex] = field(default_factory=dict)
    suppressions: dict[str, tuple[Suppression, ...]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    digests: dict[str, Any] = field(default_factory=dict)
    doc: Document | None = None
    languages: tuple[str | None, str | None] = (None, None)


@dataclass(frozen=True)
class _WorkerState:
    ctx: Context
    config: Config
    source: str | None
    keep_texts: bool


T = TypeVar("T")
_STATE: _WorkerState | None = None  # set in the parent right before forking; inherited by workers


def _work(item: Input) -> list[_DocResult]:
    """Read one input and run the document checks on what it yields (in a worker)."""
    from tcheck.loader import load_documents

    state = _STATE
    assert state is not None, "worker started without state"
    out: list[_DocResult] = []
    for doc in load_documents([item], state.config, state.source):
        engine = Engine(state.ctx, state.keep_texts)
        run_rules, engine.run_rules = engine.run_rules, []  # run checks are fed in the parent
        if isinstance(doc, InputError):
            engine.input_error(doc)
            out.append(_DocResult(None, engine.findings))
            continue
        engine.check(doc)
        digests: dict[str, Any] = {}
        needs_doc = False
        for rule, check in run_rules:
            if not engine._can_run(rule, doc):
                continue
            digest = getattr(check, "digest", None)
            if digest is None:
                needs_doc = True
            else:
                digests[rule.code] = digest(doc, state.ctx)
        out.append(
            _DocResult(
                doc.path,
                engine.findings,
                engine.lines,
                engine.suppressions,
                engine.texts,
                digests,
                doc if needs_doc else None,
                (doc.source_lang, doc.lang),
            )
        )
    return out


def _update(table: dict[str, T], values: dict[str, T], own: str) -> None:
    """The document's own entry replaces, others (its source's) are added once."""
    for path, value in values.items():
        if path == own:
            table[path] = value
        else:
            table.setdefault(path, value)


def _merge(parent: Engine, part: _DocResult) -> None:
    """Add one document's results to the parent engine, as ``Engine.check`` would have."""
    parent.findings.extend(part.findings)
    if part.path is None:
        return
    parent.files += 1
    parent.languages.add(part.languages)
    _update(parent.lines, part.lines, part.path)
    _update(parent.suppressions, part.suppressions, part.path)
    _update(parent.texts, part.texts, part.path)
    parent.collect(part.doc, part.digests)


def _chunksize(inputs: int, jobs: int) -> int:
    return max(1, min(8, inputs // (jobs * 8)))


def _settle_after_first(items: Iterator[T]) -> Iterator[T]:
    """``items``, with :func:`gcutil.settle` once the first has been checked (by then glossary
    matchers, language profiles and CLDR data are built and live as long as the run)."""
    for first in items:
        yield first
        gcutil.settle()
        yield from items
        return


def run_inputs(
    inputs: Sequence[Input],
    config: Config,
    source: str | None,
    ctx: Context,
    *,
    keep_texts: bool = False,
) -> RunResult:
    """Check ``inputs`` with ``config.jobs`` processes; the result does not depend on the count."""
    with gcutil.settling():
        return _run_inputs(inputs, config, source, ctx, keep_texts)


def _run_inputs(
    inputs: Sequence[Input], config: Config, source: str | None, ctx: Context, keep_texts: bool
) -> RunResult:
    from tcheck.loader import load_documents

    jobs = effective_jobs(config.jobs, len(inputs))
    if jobs <= 1 or source is not None or "fork" not in multiprocessing.get_all_start_methods():
        return run(_settle_after_first(load_documents(inputs, config, source)), ctx, keep_texts)

    global _STATE
    parent = Engine(ctx, keep_texts)
    # The first file is checked here, before forking: whatever the loader and the checks set up
    # lazily (language profiles, CLDR data, glossary matchers) is then inherited by every worker
    # instead of being built again in each. Its results come first, as in a one-process run.
    for item in load_documents(inputs[:1], config, source):
        if isinstance(item, InputError):
            parent.input_error(item)
        else:
            parent.check(item)
    gcutil.settle()  # the workers share what is set up by now instead of copying it
    _STATE = _WorkerState(ctx, config, source, keep_texts)
    rest = inputs[1:]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for parts in pool.imap(_work, rest, chunksize=_chunksize(len(rest), jobs)):
                for part in parts:
                    _merge(parent, part)
    finally:
        _STATE = None
    return parent.finish()
