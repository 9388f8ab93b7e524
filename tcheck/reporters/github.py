"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``."""

from __future__ import annotations

from tcheck.engine import RunResult
from tcheck.reporters import located, pairing_lines

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, color: bool = False) -> str:
    lines = []
    for finding in result.findings:
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
        lines.append(f"::{_LEVEL[item['severity']]} {prop_text}::{_escape_data(message)}")
    lines += [f"::notice title=tcheck pairing::{_escape_data(line)}" for line in pairing_lines(result)]
    return "\n".join(lines) + ("\n" if lines else "")
