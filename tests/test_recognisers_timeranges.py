"""Time ranges and 4-digit times, and how TC204 compares them."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_paths
from tcheck.recognise.timefind import find_times


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Åpent kl. 18-20 hver dag.", "nb", [("kl. 18", 18 * 60), ("20", 20 * 60)]),
        ("Open 6-8 p.m. daily.", "en", [("6", 18 * 60), ("8 p.m.", 20 * 60)]),
        ("Open from 6 to 8 p.m. daily.", "en", [("6", 18 * 60), ("8 p.m.", 20 * 60)]),
        ("Geöffnet von 18 bis 20 Uhr.", "de", [("18", 18 * 60), ("20 Uhr", 20 * 60)]),
        ("The train leaves at 0430.", "en", [("0430", 4 * 60 + 30)]),
        ("The strike began at 2100 GMT.", "en", [("2100 GMT", 21 * 60)]),
        # a duration and a postcode are not times; a range across noon is left alone
        ("It took about 1200 hours.", "en", []),
        ("Adresse: Postboks 12, 0430 Oslo.", "nb", []),
        ("Lunch from 11-1 p.m.", "en", [("1 p.m.", 13 * 60)]),
    ],
)
def test_ranges_and_four_digit_times(text: str, lang: str, expected: list[tuple[str, int]]) -> None:
    assert [(t.text, t.minutes) for t in find_times(text, lang)] == expected


def _tc2(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "target.txt").write_text(target + "\n", encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC2", "TC3"],
        source_lang=src,
        target_lang=tgt,
    )
    return [f for f in findings(result) if f["severity"] != "info"]


def test_a_range_agrees_with_a_range_on_another_clock(tmp_path: Path) -> None:
    assert (
        _tc2(
            tmp_path,
            "Butikken er åpen kl. 18–20 hver dag.",
            "The shop is open 6-8 p.m. every day.",
            "nb",
            "en",
        )
        == []
    )
    (f,) = _tc2(
        tmp_path, "Butikken er åpen kl. 18–20 hver dag.", "The shop is open 6-9 p.m. every day.", "nb", "en"
    )
    assert f["code"] == "TC204" and f["message"].startswith("'9 p.m.' (21:00)")
    assert _tc2(tmp_path, "Open from 6 to 8 p.m.", "Geöffnet von 18 bis 20 Uhr.", "en", "de") == []


def test_four_digit_times_agree_with_other_spellings(tmp_path: Path) -> None:
    assert _tc2(tmp_path, "The train leaves at 0430.", "Toget går kl. 4.30.", "en", "nb") == []
    (f,) = _tc2(tmp_path, "The train leaves at 0430.", "Toget går kl. 5.30.", "en", "nb")
    assert f["code"] == "TC204"
