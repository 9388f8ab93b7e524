"""One run, several outputs: --report FORMAT:PATH, capped GitHub annotations, the job summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from sites import hugo_site

from tcheck.cli import main
from tcheck.reporters.markdown import escape

ROOT = Path(__file__).resolve().parent.parent
RUN = ["--no-round-trip", "-q", "-j", "1", "--no-default-glossaries"]


def many_mismatches(root: Path, n: int = 14) -> Path:
    """A site whose Norwegian and German pages change every amount (2n TC304 errors)."""
    en = "".join(f"Item {i} costs {i + 10} dollars.\n\n" for i in range(n))
    nb = "".join(f"Vare {i} koster {i + 20} dollar.\n\n" for i in range(n))
    de = "".join(f"Artikel {i} kostet {i + 30} Dollar.\n\n" for i in range(n))
    return hugo_site(root, {"prices.md": {"en": en, "nb": nb, "de": de}})


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = many_mismatches(tmp_path / "site")
    monkeypatch.chdir(root)
    for key in (
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
        "GITHUB_SERVER_URL",
        "GITHUB_REPOSITORY",
        "GITHUB_SHA",
    ):
        monkeypatch.delenv(key, raising=False)
    return root


def test_reports_of_one_run_agree(site: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["check", ".", *RUN, "--format", "json", "--report", "sarif:out.sarif", "--report", "text:out.txt"],
    )
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    sarif = json.loads((site / "out.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == len(findings) == 28
    text = (site / "out.txt").read_text(encoding="utf-8")
    assert text.count(" TC304 ") == 28 and "\x1b[" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "sarif"], "expected FORMAT:PATH"),
        (["--report", "pdf:x.pdf"], "expected FORMAT:PATH"),
        (["--report", "json:a.json", "--report", "sarif:a.json"], "already writes this file"),
        (["--output", "b.txt", "--report", "json:b.txt"], "already writes this file"),
        (["--report", "json:content/nb/prices.md"], "refusing to overwrite"),
    ],
)
def test_bad_reports_exit_2_before_checking(site: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["check", ".", *RUN, *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Vare 0 koster 20" in (site / "content" / "nb" / "prices.md").read_text(encoding="utf-8")


def test_github_annotations_are_capped_with_a_notice(site: Path) -> None:
    result = CliRunner().invoke(main, ["check", ".", *RUN, "--format", "github", "--report", "sarif:t.sarif"])
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    notice = next(line for line in lines if line.startswith("::notice title=tcheck::"))
    assert "18 more findings not annotated" in notice and "all 28 are in t.sarif (sarif)" in notice


def test_few_findings_no_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(many_mismatches(tmp_path / "small", 3))
    result = CliRunner().invoke(main, ["check", ".", *RUN, "--format", "github"])
    assert sum(line.startswith("::error ") for line in result.stdout.splitlines()) == 6
    assert "::notice title=tcheck::" not in result.stdout


def test_job_summary_in_github_actions(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = site.parent / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "acme/site",
        "GITHUB_SHA": "0123abc",
    }
    result = CliRunner(env=env).invoke(
        main, ["check", ".", *RUN, "--format", "github", "--report", "sarif:t.sarif"]
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## tcheck\n")
    assert "| TC304 | amount-mismatch | 28 |" in text
    assert "| de | 14 |" in text and "| nb | 14 |" in text
    assert "(https://github.com/acme/site/blob/0123abc/content/de/prices.md#L1)" in text
    assert "all 28 are in t.sarif (sarif) and the job summary" in result.stdout
    # Outside GitHub Actions, or with another format, nothing is written.
    summary.write_text("", encoding="utf-8")
    CliRunner(env={**env, "GITHUB_ACTIONS": ""}).invoke(main, ["check", ".", *RUN, "--format", "github"])
    CliRunner(env=env).invoke(main, ["check", ".", *RUN, "--format", "json"])
    assert summary.read_text(encoding="utf-8") == ""


def test_summary_escapes_checked_text() -> None:
    assert escape("a | b <script>") == "a \\| b \\<script\\>"
    assert escape("[x](javascript:alert(1))\nnext") == "\\[x\\]\\(javascript:alert\\(1\\)\\) next"


def test_action_runs_tcheck_once() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert scripts.count("tcheck check") == 1
    assert '--report "sarif:$TCHECK_SARIF"' in scripts


def test_round_trip_hint_names_the_run_languages() -> None:
    from tcheck.engine import RunResult
    from tcheck.services.roundtrip import EXAMPLE_HINT, report

    result = RunResult([], {}, 3, "error", languages={("en", "de"), ("en", "ja"), (None, "en")})
    report(result, None, [f"TC5xx skipped: no model. Install both directions, e.g. {EXAMPLE_HINT}"])
    assert result.notes == [
        "TC5xx skipped: no model. Install both directions, e.g. tcheck models install en de && "
        "tcheck models install de en && tcheck models install en ja && tcheck models install ja en"
    ]
    alone = RunResult([], {}, 1, "error", languages={(None, "en")})
    report(alone, None, [f"e.g. {EXAMPLE_HINT}"])
    assert alone.notes == [f"e.g. {EXAMPLE_HINT}"]  # no pair met: the example stays
