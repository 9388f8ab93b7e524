"""Reports are written as they are made: the JSON and text reports come piece by piece, one
finding at a time, and read exactly as the whole report rendered at once did."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tcheck.cli import main
from tcheck.engine import RunResult
from tcheck.model import Finding, Fix, LineIndex, Related, Severity, Span, frozen_map
from tcheck.reporters import json as json_report
from tcheck.reporters import text as text_report

TEXT = (
    "Statsminister Jonas Gahr Støre sa onsdag 19. januar at «alt er under kontroll».\n"
    'Präsident Tokajew sagte am Mittwoch, dem 19. Januar: "Die Lage ist stabil".\n'
    "東京で2,300人が集まった。\n"
)


def _result(findings: list[Finding]) -> RunResult:
    return RunResult(
        findings=findings,
        lines={"nyheter.txt": LineIndex(TEXT)},
        files_checked=1,
        fail_on="error",
        signature={"glossaries": {"g.csv": "abc"}},
        notes=['a note with "quotes"\nand a line break'],
    )


def _findings() -> list[Finding]:
    return [
        Finding(
            "TC203",
            "weekday-date",
            Severity.ERROR,
            'January 19, 2022 is a Wednesday, not a "Thursday"\n(see the dateline)',
            "nyheter.txt",
            Span(34, 40),
            suggestion="onsdag",
            related=(Related("nyheter.txt", Span(120, 126), "the dateline"),),
            confidence=0.75,
            data=frozen_map({"round_trip": "tekst\tmed tabulator", "n": [1, 2]}),
            fix=Fix(Span(34, 40), "onsdag"),
        ),
        Finding(
            "TC301",
            "number-mismatch",
            Severity.WARNING,
            "2,300 ≠ 2 300 — 東京",
            "nyheter.txt",
            Span(166, 171),
        ),
        Finding("TC401", "untranslated", Severity.INFO, "", "nyheter.txt", Span(0, 0)),
    ]


def test_json_pieces_are_the_whole_report() -> None:
    for findings in (_findings(), _findings()[:1], []):
        result = _result(findings)
        whole = json.dumps(json_report.payload(result), ensure_ascii=False, indent=2) + "\n"
        pieces = list(json_report.chunks(result))
        assert "".join(pieces) == whole
        assert json_report.render(result) == whole
        assert len(pieces) == len(findings) + 2 + (not findings) + bool(findings)  # one per finding


def test_text_pieces_are_one_line_per_finding() -> None:
    result = _result(_findings())
    pieces = list(text_report.chunks(result))
    assert pieces[0] == (
        'nyheter.txt:1:35: TC203 [error] January 19, 2022 is a Wednesday, not a "Thursday"\n'
        "(see the dateline) (suggestion: onsdag)\n"
    )
    assert pieces[1].startswith("nyheter.txt:3:") and pieces[1].endswith("2,300 ≠ 2 300 — 東京\n")
    assert pieces[-1].endswith("3 findings (1 error, 1 warning, 1 info) in 1 file\n")
    assert text_report.render(result) == "".join(pieces)
    assert text_report.render(_result([])).endswith("No findings in 1 file\n")


def test_the_cli_writes_the_same_report_to_a_file_and_to_standard_output(tmp_path: Path) -> None:
    page = tmp_path / "nyheter.txt"
    page.write_text(
        "Onsdag 19. januar 2022 kom 2300 soldater til Almaty. Torsdag 19. januar 2022 dro de.\n",
        encoding="utf-8",
    )
    args = [str(page), "--target-lang", "nb", "--no-default-glossaries", "--jobs", "1", "--quiet"]
    for fmt in ("json", "text"):
        out = tmp_path / f"report.{fmt}"
        to_file = CliRunner().invoke(main, ["check", *args, "--format", fmt, "--output", str(out)])
        to_stdout = CliRunner().invoke(main, ["check", *args, "--format", fmt])
        assert to_file.exit_code == to_stdout.exit_code == 1, to_stdout.output
        assert out.read_text(encoding="utf-8") == to_stdout.stdout
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert any(f["code"] == "TC201" for f in report["findings"])
    assert report["summary"]["findings"] == len(report["findings"])
