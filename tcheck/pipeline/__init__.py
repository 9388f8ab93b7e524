"""One run as stages; here the executor stage and the one place that calls it.

:func:`run_inputs` takes the discovered (and paired) inputs, hands them to the chosen executor
(:func:`choose_executor`) and merges what comes back, input by input and in input order, into one
engine that runs the run checks and sorts the findings. The executor is the only thing that
differs between ``--jobs 1``, ``--jobs N`` and ``--executor dask``: the report does not.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from typing import Any

from tcheck import gcutil
from tcheck.bilingual.pagelinks import resolve_page_links
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Engine, Input, RunResult
from tcheck.pipeline import runparts
from tcheck.pipeline.cache import SECOND, Split, lookup, open_cache, through_cache
from tcheck.pipeline.executor import DocResult, Executor, Job, check_input, merge
from tcheck.pipeline.prefilter import term_prefilter
from tcheck.pipeline.processes import ProcessExecutor
from tcheck.pipeline.serial import SerialExecutor
from tcheck.services.progress import NoProgress, Progress

__all__ = ["DocResult", "Executor", "Job", "check_input", "choose_executor", "merge", "run_inputs"]

EXECUTORS = ("serial", "processes", "dask")


def choose_executor(config: Config, services: Any = None) -> Executor:
    """The executor a run's settings ask for.

    ``executor`` (``--executor``) when set; otherwise ``dask`` when a scheduler is configured
    (``--scheduler`` or ``scheduler = ...``), else ``processes`` (``--jobs``; a single job or a
    single file stays serial). The round trip runs in one process unless on Dask: its models load
    once and its translations go through one cache.
    """
    name = config.executor or ("dask" if config.scheduler else "processes")
    if name == "dask":
        from tcheck.pipeline.dask_executor import DaskExecutor, scheduler_address

        return DaskExecutor(scheduler_address(config.scheduler), config.jobs, services)
    if name == "serial" or services is not None:
        return SerialExecutor()
    return ProcessExecutor(config.jobs)


def run_inputs(
    inputs: Sequence[Input],
    config: Config,
    source: str | None,
    ctx: Context,
    *,
    keep_texts: bool = False,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Check ``inputs`` with ``executor`` (default: :func:`choose_executor`); the result does not
    depend on which."""
    chosen = executor or choose_executor(config, ctx.services)
    job = Job(ctx, config, source, keep_texts)
    if chosen.name != "dask":  # a Dask worker gets the job pickled: it checks every page
        job = dataclasses.replace(job, skip=term_prefilter(job))
    cache = open_cache(config, ctx, source, keep_texts)
    with gcutil.settling():
        engine = Engine(ctx, keep_texts)
        split: runparts.Parts | None = None  # the run checks' parts, when they are stored
        in_parts = False  # whether the split run checks are fed only their changed parts
        if cache is None:
            results: Iterable[list[DocResult]] = chosen.map(inputs, job)
        else:
            keys = [cache.key(item) for item in inputs]
            whole = cache.whole_run_key(keys)
            if engine.run_rules:  # an unchanged set of documents: the run checks' findings are known
                known = cache.get_many([whole]).get(whole)
                engine.run_findings = known if isinstance(known, list) else None
            feeding = bool(engine.run_rules) and engine.run_findings is None
            stored_as = _parts(digests=bool(engine.run_rules), wanted=feeding)
            stored = lookup(keys, cache, stored_as)
            codes = runparts.split_codes(stored.values()) if feeding else set()
            in_parts = bool(codes) and runparts.few_missing(len(inputs) - len(stored), len(inputs))
            if codes and not in_parts:  # every digest is fed: the split checks' ones too
                stored = runparts.with_split_digests(stored, codes, cache)
            fresh = {i for i, key in enumerate(keys) if key not in stored}
            results = through_cache(
                inputs, keys, cache, lambda missing: chosen.map(missing, job), _storable, stored_as, stored
            )
            if in_parts:  # the few inputs checked again are held until the split checks are fed
                results = list(results)
                engine.apart = frozenset(runparts.split_codes(results))
            split = runparts.Parts(keys) if feeding else None
        shown = progress or NoProgress()
        # the bytes of each file, for a progress display only (a stat a file): none for the
        # display that shows nothing (a run that is quiet or not on a terminal)
        sizes = [_size(item) for item in inputs] if shown.shows else [0] * len(inputs)
        shown.files(len(inputs), sum(sizes))
        try:
            try:
                _merge_all(engine, zip(sizes, results, strict=True), split, shown)
            finally:
                shown.files_done()
            if cache is not None and split is not None:
                if in_parts:
                    assert isinstance(results, list)
                    recompute = lambda missing: chosen.map(missing, job)  # noqa: E731
                    runparts.feed_changed(engine, split, results, inputs, cache, fresh, recompute)
                else:
                    runparts.store_all(engine, split, cache)
            result = engine.finish()
            if cache is not None and split is not None:
                cache.put_many([(whole, engine.run_findings)])
        finally:
            if cache is not None:
                cache.close()
    # links into a translation's own tree looked up among its site's pages, every run (not cached)
    result.findings = resolve_page_links(
        result.findings,
        inputs,
        lambda path, code, default: engine.doc_ctx(path).config.severity_for(code, default),
    )
    if cache is not None:
        result.alerts.extend(cache.warnings)
        result.cached = (cache.hits, cache.hits + cache.misses)
    return result


def _merge_all(
    engine: Engine,
    sized: Iterable[tuple[int, list[DocResult]]],
    split: runparts.Parts | None,
    shown: Progress,
) -> None:
    """Merge each input's results into ``engine`` as they come (``sized``: each input's size in
    bytes and its results), noting them in ``split`` for the cache. The last input's results die
    with this call: its digests are not held twice while the run checks finish."""
    for index, (size, parts) in enumerate(sized):
        if split is not None:
            split.add(index, parts)
        for part in parts:
            merge(engine, part)
        shown.file_done(size)


def _size(item: Input) -> int:
    try:
        return os.stat(item.path).st_size
    except (OSError, ValueError):
        return 0


def _storable(parts: list[DocResult]) -> bool:
    return all(part.doc is None for part in parts)  # a document itself is not kept


def _parts(digests: bool, wanted: bool) -> Split[list[DocResult]]:
    """An input's results stored as what the report needs and, apart (only when the run has run
    checks: ``digests``), the run checks' digests, read only when the run checks run (``wanted``):
    those of the checks that split the run into parts each in an entry of their own
    (:mod:`tcheck.pipeline.runparts`), read only for the parts that changed."""

    def split(results: list[DocResult]) -> tuple[list[DocResult], dict[bytes, Any]]:
        first = [dataclasses.replace(part, digests={}) if part.digests else part for part in results]
        if not digests:
            return first, {}
        codes = runparts.split_codes([results])
        more: dict[bytes, Any] = {
            SECOND: [{c: d for c, d in part.digests.items() if c not in codes} for part in results]
        }
        for code in sorted(codes):
            more[runparts.digests_name(code)] = [part.digests.get(code) for part in results]
        return first, more

    def join(first: list[DocResult], more: dict[bytes, Any]) -> list[DocResult]:
        second = more.get(SECOND)
        if second is None:
            return first
        return [
            dataclasses.replace(part, digests=d) if d else part for part, d in zip(first, second, strict=True)
        ]

    return Split(split, join, (SECOND,) if wanted else ())
