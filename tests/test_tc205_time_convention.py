"""TC205 time-convention: a clock time written the way the language does not."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text


def _tc205(tmp_path: Path, text: str, lang: str) -> list[dict]:
    return findings(run_text(tmp_path, text, "doc.txt", select=["TC205"], target_lang=lang), "TC205")


def test_the_seed_sentence(tmp_path: Path) -> None:
    (f,) = _tc205(tmp_path, "At 14 Norwegian time, a new shooting was reported.\n", "en")
    assert f["severity"] == "warning"
    assert (f["column"], f["end_column"]) == (4, 21)
    assert f["suggestion"] == "2 PM Norwegian time"


def test_24_hour_with_minutes_in_english_is_info(tmp_path: Path) -> None:
    (f,) = _tc205(tmp_path, "The crash happened at 14:30 GMT.\n", "en")
    assert f["severity"] == "info"
    assert f["suggestion"] == "2:30 PM GMT"
    assert _tc205(tmp_path, "The crash happened at 14:30 GMT.\n", "en_GB") == []


def test_am_pm_in_24_hour_languages(tmp_path: Path) -> None:
    (f,) = _tc205(tmp_path, "Kampen starter kl. 3 p.m. på onsdag.\n", "nb")
    assert f["suggestion"] == "15:00"
    assert "12-hour clock" in f["message"]
    assert len(_tc205(tmp_path, "Матч начнётся в 3 PM.\n", "ru")) == 1


def test_day_periods_of_the_language_are_fine(tmp_path: Path) -> None:
    assert _tc205(tmp_path, "Матч начнётся в 7 утра.\n", "ru") == []
    assert _tc205(tmp_path, "比赛将于下午3点开始。\n", "zh") == []
    assert _tc205(tmp_path, "El partido empieza a las 3 de la tarde.\n", "es") == []


def test_own_am_pm_words_of_japanese_and_korean_are_fine(tmp_path: Path) -> None:
    assert _tc205(tmp_path, "リバプールは午後3時にナポリと戦った。", "ja") == []
    assert _tc205(tmp_path, "회의는 오후 3시에 시작된다.", "ko") == []
    # English AM/PM in Japanese is still foreign
    assert [f["severity"] for f in _tc205(tmp_path, "会議は3 p.m.に始まる。", "ja")] == ["warning"]


def test_a_game_clock_or_a_race_time_is_no_time_of_day(tmp_path: Path) -> None:
    # NTREX (BBC, ice hockey): minutes and seconds of play after "on"
    text = (
        "Sullivan brought the home side back into the game on 13:10 before Matt Marquardt "
        "became provider for Cownie's equaliser on 15:16.\n"
    )
    assert _tc205(tmp_path, text, "en") == []
    assert _tc205(tmp_path, "She won the 5,000 m in 13:10, a season's best.\n", "en") == []
    # a time of day after "at" is still on the 24-hour clock
    (f,) = _tc205(tmp_path, "The home side scored at 13:10 on Saturday.\n", "en")
    assert f["suggestion"] == "1:10 PM"
    # "on" names a day: a time written after the day is still a time of day
    assert len(_tc205(tmp_path, "The vote closes on Friday at 15:30.\n", "en")) == 1


def test_a_zone_of_a_region_with_the_other_clock(tmp_path: Path) -> None:
    # NTREX (BBC): British Summer Time, and British English writes the 24-hour clock
    text = "Disorder broke out at HMP Long Lartin at about 09:30 BST on Sunday.\n"
    assert _tc205(tmp_path, text, "en") == []
    assert _tc205(tmp_path, "The summit opens in Brussels at 15:00 CET.\n", "en") == []
    # GMT and EST are American English's own zones too: they say nothing about the clock
    assert len(_tc205(tmp_path, "The market opened at 09:30 EST.\n", "en")) == 1
    # a US English text that slips into the 24-hour clock without a zone
    (f,) = _tc205(tmp_path, "The meeting starts at 15.30 in Washington.\n", "en")
    assert f["suggestion"] == "3:30 PM"


def test_a_12_hour_time_in_a_24_hour_language(tmp_path: Path) -> None:
    # Norwegian writes the 24-hour clock, whatever the zone
    (f,) = _tc205(tmp_path, "Møtet starter kl. 3:30 PM i Oslo.\n", "nb")
    assert f["suggestion"] == "15:30"
    assert len(_tc205(tmp_path, "Børsen i New York åpner kl. 9:30 a.m. EST.\n", "nb")) == 1
    # Spanish in the United States (es_US) writes the 12-hour clock with its zones
    assert _tc205(tmp_path, "El debate empieza a las 9:30 PM EST en Miami.\n", "es") == []
    assert len(_tc205(tmp_path, "El debate empieza a las 9:30 PM en Madrid.\n", "es")) == 1
    # and German has no region that writes it
    assert len(_tc205(tmp_path, "Die Sitzung beginnt um 3:30 PM CET.\n", "de")) == 1
