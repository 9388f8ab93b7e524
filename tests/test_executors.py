"""The executor stage: every executor gives per-input results in input order, and the same run."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tcheck import app
from tcheck.config import Config, resolve
from tcheck.context import Context
from tcheck.engine import Engine, Input, RunResult, discover
from tcheck.pipeline import DocResult, Executor, Job, choose_executor, merge, run_inputs
from tcheck.pipeline.processes import ProcessExecutor
from tcheck.pipeline.serial import SerialExecutor
from tcheck.reporters import get_reporter

TEXTS = {
    "en/storting.txt": (
        "Wednesday, January 19\n\nThe Storting met on Thursday. The CTSO sent 2300 soldiers.\n\n"
        "Kassym-Jomart Tokayev spoke. Kasym-Jomart Tokayev left. Kassym-Jomart Tokayev returned.\n"
    ),
    "de/bericht.txt": "Mittwoch, 19. Januar\n\nDie OVKS schickte 2300 Soldaten nach Almaty.\n",
    "nb/melding.txt": "Onsdag 19. januar\n\nCSTO sendte 2 300 soldater. Det kostet 5000 kroner.\n",
    "fr/rapport.txt": "Mercredi 19 janvier\n\nL'OTSC a envoyé 2 300 soldats à Almaty jeudi.\n",
    "zh/报告.txt": "1月19日星期三\n\n集体安全条约组织向阿拉木图派出了2300名士兵。\n",
}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "en" / "latin1.txt").write_bytes("Tromsø\n".encode("latin-1"))  # TC001
    monkeypatch.chdir(tmp_path)
    return tmp_path


def setup_run(**cli: object) -> tuple[list[Input], Config, Context]:
    config = resolve({"source-lang": "nb", **cli}, None, Path.cwd())
    ctx = Context(config=config, glossaries=app.load_glossaries(config))
    return discover(["."], (), config), config, ctx


def report(result: RunResult) -> str:
    return get_reporter("json")(result, False)


@pytest.mark.parametrize("executor", [SerialExecutor(), ProcessExecutor(2)], ids=["serial", "processes"])
def test_results_come_per_input_in_input_order(corpus: Path, executor: Executor) -> None:
    inputs, config, ctx = setup_run()
    per_input = list(executor.map(inputs, Job(ctx, config)))
    assert len(per_input) == len(inputs)
    for item, parts in zip(inputs, per_input, strict=True):
        assert len(parts) == 1
        assert parts[0].path in (item.shown, None)  # None: the unreadable file
    unreadable = [parts[0] for parts in per_input if parts[0].path is None]
    assert [f.code for f in unreadable[0].findings] == ["TC001"]


def test_every_executor_gives_the_same_report(corpus: Path) -> None:
    inputs, config, ctx = setup_run()
    serial = report(run_inputs(inputs, config, None, ctx, executor=SerialExecutor()))
    inputs, config, ctx = setup_run()
    processes = report(run_inputs(inputs, config, None, ctx, executor=ProcessExecutor(2)))
    assert serial == processes
    codes = {f["code"] for f in json.loads(serial)["findings"]}
    assert {"TC001", "TC103", "TC202"} <= codes


class CachedInFront:
    """What a result cache in front of an executor does: inputs seen before are answered from
    the cache, the others go to the executor; results still come per input, in input order."""

    name = "cached"

    def __init__(self, inner: Executor, store: dict[str, list[DocResult]]) -> None:
        self.inner, self.store = inner, store
        self.asked: list[str] = []

    def map(self, inputs: Sequence[Input], job: Job) -> Iterator[list[DocResult]]:
        missing = [i for i in inputs if i.path not in self.store]
        self.asked.extend(i.path for i in missing)
        fresh = dict(zip((i.path for i in missing), self.inner.map(missing, job), strict=True))
        for item in inputs:
            if item.path in fresh:
                self.store[item.path] = fresh[item.path]
            yield self.store[item.path]


def test_a_cache_can_sit_in_front_of_the_executor(corpus: Path) -> None:
    store: dict[str, list[DocResult]] = {}
    inputs, config, ctx = setup_run()
    first = CachedInFront(SerialExecutor(), store)
    cold = report(run_inputs(inputs, config, None, ctx, executor=first))
    assert len(first.asked) == len(inputs)
    inputs, config, ctx = setup_run()
    second = CachedInFront(SerialExecutor(), store)
    warm = report(run_inputs(inputs, config, None, ctx, executor=second))
    assert second.asked == []
    assert warm == cold  # run checks (TC103 across documents) are fed from the cached digests


def test_choose_executor() -> None:
    assert isinstance(choose_executor(Config()), ProcessExecutor)
    assert isinstance(choose_executor(Config(executor="serial", jobs=4)), SerialExecutor)
    assert choose_executor(Config(jobs=3)).jobs == 3  # type: ignore[attr-defined]
    # the round trip stays in one process unless on Dask (its models load once)
    assert isinstance(choose_executor(Config(jobs=4), services=object()), SerialExecutor)
    pytest.importorskip("distributed")
    from tcheck.pipeline.dask_executor import DaskExecutor

    chosen = choose_executor(Config(scheduler="tcp://127.0.0.1:8786", jobs=2))
    assert isinstance(chosen, DaskExecutor)
    assert (chosen.address, chosen.workers) == ("tcp://127.0.0.1:8786", 2)
    assert isinstance(choose_executor(Config(executor="dask")), DaskExecutor)


def test_scheduler_from_the_environment_only_for_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from tcheck.pipeline.dask_executor import DaskExecutor

    monkeypatch.setenv("TCHECK_DASK_SCHEDULER", "tcp://127.0.0.1:8786")
    assert isinstance(choose_executor(Config()), ProcessExecutor)  # the variable alone does not switch
    chosen = choose_executor(Config(executor="dask"))
    assert isinstance(chosen, DaskExecutor) and chosen.address == "tcp://127.0.0.1:8786"
    chosen = choose_executor(dataclasses.replace(Config(executor="dask"), scheduler="tcp://10.1.1.1:1"))
    assert isinstance(chosen, DaskExecutor) and chosen.address == "tcp://10.1.1.1:1"


def test_dask_local_cluster_without_an_address(corpus: Path) -> None:
    pytest.importorskip("distributed")
    from tcheck.pipeline.dask_executor import DaskExecutor

    inputs, config, ctx = setup_run()
    serial = report(run_inputs(inputs, config, None, ctx, executor=SerialExecutor()))
    inputs, config, ctx = setup_run()
    per_input = list(DaskExecutor(None, workers=2).map(inputs, Job(ctx, config)))
    expected = [parts[0].path for parts in SerialExecutor().map(inputs, Job(ctx, config))]
    assert [parts[0].path for parts in per_input] == expected
    engine = Engine(ctx)
    for parts in per_input:
        for part in parts:
            merge(engine, part)
    assert report(engine.finish()) == serial
