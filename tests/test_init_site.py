"""tcheck init on content sites: what it finds, what it writes, and a first run that uses it as is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sites import docusaurus_site, hugo_site

from tcheck import glossary
from tcheck.cli import main
from tcheck.config import load_file
from tcheck.project.starter_glossary import glossary_text, starter_rows
from tcheck.project.survey import survey


def test_survey_of_a_hugo_site(tmp_path: Path) -> None:
    found = survey(hugo_site(tmp_path / "site"))
    assert found.layout is not None and "Hugo site (hugo.toml)" in found.layout
    assert found.source_lang == "en"
    assert found.files == {"ar": 1, "de": 2, "en": 2, "ja": 1, "nb": 3}
    assert found.targets == ["ar", "de", "ja", "nb"]
    assert found.paired == {"ar": 1, "de": 2, "ja": 1, "nb": 2}
    assert [Path(p).name for p in found.unpaired["nb"]] == ["history.md"]


def test_survey_of_a_docusaurus_site(tmp_path: Path) -> None:
    found = survey(docusaurus_site(tmp_path / "docs-site"))
    assert found.layout is not None and found.layout.startswith("Docusaurus site (docusaurus.config.js)")
    assert "i18n/{lang}/" in found.layout
    assert (found.source_lang, found.targets, found.paired) == ("en", ["de", "ja"], {"de": 1, "ja": 1})
    assert found.files == {"de": 1, "en": 1, "ja": 1}  # docs/install.md is the English original
    assert found.without_language == 0 and "{lang}/ folders" not in found.layout


def test_init_then_check_without_editing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = hugo_site(tmp_path / "site")
    monkeypatch.chdir(site)
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert "nb      3 files  2 paired with their source, 1 without a source" in result.output
    assert "wrote glossaries/en-ja.csv" in result.output
    settings = load_file(site / "tcheck.toml")
    assert settings["source_lang"] == "en" and "target_lang" not in settings
    blocks = {o.languages: o.settings["glossaries"] for o in settings["overrides"]}
    assert blocks[("de",)] == (str(site / "glossaries" / "en-de.csv"),)
    assert set(blocks) == {("ar",), ("de",), ("ja",), ("nb",)}
    text = (site / "tcheck.toml").read_text(encoding="utf-8")
    assert "target-lang =" not in text

    # A German page that leaves a country name in English: the de glossary finds it, not the ja one.
    (site / "content" / "en" / "trip.md").write_text("We visited Norway in June.\n", encoding="utf-8")
    (site / "content" / "de" / "trip.md").write_text("Wir besuchten im Juni Norway.\n", encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", ".", "--format", "json", "--no-round-trip", "-q", "-j", "1"])
    report = json.loads(checked.stdout)
    found = {(f["path"], f["code"]) for f in report["findings"]}
    assert ("content/de/trip.md", "TC101") in found
    assert ("content/nb/budget.md", "TC304") in found  # every language checked in its own language
    assert not [f for f in report["findings"] if f["code"] in ("TC401", "TC405")]


def test_init_narrows_to_named_languages(tmp_path: Path) -> None:
    site = hugo_site(tmp_path / "site")
    result = CliRunner().invoke(main, ["init", "--dir", str(site), "--target-lang", "nb"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (site / "glossaries").iterdir()) == ["en-nb.csv"]
    bad = CliRunner().invoke(main, ["init", "--dir", str(site), "--target-lang", "fi", "--force"])
    assert bad.exit_code == 2 and "no files in fi" in bad.stderr


def test_starter_glossary_holds_every_country_both_ways() -> None:
    rows = {r.id: r for r in starter_rows("en", "nb")}
    assert rows["country-gb"].target == "Storbritannia" and rows["country-gb"].forbidden == "United Kingdom"
    assert rows["country-ai"].target == "Anguilla" and rows["country-ai"].forbidden == ""
    assert rows["country-jp"].target == "Japan" and rows["country-jp"].forbidden == ""
    assert len([r for r in rows if r.startswith("country-")]) > 240
    assert "country-eu" not in rows and "country-un" not in rows
    ja = {r.id: r for r in starter_rows("ja", "ar")}
    assert ja["country-jp"].source == "日本" and ja["country-jp"].target == "اليابان"
    assert next(iter(ja)) == "country-jp"  # the source language's country first


def test_starter_glossary_header_says_what_it_holds(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["init", "--dir", str(hugo_site(tmp_path / "s")), "--target-lang", "ja"])
    path = tmp_path / "s" / "glossaries" / "en-ja.csv"
    text = path.read_text(encoding="utf-8")
    countries = sum(1 for line in text.splitlines() if line.startswith("country-"))
    assert f"of {countries} countries and territories" in text
    loaded = glossary.load(str(path))
    assert len(loaded.entries) == countries


def test_folder_without_layout_needs_the_pair(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("Statsministeren talte i Oslo.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--dir", str(tmp_path)])
    assert result.exit_code == 2 and "no language layout found" in result.stderr
    assert not (tmp_path / "tcheck.toml").exists()


def test_country_names_do_not_flag_common_words() -> None:
    rows = {r.id: r for r in starter_rows("en", "fr")}
    assert rows["country-re"].target == "La Réunion" and rows["country-re"].forbidden == ""
    text = glossary_text("en", "fr")
    assert "country-re,Réunion,La Réunion,,yes,no," in text  # case-sensitive: la réunion is a meeting
    assert "lang-" not in text
