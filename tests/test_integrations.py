"""The pre-commit hooks and the composite GitHub Action: their commands run and do what they say."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tcheck.cli import main

yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"
TCHECK = Path(sys.executable).parent / "tcheck"


def load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_pre_commit_hooks_are_well_formed() -> None:
    hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}
    assert set(hooks) == {"tcheck", "tcheck-diff"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["entry"].split()[0] == "tcheck"  # the console script of [project.scripts]
        assert {"id", "name", "entry", "language"} <= set(hook)
        pattern = re.compile(hook["files"])
        assert pattern.search("docs/post.nb.md") and pattern.search("a.txt") and not pattern.search("a.py")
    assert hooks["tcheck-diff"]["pass_filenames"] is False


def test_pre_commit_hook_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each hook's command line the way pre-commit builds it (entry + args + file names)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hooks = {h["id"]: h for h in load(".pre-commit-hooks.yaml")}
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "tcheck.toml").write_text('source-lang = "nb"\n', encoding="utf-8")
    shutil.copy(SEED, tmp_path / "article.en.txt")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True)

    plain = hooks["tcheck"]
    result = CliRunner().invoke(main, [*plain["entry"].split()[1:], *plain.get("args", []), "article.en.txt"])
    assert result.exit_code == 1 and "TC101" in result.stdout

    changed = hooks["tcheck-diff"]
    args = [*changed["entry"].split()[1:], *changed.get("args", [])]
    assert CliRunner().invoke(main, args).exit_code == 0  # nothing changed since HEAD
    text = (tmp_path / "article.en.txt").read_text(encoding="utf-8")
    (tmp_path / "article.en.txt").write_text(
        text.replace("The CSTO collective", "The CTSO collective"), "utf-8"
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert [line.split(":")[1] for line in result.stdout.splitlines() if "TC101" in line] == ["65"]


def _step(action: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in action["runs"]["steps"] if s.get("name") == name)


def test_action_is_a_composite_action() -> None:
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "diff", "baseline", "fail-on", "upload-sarif", "sarif-file"} <= set(
        action["inputs"]
    )
    uses = [s["uses"] for s in action["runs"]["steps"] if "uses" in s]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"]  # inputs reach scripts through env, never spliced in
    assert "--format github" in _step(action, "Run tcheck")["run"]
    assert "pip install" in _step(action, "Install tcheck")["run"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(("fail_on", "status"), [("error", "1"), ("never", "0")])
def test_action_run_step(tmp_path: Path, fail_on: str, status: str) -> None:
    """The action's main script, with the inputs GitHub would set, on the seed article."""
    if not TCHECK.exists():
        pytest.skip(f"no tcheck console script next to {sys.executable}")
    script = _step(load("action.yml"), "Run tcheck")["run"]
    shutil.copy(SEED, tmp_path / "article.en.txt")
    outputs = tmp_path / "github-output"
    outputs.touch()
    env = {
        **os.environ,
        "PATH": f"{TCHECK.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_OUTPUT": str(outputs),
        "TCHECK_PATHS": "article.en.txt",
        "TCHECK_ARGS": "--source-lang nb --select TC1,TC2",
        "TCHECK_DIFF": "",
        "TCHECK_BASELINE": "",
        "TCHECK_FAIL_ON": fail_on,
        "TCHECK_SARIF": "tcheck.sarif",
    }
    done = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert dict(line.split("=", 1) for line in outputs.read_text().split()) == {
        "sarif": "true",
        "exit-code": status,
    }
    sarif = json.loads((tmp_path / "tcheck.sarif").read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"TC101", "TC202"}
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert any(a.startswith("::error file=article.en.txt,line=61,") and "TC101" in a for a in annotations)
