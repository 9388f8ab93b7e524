"""--jobs N: the same bytes as --jobs 1, run checks see every document, errors stay one line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import tcheck.engine as engine_module
from tcheck import pipeline
from tcheck.cli import main
from tcheck.context import Context
from tcheck.errors import UsageError
from tcheck.model import Document, Hit, Severity, Span
from tcheck.pipeline import executor, processes
from tcheck.registry import Rule

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"

TEXTS = {
    "en/kazakhstan.txt": SEED.read_text(encoding="utf-8"),
    "en/summit.md": (
        "---\ndate: 2022-01-20\n---\n# Summit\n\nLeaders of the CTSO met in Moscow on Friday.\n\n"
        "The alliance said 2 300 soldiers would leave. <!-- tcheck: ignore TC101 -->The CTSO agreed.\n"
    ),
    "de/gipfel.txt": "Donnerstag, 20. Januar\n\nDie OVKS-Truppen verlassen Kasachstan am Donnerstag.\n",
    "nb/toppmote.txt": "Torsdag 20. januar\n\nCSTO-styrkene forlater Kasakhstan. Det koster 5000 kroner.\n",
    "fr/sommet.txt": "Jeudi 20 janvier\n\nLes troupes de l'OTSC quittent le Kazakhstan jeudi.\n",
    "zh/峰会.txt": "1月20日星期四\n\n集体安全条约组织的部队周四离开哈萨克斯坦。\n",
    "en/news/prices.txt": "Prices rose by 5,000 kroner in Oslo, the CTSO said on Wednesday.\n",
}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in TEXTS.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "en" / "broken.txt").write_bytes(b"Caf\xe9 au lait\n")  # not UTF-8: TC001
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", ".", "--source-lang", "nb", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_two_jobs_give_the_same_bytes_as_one(corpus: Path, fmt: str) -> None:
    one = invoke("--format", fmt, "--jobs", "1")
    two = invoke("--format", fmt, "--jobs", "2")
    assert one[0] == 1
    assert one == two
    if fmt == "json":
        report = json.loads(one[1])
        assert report["summary"]["files"] == len(TEXTS)
        codes = {f["code"] for f in report["findings"]}
        assert {"TC001", "TC101"} <= codes


def test_parallel_run_really_uses_workers(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[int] = []
    real = pipeline.merge
    forks: list[str] = []
    import multiprocessing  # imported by the process executor only when it forks

    get_context = multiprocessing.get_context

    def spy(parent: engine_module.Engine, part: executor.DocResult) -> None:
        used.append(1)
        real(parent, part)

    def spy_context(method: str):  # type: ignore[no-untyped-def]
        forks.append(method)
        return get_context(method)

    monkeypatch.setattr(pipeline, "merge", spy)
    monkeypatch.setattr(multiprocessing, "get_context", spy_context)
    invoke("--jobs", "2")
    assert forks == ["fork"]
    assert len(used) == len(TEXTS) + 1  # every file, the unreadable one too


class _SeesAll:
    """A run check for the test: one hit per document, naming every document seen, in order."""

    def __init__(self) -> None:
        self.docs: list[Document] = []

    def collect(self, doc: Document, ctx: Context) -> None:
        self.docs.append(doc)

    def finish(self, ctx: Context) -> Iterable[Hit]:
        names = ", ".join(d.path for d in self.docs)
        for doc in self.docs:
            yield Hit(
                Span(0, 1),
                f"{len(self.docs)} documents, segments {len(doc.segments)}: {names}",
                path=doc.path,
            )


def test_run_checks_see_every_document(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = Rule("TC998", "sees-all", Severity.INFO, frozenset(), "Test rule.", run_factory=_SeesAll)
    real = engine_module.selected_rules

    def with_test_rule(select: Iterable[str], ignore: Iterable[str]) -> Iterator[Rule]:
        yield from real(list(select), list(ignore))
        yield rule

    monkeypatch.setattr(engine_module, "selected_rules", with_test_rule)
    one = invoke("--format", "json", "--jobs", "1")
    two = invoke("--format", "json", "--jobs", "2")
    assert one == two
    hits = [f for f in json.loads(two[1])["findings"] if f["code"] == "TC998"]
    assert len(hits) == len(TEXTS)
    assert all(h["message"].startswith(f"{len(TEXTS)} documents") for h in hits)
    assert all(p in hits[0]["message"] for p in TEXTS)


class _Digested:
    """A run check split into digest (in the worker that read the document) and absorb."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, int, int]] = []

    def digest(self, doc: Document, ctx: Context) -> tuple[str, int, int]:
        return doc.path, len(doc.text), os.getpid()

    def absorb(self, digest: tuple[str, int, int], ctx: Context) -> None:
        self.seen.append(digest)

    def collect(self, doc: Document, ctx: Context) -> None:  # pragma: no cover - never called
        raise AssertionError("collect called although digest exists")

    def finish(self, ctx: Context) -> Iterable[Hit]:
        workers = {pid for _, _, pid in self.seen} - {os.getpid()}
        for path, size, _ in self.seen:
            yield Hit(Span(0, 1), f"{size} characters; {len(self.seen)} documents", path=path)
        _Digested.worker_pids = workers  # type: ignore[attr-defined]


