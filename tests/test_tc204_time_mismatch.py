"""TC204 time-mismatch: a clock time differs from the source's."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths


def _tc204(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    (tmp_path / "target.txt").write_text(target, encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC204"],
        source_lang=src,
        target_lang=tgt,
    )
    return findings(result, "TC204")


EN = "The match kicks off at 3 p.m. on Wednesday. Tickets are sold out.\n"


def test_changed_hour(tmp_path: Path) -> None:
    (f,) = _tc204(tmp_path, EN, "Kampen starter kl. 16.00 på onsdag. Billettene er utsolgt.\n", "en", "nb")
    assert f["message"] == "'kl. 16.00' (16:00) is not the time in the source: '3 p.m.' (15:00)"
    assert (f["column"], f["end_column"]) == (16, 25)


def test_same_time_in_other_forms(tmp_path: Path) -> None:
    for lang, text in {
        "nb": "Kampen starter kl. 15.00 på onsdag. Billettene er utsolgt.\n",
        "de": "Das Spiel beginnt am Mittwoch um 15 Uhr. Die Karten sind ausverkauft.\n",
        "es": "El partido empieza el miércoles a las 3 de la tarde. Las entradas están agotadas.\n",
        "ru": "Матч начнётся в среду в 3 часа дня. Билеты распроданы.\n",
        "zh": "比赛将于周三下午三点开始。门票已售罄。\n",
    }.items():
        assert _tc204(tmp_path, EN, text, "en", lang) == [], lang


def test_twelve_hours_off_without_am_pm_is_not_reported(tmp_path: Path) -> None:
    assert _tc204(tmp_path, "They met at 3 o'clock.\n", "De møttes klokken 15.\n", "en", "nb") == []


def test_english_target(tmp_path: Path) -> None:
    found = _tc204(tmp_path, "Kampen starter kl. 15.00.\n", "The match kicks off at 5 p.m.\n", "nb", "en")
    assert [f["message"] for f in found] == [
        "'5 p.m.' (17:00) is not the time in the source: 'kl. 15.00' (15:00)"
    ]


def test_minutes_written_with_cjk_minute_words(tmp_path: Path) -> None:
    source = "Join the maintainers every Thursday 9:30am PT on Zoom.\n"
    assert _tc204(tmp_path, source, "매주 목요일 오전 9시 30분에 Zoom에서 만나요.\n", "en", "ko") == []
    assert _tc204(tmp_path, source, "毎週木曜日の午前9時30分にZoomで。\n", "en", "ja") == []
    (f,) = _tc204(tmp_path, source, "매주 목요일 오전 9시 45분에 Zoom에서 만나요.\n", "en", "ko")
    assert "(09:45)" in f["message"]
