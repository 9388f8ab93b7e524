"""TC102 term-mismatch: a glossary source term without an allowed rendering in the target."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _tc102(tmp_path: Path, lang: str, rows: str, source: str, target: str) -> list[str]:
    """TC102 messages for one source/target pair and a small en -> ``lang`` glossary."""
    glossary = tmp_path / "g.csv"
    glossary.write_text(f"# languages: en -> {lang}\nsource,target\n{rows}", encoding="utf-8")
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text(source + "\n", encoding="utf-8")
    tgt.write_text(target + "\n", encoding="utf-8")
    result = run_paths([tgt], source=src, source_lang="en", target_lang=lang, glossary=[str(glossary)])
    return [f["message"] for f in findings(result, "TC102")]


# A rendering that is there in a form the matcher does not find: an ending that changes, a short
# word, a closed compound (head or modifier), a relational adjective.
PRESENT = [
    ("ar", "government,حكومة", "The government said no.", "قالت الحكومة لا."),  # the article written on
    ("de", "market,Markt", "New energy markets open.", "Neue Energiemärkte öffnen sich."),
    (
        "de",
        "start date,Startdatum\nstart,Start",
        "Set the start of the export.",
        "Legen Sie das Startdatum des Exports fest.",
    ),
    ("de", "indicator,Indikator", "The load indicators are red.", "Die Auslastungsindikatoren sind rot."),
    (
        "de",
        "restriction,Beschränkung",
        "Data restrictions apply to this account.",
        "Für dieses Konto gelten Datenbeschränkungen.",
    ),
    (
        "de",
        "species,Art",
        "Bats and other species use the forest.",
        "Fledermäuse und andere Arten nutzen den Wald.",
    ),
    ("ru", "category,категория", "Choose a category.", "Выберите одну из категорий."),
    ("ru", "category,категория", "All categories are shown.", "Показаны все категории."),
    ("ru", "kind,вид", "Three kinds of cells were found.", "Обнаружены три вида клеток."),
    ("ru", "type,тип", "Two types of data are stored.", "Хранятся два типа данных."),
    ("ru", "trade,торговля", "The trade war hurt farmers.", "Торговая война ударила по фермерам."),
    ("es", "reset,restablecer", "Reset the password.", "Restablece la contraseña."),
    ("es", "government,gobierno", "Both governments signed.", "Ambos gobiernos firmaron."),
    ("nb", "committee,komité", "The committee system will change.", "Komitésystemet skal endres."),
    ("nb", "child,barn", "The children went home.", "Barna gikk hjem."),
    ("sv", "pressure,tryck", "The pressure grows.", "Trycket ökar."),
    ("sv", "election,val", "The elections were held in May.", "Valen hölls i maj."),
]


@pytest.mark.parametrize(("lang", "rows", "source", "target"), PRESENT)
def test_inflected_compound_and_short_renderings_are_found(
    tmp_path: Path, lang: str, rows: str, source: str, target: str
) -> None:
    assert _tc102(tmp_path, lang, rows, source, target) == []


# The same sentences with the rendering gone (a paraphrase or another word): still reported.
MISSING = [
    ("ar", "government,حكومة", "The government said no.", "قالت الوزارة لا."),
    ("de", "indicator,Indikator", "The load indicators are red.", "Die Auslastungsanzeigen sind rot."),
    (
        "de",
        "restriction,Beschränkung",
        "Data restrictions apply to this account.",
        "Für dieses Konto gelten Datenlimits.",
    ),
    ("de", "start,Start", "Set the start of the export.", "Legen Sie den Beginn des Exports fest."),
    ("ru", "category,категория", "All categories are shown.", "Показаны все разделы."),
    ("ru", "kind,вид", "Three kinds of cells were found.", "Обнаружены три видеозаписи клеток."),
    ("ru", "type,тип", "Two types of data are stored.", "Хранятся два рода данных."),
    ("es", "reset,restablecer", "Reset the password.", "Cambia la contraseña."),
    ("nb", "committee,komité", "The committee system will change.", "Utvalgssystemet skal endres."),
    ("sv", "election,val", "The elections were held in May.", "Omröstningen hölls i maj."),
]


@pytest.mark.parametrize(("lang", "rows", "source", "target"), MISSING)
def test_a_rendering_that_is_not_there_is_still_reported(
    tmp_path: Path, lang: str, rows: str, source: str, target: str
) -> None:
    assert len(_tc102(tmp_path, lang, rows, source, target)) == 1


def test_compounds_count_only_in_languages_that_write_them(tmp_path: Path) -> None:
    # Spanish writes no closed compounds: 'tipo' inside 'prototipo' is not the term
    found = _tc102(tmp_path, "es", "type,tipo", "This type is new.", "Este prototipo es nuevo.")
    assert len(found) == 1
    assert not _tc102(tmp_path, "nb", "type,type", "This type is new.", "Denne prototypen er ny.")


def test_case_sensitive_renderings_need_their_case(tmp_path: Path) -> None:
    # French 'un' (an article) is not the acronym UN
    found = _tc102(tmp_path, "fr", "UN,ONU", "The UN met.", "Un comité s'est réuni.")
    assert len(found) == 1
    assert not _tc102(tmp_path, "fr", "UN,ONU", "The UN met.", "L'ONU s'est réunie.")


def test_an_inflected_source_term_with_another_ending(tmp_path: Path) -> None:
    # ru -> en: 'категории' is a form of the source term 'категория'
    glossary = tmp_path / "g.csv"
    glossary.write_text("# languages: ru -> en\nsource,target\nкатегория,category\n", encoding="utf-8")
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Показаны все категории.\n", encoding="utf-8")
    for target, expected in (("All sections are shown.\n", 1), ("All categories are shown.\n", 0)):
        tgt.write_text(target, encoding="utf-8")
        result = run_paths([tgt], source=src, source_lang="ru", target_lang="en", glossary=[str(glossary)])
        assert len(findings(result, "TC102")) == expected


def test_relational_adjectives_in_romance_languages(tmp_path: Path) -> None:
    # 'guerra comercial' renders "trade war"; 'Comisión' is another word than 'comité'
    assert not _tc102(
        tmp_path, "es", "trade,comercio", "The trade war goes on.", "La guerra comercial sigue."
    )
    found = _tc102(tmp_path, "es", "committee,comité", "The committee met.", "La Comisión se reunió.")
    assert len(found) == 1
