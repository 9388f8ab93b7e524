"""--executor dask: a LocalCluster of 2 worker processes gives the bytes of --jobs 1.

One cluster serves the whole module (starting one takes seconds); the tests reach it through
``--scheduler``, ``scheduler = ...`` in the configuration or ``TCHECK_DASK_SCHEDULER``.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from roundtrip_model import installed_models
from tcheck import pipeline
from tcheck.cli import main
from tcheck.pipeline import dask_executor

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"
GARBLE_EN = ["en>nb:Almaty=</s>", "nb>en"]

TEXTS = {
    "en/kazakhstan.txt": SEED.read_text(encoding="utf-8"),
    "en/summit.md": (
        "---\ndate: 2022-01-20\n---\n# Summit\n\nLeaders of the CTSO met in Moscow on Friday.\n\n"
        "The alliance said 2 300 soldiers would leave. <!-- tcheck: ignore TC101 -->The CTSO agreed.\n"
    ),
    "en/almaty.txt": (
        "Thousands of people took to the streets of Almaty on Wednesday.\n\n"
        "In Almaty the protesters stormed the mayor's office, the police said.\n"
    ),
    "de/gipfel.txt": "Donnerstag, 20. Januar\n\nDie OVKS-Truppen verlassen Kasachstan am Donnerstag.\n",
    "nb/toppmote.txt": "Torsdag 20. januar\n\nCSTO-styrkene forlater Kasakhstan. Det koster 5000 kroner.\n",
    "fr/sommet.txt": "Jeudi 20 janvier\n\nLes troupes de l'OTSC quittent le Kazakhstan jeudi.\n",
    "zh/峰会.txt": "1月20日星期四\n\n集体安全条约组织的部队周四离开哈萨克斯坦。\n",
    "en/news/prices.txt": "Prices rose by 5,000 kroner in Oslo, the CTSO said on Wednesday.\n",
}

# Norwegian originals and English translations of one PO catalogue (one unit per pair).
PO_PAIRS = [
    (
        "Politiet sa onsdag at 2 300 personer var arrestert i Almaty.",
        "The police said on Wednesday that 2,300 people had been arrested in Almaty.",
    ),
    ("Presidenten ba CSTO om hjelp.", "The president asked the CSTO for help."),
    ("Regjeringen gikk av onsdag kveld.", "The government resigned on Wednesday evening."),
    (
        "Demonstrantene stormet borgermesterens kontor i Almaty.",
        "In Almaty the protesters stormed the mayor's office.",
    ),
    ("Prisene steg med 5000 kroner.", "Prices rose by 5,000 kroner."),
    ("Unntakstilstanden gjelder til 19. januar.", "The state of emergency lasts until January 19."),
    ("Tusenvis av mennesker gikk ut i gatene.", "Thousands of people took to the streets."),
    ("Politiet sa at Almaty var rolig torsdag.", "The police said that Almaty was calm on Thursday."),
]


def po_catalogue() -> str:
    head = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return head + "".join(f'msgid "{nb}"\nmsgstr "{en}"\n\n' for nb, en in PO_PAIRS)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as local:
        yield local


@pytest.fixture
def address(cluster: Any) -> Iterator[str]:
    """The shared cluster's scheduler, with both workers up (a test may have killed one)."""
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=60)
    yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TEXTS.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "en" / "broken.txt").write_bytes(b"Caf\xe9 au lait\n")  # not UTF-8: TC001
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_dask_gives_the_bytes_of_one_process(corpus: Path, address: str, fmt: str) -> None:
    one = invoke(".", "--source-lang", "nb", "--format", fmt, "--jobs", "1")
    on_dask = invoke(".", "--source-lang", "nb", "--format", fmt, "--scheduler", address)
    assert one[0] == 1
    assert on_dask == one
    if fmt == "json":
        report = json.loads(one[1])
        assert report["summary"]["files"] == len(TEXTS)
        assert {"TC001", "TC101", "TC103"} <= {f["code"] for f in report["findings"]}


