"""Changed-lines mode (--diff REV, --diff -) and its combination with a baseline, in a real git repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tcheck.ci.diff import ChangedLines, from_patch, parse_unified
from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"
EDITED_LINE = 65  # "The CSTO collective security pact is a military alliance ..."

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=tcheck tests", "-c", "user.email=tests@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the seed article committed, as the current folder."""
    root = tmp_path / "content"
    root.mkdir()
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    git(root, "init", "-q")
    shutil.copy(SEED, root / "article.en.txt")
    git(root, "add", "article.en.txt")
    git(root, "commit", "-q", "-m", "seed")
    monkeypatch.chdir(root)
    return root


def edit_line(path: Path, number: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def check(*args: str, stdin: str | None = None) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(
        main, ["check", "article.en.txt", "--source-lang", "nb", "--format", "json", *args], input=stdin
    )
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def the_new_ctso(report: dict[str, Any], repo: Path, line: int = EDITED_LINE) -> None:
    """Every reported finding is the CTSO put into ``line``, and one of them is the forbidden-term one."""
    text = (repo / "article.en.txt").read_text(encoding="utf-8").split("\n")
    assert report["findings"], "the new CTSO was not reported"
    for f in report["findings"]:
        assert f["line"] == line
        assert text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "CTSO"
    assert [f["code"] for f in report["findings"] if f["code"] == "TC101"] == ["TC101"]


def test_diff_head_reports_exactly_the_new_finding(repo: Path) -> None:
    _, before, _ = check()
    assert len(before["findings"]) >= 6  # the seed's own problems, all on unchanged lines
    edit_line(repo / "article.en.txt", EDITED_LINE, "The CSTO", "The CTSO")
    code, report, notes = check("--diff", "HEAD")
    assert code == 1
    the_new_ctso(report, repo)
    assert notes == ""  # machine formats keep stderr quiet; the text report says what was left out
    text = CliRunner().invoke(main, ["check", "article.en.txt", "--source-lang", "nb", "--diff", "HEAD"])
    assert "findings outside the changed lines not shown" in text.stdout
    assert report["summary"]["files"] == 1


def test_diff_with_no_changes_reports_nothing(repo: Path) -> None:
    code, report, _ = check("--diff", "HEAD")
    assert code == 0
    assert report["findings"] == []


def test_document_level_checks_still_read_the_whole_document(repo: Path) -> None:
    """A weekday added on a changed line contradicts the dateline on (unchanged) line 1."""
    edit_line(
        repo / "article.en.txt",
        63,
        "Kassym-Jomart Tokayev is President of Kazakhstan.",
        "Kassym-Jomart Tokayev, President of Kazakhstan, spoke to the nation earlier on Thursday.",
    )
    _, report, _ = check("--diff", "HEAD", "--select", "TC202")
    assert [(f["code"], f["line"]) for f in report["findings"]] == [("TC202", 63)]
    assert report["findings"][0]["related"][0]["line"] == 1


def test_baseline_written_before_the_edit_shows_only_the_new_finding(repo: Path) -> None:
    code, report, notes = check("--write-baseline", "tcheck-baseline.json")
    assert code == 0 and report["findings"] == []
    assert "wrote" in notes
    edit_line(repo / "article.en.txt", EDITED_LINE, "The CSTO", "The CTSO")
    # An unrelated edit above every old finding: line numbers move, fingerprints do not.
    text = (repo / "article.en.txt").read_text(encoding="utf-8")
    (repo / "article.en.txt").write_text(text.replace("\n", "\n\nA new paragraph.\n", 1), encoding="utf-8")
    code, report, notes = check("--baseline", "tcheck-baseline.json")
    assert code == 1
    the_new_ctso(report, repo, EDITED_LINE + 2)
    assert "no longer occur" not in notes
    _, both, _ = check("--baseline", "tcheck-baseline.json", "--diff", "HEAD")
    assert both["findings"] == report["findings"]


def test_diff_from_stdin(repo: Path) -> None:
    edit_line(repo / "article.en.txt", EDITED_LINE, "The CSTO", "The CTSO")
    patch = git(repo, "diff", "HEAD")
    _, report, _ = check("--diff", "-", stdin=patch)
    the_new_ctso(report, repo)


def test_untracked_files_count_as_wholly_changed(repo: Path) -> None:
    shutil.copy(repo / "article.en.txt", repo / "copy.en.txt")
    result = CliRunner().invoke(
        main, ["check", ".", "--source-lang", "nb", "--format", "json", "--diff", "HEAD", "--select", "TC101"]
    )
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"copy.en.txt"}


