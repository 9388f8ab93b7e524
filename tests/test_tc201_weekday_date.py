"""TC201 weekday-date: a weekday beside a date it does not fall on."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text


def _tc201(tmp_path: Path, text: str, name: str = "doc.txt", **settings: str) -> list[dict]:
    return findings(run_text(tmp_path, text, name, select=["TC201"], **settings), "TC201")


def test_explicit_year_is_an_error_with_the_right_weekday(tmp_path: Path) -> None:
    (f,) = _tc201(tmp_path, "The summit opens on Thursday, January 19, 2022.\n", target_lang="en")
    assert f["severity"] == "error"
    assert (f["line"], f["column"], f["end_column"]) == (1, 21, 29)  # the weekday itself
    assert f["message"] == "January 19, 2022 is a Wednesday, not a Thursday"
    assert f["suggestion"] == "Wednesday"


def test_no_year_no_finding(tmp_path: Path) -> None:
    # the seed's dateline: the year cannot be inferred, so nothing is said (2021 would be wrong)
    text = "Wednesday, January 19\n\nIn 2021, the country was ranked 155th. On December 16, 1991, it became independent.\n"
    assert _tc201(tmp_path, text, target_lang="en") == []
    assert _tc201(tmp_path, "Thursday, January 19\n", target_lang="en") == []


def test_year_from_front_matter_is_a_warning_that_says_so(tmp_path: Path) -> None:
    text = "---\ndate: 2022-01-10\n---\n# Toppmøtet\n\nToppmøtet åpner torsdag 19. januar i Genève.\n"
    (f,) = _tc201(tmp_path, text, "doc.md", target_lang="nb")
    assert f["severity"] == "warning"
    assert "inferred from the front matter date 2022-01-10" in f["message"]
    assert f["suggestion"] == "onsdag"


def test_year_from_an_earlier_date_in_the_paragraph(tmp_path: Path) -> None:
    text = "Le 28 décembre 2021, puis le jeudi 5 janvier, les négociations ont repris.\n"
    (f,) = _tc201(tmp_path, text, target_lang="fr")
    assert "5 janvier 2022 is a mercredi" in f["message"]
    assert "'28 décembre 2021' earlier in the text" in f["message"]


def test_languages(tmp_path: Path) -> None:
    cases = {
        "de": ("Der Gipfel beginnt am Donnerstag, 19. Januar 2022.", "Mittwoch"),
        "es": ("La cumbre se abre el jueves, 19 de enero de 2022.", "miércoles"),
        "ru": ("Саммит откроется в четверг, 19 января 2022 года.", "среда"),
        "zh": ("峰会将于2022年1月19日星期四开幕。", "星期三"),
    }
    for lang, (text, weekday) in cases.items():
        (f,) = _tc201(tmp_path, text + "\n", f"{lang}.txt", target_lang=lang)
        assert f["suggestion"] == weekday, lang
