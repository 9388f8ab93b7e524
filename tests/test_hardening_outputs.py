"""tcheck never writes over a file it reads: --output, --write-baseline, glossary convert."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck.cli import main

ARTICLE = "Regjeringen la fram budsjettet onsdag 19. januar. Finansministeren var fornøyd.\n"
OTHER = "Statsministeren kom torsdag. Hun ble møtt av pressen.\n"
GLOSSARY = "# languages: nb -> en\n# house terms\nsource,target,forbidden\nstatsbudsjett,national budget,state budget\n"


def invoke(folder: Path, *args: str) -> tuple[int, str]:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "tcheck.toml").write_text('target-lang = "nb"\ndefault-glossaries = false\n', "utf-8")
    return tmp_path


def _unchanged(repo: Path) -> None:
    assert (repo / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert (repo / "b.md").read_text(encoding="utf-8") == OTHER
    assert (repo / "g.csv").read_text(encoding="utf-8") == GLOSSARY


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", ".", "--output", "a.txt"], "--output a.txt: is a checked file"),
        (["check", ".", "--write-baseline", "b.md"], "--write-baseline b.md: is a checked file"),
        (["check", "a.txt", "--glossary", "g.csv", "--output", "g.csv"], "is a glossary"),
        (["check", "a.txt", "--output", "tcheck.toml"], "is the configuration file"),
        (["check", "a.txt", "--source", "b.md", "--output", "b.md"], "is the source file"),
        (
            ["check", "a.txt", "--write-baseline", "base.json", "--output", "base.json"],
            "the baseline being written",
        ),
    ],
)
def test_a_destination_that_is_read_is_refused(repo: Path, args: list[str], message: str) -> None:
    before = (repo / "tcheck.toml").read_text(encoding="utf-8")
    code, err = invoke(repo, *args)
    assert code == 2 and message in err and err.count("\n") == 1
    _unchanged(repo)
    assert (repo / "tcheck.toml").read_text(encoding="utf-8") == before
    assert not (repo / "base.json").exists()


def test_the_baseline_read_is_not_a_report_destination(repo: Path) -> None:
    assert invoke(repo, "check", "a.txt", "--write-baseline", "base.json")[0] == 0
    recorded = (repo / "base.json").read_text(encoding="utf-8")
    code, err = invoke(repo, "check", "a.txt", "--baseline", "base.json", "--output", "base.json")
    assert code == 2 and "is the baseline read" in err
    assert (repo / "base.json").read_text(encoding="utf-8") == recorded
    # rewriting the baseline itself is how it is kept up to date
    assert invoke(repo, "check", "a.txt", "--baseline", "base.json", "--write-baseline", "base.json")[0] == 0


def test_a_link_to_a_checked_file_is_refused(repo: Path) -> None:
    os.symlink(repo / "a.txt", repo / "link.txt")
    code, err = invoke(repo, "check", "a.txt", "--output", "link.txt")
    assert code == 2 and "is a checked file (a.txt)" in err
    _unchanged(repo)


def test_other_destinations_are_written(repo: Path) -> None:
    code, _ = invoke(repo, "check", "a.txt", "--output", "report.txt", "--write-baseline", "base.json")
    assert code in (0, 1)
    assert (repo / "report.txt").exists() and (repo / "base.json").exists()


def test_glossary_convert_in_place_needs_the_flag(repo: Path) -> None:
    code, err = invoke(repo, "glossary", "convert", "g.csv", "./g.csv")
    assert code == 2 and "is the glossary converted" in err and "refusing to overwrite" in err
    _unchanged(repo)
    code, _ = invoke(repo, "glossary", "convert", "g.csv", "g.csv", "--in-place")
    assert code == 0
    rewritten = (repo / "g.csv").read_text(encoding="utf-8")
    assert "house terms" not in rewritten and "national budget" in rewritten


def test_glossary_convert_to_another_file(repo: Path) -> None:
    code, _ = invoke(repo, "glossary", "convert", "g.csv", "g.toml")
    assert code == 0 and 'target = "national budget"' in (repo / "g.toml").read_text(encoding="utf-8")
    _unchanged(repo)
