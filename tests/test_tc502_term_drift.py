"""TC502 term-drift: protected items that a tiny mapping model changes on the way back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_text
from roundtrip_model import installed_models
from tcheck.checks._protected import extract, lost

pytestmark = pytest.mark.model


def run(tmp_path: Path, text: str, models: list[str], **settings: object):
    with installed_models(models):
        return run_text(tmp_path, text, round_trip="on", cache_dir=str(tmp_path / "cache"), **settings)


ARTICLE = """\
Wednesday, January 19

Kazakhstan's president said on Wednesday that order had been restored in Almaty.
"""


def test_weekday_that_comes_back_as_another_day_is_reported_at_its_span(tmp_path: Path) -> None:
    result = run(tmp_path, ARTICLE, ["en>nb", "nb>en:Wednesday=Thursday"], source_lang="nb", target_lang="en")
    found = findings(result, "TC502")
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(1, 1, 10), (3, 32, 41)]
    second = found[1]
    assert ARTICLE[second["offset"] : second["end_offset"]] == "Wednesday"
    assert second["message"] == (
        "weekday 'Wednesday' does not survive the round trip through nb: it comes back as 'Thursday'"
    )
    assert second["data"]["became"] == "Thursday"
    assert "on Thursday that order" in second["data"]["round_trip"]
    assert second["confidence"] == 0.9
    assert not findings(result, "TC501")  # one changed word is no garbled sentence


def test_copy_models_leave_nothing_to_report(tmp_path: Path) -> None:
    result = run(tmp_path, ARTICLE, ["en>nb", "nb>en"], source_lang="nb", target_lang="en")
    assert not findings(result, "TC5")


def test_numbers_compare_by_value_in_the_language_of_the_text(tmp_path: Path) -> None:
    text = "Politiet anslår at 2 300 personer er pågrepet siden uroen startet.\n"
    result = run(tmp_path, text, ["nb>en:300=400", "en>nb"], source_lang="en", target_lang="nb")
    [hit] = findings(result, "TC502")
    assert text[hit["offset"] : hit["end_offset"]] == "2 300"
    assert "number '2 300'" in hit["message"] and "'2 400'" in hit["message"]


def test_respelt_name_is_reported_with_the_new_spelling(tmp_path: Path) -> None:
    text = "Präsident Kassym-Schomart Tokajew bat die OVKS um Hilfe.\n"
    result = run(tmp_path, text, ["de>en", "en>de:Tokajew=Tokajev"], source_lang="en", target_lang="de")
    [hit] = findings(result, "TC502")
    assert text[hit["offset"] : hit["end_offset"]] == "Tokajew"
    assert hit["message"].startswith("name 'Tokajew'") and "'Tokajev'" in hit["message"]


def test_capitalised_nouns_that_are_translated_are_not_names(tmp_path: Path) -> None:
    # A word model: "Regierung" goes out as "government" and comes back as "Regierungen". The
    # back translation has nothing like "Regierung", so it is no name and the change is no drift.
    text = "Am Mittwoch trat die Regierung nach tagelangen Protesten geschlossen zurück.\n"
    models = ["de>en:Regierung=government", "en>de:government=Regierungen"]
    result = run(tmp_path, text, models, source_lang="en", target_lang="de")
    assert not findings(result, "TC502")


def test_glossary_term_that_vanishes_is_reported_with_lower_confidence(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("# languages: nb -> en\nsource,target\nStortinget,Storting\n", encoding="utf-8")
    text = "The Storting voted on Tuesday to extend the electricity subsidy until the summer.\n"
    models = ["en>nb", "nb>en:Storting=Parliament"]
    result = run(tmp_path, text, models, source_lang="nb", target_lang="en", glossary=[str(glossary)])
    [hit] = findings(result, "TC502")
    assert text[hit["offset"] : hit["end_offset"]] == "Storting"
    assert hit["message"].startswith("glossary term 'Storting' does not survive")
    assert "it is missing from" in hit["message"]
    assert hit["confidence"] == 0.5


def test_month_names_compare_as_months(tmp_path: Path) -> None:
    text = "Le 19 janvier, la police a annoncé l'arrestation de près de 8 000 personnes.\n"
    result = run(tmp_path, text, ["fr>en", "en>fr:janvier=février"], source_lang="en", target_lang="fr")
    [hit] = findings(result, "TC502")
    assert hit["data"]["kind"] == "month" and hit["data"]["became"] == "février"


# --- the item comparison itself, without models ------------------------------------------------


def test_items_that_survive_in_another_form_are_not_lost() -> None:
    original = extract("On Wednesday 2,300 people met the CSTO.", "en", names_near="onsdag CSTO")
    other = extract("On wednesday 2300 people met the CSTO.", "en")
    assert lost(original, 40, other, 38) == []


def test_repeated_item_is_lost_once() -> None:
    text = "300 came on Monday and 300 more on Monday."
    original = extract(text, "en", names_near="")
    other = extract("300 came on Monday and 400 more.", "en")
    pairs = lost(original, len(text), other, 32)
    assert [(a.text, b.text if b else None) for a, b in pairs] == [("300", "400"), ("Monday", None)]
