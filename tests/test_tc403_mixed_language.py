"""TC403 mixed-language: a clause left in another language inside a translated sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_text


def _only(result, text: str) -> str:  # type: ignore[no-untyped-def]
    (found,) = findings(result, "TC403")
    return text[found["offset"] : found["end_offset"]]


def test_norwegian_clause_in_english(tmp_path: Path) -> None:
    text = "The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale for bussene.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC4"])
    assert _only(result, text) == "men det er fortsatt uklart hvem som skal betale for bussene"
    assert not findings(result, "TC401")
    (found,) = findings(result, "TC403")
    assert "Norwegian Bokmål (nb)" in found["message"] and found["severity"] == "warning"


def test_german_clause_without_punctuation(tmp_path: Path) -> None:
    text = "The company said dass es keine Entlassungen geben wird and that production will continue.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="de", select=["TC403"])
    assert _only(result, text) == "dass es keine Entlassungen geben wird"


def test_english_clause_in_swedish(tmp_path: Path) -> None:
    text = (
        "Regeringen presenterade på tisdagen en ny budget för nästa år med mer pengar till skolan "
        "och vården, which the opposition rejected.\n"
    )
    result = run_text(tmp_path, text, target_lang="sv", source_lang="en", select=["TC403"])
    assert _only(result, text) == "which the opposition rejected"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Autorin stellte ihr Buch „The Long Way Home: Stories from the North“ in Hamburg vor.", "de"),
        ("Households paid on average 1.35 kroner per kilowatt-hour in March.", "en"),
        ("Medlemmene kalles i dag AM (Assembly Members) i den walisiske nasjonalforsamlingen.", "nb"),
    ],
)
def test_titles_names_and_numbers_do_not_trigger(tmp_path: Path, text: str, lang: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang=lang, source_lang="en" if lang != "en" else "nb")
    assert not findings(result, "TC403")
