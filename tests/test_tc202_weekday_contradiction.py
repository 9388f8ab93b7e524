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


def test_recurring_weekdays_are_not_the_day_of_writing(tmp_path: Path) -> None:
    cases = {
        "en": (
            "Wednesday, January 19",
            [
                "The maintainers met every Thursday morning.",
                "They held weekly meetings on Thursday.",
                "Each Thursday morning the group reviewed proposals.",
                "She presented it at OpenTelemetry Thursday.",
            ],
            "Tass reported earlier on Thursday that shooting was taking place.",
        ),
        "nb": (
            "Onsdag 19. januar 2022",
            ["Gruppen møttes hver torsdag morgen.", "De hadde ukentlige møter på torsdag morgen."],
            "Nyhetsbyrået meldte tidligere torsdag at det ble skutt.",
        ),
        "de": (
            "Mittwoch, 19. Januar 2022",
            [
                "Die Gruppe traf sich jeden Donnerstagmorgen.",
                "Es gab wöchentliche Treffen am Donnerstagmorgen.",
            ],
            "Die Agentur meldete am Donnerstagmorgen Schüsse.",
        ),
        "fr": (
            "Mercredi 19 janvier 2022",
            ["Le groupe se réunissait chaque jeudi matin.", "Ils se retrouvaient le jeudi matin."],
            "L'agence a rapporté jeudi matin des tirs.",
        ),
        "es": (
            "Miércoles, 19 de enero de 2022",
            ["El grupo se reunía todos los jueves por la mañana.", "Se reunían cada jueves por la mañana."],
            "La agencia informó el jueves por la mañana de disparos.",
        ),
        "zh": ("2022年1月19日星期三", ["小组每周四早上开会。"], "通讯社周四早些时候报道，市政厅外发生枪击。"),
    }
    for lang, (dateline, recurring, tied) in cases.items():
        for sentence in recurring:
            assert _tc202(tmp_path, f"{dateline}\n\n{sentence}\n", lang) == [], (lang, sentence)
        assert len(_tc202(tmp_path, f"{dateline}\n\n{tied}\n", lang)) == 1, lang


def test_recurring_weekdays_in_japanese_and_korean(tmp_path: Path) -> None:
    assert _tc202(tmp_path, "2022年1月19日水曜日\n\n毎週木曜日の午前にメンテナーが集まった。\n", "ja") == []
    assert (
        _tc202(tmp_path, "2022년 1월 19일 수요일\n\n매주 목요일 오전에 메인테이너들이 모였다.\n", "ko") == []
    )
    found = _tc202(tmp_path, "2022年1月19日水曜日\n\n今日木曜日、メンテナーが集まった。\n", "ja")
    assert [f["severity"] for f in found] == ["error"]
