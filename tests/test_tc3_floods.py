"""TC3xx on a paragraph that repeats one mistake: the first 20 listed, then one summary."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text
from tcheck.checks._flood import LIMIT


def _run(tmp_path: Path, text: str, code: str, name: str, **settings: str) -> list[dict]:
    return findings(run_text(tmp_path, text, name, select=[code], **settings), code)


def test_a_flood_of_ungrouped_numbers(tmp_path: Path) -> None:
    text = "Over 1,000 people came. " + " ".join(["Then 2300 more arrived."] * (LIMIT + 5)) + "\n"
    found = _run(tmp_path, text, "TC302", "en.txt", target_lang="en")
    assert len(found) == LIMIT + 1
    assert all(f["suggestion"] == "2,300" for f in found[:LIMIT])
    summary = found[LIMIT]
    assert summary["message"].startswith("... and 5 more numbers without a thousands separator")
    assert text[summary["offset"] : summary["end_offset"]] == "2300"
    assert summary["suggestion"] is None and summary["fix"] is None


def test_ungrouped_numbers_in_short_paragraphs_are_all_listed(tmp_path: Path) -> None:
    text = "Over 1,000 people came.\n\n" + "\n\n".join(["Then 2300 more arrived."] * (LIMIT + 5)) + "\n"
    found = _run(tmp_path, text, "TC302", "en.txt", target_lang="en")
    assert len(found) == LIMIT + 5 and all(f["suggestion"] == "2,300" for f in found)


def test_a_flood_of_ambiguous_currencies(tmp_path: Path) -> None:
    text = " ".join(["The average monthly salary is just over 5,000 kroner."] * (LIMIT + 1))
    found = _run(tmp_path, text + "\n", "TC303", "en.txt", target_lang="en", source_lang="nb")
    assert len(found) == LIMIT + 1
    assert found[-1]["message"].startswith("... and 1 more amounts in currencies readers cannot tell")
    assert found[-1]["related"] == []  # one left out: no other place to show


def test_a_flood_of_changed_numbers(tmp_path: Path) -> None:
    source = " ".join(f"Minst {1000 + i} personer ble drept." for i in range(LIMIT + 5))
    target = " ".join(f"At least {5000 + i} people were killed." for i in range(LIMIT + 5))
    found = _run(tmp_path, f"nb\ten\n{source}\t{target}\n", "TC301", "pair.tsv")
    assert len(found) == LIMIT + 1
    assert found[-1]["message"].startswith("... and 5 more numbers that are not in the source")
    assert found[-1]["severity"] == "error"
