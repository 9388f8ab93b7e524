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
