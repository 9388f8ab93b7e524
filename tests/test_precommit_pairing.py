"""The pre-commit hook checks a staged translation with its original from the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sites import hugo_site

from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "tcheck")


def test_hook_takes_every_text_format_tcheck_reads() -> None:
    pattern = re.compile(_hook()["files"])
    for name in ("i18n/de/docs/intro.mdx", "page.ja.html", "app.de.xlf", "nb.po", "memory.tmx", "a.md"):
        assert pattern.search(name), name
    assert not pattern.search("hugo.toml") and not pattern.search("script.js")


def test_staged_translation_is_checked_with_its_unstaged_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    site = hugo_site(tmp_path / "site")
    monkeypatch.chdir(site)
    monkeypatch.setenv("HOME", str(tmp_path))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "site"], check=True)
    page = site / "content" / "de" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("seit 1998", "seit 1989"), encoding="utf-8")
    subprocess.run([*git, "add", str(page)], check=True)
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only"], check=True, capture_output=True, text=True
    ).stdout.split()
    assert staged == ["content/de/about.md"]  # the English original is not staged
    hook = _hook()
    args = [*hook["entry"].split()[1:], *hook.get("args", []), "--no-round-trip", "-j", "1", *staged]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "content/de/about.md:5:" in result.stdout and "TC301" in result.stdout
    assert "'1989' is not in the source" in result.stdout