def test_bad_revision_and_no_repository_are_one_line_errors(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = CliRunner().invoke(main, ["check", "article.en.txt", "--diff", "no-such-rev"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "tcheck: error: --diff: unknown git revision 'no-such-rev'"
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.txt").write_text("Hello.\n", encoding="utf-8")
    monkeypatch.chdir(outside)
    result = CliRunner().invoke(main, ["check", "a.txt", "--diff", "HEAD"])
    assert result.exit_code == 2
    assert "--diff" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


PATCH = """\
diff --git a/docs/a.md b/docs/a.md
index 1111111..2222222 100644
--- a/docs/a.md
+++ b/docs/a.md
@@ -3,2 +3,3 @@ heading
 context
-old line
+new line
+added line
@@ -10 +11,0 @@
--- removed line that starts with dashes
diff --git a/new.txt b/new.txt
new file mode 100644
--- /dev/null
+++ b/new.txt
@@ -0,0 +1,2 @@
+one
+two
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"
--- "a/caf\\303\\251.txt"
+++ "b/caf\\303\\251.txt"
@@ -1 +1 @@
-x
+y
"""


def test_parse_unified() -> None:
    files = parse_unified(PATCH)
    assert files["docs/a.md"] == frozenset({4, 5})
    assert -1 in files["new.txt"]
    assert "gone.txt" not in files
    assert files["café.txt"] == frozenset({1})


def test_plain_diff_without_prefixes() -> None:
    patch = "--- a.txt\t2024-01-01\n+++ a.txt\t2024-01-02\n@@ -1,3 +1,3 @@\n x\n-y\n+z\n w\n"
    assert parse_unified(patch) == {"a.txt": frozenset({2})}


def test_stdin_paths_match_from_a_sub_folder(tmp_path: Path) -> None:
    changed: ChangedLines = from_patch(PATCH, tmp_path / "elsewhere")
    assert changed.lines_for(str(tmp_path / "site" / "docs" / "a.md")) == frozenset({4, 5})
    assert changed.lines_for(str(tmp_path / "site" / "other" / "a.md")) is None


def test_git_is_asked_about_the_checked_paths_only(repo: Path) -> None:
    from tcheck.ci.diff import from_git

    (repo / "docs").mkdir()
    (repo / "docs" / "guide.de.md").write_text(
        "# Anleitung\n\nDie OVKS tagte am Mittwoch.\n", encoding="utf-8"
    )
    (repo / "blog").mkdir()
    (repo / "blog" / "post.fr.md").write_text("# Billet\n\nL'OTSC s'est réunie mercredi.\n", encoding="utf-8")
    edit_line(repo / "article.en.txt", EDITED_LINE, "CSTO", "CTSO")
    everything = from_git("HEAD", repo)
    docs_only = from_git("HEAD", repo, ["docs"])
    assert {Path(p).name for p in everything.files} == {"article.en.txt", "guide.de.md", "post.fr.md"}
    assert {Path(p).name for p in docs_only.files} == {"guide.de.md"}


def test_a_repository_checked_from_outside_it(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``tcheck check ../site/article.en.txt --diff HEAD`` run from another folder asks the
    repository that holds the checked file, not the current folder."""
    edit_line(repo / "article.en.txt", EDITED_LINE, "The CSTO", "The CTSO")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(
        main,
        ["check", str(repo / "article.en.txt"), "--source-lang", "nb", "--format", "json", "--diff", "HEAD"],
    )
    assert result.exit_code == 1, result.output
    lines = {f["line"] for f in json.loads(result.stdout)["findings"]}
    assert lines == {EDITED_LINE}
