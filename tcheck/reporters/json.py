"""``{"version", "findings": [...], "summary": {...}}`` as in DESIGN.md."""

from __future__ import annotations

import json

from tcheck import __version__
from tcheck.engine import RunResult
from tcheck.reporters import located


def payload(result: RunResult) -> dict[str, object]:
    counts = result.counts()
    return {
        "version": __version__,
        "tool": {"name": "tcheck", "version": __version__, **result.signature},
        "findings": [located(result, f) for f in result.findings],
        "summary": {
            "files": result.files_checked,
            "findings": len(result.findings),
            **counts,
            "exit_code": result.exit_code,
            "fail_on": result.fail_on,
            "translations": dict(result.translations),
            "pairing": result.pairing,
            # what the run could not do (a glossary that cannot apply, checks skipped ...)
            "notes": list(result.notes),
        },
    }


def render(result: RunResult, color: bool = False) -> str:
    return json.dumps(payload(result), ensure_ascii=False, indent=2) + "\n"
