"""Bad configuration, glossaries, diffs, baselines and files: a one-line error with file and line
(exit 2), a TC001 finding, or a note, never an internal error."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import findings, run_paths
from tcheck import engine
from tcheck.ci.diff import changed_lines
from tcheck.cli import main
from tcheck.config import Config, resolve
from tcheck.errors import UsageError
from tcheck.services.cache import FILE_NAME, TranslationCache

ARTICLE = "Regjeringen la fram statsbudsjettet onsdag 19. januar 2022. Finansministeren var fornøyd.\n"


def invoke(folder: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _error(folder: Path, *args: str, stdin: str | None = None) -> str:
    code, _, err = invoke(folder, "check", "a.txt", "--target-lang", "nb", *args, stdin=stdin)
    assert code == 2, err
    assert err.startswith("tcheck: error: ") and err.count("\n") == 1 and "internal error" not in err
    return err


# -- configuration -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('target-lang = "nb"\n'.encode("utf-16"), "tcheck.toml:1: UTF-16 or binary text"),
        (b'target-lang = "nb"\nfail-on = "\xff"\n', "tcheck.toml:2: not UTF-8 text"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "tcheck.toml:1: invalid TOML: arrays or tables nested"),
        (b'fail-on = "error"\n\n[severity]\nfoo = "error"\n', "tcheck.toml:4: 'foo' is not a check code"),
        (b'[severity]\nTC999 = "error"\n', "tcheck.toml:2: no check has a code starting with 'TC999'"),
        (
            b'[options.po]\ninclude-fuzzy = "false"\n',
            "tcheck.toml:2: [options.po] include-fuzzy must be true or false",
        ),
        (b"select = [\n", "tcheck.toml:1: invalid TOML: Invalid value (at end of document)"),
    ],
)
def test_bad_configuration_files(folder: Path, data: bytes, expected: str) -> None:
    (folder / "tcheck.toml").write_bytes(data)
    assert expected in _error(folder)


def test_a_byte_order_mark_is_dropped(folder: Path) -> None:
    (folder / "tcheck.toml").write_bytes('\ufefffail-on = "never"\n'.encode())
    code, _, err = invoke(folder, "check", "a.txt", "--target-lang", "nb")
    assert code == 0, err


def test_pyproject_tool_tables_of_the_wrong_type(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool]\ntcheck = 5\n', encoding="utf-8")
    assert "pyproject.toml:5: [tool.tcheck] must be a table" in _error(folder)
    (folder / "pyproject.toml").write_text('tool = 5\n[project]\nname = "x"\n', encoding="utf-8")
    assert invoke(folder, "check", "a.txt", "--target-lang", "nb", "--fail-on", "never")[0] == 0


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "[options.TC303]\nassumed-currencies = 5\n",
            "[options.TC303] assumed-currencies must be a list of strings",
        ),
        (
            '[tool.tcheck.options.TC002]\nmin-confidence = "high"\n',
            "[options.TC002] min-confidence must be a number",
        ),
        ("[options.TC402]\nmin-words = 2.5\n", "[options.TC402] min-words must be a whole number"),
        ("[options.TC106]\nignore-case = 1\n", "[options.TC106] ignore-case must be true or false"),
    ],
)
def test_check_options_of_the_wrong_type(tmp_path: Path, table: str, expected: str) -> None:
    name = "pyproject.toml" if table.startswith("[tool.") else "tcheck.toml"
    (tmp_path / name).write_text("# settings\n\n" + table, encoding="utf-8")
    (tmp_path / "a.nb.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(
        "The government presented the budget on Wednesday, 19 January 2022. The minister was pleased.\n",
        encoding="utf-8",
    )
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(
            main, ["check", "a.en.txt", "--source", "a.nb.txt", "--source-lang", "nb"]
        )
    assert result.exit_code == 2, result.output
    assert f"{name}:4: {expected}" in result.stderr and "internal error" not in result.stderr


def test_option_accessor() -> None:
    config = Config(options={"TC302": {"min-grouping": 5, "mode": ["x"]}, "TC501": {"min-chrf": 40}})
    assert config.option("TC302", "min-grouping", 4, int) == 5
    assert config.option("TC501", "min-chrf", 35.0, float) == 40.0
    assert config.option("TC999", "anything", "default", int) == "default"  # a default is not checked
    with pytest.raises(UsageError, match=r"configuration: \[options.TC302\] mode must be a string"):
        config.option("TC302", "mode", "mixed", str)
    assert Config(options={"X": {"k": "USD"}}).option("X", "k", (), list) == ["USD"]


# -- glossaries ----------------------------------------------------------------------------------


def test_glossary_cell_over_the_csv_field_limit(folder: Path) -> None:
    (folder / "g.csv").write_text(
        '# languages: nb -> en\nsource,target\nbudsjett,budget\nlang,"' + "x" * 140_000 + '"\n', "utf-8"
    )
    assert "glossary g.csv:4: cannot read this row: field larger than field limit" in _error(
        folder, "--glossary", "g.csv"
    )


def test_deeply_nested_toml_glossary(folder: Path) -> None:
    (folder / "g.toml").write_text(
        'target-lang = "en"\n\n[[term]]\nsource = ' + "[" * 3000 + "]" * 3000 + "\n", "utf-8"
    )
    assert "glossary g.toml:4: invalid TOML: arrays or tables nested" in _error(
        folder, "--glossary", "g.toml"
    )


def test_toml_glossary_terms_that_are_not_tables(folder: Path) -> None:
    (folder / "g.toml").write_text('target-lang = "en"\nterm = [1, 2]\n', "utf-8")
    assert "each term must be a table" in _error(folder, "--glossary", "g.toml")


def test_glossaries_that_check_nothing_are_noted(folder: Path) -> None:
    (folder / "empty.csv").write_text("# languages: nb -> en\nsource,target\n", "utf-8")
    (folder / "defr.tsv").write_text("# languages: de -> fr\nsource\ttarget\nHaus\tmaison\n", "utf-8")
    (folder / "used.csv").write_text("# languages: nb -> en\nsource,target\nbudsjett,budget\n", "utf-8")
    args = ["check", "a.txt", "--source-lang", "nb", "--target-lang", "en", "--format", "json"]
    for name in ("empty.csv", "defr.tsv", "used.csv"):
        args += ["--glossary", name]
    _, out, err = invoke(folder, *args)
    assert "glossary empty.csv: no entries" in err
    assert "glossary defr.tsv (de/fr) fits no checked document (documents: nb->en)" in err
    assert "used.csv" not in err
    assert json.loads(out)["findings"] is not None


# -- diffs ---------------------------------------------------------------------------------------


def test_empty_diff_revision_is_an_error(folder: Path) -> None:
    assert "--diff needs a git revision or '-'" in _error(folder, "--diff", "")


def test_stdin_that_is_not_a_diff_is_an_error(folder: Path) -> None:
    assert "standard input is not a unified diff" in _error(
        folder, "--diff", "-", stdin="fix typo in a.txt\n"
    )


def test_an_empty_diff_means_nothing_changed(folder: Path) -> None:
    assert changed_lines("-", "").files == {}


def test_quoted_diff_path_with_an_escape_beyond_a_byte(folder: Path) -> None:
    diff = '--- a/a.txt\n+++ "b/\\777.txt"\n@@ -1 +1 @@\n+x\n'
    assert "--diff -: standard input:2: invalid escape '\\777'" in _error(folder, "--diff", "-", stdin=diff)
    good = '--- a/a.txt\n+++ "b/\\303\\270.txt"\n@@ -1 +1 @@\n+x\n'
    assert any(p.endswith("ø.txt") for p in changed_lines("-", good).files)


# -- baselines -----------------------------------------------------------------------------------


def _baseline(entries: str) -> str:
    return '{\n  "tcheck_baseline": 1,\n  "findings": [\n' + entries + "\n  ]\n}\n"


ENTRY = '    {{"path": "a.txt", "code": "TC101", "fingerprint": "abc", "count": {count}}}'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "base.json:1: cannot read baseline: invalid JSON: nested",
        ),
        (
            _baseline(ENTRY.format(count="9" * 5000)),
            "base.json:4: cannot read baseline: invalid JSON: Exceeds the limit",
        ),
        (
            _baseline(ENTRY.format(count=1) + ",\n" + ENTRY.format(count=-5)),
            "base.json:5: baseline entry 2: count must be",
        ),
        (_baseline(ENTRY.format(count=1.5)), "base.json:4: baseline entry 1: count must be a whole number"),
        (_baseline('    {"path": 3}'), "base.json:4: baseline entry 1 lacks path, code or fingerprint"),
    ],
)
def test_bad_baselines(folder: Path, text: str, expected: str) -> None:
    (folder / "base.json").write_text(text, encoding="utf-8")
    assert expected in _error(folder, "--baseline", "base.json")


# -- checked files -------------------------------------------------------------------------------


def test_nul_after_the_first_8_kb_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(ARTICLE.encode() * 200 + b"tail\x00end\n")
    result = run_paths([path], target_lang="nb")
    (finding,) = findings(result, "TC001")
    assert "binary file, not text (a NUL byte at byte" in finding["message"]
    clean = tmp_path / "clean.txt"
    clean.write_bytes(ARTICLE.encode() * 200)
    assert findings(run_paths([clean], target_lang="nb"), "TC001") == []


def test_a_folder_that_cannot_be_read_is_tc001(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked").mkdir()  # its files cannot be listed
    real_access = engine.os.access
    monkeypatch.setattr(engine.os, "access", lambda p, mode: "locked" not in str(p) and real_access(p, mode))
    result = run_paths([tmp_path], target_lang="nb")
    (finding,) = findings(result, "TC001")
    assert finding["path"].endswith("locked") and result.files_checked == 1


# -- translation cache ---------------------------------------------------------------------------


def test_another_programs_database_is_neither_used_nor_changed(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices VALUES (1, 99.5)")
    conn.close()
    before = path.read_bytes()
    cache = TranslationCache(path)
    assert cache.path is None and "another program's database (tables invoices)" in cache.warnings[0]
    cache.put_many("m", "nb>en", [("hei", "hello")])
    assert cache.get_many("m", "nb>en", ["hei"]) == {"hei": "hello"}
    cache.close()
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_a_table_named_like_ours_with_other_columns_is_foreign(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (name TEXT, size INTEGER, owner TEXT)")
    conn.close()
    cache = TranslationCache(path)
    assert cache.path is None and "a table meta with columns name, size, owner" in cache.warnings[0]


def test_resolve_reports_the_command_line_for_its_own_values(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="command line: fail-on must be one of"):
        resolve({"fail-on": "often"}, None, tmp_path)
