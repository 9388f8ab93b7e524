"""``path:line:col: CODE [severity] message (suggestion)`` lines and a summary."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.engine import RunResult
from tcheck.reporters import located, pairing_lines

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"
_BOLD = "\033[1m"


def chunks(result: RunResult, color: bool = False) -> Iterator[str]:
    """The report line by line (with its line break), as :func:`render` gives it whole: a run
    with a finding every few characters writes its report without holding it."""
    for finding in result.findings:
        item = located(result, finding)
        severity = item["severity"]
        tag = f"[{severity}]"
        code = item["code"]
        if color:
            tag = f"{_COLOURS[severity]}{tag}{_RESET}"
            code = f"{_BOLD}{code}{_RESET}"
        text = f"{item['path']}:{item['line']}:{item['column']}: {code} {tag} {item['message']}"
        if item["suggestion"]:
            text += f" (suggestion: {item['suggestion']})"
        yield text + "\n"
    lines = [*result.notes, *pairing_lines(result, result.verbose)]
    counts = result.counts()
    total = len(result.findings)
    files = result.files_checked
    if total:
        parts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
        summary = (
            f"{total} finding{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}"
        )
    else:
        summary = f"No findings in {files} file{'s' if files != 1 else ''}"
    lines.append(summary)
    yield "\n".join(lines) + "\n"


def render(result: RunResult, color: bool = False) -> str:
    return "".join(chunks(result, color))
