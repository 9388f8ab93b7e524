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
        "fix": None,
    }
    if finding.fix is not None:  # a certain replacement (tcheck check --fix applies it)
        fix_line, fix_col = result.position(finding.path, finding.fix.span.start)
        fix_end_line, fix_end_col = result.position(finding.path, finding.fix.span.end)
        out["fix"] = {
            "text": finding.fix.text,
            "line": fix_line,
            "column": fix_col,
            "end_line": fix_end_line,
            "end_column": fix_end_col,
            "offset": finding.fix.span.start,
            "end_offset": finding.fix.span.end,
        }
    if finding.confidence is not None:
        out["confidence"] = finding.confidence
    if finding.data:
        out["data"] = dict(finding.data)
    return out


def pairing_lines(result: RunResult, verbose: bool = False) -> list[str]:
    """The run's pairing in words: translations paired with their originals, per language, and
    (``verbose``) the paths of those without one. Nothing when the run has no translations."""
    if not result.pairing:
        return []
    paired = sum(int(v["paired"]) for v in result.pairing.values())
    alone = {lang: v["unpaired"] for lang, v in result.pairing.items() if v["unpaired"]}
    missing = sum(len(v) for v in alone.values())
    per_lang = ", ".join(f"{lang} {v['paired']}" for lang, v in result.pairing.items())
    line = f"pairing: {paired} translation{'s' if paired != 1 else ''} paired with their source ({per_lang})"
    if missing:
        counts = ", ".join(f"{lang} {len(v)}" for lang, v in alone.items())
        line += f"; {missing} without a source, checked alone ({counts})"
        if not verbose:
            line += "; --verbose lists them"
    lines = [line]
    if not paired:
        lines.append(
            "pairing: no translation found its original: check --source-lang (or [tool.tcheck.options."
            "pairing] source-lang) and that the originals are in the repository (README: Pairing)"
        )
    if verbose:
        lines += [f"  without a source: {path}" for paths in alone.values() for path in paths]
    return lines


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