def test_scheduler_from_the_configuration_and_the_environment(
    corpus: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[str] = []
    real = dask_executor.DaskExecutor.map

    def spy(self: dask_executor.DaskExecutor, inputs: Any, job: Any) -> Any:
        used.append(str(self.address))
        return real(self, inputs, job)

    monkeypatch.setattr(dask_executor.DaskExecutor, "map", spy)
    one = invoke(".", "--source-lang", "nb", "--format", "json", "--executor", "serial")
    (corpus / "tcheck.toml").write_text(f'scheduler = "{address}"\n', encoding="utf-8")
    assert invoke(".", "--source-lang", "nb", "--format", "json") == one
    (corpus / "tcheck.toml").write_text('executor = "dask"\n', encoding="utf-8")
    monkeypatch.setenv("TCHECK_DASK_SCHEDULER", address)
    assert invoke(".", "--source-lang", "nb", "--format", "json") == one
    assert used == [address, address]


def test_round_trip_on_the_cluster_fills_the_clients_cache(corpus: Path, address: str) -> None:
    cache = corpus.parent / "cache"
    for number, (_, english) in enumerate(PO_PAIRS):  # sentences the tiny models can hold
        (corpus / "rt" / f"{number}.txt").parent.mkdir(exist_ok=True)
        (corpus / "rt" / f"{number}.txt").write_text(
            f"{english}\n\n{TEXTS['en/almaty.txt']}", encoding="utf-8"
        )
    args = ["rt", "--source-lang", "nb", "--target-lang", "en", "--round-trip", "--cache-dir", str(cache)]
    with installed_models(GARBLE_EN):
        one = invoke(*args, "--format", "json", "--jobs", "1", "--no-cache")
        first = invoke(*args, "--format", "json", "--scheduler", address)
        again = invoke(*args, "--format", "json", "--scheduler", address)
        text_one = invoke(*args, "--jobs", "1", "--no-cache")
        text_dask = invoke(*args, "--scheduler", address)
    assert text_dask == text_one
    reports = [json.loads(run[1]) for run in (one, first, again)]
    assert [r["findings"] for r in reports[1:]] == [reports[0]["findings"]] * 2
    assert [r["tool"] for r in reports[1:]] == [reports[0]["tool"]] * 2  # same model signatures
    drift = [f for f in reports[0]["findings"] if f["code"] == "TC501"]
    # every file's Almaty sentence loses its end on the way
    assert {f["path"] for f in drift} == {f"rt/{n}.txt" for n in range(len(PO_PAIRS))}
    assert reports[1]["summary"]["translations"]["computed"] > 0
    assert (cache / "translations.sqlite3").is_file()
    # the rerun finds every sentence in the client's cache: the workers translate nothing
    assert reports[2]["summary"]["translations"]["computed"] == 0
    assert reports[2]["summary"]["translations"]["cached"] > 0


def test_a_bilingual_file_split_into_unit_ranges(
    tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "nyheter.po").write_text(po_catalogue(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dask_executor, "CHUNK_BYTES", 0)
    monkeypatch.setattr(dask_executor, "CHUNK_UNITS", 3)
    split: list[int] = []
    real = dask_executor.DaskExecutor._collect

    def spy(self: dask_executor.DaskExecutor, unit: Any, submitted: Any) -> Any:
        if isinstance(submitted, tuple):
            split.append(len(submitted[0]))
        return real(self, unit, submitted)

    monkeypatch.setattr(dask_executor.DaskExecutor, "_collect", spy)
    args = ["nyheter.po", "--source-lang", "nb", "--target-lang", "en", "--round-trip", "--no-cache"]
    with installed_models(GARBLE_EN):
        one = invoke(*args, "--jobs", "1")
        on_dask = invoke(*args, "--scheduler", address)
        json_one = invoke(*args, "--format", "json", "--jobs", "1")
        json_dask = invoke(*args, "--format", "json", "--scheduler", address)
    assert split == [3, 3]  # 8 units in ranges of 3, each run
    assert on_dask == one
    assert json.loads(json_dask[1])["findings"] == json.loads(json_one[1])["findings"]
    assert any(f["code"] == "TC501" for f in json.loads(json_one[1])["findings"])


def test_unreachable_scheduler_fails_within_seconds(corpus: Path) -> None:
    started = time.monotonic()
    code, _, err = invoke(".", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2
    assert err.startswith("tcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("address", ["nonsense://x", "tcp://:8786"])
def test_malformed_scheduler_address(corpus: Path, address: str) -> None:
    code, _, err = invoke(".", "--executor", "dask", "--scheduler", address)
    assert code == 2
    assert f"cannot reach the Dask scheduler at {address}" in err


def test_without_dask_installed_the_message_says_what_to_install(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_executor, "available", lambda: False)
    code, _, err = invoke(".", "--executor", "dask")
    assert code == 2
    assert err == (
        "tcheck: error: --executor dask needs dask and distributed, which are not installed: "
        "pip install 'tcheck[dask]'\n"
    )


@pytest.mark.parametrize(
    ("setting", "message"),
    [('executor = "cloud"', "executor must be one of"), ("scheduler = 8786", "scheduler must be an address")],
)
def test_bad_settings(corpus: Path, setting: str, message: str) -> None:
    (corpus / "tcheck.toml").write_text(setting + "\n", encoding="utf-8")
    code, _, err = invoke(".")
    assert code == 2
    assert message in err


def test_a_worker_killed_mid_run_has_its_tasks_retried(
    corpus: Path, address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(40):  # enough files that tasks are queued on both workers
        name = corpus / "en" / "more" / f"report-{number:02}.txt"
        name.parent.mkdir(parents=True, exist_ok=True)
        name.write_text(TEXTS["en/news/prices.txt"] * (number % 3 + 1), encoding="utf-8")
    one = invoke(".", "--source-lang", "nb", "--format", "json", "--jobs", "1")
    with distributed.Client(address, set_as_default=False) as client:
        pids = client.run(os.getpid)
    killed: list[int] = []
    real = pipeline.merge

    def kill_after_first(engine: Any, part: Any) -> None:
        if not killed:
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)
        real(engine, part)

    monkeypatch.setattr(pipeline, "merge", kill_after_first)
    on_dask = invoke(".", "--source-lang", "nb", "--format", "json", "--scheduler", address)
    assert killed
    assert on_dask == one
    assert json.loads(one[1])["summary"]["files"] == len(TEXTS) + 40
