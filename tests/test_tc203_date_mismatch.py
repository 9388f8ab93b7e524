"""TC203 date-mismatch: weekday, month, day or year differs from the source."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths


def _tc203(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    (tmp_path / "target.txt").write_text(target, encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC203"],
        source_lang=src,
        target_lang=tgt,
    )
    return findings(result, "TC203")


EN = "The summit opens on Wednesday, January 19, in Geneva.\n"


def test_weekday_swapped(tmp_path: Path) -> None:
    (f,) = _tc203(tmp_path, EN, "Toppmøtet åpner torsdag 19. januar i Genève.\n", "en", "nb")
    assert f["message"] == (
        "'torsdag 19. januar' says torsdag where the source ('Wednesday, January 19') says onsdag"
    )
    assert (f["column"], f["end_column"]) == (17, 35)
    assert f["related"][0]["path"].endswith("source.txt")


def test_month_and_day(tmp_path: Path) -> None:
    (f,) = _tc203(tmp_path, EN, "Le sommet s'ouvre le mercredi 18 février à Genève.\n", "en", "fr")
    assert "says février, day 18 where the source" in f["message"]


def test_parts_only_one_side_states_are_not_compared(tmp_path: Path) -> None:
    assert _tc203(tmp_path, EN, "Der Gipfel beginnt am Mittwoch in Genf.\n", "en", "de") == []
    assert (
        _tc203(
            tmp_path,
            "The talks resume on Saturday.\n",
            "Las conversaciones se reanudan el 6 de octubre.\n",
            "en",
            "es",
        )
        == []
    )


def test_chinese_and_russian(tmp_path: Path) -> None:
    assert len(_tc203(tmp_path, EN, "峰会将于1月19日（周四）在日内瓦开幕。\n", "en", "zh")) == 1
    assert len(_tc203(tmp_path, EN, "Саммит откроется в четверг, 19 января, в Женеве.\n", "en", "ru")) == 1
    assert _tc203(tmp_path, EN, "Саммит откроется в среду, 19 января, в Женеве.\n", "en", "ru") == []
