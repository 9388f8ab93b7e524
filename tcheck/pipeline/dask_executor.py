"""The Dask executor (``--executor dask``): documents checked on the workers of a Dask cluster.

With ``--scheduler ADDRESS`` (or ``scheduler = "..."`` in the configuration, or the
``TCHECK_DASK_SCHEDULER`` environment variable) the run connects to a running scheduler; without
one it starts a ``LocalCluster`` of ``--jobs`` worker processes (default: one per core), one thread
each. Inputs go to the workers in batches; results come back and are merged **in input order**,
and the run checks run here on the digests the workers computed, so the report is byte-identical
to ``--jobs 1``. At most a few batches per worker are in flight, so the client's memory does not
grow with the corpus.

With the round trip on, a large bilingual file (TMX, XLIFF, PO, TSV over :data:`CHUNK_BYTES`) has
its round trip split into ranges of :data:`CHUNK_UNITS` units, translated on every worker at once;
its checks then run in one task on the whole file (they compare units with each other).

A worker that dies mid-run has its tasks run again on another worker (Dask's own bookkeeping); a
scheduler that cannot be reached fails the run within :data:`CONNECT_TIMEOUT` seconds.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tcheck.engine import Input
from tcheck.errors import UsageError
from tcheck.formats import BILINGUAL_SUFFIXES
from tcheck.pipeline.executor import DocResult, Job, cpu_count

ENV_SCHEDULER = "TCHECK_DASK_SCHEDULER"
INSTALL_EXTRA = "pip install 'tcheck[dask]'"
CONNECT_TIMEOUT = 5  # seconds
CHUNK_BYTES = 1 << 20  # bilingual files from this size have their round trip split in ranges
CHUNK_UNITS = 2000  # units per range
IN_FLIGHT = 3  # batches queued per worker


def available() -> bool:
    """Whether dask.distributed is installed (the ``dask`` extra)."""
    return importlib.util.find_spec("distributed") is not None


def scheduler_address(configured: str | None) -> str | None:
    """``--scheduler`` / ``scheduler`` setting, else ``TCHECK_DASK_SCHEDULER``, else None."""
    return configured or os.environ.get(ENV_SCHEDULER, "").strip() or None


@dataclass(frozen=True)
class _Unit:
    """One piece of submitted work: a batch of inputs, or one file with a split round trip."""

    items: tuple[Input, ...]
    chunked: bool = False


class DaskExecutor:
    """Runs the per-document work on a Dask cluster (see the module's documentation)."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int = 0, services: Any = None) -> None:
        if not available():
            raise UsageError(
                f"--executor dask needs dask and distributed, which are not installed: {INSTALL_EXTRA}"
            )
        self.address = address
        self.workers = workers if workers > 0 else cpu_count()
        self.services = services  # the client's round trip (tcheck.services.roundtrip.RoundTrip)

    # -- the cluster ---------------------------------------------------------------------------
    @contextmanager
    def _client(self) -> Iterator[Any]:
        from distributed import Client, LocalCluster

        if self.address is None:
            with (
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,  # a check's error is reported once, here
                ) as cluster,
                Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
            ):
                yield client
            return
        _probe(self.address)
        try:
            client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UsageError(f"cannot reach the Dask scheduler at {self.address}: {reason}") from None
        with client:
            yield client

    # -- the run -------------------------------------------------------------------------------
    def map(self, inputs: Sequence[Input], job: Job) -> Iterator[list[DocResult]]:
        from distributed import KilledWorker

        from tcheck.pipeline import dask_trips
        from tcheck.pipeline.dask_worker import RunPayload, TcheckRun

        services = self.services
        # the context without its services (they stay here) and without matchers (built there)
        shipped = replace(job, ctx=replace(job.ctx, services=None, _matchers={}))
        trip = dask_trips.payload(services) if services is not None else None
        with self._client() as client:
            name = f"tcheck-{uuid.uuid4().hex}"
            client.register_plugin(TcheckRun(RunPayload(shipped, trip, os.getcwd())), name=name)
            try:
                yield from self._ordered(client, name, inputs)
            except KilledWorker as exc:
                raise UsageError(f"Dask workers kept dying on one task; giving up ({exc})") from None
            finally:
                try:
                    client.unregister_worker_plugin(name)
                except Exception:
                    logging.getLogger(__name__).debug("plugin %s not unregistered", name)

    def _plan(self, inputs: Sequence[Input], workers: int) -> Iterator[_Unit]:
        size = max(1, min(8, len(inputs) // (workers * 8)))
        batch: list[Input] = []
        for item in inputs:
            if self.services is not None and _large_bilingual(item):
                if batch:
                    yield _Unit(tuple(batch))
                    batch = []
                yield _Unit((item,), chunked=True)
                continue
            batch.append(item)
            if len(batch) >= size:
                yield _Unit(tuple(batch))
                batch = []
        if batch:
            yield _Unit(tuple(batch))

    def _ordered(self, client: Any, name: str, inputs: Sequence[Input]) -> Iterator[list[DocResult]]:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or self.workers)
        pending: deque[tuple[_Unit, Any]] = deque()
        for unit in self._plan(inputs, workers):
            pending.append((unit, self._submit(client, name, unit)))
            while len(pending) > workers * IN_FLIGHT:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _submit(self, client: Any, name: str, unit: _Unit) -> Any:
        from tcheck.pipeline import dask_worker as tasks

        if not unit.chunked:
            return client.submit(tasks.check_batch, name, list(unit.items), pure=False)
        item = unit.items[0]
        counts = client.submit(tasks.count_units, name, item, pure=False).result()
        if counts is None or sum(counts) <= CHUNK_UNITS:
            return client.submit(tasks.check_batch, name, [item], pure=False)
        ranges, layout = [], []
        for index, count in enumerate(counts):
            starts = range(0, max(count, 1), CHUNK_UNITS)
            layout.append(len(starts))
            for start in starts:
                ranges.append(
                    client.submit(
                        tasks.prepare_range,
                        name,
                        item,
                        index,
                        start,
                        start + CHUNK_UNITS,
                        pure=False,
                    )
                )
        final = client.submit(tasks.check_prepared, name, item, layout, *ranges, pure=False)
        return ranges, final

    def _collect(self, unit: _Unit, submitted: Any) -> Iterator[list[DocResult]]:
        from tcheck.pipeline.dask_trips import absorb

        if isinstance(submitted, tuple):  # a file with its round trip split in ranges
            ranges, final = submitted
            for future in ranges:
                absorb(self.services, future.result()[1])
            yield final.result()
            return
        for results, report in submitted.result():
            if self.services is not None:
                absorb(self.services, report)
            yield results


def _large_bilingual(item: Input) -> bool:
    path = Path(item.path)
    if path.suffix.lower() not in BILINGUAL_SUFFIXES:
        return False
    try:
        return path.stat().st_size >= CHUNK_BYTES
    except OSError:
        return False


def _probe(address: str) -> None:
    """A usage error naming ``address`` unless it is a Dask address whose TCP port answers."""
    from distributed.comm.addressing import parse_address
    from distributed.comm.registry import backends

    try:
        scheme, location = parse_address(address)
    except ValueError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    if scheme not in backends:
        known = ", ".join(sorted(backends))
        raise UsageError(f"cannot reach the Dask scheduler at {address}: unknown scheme {scheme!r} ({known})")
    if scheme not in ("tcp", "tls"):
        return  # other transports: the client's own timeout decides
    host, _, port = location.rpartition(":") if ":" in location else (location, "", "8786")
    host = host.strip("[]")
    if not host or not port.isdigit():
        raise UsageError(f"cannot reach the Dask scheduler at {address}: expected HOST:PORT")
    try:
        found = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None
    reason = "no address"
    for family, kind, proto, _, where in found:
        with socket.socket(family, kind, proto) as probe:
            probe.settimeout(CONNECT_TIMEOUT)
            try:
                probe.connect(where)
                return
            except OSError as exc:
                reason = exc.strerror or str(exc) or type(exc).__name__
    raise UsageError(f"cannot reach the Dask scheduler at {address}: {reason}")
