"""tcheck init: a configuration that loads, a starter glossary that loads and finds things."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck import glossary
from tcheck.cli import main
from tcheck.config import load_file
from tcheck.project.starter_glossary import starter_rows


def test_init_writes_a_working_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "--source-lang", "nb", "--target-lang", "en"])
    assert result.exit_code == 0, result.output
    assert "no language layout found (0 files)" in result.output
    assert "wrote tcheck.toml\nwrote glossaries/nb-en.csv\n" in result.output
    settings = load_file(tmp_path / "tcheck.toml")
    assert settings["source_lang"] == "nb" and settings["target_lang"] == "en"
    assert settings["glossaries"] == (str(tmp_path / "glossaries" / "nb-en.csv"),)
    assert settings["fail_on"] == "error"
    config_text = (tmp_path / "tcheck.toml").read_text(encoding="utf-8")
    for key in ("select", "ignore", "exclude", "format", "jobs", "baseline", "[severity]", "[options.TC303]"):
        assert f"# {key}" in config_text  # every setting is shown, commented out
    loaded = glossary.load(str(tmp_path / "glossaries" / "nb-en.csv"))
    terms = {e.target_terms[0].text for e in loaded.entries}
    assert {"Norway", "Sweden", "United Kingdom"} <= terms

    (tmp_path / "article.txt").write_text(
        "Wednesday, January 19\n\nThe prime minister of Norge spoke to the nation on Wednesday.\n",
        encoding="utf-8",
    )
    checked = CliRunner().invoke(main, ["check", "article.txt", "--format", "json"])
    report = json.loads(checked.stdout)
    found = [(f["code"], f["line"], f["suggestion"]) for f in report["findings"] if f["code"] == "TC101"]
    assert found == [("TC101", 3, "Norway")]


def test_other_pairs_use_cldr_names() -> None:
    rows = {r.id: r for r in starter_rows("de", "fr")}
    assert rows["country-de"].source == "Deutschland" and rows["country-de"].target == "Allemagne"
    assert rows["country-de"].forbidden == "Deutschland"
    assert rows["country-li"].forbidden == ""  # Liechtenstein is spelled the same
    zh = {r.id: r for r in starter_rows("zh", "en")}
    assert zh["country-cn"].source == "中国" and zh["country-cn"].target == "China"
    fr = [r.id for r in starter_rows("fr", "nb")]
    assert fr[0] == "country-fr"  # the language's main country first


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["init", "--source-lang", "nb", "--target-lang", "en", "--dir", str(tmp_path)]
    assert runner.invoke(main, args).exit_code == 0
    (tmp_path / "tcheck.toml").write_text("# mine\n", encoding="utf-8")
    again = runner.invoke(main, args)
    assert again.exit_code == 2
    assert "already exist" in again.stderr and "--force" in again.stderr
    assert (tmp_path / "tcheck.toml").read_text(encoding="utf-8") == "# mine\n"
    assert runner.invoke(main, [*args, "--force"]).exit_code == 0
    assert "source-lang" in (tmp_path / "tcheck.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [("xx-nope", "en", "unknown language code"), ("nb", "no", "both 'nb'")],
)
def test_bad_languages(tmp_path: Path, source: str, target: str, message: str) -> None:
    result = CliRunner().invoke(
        main, ["init", "--source-lang", source, "--target-lang", target, "--dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "tcheck.toml").exists()
