"""Configuration discovery, validation and precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.config import Config, find_config, resolve
from tcheck.errors import UsageError
from tcheck.model import Severity


def test_defaults_without_file(tmp_path: Path) -> None:
    config = resolve({}, None, tmp_path)
    assert config == Config()


def test_pyproject_found_upward_and_paths_made_absolute(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "content"\n\n[tool.tcheck]\nsource-lang = "nb"\nglossary = ["terms/house.csv"]\n'
        '[tool.tcheck.severity]\nTC3 = "error"\nTC303 = "info"\n[tool.tcheck.options.TC303]\n'
        'assumed-currencies = ["USD"]\n',
        encoding="utf-8",
    )
    deep = tmp_path / "content" / "en"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    config = resolve({}, None, deep)
    assert config.source_lang == "nb"
    assert config.glossaries == (str((tmp_path / "terms" / "house.csv").resolve()),)
    assert config.severity_for("TC303", Severity.WARNING) is Severity.INFO
    assert config.severity_for("TC301", Severity.WARNING) is Severity.ERROR
    assert config.severity_for("TC101", Severity.WARNING) is Severity.WARNING
    assert config.option("TC303", "assumed-currencies", None) == ["USD"]


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_tcheck_toml_wins_and_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text(
        'target-lang = "de"\nselect = ["TC1"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    config = resolve({"select": ("TC2",), "fail-on": None}, None, tmp_path)
    assert config.target_lang == "de" and config.select == ("TC2",) and config.fail_on == "warning"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('colour = "red"\n', "unknown setting 'colour'"),
        ("select = 3\n", "select must be a list of strings"),
        ('fail-on = "often"\n', "fail-on must be one of"),
        ('[severity]\nTC1 = "fatal"\n', "unknown severity"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_invalid_files(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "tcheck.toml").write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        resolve({}, None, tmp_path)


def test_explicit_config_missing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="configuration file not found"):
        resolve({}, str(tmp_path / "nope.toml"), tmp_path)
