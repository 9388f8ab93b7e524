"""``--executor dask``: throughput with 1 and 2 workers, scaling efficiency, client memory.

Builds an NTREX corpus with ``bench/corpus.py`` and, for 1 and then 2 worker processes (``dask
scheduler`` and ``dask worker --nthreads 1`` in processes of their own, as with ``--scheduler``),
checks it through the Dask executor, after one warm-up run that imports tcheck on the workers;
with all checks, and with the document checks alone (the run checks' ``finish`` runs in the
client, after the workers are done). Reports, per worker count:

- wall time, and the CPU time of each worker and of the client; throughput per worker =
  segments / worker CPU seconds;
- the *critical path* ``max(client CPU, busiest worker CPU)``: the wall time the run would take
  on idle cores (the machine is shared, so wall time alone says little);
- scaling efficiency from 1 to 2 workers, by wall time and by critical path
  (``T1 / (2 * T2)``; 100% = perfect).

The same for the round trip (TC5xx) with the tiny copy models the tests build
(``tests/roundtrip_model.py``), on short English sentences, with the translation cache off.

Then the client's peak memory (``ru_maxrss`` of a ``tcheck check --scheduler ...`` process) for
corpora of growing size: it should stay flat.

    python bench/dask_scaling.py ../shared/data/ntrex128 --megabytes 2 --sentences 400
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent / "tests"))

_ARGOS = Path(tempfile.mkdtemp(prefix="tcheck-bench-argos-"))
for _name, _sub in (
    ("ARGOS_PACKAGES_DIR", "p"),
    ("XDG_DATA_HOME", "d"),
    ("XDG_CONFIG_HOME", "c"),
    ("XDG_CACHE_HOME", "k"),
):
    os.environ[_name] = str(_ARGOS / _sub)  # before anything imports argostranslate
os.environ["ARGOS_DEVICE_TYPE"] = "cpu"

from corpus import build, documents  # noqa: E402

LANGS = ["eng", "nob", "deu", "fra", "zho"]
GARBLE_EN = ["en>nb:Almaty=</s>", "nb>en"]


@dataclass
class Measure:
    workers: int
    wall: float
    client_cpu: float
    worker_cpu: list[float]
    segments: int

    @property
    def critical(self) -> float:
        return max(self.client_cpu, *self.worker_cpu)

    def line(self, label: str) -> str:
        per = ", ".join(
            f"{self.segments / max(c, 1e-9) / len(self.worker_cpu):,.0f}" for c in self.worker_cpu
        )
        total = sum(self.worker_cpu)
        return (
            f"{label} {self.workers} worker(s): wall {self.wall:.2f} s, client CPU {self.client_cpu:.2f} s, "
            f"worker CPU {' + '.join(f'{c:.2f}' for c in self.worker_cpu)} s, critical path "
            f"{self.critical:.2f} s; {self.segments / total:,.0f} segments per worker-CPU-second "
            f"(per worker, its share: {per})"
        )


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def cluster(workers: int) -> Iterator[str]:
    """A scheduler and ``workers`` worker processes (one thread each), each in its own process
    as on a real cluster (so the client's CPU time is the client's alone)."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = str(Path(sys.executable).with_name("dask"))
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
        **quiet,
    )  # type: ignore[call-overload]
    worker = subprocess.Popen(
        [dask, "worker", address, "--nworkers", str(workers), "--nthreads", "1", "--no-dashboard"], **quiet
    )  # type: ignore[call-overload]
    try:
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=60)


