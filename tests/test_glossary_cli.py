"""``tcheck glossary lint`` / ``convert`` and glossary errors in ``tcheck check``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from helpers import FIXTURES
from tcheck.cli import main

G = FIXTURES / "glossaries"


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_lint_clean_file() -> None:
    result = _invoke("glossary", "lint", str(G / "basic-v2.tbx"))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{G / 'basic-v2.tbx'}: ok"


def test_lint_lists_every_error_with_file_and_line() -> None:
    result = _invoke("glossary", "lint", str(G / "bad-rows.csv"), str(G / "basic-v3.tbx"))
    assert result.exit_code == 2
    lines = result.stdout.strip().splitlines()
    assert lines[:4] == [
        f"{G / 'bad-rows.csv'}:4: error: empty target term",
        f"{G / 'bad-rows.csv'}:5: error: term 'NATO' is both allowed and forbidden",
        f"{G / 'bad-rows.csv'}:6: error: case_sensitive must be yes or no, not 'maybe'",
        f"{G / 'bad-rows.csv'}:7: error: empty term in column 'target'",
    ]
    assert lines[4] == f"{G / 'basic-v3.tbx'}: ok"  # the next file is still linted


def test_lint_warnings_only_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("# languages: nb -> en\nsource,target\nFN,UN\nFN,UN\n", encoding="utf-8")
    result = _invoke("glossary", "lint", str(path))
    assert result.exit_code == 1
    assert f"{path}:4: warning: duplicate entry: source term 'FN' is also at line 3" in result.stdout


def test_lint_missing_file() -> None:
    result = _invoke("glossary", "lint", "/nonexistent/terms.csv")
    assert result.exit_code == 2
    assert "no such file" in result.stdout


def test_convert(tmp_path: Path) -> None:
    out = tmp_path / "house.tbx"
    result = _invoke("glossary", "convert", str(G / "house.toml"), str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{out}: 3 entries written"
    assert _invoke("glossary", "lint", str(out)).exit_code == 0
    v2 = tmp_path / "house2.tbx"
    assert _invoke("glossary", "convert", "--tbx-version", "2", str(G / "house.toml"), str(v2)).exit_code == 0
    assert "<martif" in v2.read_text(encoding="utf-8")


def test_convert_malformed_is_one_line_exit_2(tmp_path: Path) -> None:
    result = _invoke("glossary", "convert", str(G / "bomb.tbx"), str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"tcheck: error: {G / 'bomb.tbx'}:3: refused unsafe XML (EntitiesForbidden: entities are not allowed)"
    )
    assert not (tmp_path / "x.csv").exists()


def test_check_with_malformed_glossary_exits_2_with_line(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("The UN met.\n", encoding="utf-8")
    result = _invoke("check", str(doc), "--target-lang", "en", "--glossary", str(G / "bad-columns.csv"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"tcheck: error: glossary {G / 'bad-columns.csv'}:2: unknown column 'forbiden' "
        "(known: id, source_lang, source, target_lang, target, admitted, forbidden, case_sensitive, dnt, note)"
    ]
    assert "Traceback" not in result.output


def test_check_with_tbx_glossary(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Russia asked the CTSO for help.\n", encoding="utf-8")
    result = _invoke(
        "check",
        str(doc),
        "--source-lang",
        "nb",
        "--target-lang",
        "en",
        "--no-default-glossaries",
        "--glossary",
        str(G / "basic-v2.tbx"),
        "--select",
        "TC101",
    )
    assert result.exit_code == 1
    assert "'CTSO' is a forbidden term (basic-v2.tbx:26); use 'CSTO'" in result.stdout
