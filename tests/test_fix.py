"""Safe fixes: ``tcheck check --fix`` applies only certain fixes and keeps every other byte."""

from __future__ import annotations

import codecs
import difflib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tcheck.cli import main
from tcheck.engine import RunResult
from tcheck.fix import plan
from tcheck.model import Finding, Fix, LineIndex, Severity, Span

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-unrest.en.txt"

GERMAN_GLOSSARY = """# languages: nb -> de
id,source,target,forbidden,case_sensitive,dnt,note
nato,NATO,NATO,OTAN,yes,no,
kanzler,statsminister,Bundeskanzler,Kanzlerpräsident,no,no,
"""

GERMAN = (
    "Die OTAN verstärkt ihre Präsenz an der Ostflanke.\n"
    "Der Kanzlerpräsident traf sich am Dienstag mit dem Generalsekretär der NATO.\n"
)


def run(args: list[str], cwd: Path, stdin: bytes | None = None) -> Result:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return CliRunner().invoke(main, ["check", "--no-cache", "-q", *args], input=stdin)


def codes(cwd: Path, name: str, *extra: str) -> list[str]:
    out = run([name, "--format", "json", *extra], cwd)
    return [f["code"] for f in json.loads(out.stdout)["findings"]]


def changed_spans(before: str, after: str) -> list[tuple[str, str]]:
    """The replaced pieces of text between ``before`` and ``after``."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def _pieces_exact(seed: str, after: str) -> bool:
    """Every change is one of the six fixes: the text equals the seed with exactly those spans."""
    expected = (
        seed.replace("CTSO", "CSTO").replace("2300 people", "2,300 people").replace("Over 1000", "Over 1,000")
    )
    return after == expected and seed.count("CTSO") == 3 and seed.count("2300 people") == 2


def test_seed_fix_removes_tc101_and_tc302_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "seed.en.txt").write_bytes(SEED.read_bytes())
    before = codes(tmp_path, "seed.en.txt")
    assert before.count("TC101") == 3 and before.count("TC302") == 3
    result = run(["seed.en.txt", "--fix"], tmp_path)
    assert "fixed 6 findings" in result.stderr
    seed = SEED.read_text(encoding="utf-8")
    after_text = (tmp_path / "seed.en.txt").read_text(encoding="utf-8")
    assert _pieces_exact(seed, after_text)
    after = codes(tmp_path, "seed.en.txt")
    assert "TC101" not in after and "TC302" not in after
    assert sorted(after) == sorted(c for c in before if c not in ("TC101", "TC302"))


def test_show_fixes_prints_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "seed.en.txt").write_bytes(SEED.read_bytes())
    result = run(["seed.en.txt", "--show-fixes"], tmp_path)
    assert result.exit_code == 1
    assert "-2300 people arrested in Almaty." in result.stdout
    assert "+2,300 people arrested in Almaty." in result.stdout
    assert (tmp_path / "seed.en.txt").read_bytes() == SEED.read_bytes()


def test_german_glossary_fix_keeps_crlf_and_bom(tmp_path: Path) -> None:
    (tmp_path / "de.csv").write_text(GERMAN_GLOSSARY, encoding="utf-8")
    data = codecs.BOM_UTF8 + GERMAN.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "artikel.de.txt").write_bytes(data)
    args = ["artikel.de.txt", "--glossary", "de.csv", "--no-default-glossaries"]
    assert codes(tmp_path, *args).count("TC101") == 2
    run([*args, "--fix"], tmp_path)
    fixed = (tmp_path / "artikel.de.txt").read_bytes()
    expected = data.replace(b"OTAN", b"NATO").replace("Kanzlerpräsident".encode(), b"Bundeskanzler")
    assert fixed == expected
    assert fixed.startswith(codecs.BOM_UTF8) and fixed.count(b"\r\n") == 2
    assert "TC101" not in codes(tmp_path, *args)


def test_inflected_forbidden_form_is_only_reported(tmp_path: Path) -> None:
    glossary = "# languages: en -> nb\nid,source,target,forbidden,case_sensitive,dnt,note\nkommisjon,kommisjon,kommisjon,kommission,no,no,\n"
    (tmp_path / "nb.csv").write_text(glossary, encoding="utf-8")
    text = "Kommissionen la fram forslaget i går, og kommission skal vurdere det.\n"
    (tmp_path / "sak.nb.txt").write_text(text, encoding="utf-8")
    args = ["sak.nb.txt", "--glossary", "nb.csv", "--no-default-glossaries", "--target-lang", "nb"]
    out = json.loads(run([*args, "--format", "json"], tmp_path).stdout)["findings"]
    fixes = {f["offset"]: f["fix"] for f in out if f["code"] == "TC101"}
    assert fixes[0] is None  # "Kommissionen": a form of the term, no certain fix
    assert fixes[text.index("kommission ")]["text"] == "kommisjon"


def test_french_number_grouping_fix(tmp_path: Path) -> None:
    text = "La police a arrêté 2 300 personnes à Almaty.\nPlus de 12500 personnes ont été blessées.\n"
    (tmp_path / "article.fr.txt").write_text(text, encoding="utf-8")
    out = json.loads(run(["article.fr.txt", "--format", "json"], tmp_path).stdout)["findings"]
    tc302 = [f for f in out if f["code"] == "TC302"]
    assert len(tc302) == 1 and tc302[0]["fix"]["offset"] == text.index("12500")
    run(["article.fr.txt", "--fix"], tmp_path)
    fixed = (tmp_path / "article.fr.txt").read_text(encoding="utf-8")
    assert fixed == text.replace("12500", tc302[0]["fix"]["text"])
    assert "TC302" not in codes(tmp_path, "article.fr.txt")


def test_no_fix_without_the_convention_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "a.en.txt").write_text(
        "Police arrested 2300 people in Almaty on Wednesday.\n", encoding="utf-8"
    )
    assert run(["a.en.txt", "--show-fixes"], tmp_path).exit_code == 0


def _finding(start: int, end: int, text: str, code: str = "TC101") -> Finding:
    span = Span(start, end)
    return Finding(code, "x", Severity.ERROR, "m", "a.txt", span, text, fix=Fix(span, text))


def test_overlapping_fixes_first_applied_rest_skipped() -> None:
    text = "Die OTAN-Mission beginnt.\n"
    result = RunResult(
        findings=[
            _finding(4, 8, "NATO"),
            _finding(4, 16, "NATO-Einsatz", "TC102"),
            _finding(4, 8, "NATO", "TC103"),
        ],
        lines={"a.txt": LineIndex(text)},
        files_checked=1,
        fail_on="error",
    )
    planned = plan(result, {"a.txt": text.encode()})
    assert planned.files[0].fixed == b"Die NATO-Mission beginnt.\n"
    assert planned.count == 2  # the same replacement twice counts as fixed
    assert planned.notes == ["a.txt:1:5: TC102 not fixed: it overlaps a fix applied before it"]


def test_files_not_checked_are_refused() -> None:
    result = RunResult(findings=[_finding(0, 4, "NATO")], lines={}, files_checked=1, fail_on="error")
    planned = plan(result, {"b.txt": b"OTAN"})
    assert not planned.files and "not a file this run checked" in planned.notes[0]


def test_html_is_refused(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html>\n<html lang="en"><body><article>'
        "<p>The alliance CTSO sent troops &amp; police.</p></article></body></html>\n"
    )
    (tmp_path / "side.en.html").write_text(page, encoding="utf-8")
    result = run(["side.en.html", "--fix"], tmp_path)
    assert "fixed 0 findings" in result.stderr  # TC101 is reported, its span mapped through markup
    assert "TC101" in codes(tmp_path, "side.en.html")
    assert (tmp_path / "side.en.html").read_text(encoding="utf-8") == page
    # a certain fix on an HTML or Word file (from any check) is refused with a note
    for name in ("side.en.html", "side.en.docx", "side.en.xlf"):
        finding = _finding(0, 4, "NATO")
        moved = Finding(**{**{k: getattr(finding, k) for k in Finding.__slots__}, "path": name})
        planned = plan(RunResult([moved], {}, 1, "error"), {name: b"OTAN"})
        assert not planned.files and "never fixed" in planned.notes[0]


def test_stdin_prints_the_fixed_text(tmp_path: Path) -> None:
    text = "Peacekeepers from the CTSO arrived in Almaty.\n"
    result = run(["-", "--stdin-filename", "draft.en.txt", "--fix"], tmp_path, stdin=text.encode())
    assert result.exit_code == 0
    assert result.stdout == text.replace("CTSO", "CSTO")
    assert not (tmp_path / "draft.en.txt").exists()


GUIDE_EN = (
    "# Getting started {#getting-started}\n\nInstall the chart first.\n\n"
    "## Next steps {#next-steps}\n\nRead the guide.\n\n## Upgrading {#upgrading}\n\nRun helm upgrade.\n"
)
GUIDE_DE = (
    "# Erste Schritte {#getting-started}\n\nInstallieren Sie zuerst das Chart.\n\n"
    "## Nächste Schritte {#nächste-schritte}\n\nLesen Sie die Anleitung.\n\n"
    "## Aktualisieren\n\nFühren Sie helm upgrade aus.\n"
)


def test_heading_ids_restored_from_the_source(tmp_path: Path) -> None:
    (tmp_path / "guide.en.md").write_text(GUIDE_EN, encoding="utf-8")
    (tmp_path / "guide.de.md").write_text(GUIDE_DE, encoding="utf-8")
    args = ["guide.de.md", "--source", "guide.en.md"]
    assert codes(tmp_path, *args).count("TC601") == 2
    run([*args, "--fix"], tmp_path)
    fixed = (tmp_path / "guide.de.md").read_text(encoding="utf-8")
    assert fixed == GUIDE_DE.replace("{#nächste-schritte}", "{#next-steps}").replace(
        "## Aktualisieren\n", "## Aktualisieren {#upgrading}\n"
    )
    assert "TC601" not in codes(tmp_path, *args)


def test_heading_id_not_restored_when_the_outlines_differ(tmp_path: Path) -> None:
    (tmp_path / "guide.en.md").write_text(GUIDE_EN, encoding="utf-8")
    shorter = GUIDE_DE.split("## Aktualisieren")[0]
    (tmp_path / "guide.de.md").write_text(shorter, encoding="utf-8")
    out = json.loads(run(["guide.de.md", "--source", "guide.en.md", "--format", "json"], tmp_path).stdout)
    tc601 = [f for f in out["findings"] if f["code"] == "TC601"]
    assert tc601 and all(f["fix"] is None for f in tc601)


def test_currency_code_from_the_paired_source(tmp_path: Path) -> None:
    (tmp_path / "lonn.nb.txt").write_text(
        "Lønn i Kasakhstan\n\nGjennomsnittslønnen er på litt over 5000 kroner i måneden.\n", encoding="utf-8"
    )
    english = "Wages in Kazakhstan\n\nThe average monthly salary is just over 5,000 kroner.\n"
    (tmp_path / "lonn.en.txt").write_text(english, encoding="utf-8")
    args = ["lonn.en.txt", "--source-lang", "nb"]
    assert "TC303" in codes(tmp_path, *args)
    run([*args, "--fix"], tmp_path)
    assert (tmp_path / "lonn.en.txt").read_text(encoding="utf-8") == english.replace("kroner", "NOK")
    assert "TC303" not in codes(tmp_path, *args)


def test_currency_without_the_source_text_is_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "wages.txt").write_text(
        "The average monthly salary is just over 5,000 kroner.\n", encoding="utf-8"
    )
    out = json.loads(run(["wages.txt", "--source-lang", "nb", "--format", "json"], tmp_path).stdout)
    tc303 = [f for f in out["findings"] if f["code"] == "TC303"]
    assert tc303[0]["suggestion"] == "NOK 5,000" and tc303[0]["fix"] is None


def test_fix_command_is_check_fix(tmp_path: Path) -> None:
    (tmp_path / "seed.en.txt").write_bytes(SEED.read_bytes())
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = CliRunner().invoke(main, ["fix", "seed.en.txt", "--select", "TC101", "-q", "--no-cache"])
    assert result.exit_code == 0 and "fixed 3 findings" in result.stderr
    assert (tmp_path / "seed.en.txt").read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8").replace(
        "CTSO", "CSTO"
    )


@pytest.mark.parametrize(
    ("found", "preferred", "expected"),
    [
        ("Kommission", "kommisjon", "Kommisjon"),  # a capitalised word at a sentence start
        ("kommission", "kommisjon", "kommisjon"),
        ("CTSO", "CSTO", "CSTO"),
        ("ctso", "CSTO", "CSTO"),  # a preferred term with capitals of its own is kept
        ("KOMMISSION", "kommisjon", "kommisjon"),  # shouting is not a case to copy
    ],
)
def test_keep_case(found: str, preferred: str, expected: str) -> None:
    from tcheck.checks._fixes import keep_case

    assert keep_case(found, preferred) == expected
