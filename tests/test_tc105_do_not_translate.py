"""TC105 do-not-translate: a protected source term altered or missing in the target."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, FIXTURES, findings, run_fixture, run_paths

F = CHECK_FIXTURES / "TC105"


def test_altered_and_missing() -> None:
    found = findings(run_fixture(F / "fail-nb-en.txt"), "TC105")
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(1, 1, 19), (3, 1, 75)]
    altered, missing = found
    assert altered["message"] == (
        "'Human Rights Watch' must not be translated (glossary-nb-en.csv:3), but became 'Human Rights Guard'"
    )
    assert altered["suggestion"] == "Human Rights Watch"
    assert altered["related"][0]["path"].endswith("src-nb-en.txt")
    assert missing["message"].endswith("but is missing here")
    assert missing["suggestion"] == "Amnesty International"


def test_inflected_source_and_possessive_target_are_kept() -> None:
    assert not findings(run_fixture(F / "pass-nb-en.txt"), "TC105")


def test_japanese() -> None:
    assert [f["suggestion"] for f in findings(run_fixture(F / "fail-en-ja.txt"), "TC105")] == ["Google"]
    assert not findings(run_fixture(F / "pass-en-ja.txt"), "TC105")


def test_changed_capitals_are_altered(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Human Rights Watch ber FN granske saken.\n", encoding="utf-8")
    tgt.write_text("Human rights watch asks the UN to investigate.\n", encoding="utf-8")
    glossary = str(F / "glossary-nb-en.csv")
    found = findings(
        run_paths([tgt], source=src, source_lang="nb", target_lang="en", glossary=[glossary]), "TC105"
    )
    assert [(f["column"], f["end_column"]) for f in found] == [(1, 19)]
    assert "became 'Human rights watch'" in found[0]["message"]


def test_forbidden_variant_is_left_to_tc101(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Amnesty International kritiserer regjeringen.\n", encoding="utf-8")
    tgt.write_text("Amnesty Internasjonal criticises the government.\n", encoding="utf-8")
    glossary = str(F / "glossary-nb-en.csv")
    result = run_paths([tgt], source=src, source_lang="nb", target_lang="en", glossary=[glossary])
    assert [f["code"] for f in findings(result, "TC10")] == ["TC101"]


def test_tbx_do_not_translate_note(tmp_path: Path) -> None:
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Human Rights Watch kritiserer regjeringen.\n", encoding="utf-8")
    tgt.write_text("Human Rights Guard criticises the government.\n", encoding="utf-8")
    glossary = str(FIXTURES / "glossaries" / "basic-v2.tbx")
    found = findings(
        run_paths([tgt], source=src, source_lang="nb", target_lang="en", glossary=[glossary]), "TC105"
    )
    assert [f["suggestion"] for f in found] == ["Human Rights Watch"]
