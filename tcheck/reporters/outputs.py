"""One run, several reports: ``--report FORMAT:PATH`` (repeatable) beside ``--format``/``--output``,
and, in GitHub Actions, a Markdown job summary.

Every report is rendered from the same :class:`~tcheck.engine.RunResult`, so the files agree with
each other and with the exit status. The GitHub annotations name where the findings they leave
out are (the other reports, the job summary).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import TextIO

from tcheck.config import FORMATS
from tcheck.engine import RunResult
from tcheck.errors import UsageError
from tcheck.reporters import get_reporter


def parse_report(spec: str) -> tuple[str, str]:
    """``FORMAT:PATH`` (``sarif:tcheck.sarif``) as (format, path); a usage error otherwise."""
    fmt, sep, path = spec.partition(":")
    fmt = fmt.strip().lower()
    if not sep or fmt not in FORMATS or not path.strip():
        raise UsageError(
            f"--report {spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(FORMATS)} "
            "(e.g. --report sarif:tcheck.sarif)"
        )
    return fmt, path


def check_destinations(reports: Sequence[tuple[str, str]], output: str | None) -> None:
    """No two reports (nor --output) may go to the same file."""
    seen: dict[str, str] = {}
    for option, path in [
        *(("--output", output) for _ in [0] if output),
        *(("--report", p) for _, p in reports),
    ]:
        real = os.path.realpath(path)
        if real in seen:
            raise UsageError(f"{option} {path}: {seen[real]} already writes this file")
        seen[real] = f"{option} {path}"


def where_else(reports: Sequence[tuple[str, str]], summary: bool) -> list[str]:
    """Where a reader finds every finding besides the annotations, in words."""
    places = [f"{path} ({fmt})" for fmt, path in reports if fmt != "github"]
    if summary:
        places.append("the job summary")
    return places


def render(fmt: str, result: RunResult, colour: bool, elsewhere: Sequence[str] = ()) -> str:
    """The report in ``fmt``; GitHub annotations are capped and name ``elsewhere``."""
    if fmt == "github":
        from tcheck.reporters.github import render as github

        return github(result, colour, elsewhere)
    return get_reporter(fmt)(result, colour)


def chunks(fmt: str, result: RunResult, colour: bool, elsewhere: Sequence[str] = ()) -> Iterator[str]:
    """The report in ``fmt`` piece by piece: the JSON and text reports as they are made (a run
    with findings every few characters need not hold its report), the others whole."""
    if fmt == "json":
        from tcheck.reporters.json import chunks as json_chunks

        return json_chunks(result)
    if fmt == "text":
        from tcheck.reporters.text import chunks as text_chunks

        return text_chunks(result, colour)
    return iter([render(fmt, result, colour, elsewhere)])


def emit(
    fmt: str, result: RunResult, colour: bool, elsewhere: Sequence[str], output: str | None, stream: TextIO
) -> None:
    """Write the report to the file ``output`` (replaced), or to ``stream`` when there is none."""
    pieces = chunks(fmt, result, colour, elsewhere)
    if output is None:
        for piece in pieces:
            stream.write(piece)
        stream.flush()
        return
    with open(output, "w", encoding="utf-8") as out:
        for piece in pieces:
            out.write(piece)


def write_reports(
    result: RunResult, reports: Sequence[tuple[str, str]], elsewhere: Sequence[str] = ()
) -> None:
    """Write each ``--report`` file (without colour)."""
    for fmt, path in reports:
        emit(fmt, result, False, elsewhere, path, sys.stdout)


def step_summary_path(environ: Mapping[str, str]) -> str | None:
    """``$GITHUB_STEP_SUMMARY`` when running in GitHub Actions."""
    if environ.get("GITHUB_ACTIONS") != "true":
        return None
    return environ.get("GITHUB_STEP_SUMMARY") or None


def append_step_summary(result: RunResult, path: str, environ: Mapping[str, str]) -> None:
    """Add the Markdown job summary to ``path`` (GitHub shows every step's summary on the run)."""
    from tcheck.reporters.markdown import render as markdown

    with open(path, "a", encoding="utf-8") as out:
        out.write(markdown(result, environ))
