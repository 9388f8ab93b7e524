"""TC202 weekday-contradiction: a weekday said to be today against the document's date."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text


def _tc202(tmp_path: Path, text: str, lang: str) -> list[dict]:
    return findings(run_text(tmp_path, text, f"{lang}.txt", select=["TC202"], target_lang=lang), "TC202")


def test_tied_weekday_is_an_error(tmp_path: Path) -> None:
    text = "Wednesday, January 19\n\nTass reported earlier on Thursday that shooting was taking place.\n"
    (f,) = _tc202(tmp_path, text, "en")
    assert f["severity"] == "error"
    assert (f["line"], f["column"], f["end_column"]) == (3, 26, 34)
    assert "dated Wednesday" in f["message"]
    assert f["related"][0]["line"] == 1


def test_plain_weekday_the_day_after_is_a_warning(tmp_path: Path) -> None:
    text = (
        "Wednesday, January 19\n\nOn Thursday, the first soldiers arrived. On Monday, the protests began.\n"
    )
    (f,) = _tc202(tmp_path, text, "en")
    assert f["severity"] == "warning"
    assert f["message"].startswith("'Thursday' is the day after the document's date")


def test_other_weeks_and_the_future_are_skipped(tmp_path: Path) -> None:
    text = (
        "Wednesday, January 19\n\nOn Thursday last week, police cleared the square. "
        "The summit will open Thursday morning.\n"
    )
    assert _tc202(tmp_path, text, "en") == []


def test_languages(tmp_path: Path) -> None:
    cases = {
        "nb": "Onsdag 19. januar 2022\n\nNyhetsbyrået meldte tidligere torsdag at det ble skutt.\n",
        "de": "Mittwoch, 19. Januar 2022\n\nDie Agentur meldete am Donnerstagmorgen Schüsse.\n",
        "ru": "Среда, 19 января 2022 г.\n\nРанее в четверг агентство сообщило о стрельбе.\n",
        "zh": "2022年1月19日星期三\n\n通讯社周四早些时候报道，市政厅外发生枪击。\n",
        "es": "Miércoles, 19 de enero de 2022\n\nLa agencia informó el jueves por la mañana de disparos.\n",
    }
    for lang, text in cases.items():
        found = _tc202(tmp_path, text, lang)
        assert [f["severity"] for f in found] == ["error"], lang
