"""The seed article: the problems it is known for, at their exact places."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

from click.testing import CliRunner

from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_9218c9f7ab65b076.txt"


def _run(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", str(SEED), "--source-lang", "nb", "--format", "json", *args])
    return result.exit_code, json.loads(result.output)


def test_seed_is_the_shared_article_byte_for_byte() -> None:
    if SHARED_SEED.exists():
        assert filecmp.cmp(SEED, SHARED_SEED, shallow=False)
    assert SEED.read_bytes().startswith(b"Wednesday, January 19\n")


def test_seed_findings() -> None:
    code, report = _run()
    assert code == 1
    by_code: dict[str, list[dict]] = {}
    for f in report["findings"]:
        by_code.setdefault(f["code"], []).append(f)

    tc101 = by_code["TC101"]
    assert [f["line"] for f in tc101] == [61, 79, 87]
    assert all(f["suggestion"] == "CSTO" for f in tc101)
    text = SEED.read_text(encoding="utf-8").splitlines()
    for f in tc101:
        assert text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "CTSO"

    tc202 = by_code["TC202"]
    assert {f["line"] for f in tc202} >= {19, 61}
    for f in tc202:
        assert text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == "Thursday"
        assert f["related"] and f["related"][0]["line"] == 1

    tc303 = by_code["TC303"]
    assert [f["line"] for f in tc303] == [101]
    assert tc303[0]["suggestion"] == "NOK 5,000"


def test_seed_errors_are_real() -> None:
    """Every error-level finding is one of the known real problems (no noise at error level)."""
    _, report = _run()
    errors = {(f["code"], f["line"]) for f in report["findings"] if f["severity"] == "error"}
    known = {("TC101", 61), ("TC101", 79), ("TC101", 87), ("TC202", 19), ("TC202", 61)}
    assert errors - known == set()


def test_seed_dates_numbers_and_currency() -> None:
    """TC2xx/TC3xx on the seed: the 24-hour clock, mixed number formats, kroner; no TC201."""
    _, report = _run("--select", "TC2,TC3")
    text = SEED.read_text(encoding="utf-8").splitlines()

    def shown(f: dict) -> str:
        return text[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]

    by_code: dict[str, list[dict]] = {}
    for f in report["findings"]:
        by_code.setdefault(f["code"], []).append(f)
    # "Wednesday, January 19": the year cannot be inferred (no front matter, no year in the
    # dateline; "In 2021" is history), so the weekday is not checked against a calendar.
    assert "TC201" not in by_code
    (tc205,) = by_code["TC205"]
    assert (tc205["line"], shown(tc205), tc205["suggestion"]) == (
        25,
        "14 Norwegian time",
        "2 PM Norwegian time",
    )
    tc302 = by_code["TC302"]
    assert [(f["line"], shown(f), f["suggestion"]) for f in tc302] == [
        (5, "2300", "2,300"),
        (31, "1000", "1,000"),
        (37, "2300", "2,300"),
    ]
    assert all(f["severity"] == "warning" for f in [*tc302, tc205])
    (tc303,) = by_code["TC303"]
    assert (tc303["line"], shown(tc303), tc303["suggestion"]) == (101, "5,000 kroner", "NOK 5,000")
    tc202 = {(f["line"], f["severity"]) for f in by_code["TC202"]}
    # tied to the day of writing ("earlier on Thursday", "Early Thursday"): errors; a plain
    # "On Thursday" the day after the dateline: warnings
    assert tc202 == {(19, "error"), (61, "error"), (71, "warning"), (81, "warning")}
