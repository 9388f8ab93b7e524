"""TC2xx on a paragraph that repeats one mistake: the first 20 listed, then one summary."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text
from tcheck.checks._flood import LIMIT

GIPFEL = "Am Donnerstag, 19. Januar 2022 begann der Gipfel."  # 19 January 2022 was a Wednesday


def _run(tmp_path: Path, text: str, code: str, name: str, **settings: str) -> list[dict]:
    return findings(run_text(tmp_path, text, name, select=[code], **settings), code)


def test_a_flood_of_wrong_weekdays_is_summed_up(tmp_path: Path) -> None:
    text = " ".join([GIPFEL] * (LIMIT + 5)) + "\n"
    found = _run(tmp_path, text, "TC201", "de.txt", target_lang="de")
    assert len(found) == LIMIT + 1
    listed, summary = found[:LIMIT], found[LIMIT]
    assert all(f["suggestion"] == "Mittwoch" for f in listed)
    step = len(GIPFEL) + 1
    assert summary["offset"] == LIMIT * step + 3  # the first one left out: its weekday
    assert text[summary["offset"] : summary["end_offset"]] == "Donnerstag"
    assert summary["message"].startswith("... and 5 more weekdays that do not fall on their dates")
    assert summary["severity"] == "error"
    (last,) = summary["related"]
    assert (last["column"] - 1, last["note"]) == ((LIMIT + 4) * step + 3, "the last of them")


def test_up_to_the_limit_or_over_several_paragraphs_everything_is_listed(tmp_path: Path) -> None:
    exactly = " ".join([GIPFEL] * LIMIT) + "\n"
    assert len(_run(tmp_path, exactly, "TC201", "a.txt", target_lang="de")) == LIMIT
    spread = "\n\n".join(" ".join([GIPFEL] * 13) for _ in range(2)) + "\n"
    found = _run(tmp_path, spread, "TC201", "b.txt", target_lang="de")
    assert len(found) == 26 and all("more" not in f["message"] for f in found)


def test_the_summary_is_as_severe_as_what_it_stands_for(tmp_path: Path) -> None:
    # no year in the dates: inferred from the front matter, so each finding is a warning
    text = "---\ndate: 2022-01-10\n---\n\n" + " ".join(["Toppmøtet åpner torsdag 19. januar."] * 22) + "\n"
    found = _run(tmp_path, text, "TC201", "doc.md", target_lang="nb")
    assert len(found) == LIMIT + 1
    assert {f["severity"] for f in found} == {"warning"}
    assert "2 more" in found[-1]["message"]


def test_a_flood_of_clock_times(tmp_path: Path) -> None:
    text = " ".join(["At 14 Norwegian time, shots were heard."] * (LIMIT + 3)) + "\n"
    found = _run(tmp_path, text, "TC205", "en.txt", target_lang="en")
    assert len(found) == LIMIT + 1
    assert found[-1]["message"].startswith("... and 3 more clock times in a form 'en' does not use")
    assert found[0]["suggestion"] == "2 PM Norwegian time"


def test_a_flood_of_dates_against_the_source(tmp_path: Path) -> None:
    source = " ".join(["Møtet er onsdag 19. januar."] * (LIMIT + 2))
    target = " ".join(["The meeting is on Thursday, January 19."] * (LIMIT + 2))
    found = _run(tmp_path, f"nb\ten\n{source}\t{target}\n", "TC203", "pair.tsv")
    assert len(found) == LIMIT + 1
    assert found[-1]["message"].startswith("... and 2 more dates that differ from the source's")
