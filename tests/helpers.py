"""Helpers shared by the test modules: run tcheck in-process on files or text."""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tcheck import app
from tcheck.config import Config, resolve
from tcheck.engine import RunResult
from tcheck.reporters import located

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHECK_FIXTURES = FIXTURES / "checks"


def run_paths(paths: Sequence[str | Path], source: str | Path | None = None, **settings: Any) -> RunResult:
    """Run tcheck on ``paths`` with settings given as CLI-style keys (``source_lang="nb"``)."""
    cli = {k.replace("_", "-"): v for k, v in settings.items()}
    config = resolve(cli, None, Path(paths[0]).parent if paths else Path.cwd())
    if "default-glossaries" not in cli:
        config = replace(config, default_glossaries=False)
    return app.check([str(p) for p in paths], config, str(source) if source else None)


def run_text(tmp_path: Path, text: str, name: str = "doc.txt", **settings: Any) -> RunResult:
    """Write ``text`` to a file in ``tmp_path`` and check it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_paths([path], **settings)


def findings(result: RunResult, code: str | None = None) -> list[dict[str, Any]]:
    """Located findings (the JSON contract), optionally of one code (prefix)."""
    return [located(result, f) for f in result.findings if code is None or f.code.startswith(code)]


def flagged_texts(result: RunResult, text: str, code: str) -> list[str]:
    """The text each finding of ``code`` points at in ``text`` (the checked file's text), in order."""
    return [text[f["offset"] : f["end_offset"]] for f in findings(result, code)]


def check_here(*args: str) -> tuple[int, str]:
    """``tcheck check . --jobs 1 --format json ARGS`` through the CLI: exit status and output."""
    from click.testing import CliRunner

    from tcheck.cli import main

    result = CliRunner().invoke(main, ["check", ".", "--jobs", "1", "--format", "json", *args])
    return result.exit_code, result.stdout


def fixture_settings(path: Path) -> dict[str, Any]:
    """Settings of a check fixture from its sidecar ``<name>.toml`` (paths relative to it)."""
    sidecar = path.with_suffix(".toml")
    if not sidecar.exists():
        return {}
    data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    for key in ("glossary",):
        if key in data:
            values = data[key] if isinstance(data[key], list) else [data[key]]
            data[key] = [str((sidecar.parent / v).resolve()) for v in values]
    if "source" in data:
        data["source"] = str((sidecar.parent / data["source"]).resolve())
    return data


def run_fixture(path: Path) -> RunResult:
    settings = fixture_settings(path)
    settings.pop("expect", None)
    source = settings.pop("source", None)
    models = settings.pop("models", None)  # tiny Argos models to install, e.g. ["en>nb", "nb>en"]
    if models is None:
        return run_paths([path], source=source, **settings)
    from roundtrip_model import installed_models

    with installed_models(models), tempfile.TemporaryDirectory() as cache:
        return run_paths([path], source=source, round_trip="on", cache_dir=cache, **settings)


def default_config(**overrides: Any) -> Config:
    return replace(Config(default_glossaries=False), **overrides)


def cached_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: Mapping[str, str]) -> Path:
    """``pages`` (relative path -> text) written under ``tmp_path/site``, made the current folder,
    with the result cache on in a cache folder of its own."""
    root = tmp_path / "site"
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "on")
    monkeypatch.chdir(root)
    return root
