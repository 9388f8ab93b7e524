"""Baselines: fingerprints that survive unrelated edits, counts, stale entries, file format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck import app
from tcheck.ci import baseline
from tcheck.cli import main
from tcheck.config import resolve
from tcheck.engine import RunResult
from tcheck.errors import UsageError
from tcheck.model import Finding, Severity, Span

ARTICLE = """\
Friday, March 4

Leaders of the CTSO met in Moscow on Friday to discuss the situation in Kazakhstan.

The alliance said the CSTO mission had ended. Kazakhstan thanked the CSTO for its help.

Critics say the CTSO met in Moscow on Friday without hearing from the protesters.
"""


def run(path: Path, **extra: str | None) -> RunResult:
    config = resolve({"source-lang": "nb", "baseline": extra.pop("baseline", None)}, None, path.parent)
    return app.check([str(path)], config, **extra)  # type: ignore[arg-type]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "article.en.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def ctso(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.code == "TC101"]


def test_write_then_apply_hides_everything(article: Path, tmp_path: Path) -> None:
    result = run(article, write_baseline=str(tmp_path / "base.json"))
    assert result.findings == []
    assert result.exit_code == 0
    assert any("wrote 2 findings" in note for note in result.notes)
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert data["tcheck_baseline"] == 1
    entries = [e for e in data["findings"] if e["code"] == "TC101"]
    assert [(e["path"], e["text"], e["count"]) for e in entries] == [("article.en.txt", "CTSO", 1)] * 2
    assert entries[0]["fingerprint"] != entries[1]["fingerprint"]  # different context
    assert run(article, baseline=str(tmp_path / "base.json")).findings == []


def test_unrelated_edits_keep_fingerprints(article: Path, tmp_path: Path) -> None:
    run(article, write_baseline="base.json")
    edited = ARTICLE.replace("Friday, March 4\n", "Friday, March 4\n\nBy our correspondent in Almaty.\n\n")
    edited = edited.replace("Kazakhstan thanked", "Kazakhstan's president thanked")
    article.write_text(edited, encoding="utf-8")
    result = run(article, baseline="base.json")
    assert ctso(result) == []
    assert not any("no longer occur" in n for n in result.notes)


def test_new_occurrence_and_changed_context_are_reported(article: Path) -> None:
    run(article, write_baseline="base.json")
    edited = ARTICLE + "\nThe CTSO will meet again in April.\n"
    edited = edited.replace("Leaders of the CTSO met", "Ministers of the CTSO met")
    article.write_text(edited, encoding="utf-8")
    result = run(article, baseline="base.json")
    text = article.read_text(encoding="utf-8")
    found = [text[f.span.start - 17 : f.span.end] for f in ctso(result)]
    assert len(found) == 2 and found[0] == "Ministers of the CTSO" and found[1].endswith("\nThe CTSO")
    stale = [n for n in result.notes if "no longer occur" in n]
    assert stale == [
        "baseline base.json: 1 entry no longer occurs (fixed or changed); rewrite it with --write-baseline"
    ]
    assert any(n.strip().startswith("stale: article.en.txt: TC101 'CTSO'") for n in result.notes)


def test_identical_findings_are_counted(article: Path) -> None:
    line = "\nThe CTSO said nothing.\n"
    article.write_text(ARTICLE + line * 2, encoding="utf-8")
    run(article, write_baseline="base.json")
    data = json.loads(Path("base.json").read_text(encoding="utf-8"))
    assert sorted(e["count"] for e in data["findings"] if e["code"] == "TC101") == [1, 1, 2]
    article.write_text(ARTICLE + line * 3, encoding="utf-8")
    result = run(article, baseline="base.json")
    assert len(ctso(result)) == 1  # the third copy
    article.write_text(ARTICLE + line, encoding="utf-8")
    result = run(article, baseline="base.json")
    assert ctso(result) == []
    assert any("1 entry no longer occurs" in n for n in result.notes)


def test_fixing_everything_reports_stale_entries(article: Path) -> None:
    run(article, write_baseline="base.json")
    article.write_text(ARTICLE.replace("CTSO", "CSTO"), encoding="utf-8")
    result = run(article, baseline="base.json")
    assert ctso(result) == []
    assert any("2 entries no longer occur" in n for n in result.notes)
    assert result.exit_code == 0


def test_paths_are_relative_to_the_baseline_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "site" / "docs"
    docs.mkdir(parents=True)
    (docs / "a.en.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site")
    (tmp_path / "site" / "ci").mkdir()
    run(Path("docs/a.en.txt"), write_baseline="ci/base.json")
    data = json.loads((tmp_path / "site" / "ci" / "base.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"../docs/a.en.txt"}
    monkeypatch.chdir(docs)
    assert ctso(run(Path("a.en.txt"), baseline="../ci/base.json")) == []


def test_baseline_from_the_configuration_file(article: Path, tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text(
        'source-lang = "nb"\nbaseline = "tcheck-baseline.json"\n', encoding="utf-8"
    )
    runner = CliRunner()
    written = runner.invoke(main, ["check", "article.en.txt", "--write-baseline", "tcheck-baseline.json"])
    assert written.exit_code == 0, written.output
    result = runner.invoke(main, ["check", "article.en.txt", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []
    assert result.stderr == ""
    (tmp_path / "article.en.txt").write_text(
        ARTICLE.replace("Critics say the CTSO", "Critics say the CSTO"), "utf-8"
    )
    result = runner.invoke(main, ["check", "article.en.txt", "--format", "github"])
    assert result.exit_code == 0 and result.stdout == ""
    assert (
        result.stderr.startswith("baseline ") and "1 entry no longer occurs" in result.stderr
    )  # stale: on stderr


def test_text_report_shows_the_notes(article: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["check", "article.en.txt", "--source-lang", "nb", "--write-baseline", "b.json"])
    article.write_text(ARTICLE.replace("Critics say the CTSO", "Critics say the CSTO"), encoding="utf-8")
    result = runner.invoke(main, ["check", "article.en.txt", "--source-lang", "nb", "--baseline", "b.json"])
    assert result.exit_code == 0
    assert "1 entry no longer occurs" in result.stdout
    assert "stale: article.en.txt: TC101 'CTSO'" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline not found"),
        ("{not json", "cannot read baseline"),
        ('{"findings": 3}', "not a tcheck baseline"),
        ('{"tcheck_baseline": 99, "findings": []}', "unsupported baseline format"),
        ('{"tcheck_baseline": 1, "findings": [{"path": "a"}]}', "lacks path, code or fingerprint"),
    ],
)
def test_bad_baseline_files(article: Path, content: str | None, message: str) -> None:
    if content is not None:
        Path("b.json").write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        run(article, baseline="b.json")
    result = CliRunner().invoke(main, ["check", "article.en.txt", "--baseline", "b.json"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_fingerprint_without_text_uses_the_message() -> None:
    finding = Finding("TC001", "unreadable-input", Severity.ERROR, "not UTF-8", "x.txt", Span(0, 0))
    assert baseline.fingerprint(finding, None) == baseline.fingerprint(
        replace(finding, span=Span(3, 3)), None
    )
    assert baseline.fingerprint(finding, None) != baseline.fingerprint(
        replace(finding, message="empty"), None
    )


def test_fingerprint_normalises_whitespace() -> None:
    finding = Finding("TC101", "forbidden-term", Severity.ERROR, "m", "x.txt", Span(8, 12))
    one = baseline.fingerprint(finding, "Leaders CTSO  met\tin Moscow")
    two = baseline.fingerprint(replace(finding, span=Span(10, 14)), "Leaders   CTSO met in Moscow")
    assert one == two
    assert one[1] == "CTSO"
