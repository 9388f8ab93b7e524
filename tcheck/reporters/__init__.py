"""Reporters format a :class:`~tcheck.engine.RunResult`; they never decide the exit status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tcheck.engine import RunResult
from tcheck.model import Finding

Reporter = Callable[[RunResult, bool], str]


def located(result: RunResult, finding: Finding) -> dict[str, Any]:
    """The output contract of one finding (see DESIGN.md), with 1-based positions."""
    line, column = result.position(finding.path, finding.span.start)
    end_line, end_column = result.position(finding.path, finding.span.end)
    related = []
    for rel in finding.related:
        r_line, r_col = result.position(rel.path, rel.span.start)
        r_end_line, r_end_col = result.position(rel.path, rel.span.end)
        related.append(
            {
                "path": rel.path,
                "line": r_line,
                "column": r_col,
                "end_line": r_end_line,
                "end_column": r_end_col,
                "note": rel.note,
            }
        )
    out: dict[str, Any] = {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "path": finding.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "offset": finding.span.start,
        "end_offset": finding.span.end,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "related": related,
        "side": finding.side,
    }
    if finding.confidence is not None:
        out["confidence"] = finding.confidence
    if finding.data:
        out["data"] = dict(finding.data)
    return out


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from tcheck.reporters.json import render
    elif name == "sarif":
        from tcheck.reporters.sarif import render
    elif name == "github":
        from tcheck.reporters.github import render
    elif name == "html":
        from tcheck.reporters.html import render
    else:
        from tcheck.reporters.text import render
    return render
