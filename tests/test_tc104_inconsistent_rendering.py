"""TC104 inconsistent-rendering: two admitted variants of one concept in one document."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, findings, run_fixture, run_text

F = CHECK_FIXTURES / "TC104"


def test_rarer_variant_reported_with_majority_as_fix() -> None:
    found = findings(run_fixture(F / "fail-en-adviser.txt"), "TC104")
    assert len(found) == 1
    f = found[0]
    assert (f["line"], f["column"], f["end_column"]) == (3, 48, 55)
    assert f["suggestion"] == "adviser"
    assert [r["line"] for r in f["related"]] == [1, 3]  # 'adviser' and the inflected 'advisers'
    assert "'adviser' twice, 'advisor' once" in f["message"]


def test_short_and_full_forms_are_not_rivals() -> None:
    assert not findings(run_fixture(F / "pass-en-short-form.txt"), "TC104")


def test_bilingual_groups_by_source_term() -> None:
    found = findings(run_fixture(F / "fail-nb-en-bilingual.txt"), "TC104")
    assert len(found) == 1
    assert found[0]["message"].startswith("'Nato' and 'NATO' both render the source term 'nato'")
    assert found[0]["related"][0]["line"] == 1


def test_tbx_variants_german_tie_prefers_the_preferred_term(tmp_path: Path) -> None:
    glossary = str(F / "glossary-de.tbx")
    text = "Das Photo zeigt den Kanzler. Das Foto entstand am Abend.\n"
    found = findings(
        run_text(tmp_path, text, source_lang="en", target_lang="de", glossary=[glossary]), "TC104"
    )
    assert [(f["column"], f["suggestion"]) for f in found] == [(5, "Foto")]