def test_run_checks_with_a_digest_are_fed_from_the_workers(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = Rule("TC997", "digested", Severity.INFO, frozenset(), "Test rule.", run_factory=_Digested)
    real = engine_module.selected_rules

    def with_test_rule(select: Iterable[str], ignore: Iterable[str]) -> Iterator[Rule]:
        yield from real(list(select), list(ignore))
        yield rule

    monkeypatch.setattr(engine_module, "selected_rules", with_test_rule)
    sent: list[bool] = []
    merge = pipeline.merge

    def spy(parent: engine_module.Engine, part: executor.DocResult) -> None:
        sent.append(part.doc is not None)
        merge(parent, part)

    monkeypatch.setattr(pipeline, "merge", spy)
    one = invoke("--format", "json", "--jobs", "1", "--select", "TC2")
    assert _Digested.worker_pids == set()  # type: ignore[attr-defined]
    two = invoke("--format", "json", "--jobs", "2", "--select", "TC2")
    assert one == two
    assert _Digested.worker_pids  # type: ignore[attr-defined]
    assert sent and not any(sent)  # no run check needed the documents themselves
    hits = [f for f in json.loads(two[1])["findings"] if f["code"] == "TC997"]
    assert len(hits) == len(TEXTS)


def test_a_usage_error_in_a_worker_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tcheck.loader as loader

    real = loader.load_documents

    def failing(inputs, config, source=None):  # type: ignore[no-untyped-def]
        if any(i.shown.endswith("prices.txt") for i in inputs):
            raise UsageError("prices.txt: cannot align with its source")
        return real(inputs, config, source)

    monkeypatch.setattr(loader, "load_documents", failing)
    result = CliRunner().invoke(main, ["check", ".", "--jobs", "2"])
    assert result.exit_code == 2
    assert result.stderr == "tcheck: error: prices.txt: cannot align with its source\n"


def test_effective_jobs() -> None:
    assert processes.effective_jobs(0, 100) == min(executor.cpu_count(), 100)
    assert processes.effective_jobs(4, 2) == 2
    assert processes.effective_jobs(3, 0) == 1
    assert processes.effective_jobs(1, 50) == 1


def test_one_file_needs_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started for one file")

    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    result = CliRunner().invoke(main, ["check", str(SEED), "--source-lang", "nb", "--jobs", "4"])
    assert result.exit_code == 1
    assert "CTSO" in result.stdout


@pytest.mark.parametrize(
    ("setting", "message"), [("-1", "jobs must be"), ('"two"', "jobs must be"), ("true", "jobs")]
)
def test_bad_jobs_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, message: str
) -> None:
    (tmp_path / "tcheck.toml").write_text(f"jobs = {setting}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "a.txt"])
    assert result.exit_code == 2
    assert message in result.stderr


def test_negative_jobs_on_the_command_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(SEED), "--jobs", "-1"])
    assert result.exit_code == 2
