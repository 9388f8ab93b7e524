"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the
rest. So the first 10 findings of each severity (in report order) become annotations, and one
notice says how many were left out and where they all are (the SARIF report, the job summary).
"""

from __future__ import annotations

from collections.abc import Sequence

from tcheck.engine import RunResult
from tcheck.reporters import located, pairing_lines

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # annotations GitHub shows per level and step


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, color: bool = False, elsewhere: Sequence[str] = ()) -> str:
    """Annotations for the first findings of each level; ``elsewhere`` names where the rest are."""
    lines = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    left_out = 0
    for finding in result.findings:
        level = _LEVEL[finding.severity.label]
        if shown[level] >= PER_LEVEL:
            left_out += 1
            continue
        shown[level] += 1
        item = located(result, finding)
        props = {
            "file": item["path"],
            "line": item["line"],
            "col": item["column"],
            "endLine": item["end_line"],
            "endColumn": item["end_column"],
            "title": f"{item['code']} {item['name']}",
        }
        message = item["message"]
        if item["suggestion"]:
            message += f" (suggestion: {item['suggestion']})"
        prop_text = ",".join(f"{k}={_escape_property(str(v))}" for k, v in props.items())
        lines.append(f"::{level} {prop_text}::{_escape_data(message)}")
    if left_out:
        where = (
            f"; all {len(result.findings)} are in {' and '.join(elsewhere)}"
            if elsewhere
            else "; write them all with --report sarif:tcheck.sarif or --report text:tcheck.txt"
        )
        note = (
            f"{left_out} more finding{'s' if left_out != 1 else ''} not annotated (GitHub shows "
            f"{PER_LEVEL} per level and step){where}"
        )
        lines.append(f"::notice title=tcheck::{_escape_data(note)}")
    lines += [f"::notice title=tcheck pairing::{_escape_data(line)}" for line in pairing_lines(result)]
    return "\n".join(lines) + ("\n" if lines else "")