def _run(paths: list[str], workers: int, settings: dict[str, Any], repeat: int) -> Measure:
    from distributed import Client

    from tcheck import app, config

    if __name__ != "__main__":  # imported: workers cannot import this script, send _worker_cpu by value
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with cluster(workers) as address, Client(address, set_as_default=False) as client:
        cli = {"executor": "dask", "scheduler": address, **settings}
        resolved = config.resolve(cli, None, Path.cwd())
        app.check(paths, resolved)  # warm-up: imports, language profiles, models on the workers
        best: Measure | None = None
        for _ in range(repeat):
            before = client.run(_worker_cpu)
            cpu, wall = _cpu(), time.perf_counter()
            app.check(paths, resolved)
            wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            after = client.run(_worker_cpu)
            measure = Measure(workers, wall, cpu, [after[w] - before[w] for w in sorted(after)], 0)
            if best is None or measure.critical < best.critical:
                best = measure
        assert best is not None
        return best


def _count_segments(paths: list[str]) -> int:
    from tcheck.config import Config
    from tcheck.engine import discover
    from tcheck.loader import load_documents

    config = Config(source_lang="nb")
    return sum(
        len(d.segments) for d in load_documents(discover(paths, (), config), config) if hasattr(d, "segments")
    )


def _efficiency(one: Measure, two: Measure) -> str:
    return (
        f"scaling efficiency 1 -> 2 workers: wall {one.wall / (2 * two.wall):.0%}, "
        f"critical path {one.critical / (2 * two.critical):.0%}"
    )


def _client_memory(corpus: Path, address: str) -> int:
    """Peak RSS (KiB) of a ``tcheck check`` process that runs on the cluster at ``address``."""
    command = [
        sys.executable,
        "-m",
        "tcheck",
        "check",
        str(corpus),
        "--source-lang",
        "nb",
        "--scheduler",
        address,
    ]
    command += ["--format", "json", "--fail-on", "never", "--no-cache"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"tcheck exited with {status}: {' '.join(command)}")
    return int(usage.ru_maxrss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ntrex", type=Path)
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--sentences", type=int, default=400, help="round-trip corpus size")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tcheck-dask-bench-"))

    corpus = work / "corpus"
    files, size = build(args.ntrex, corpus, args.megabytes, LANGS)
    segments = _count_segments([str(corpus)])
    print(f"corpus: {files} files, {size / 1e6:.1f} MB, {segments} segments")
    from tcheck.registry import all_rules

    run_checks = tuple(r.code for r in all_rules() if r.scope == "run")
    plain = {"source-lang": "nb", "round-trip": "off", "cache": False}
    for label, settings in (
        ("all checks", plain),
        (f"document checks (not the run checks {', '.join(run_checks)})", {**plain, "ignore": run_checks}),
    ):
        runs = [_run([str(corpus)], n, settings, args.repeat) for n in (1, 2)]
        for m in runs:
            m.segments = segments
            print(m.line(label))
        print(f"{label}: " + _efficiency(*runs))

    from roundtrip_model import installed_models

    english = list(documents(args.ntrex, "newstest2019-src.eng.txt").values())
    lines = [line for doc in english for line in doc if 30 <= len(line) <= 110][: args.sentences]
    trip = work / "trip"
    trip.mkdir()
    for start in range(0, len(lines), 20):
        (trip / f"doc-{start:05}.txt").write_text(
            "\n\n".join(lines[start : start + 20]) + "\n", encoding="utf-8"
        )
    rt = {"source-lang": "nb", "target-lang": "en", "round-trip": "on", "cache": False, "select": ("TC5",)}
    with installed_models(GARBLE_EN):
        trips = [_run([str(trip)], n, rt, 1) for n in (1, 2)]
    for m in trips:
        m.segments = len(lines)
        print(m.line("round trip"))
    print("round trip: " + _efficiency(*trips))

    if not args.skip_memory:
        with cluster(2) as address:
            for factor in (1, 2, 4):
                folder = work / f"memory-{factor}"
                files, size = build(args.ntrex, folder, args.megabytes * factor, LANGS)
                peak = _client_memory(folder, address)
                print(
                    f"client peak memory: {size / 1e6:5.1f} MB corpus ({files} files) -> {peak / 1024:.0f} MiB"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
