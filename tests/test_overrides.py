"""Settings per path and per language: ``[[overrides]]`` / ``[[tool.tcheck.overrides]]``."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import hugo_site

from tcheck import app
from tcheck.config import resolve
from tcheck.engine import RunResult
from tcheck.errors import UsageError

GLOSSARY_DE = (
    "# languages: en -> de\n"
    "id,source,target,forbidden,case_sensitive,dnt,note\n"
    "usd,dollars,US-Dollar,Dollar,no,no,currency name\n"
)


def run(
    site: Path, toml: str, monkeypatch: pytest.MonkeyPatch, name: str = "tcheck.toml", **cli: object
) -> RunResult:
    (site / name).write_text(toml, encoding="utf-8")
    monkeypatch.chdir(site)
    config = resolve({"round-trip": "off", "default-glossaries": False, "jobs": 1, **cli}, None, site)
    return app.check(["."], config)


def codes(result: RunResult) -> list[tuple[str, str, str]]:
    return [(f.path, f.code, f.severity.label) for f in result.findings]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return hugo_site(tmp_path / "site")


def test_without_overrides_both_changed_amounts_are_errors(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = codes(run(site, "", monkeypatch))
    assert ("content/nb/budget.md", "TC304", "error") in found
    assert ("content/de/budget.md", "TC304", "error") in found


def test_path_block_ignores_a_code_in_its_folder_only(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = codes(run(site, '[[overrides]]\npaths = ["content/nb/**"]\nignore = ["TC304"]\n', monkeypatch))
    assert ("content/de/budget.md", "TC304", "error") in found
    assert not [f for f in found if f[0].startswith("content/nb/")]


def test_language_block_sets_severity_for_that_language(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = '[[overrides]]\nlanguages = ["de"]\nseverity = { TC304 = "info" }\n'
    found = codes(run(site, toml, monkeypatch))
    assert ("content/de/budget.md", "TC304", "info") in found
    assert ("content/nb/budget.md", "TC304", "error") in found


def test_pyproject_blocks_and_later_blocks_win(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = (
        '[tool.tcheck]\nfail-on = "error"\n\n'
        '[[tool.tcheck.overrides]]\nlanguages = ["nb", "de"]\nseverity = { TC3 = "info" }\n\n'
        '[[tool.tcheck.overrides]]\npaths = ["*/de/*"]\nseverity = { TC3 = "warning" }\n'
    )
    result = run(site, toml, monkeypatch, name="pyproject.toml")
    found = codes(result)
    assert ("content/nb/budget.md", "TC304", "info") in found
    assert ("content/de/budget.md", "TC304", "warning") in found
    assert result.exit_code == 0


def test_block_selects_a_check_the_run_leaves_out(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = 'select = ["TC1"]\n\n[[overrides]]\nlanguages = ["nb"]\nselect = ["TC3"]\n'
    found = codes(run(site, toml, monkeypatch))
    assert found == [("content/nb/budget.md", "TC304", "error")]


def test_glossary_for_one_language(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "glossaries").mkdir()
    (site / "glossaries" / "en-de.csv").write_text(GLOSSARY_DE, encoding="utf-8")
    block = '[[overrides]]\nlanguages = ["de"]\nglossary = ["glossaries/en-de.csv"]\n'
    with_block = [f for f in codes(run(site, block, monkeypatch)) if f[1] == "TC101"]
    assert with_block == [("content/de/budget.md", "TC101", "warning")] or [p for p, *_ in with_block] == [
        "content/de/budget.md"
    ]
    elsewhere = block.replace('["de"]', '["ja"]')
    assert not [f for f in codes(run(site, elsewhere, monkeypatch)) if f[1] == "TC101"]


def test_target_language_by_path(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = '[[overrides]]\npaths = ["content/ja/**"]\ntarget-lang = "de"\n'
    langs = run(site, toml, monkeypatch, select=("TC3",)).doc_langs
    assert langs["content/ja/budget.md"] == "de" and langs["content/nb/budget.md"] == "nb"
    assert run(site, "", monkeypatch, select=("TC3",)).doc_langs["content/ja/budget.md"] == "ja"


def test_same_report_in_several_processes(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = '[[overrides]]\nlanguages = ["nb"]\nignore = ["TC3"]\n'
    serial = codes(run(site, toml, monkeypatch, jobs=1))
    assert serial == codes(run(site, toml, monkeypatch, jobs=2))
    assert ("content/de/budget.md", "TC304", "error") in serial


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('fail-on = "error"\n\n[[overrides]]\nignore = ["TC3"]\n', 3, "needs paths or languages"),
        (
            '[[overrides]]\npaths = ["a/**"]\n\n[[overrides]]\nlanguages = ["de"]\ncolour = 1\n',
            6,
            "unknown setting 'colour'",
        ),
        ('[[overrides]]\nlanguages = ["de"]\nseverity = { TC304 = "loud" }\n', 3, "unknown severity 'loud'"),
        ('[[overrides]]\nlanguages = ["de", 5]\n', 2, "languages must be a list of strings"),
        ('[[overrides]]\nlanguages = ["xx-bad-"]\n', 2, "unknown language code"),
        ('[[overrides]]\nlanguages = ["de"]\ntarget-lang = "nb"\n', 3, "chosen by paths"),
        ("overrides = 3\n", 1, "overrides must be blocks"),
    ],
)
def test_errors_name_file_and_line(
    site: Path, monkeypatch: pytest.MonkeyPatch, toml: str, line: int, message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        run(site, toml, monkeypatch)
    assert f"tcheck.toml:{line}: " in str(caught.value)
    assert message in str(caught.value)


def test_cli_exits_2_with_one_line(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tcheck.cli import main

    (site / "tcheck.toml").write_text('[[overrides]]\nselect = ["TC1"]\n', encoding="utf-8")
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, ["check", ".", "--no-round-trip", "-q"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "tcheck.toml:1:" in result.output
