"""TC102 term-mismatch: a glossary source term without an allowed rendering in the target."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, findings, run_fixture, run_paths

F = CHECK_FIXTURES / "TC102"


def test_missing_renderings_are_placed_on_the_aligned_sentence() -> None:
    found = findings(run_fixture(F / "fail-nb-en.txt"), "TC102")
    assert [(f["line"], f["column"]) for f in found] == [(3, 1), (5, 1)]
    un = found[0]
    assert (
        un["message"]
        == "source term 'FN' should be rendered as 'UN' or 'United Nations' (glossary-nb-en.csv:3)"
    )
    assert un["suggestion"] == "UN"
    assert un["end_column"] == len("The world body is asking for a ceasefire.") + 1  # first sentence only
    assert un["related"][0]["path"].endswith("src-nb-en.txt") and un["related"][0]["line"] == 3
    assert found[1]["suggestion"] == "Storting"


def test_tbx_glossary_inflected_source_term() -> None:
    found = findings(run_fixture(F / "fail-en-de.txt"), "TC102")
    assert [f["suggestion"] for f in found] == ["Kommission", "Verordnung"]
    assert "source term 'regulations'" in found[1]["message"]  # an inflected source form


def test_chinese_target_from_toml() -> None:
    found = findings(run_fixture(F / "fail-en-zh.txt"), "TC102")
    assert [f["suggestion"] for f in found] == ["世界卫生组织"]
    assert not findings(run_fixture(F / "pass-en-zh.txt"), "TC102")


def test_forbidden_rendering_is_left_to_tc101(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text(
        "# languages: nb -> en\nsource,target,forbidden\nVerdensbanken,World Bank,Worlds Bank\n",
        encoding="utf-8",
    )
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Verdensbanken kutter vekstanslaget.\n", encoding="utf-8")
    tgt.write_text("The Worlds Bank cuts its growth forecast.\n", encoding="utf-8")
    result = run_paths([tgt], source=src, source_lang="nb", target_lang="en", glossary=[str(glossary)])
    assert [f["code"] for f in findings(result, "TC10")] == ["TC101"]


def test_homonym_any_entry_is_enough(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("# languages: nb -> en\nsource,target\nbank,bank\nbank,bench\n", encoding="utf-8")
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Hun satt på en bank.\n", encoding="utf-8")
    tgt.write_text("She sat on a bench.\n", encoding="utf-8")
    result = run_paths([tgt], source=src, source_lang="nb", target_lang="en", glossary=[str(glossary)])
    assert not findings(result, "TC102")


def test_needs_the_source(tmp_path: Path) -> None:
    tgt = tmp_path / "tgt.txt"
    tgt.write_text("The world body asks for a ceasefire.\n", encoding="utf-8")
    result = run_paths([tgt], source_lang="nb", target_lang="en", glossary=[str(F / "glossary-nb-en.csv")])
    assert not findings(result, "TC102")
