"""TC002 unaligned-segment: sentences without a partner after alignment, never paired wrongly."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, findings, run_fixture, run_paths

FOLDER = CHECK_FIXTURES / "TC002"


def test_missing_source_sentence_is_placed_where_its_translation_would_be() -> None:
    result = run_fixture(FOLDER / "fail-en-missing.txt")
    (found,) = findings(result, "TC002")
    assert found["message"] == (
        "the source sentence 'Rundt 300 passasjerer ble sendt hjem fra Aker brygge.' has no translation here"
    )
    assert (found["line"], found["offset"]) == (3, found["end_offset"])
    text = (FOLDER / "fail-en-missing.txt").read_text(encoding="utf-8")
    assert text[: found["offset"]].endswith("early tomorrow morning.")
    related = found["related"][0]
    assert Path(related["path"]).name == "source-en-missing.txt" and related["line"] == 3


def test_added_target_sentence_is_reported_in_place() -> None:
    result = run_fixture(FOLDER / "fail-de-added.txt")
    (found,) = findings(result, "TC002")
    text = (FOLDER / "fail-de-added.txt").read_text(encoding="utf-8")
    assert text[found["offset"] : found["end_offset"]] == (
        "Direktorin Anna Weber spricht von einem großen Tag für die ganze Region und dankt allen Spendern."
    )


def test_merged_sentences_are_not_unaligned() -> None:
    assert not findings(run_fixture(FOLDER / "pass-fr-merged.txt"), "TC002")


def test_other_checks_never_see_a_wrong_partner(tmp_path: Path) -> None:
    source = tmp_path / "en.txt"
    target = tmp_path / "nb.txt"
    source.write_text(
        "The bridge closes on Monday.\n\nAbout 300 buses will replace the trams for 21 days.\n\n"
        "The city apologises for the inconvenience.\n",
        encoding="utf-8",
    )
    target.write_text(
        "Broen stenges mandag.\n\nByen beklager ulempene.\n",
        encoding="utf-8",
    )
    result = run_paths([target], source=source, target_lang="nb", source_lang="en", select=["TC002"])
    (found,) = findings(result, "TC002")
    assert "About 300 buses" in found["message"]
