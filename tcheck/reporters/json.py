"""``{"version", "findings": [...], "summary": {...}}`` as in DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterator

from tcheck import __version__
from tcheck.engine import RunResult
from tcheck.reporters import located


def payload(result: RunResult, findings: bool = True) -> dict[str, object]:
    """The whole report as one object (``findings=False``: with an empty findings list)."""
    counts = result.counts()
    return {
        "version": __version__,
        "tool": {"name": "tcheck", "version": __version__, **result.signature},
        "findings": [located(result, f) for f in result.findings] if findings else [],
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


_FINDINGS = '\n  "findings": []'  # the top-level key (nested keys are indented further)


def chunks(result: RunResult) -> Iterator[str]:
    """The report's text piece by piece, one finding at a time, as :func:`render` gives it whole.

    A run with a finding every few characters (a paragraph of wrong weekdays) has a report many
    times the size of its files: written as it is made, the report never needs to be held, nor
    the encoder's pieces of it (dozens of small strings per finding).
    """
    frame = json.dumps(payload(result, findings=False), ensure_ascii=False, indent=2)
    cut = frame.index(_FINDINGS) + len(_FINDINGS) - 2  # just before the empty list
    yield frame[:cut]
    if not result.findings:
        yield "[]"
    for number, finding in enumerate(result.findings):
        item = json.dumps(located(result, finding), ensure_ascii=False, indent=2)
        # strings in JSON hold no raw line break: every one is the layout's, indented one level
        yield ("[\n    " if number == 0 else ",\n    ") + item.replace("\n", "\n    ")
    if result.findings:
        yield "\n  ]"
    yield frame[cut + 2 :] + "\n"


def render(result: RunResult, color: bool = False) -> str:
    return "".join(chunks(result))
