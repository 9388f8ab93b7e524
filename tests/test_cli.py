"""The command line: formats, exit status, rules/explain, bad input without tracebacks."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"

NB_TEXT = "Regjeringen i Oslo la fram statsbudsjettet onsdag. Finansministeren var fornøyd.\n"


def invoke(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    with contextlib.chdir(cwd or Path.cwd()):
        result = runner.invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, tcheck.cli\n"
        "heavy = [m for m in ('babel', 'langdetect', 'markdown_it', 'ahocorasick', 'sacrebleu',"
        " 'argostranslate', 'rapidfuzz') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_check_seed_json_exit_1() -> None:
    code, out, _ = invoke("check", str(SEED), "--source-lang", "nb", "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert {f["code"] for f in report["findings"]} >= {"TC101", "TC202", "TC303"}


def test_fail_on_levels() -> None:
    assert invoke("check", str(SEED), "--source-lang", "nb", "--fail-on", "never")[0] == 0
    code, out, _ = invoke(
        "check", str(SEED), "--source-lang", "nb", "--select", "TC303", "--fail-on", "error"
    )
    assert code == 0 and "TC303" in out
    assert (
        invoke("check", str(SEED), "--source-lang", "nb", "--select", "TC303", "--fail-on", "warning")[0] == 1
    )


def test_select_and_ignore_by_prefix() -> None:
    _, out, _ = invoke(
        "check",
        str(SEED),
        "--source-lang",
        "nb",
        "--select",
        "TC1,TC2",
        "--ignore",
        "TC202",
        "--format",
        "json",
    )
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert "TC101" in codes and "TC202" not in codes and "TC303" not in codes


def test_no_default_glossaries_drops_tc101() -> None:
    _, out, _ = invoke(
        "check", str(SEED), "--source-lang", "nb", "--no-default-glossaries", "--format", "json"
    )
    assert "TC101" not in {f["code"] for f in json.loads(out)["findings"]}


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = invoke(
        "check", str(SEED), "--source-lang", "nb", "--format", "json", "--output", str(target)
    )
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_rules_and_explain() -> None:
    code, out, _ = invoke("rules")
    assert code == 0
    assert "TC101  forbidden-term" in out and "TC202" in out and "TC303" in out
    code, out, _ = invoke("explain", "tc303")
    assert code == 0 and "What it does" in out and "NOK 5,000" in out
    code, out, _ = invoke("explain", "weekday-contradiction")
    assert code == 0 and out.startswith("TC202")
    code, _, err = invoke("explain", "TC999")
    assert code == 2 and "unknown check" in err


def test_missing_path_is_usage_error() -> None:
    code, _, err = invoke("check", "does/not/exist.txt")
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file or directory" in err


def test_unknown_language_code() -> None:
    code, _, err = invoke("check", str(SEED), "--source-lang", "xx-nonsense")
    assert code == 2 and "unknown language code" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02\x03PNG", "binary file"),
        ("latin1.txt", "Bl\u00e5b\u00e6r".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_reported_and_rest_checked(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("The summit was held in Oslo. Leaders from the CTSO attended.\n", encoding="utf-8")
    code, out, err = invoke(
        "check", str(tmp_path), "--source-lang", "nb", "--target-lang", "en", "--format", "json"
    )
    report = json.loads(out)
    assert code == 1 and err == ""
    bad = [f for f in report["findings"] if f["code"] == "TC001"]
    assert len(bad) == 1 and reason in bad[0]["message"] and bad[0]["path"].endswith(name)
    assert any(f["code"] == "TC101" and f["path"].endswith("good.txt") for f in report["findings"])
    assert report["summary"]["files"] == 1


def test_empty_file_is_not_unreadable(tmp_path: Path) -> None:
    """An empty page is nothing to check (TC404 reports it when it is a translation), not TC001."""
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Møtet ble holdt i Oslo tirsdag.\n", encoding="utf-8")
    code, out, _ = invoke("check", str(tmp_path), "--target-lang", "nb", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["findings"] == [] and report["summary"]["files"] == 2


def test_malformed_glossary_reports_line(tmp_path: Path) -> None:
    glossary = tmp_path / "bad.csv"
    glossary.write_text("# languages: nb -> en\nsource,target,colour\nFN,UN,red\n", encoding="utf-8")
    code, _, err = invoke("check", str(SEED), "--glossary", str(glossary))
    assert code == 2
    assert f"{glossary}:2" in err and "unknown column 'colour'" in err
    assert err.count("\n") == 1


def test_directory_with_exclude(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.md").write_text(NB_TEXT, encoding="utf-8")
    (tmp_path / "notes.rst").write_text(NB_TEXT, encoding="utf-8")
    _, out, _ = invoke("check", str(tmp_path), "--format", "json")
    assert json.loads(out)["summary"]["files"] == 2
    _, out, _ = invoke("check", str(tmp_path), "--format", "json", "--exclude", "drafts/*")
    assert json.loads(out)["summary"]["files"] == 1


def test_config_file_and_cli_precedence(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "Onsdag 19. januar\n\nNyhetsbyrået meldte tidligere torsdag om skyting. Lønnen er 500 pesos.\n",
        encoding="utf-8",
    )
    (tmp_path / "tcheck.toml").write_text(
        'target-lang = "nb"\nselect = ["TC303"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    code, out, _ = invoke("check", str(doc), "--format", "json", cwd=tmp_path)
    report = json.loads(out)
    assert {f["code"] for f in report["findings"]} == {"TC303"} and code == 1
    code, out, _ = invoke("check", str(doc), "--format", "json", "--select", "TC2", cwd=tmp_path)
    assert {f["code"] for f in json.loads(out)["findings"]} == {"TC202"}


def test_bad_config_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(NB_TEXT, encoding="utf-8")
    code, _, err = invoke("check", str(doc), cwd=tmp_path)
    assert code == 2 and "fail-on must be one of" in err


def test_checked_file_is_never_modified(tmp_path: Path) -> None:
    doc = tmp_path / "article.txt"
    doc.write_bytes(SEED.read_bytes())
    before = doc.read_bytes()
    invoke("check", str(doc), "--source-lang", "nb", "--format", "sarif")
    assert doc.read_bytes() == before
