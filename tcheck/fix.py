"""Safe fixes: apply the replacements checks are certain of (``tcheck check --fix``).

A check marks a finding's fix as certain (:class:`tcheck.model.Fix`) only where applying it cannot
be wrong; everything else stays a suggestion for a person. Applying keeps the file as it was
byte for byte outside the fixed spans: line endings, a UTF-8 byte order mark and every other
character stay. Files whose characters do not stand in the file as they are read (HTML, Word,
XLIFF, PO, TMX, JSON/YAML/TOML resources: entities and escapes) are never changed; a note says
so. Two fixes that overlap: the first (in file order) is applied, the other skipped with a note.
Only files the run checked are changed, and a file that changed on disk while it was checked is
left alone.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcheck.config import Config
from tcheck.engine import Input, RunResult
from tcheck.formats import (
    BILINGUAL_SUFFIXES,
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    RESOURCE_SUFFIXES,
    decode,
    read_bytes,
)
from tcheck.model import Finding, Fix

# Readers whose segments are not the file's characters as they stand: a fix could break them.
UNFIXABLE_SUFFIXES = HTML_SUFFIXES | DOCX_SUFFIXES | BILINGUAL_SUFFIXES | RESOURCE_SUFFIXES


@dataclass
class FileFix:
    """The fixes of one checked file: its bytes before and after."""

    path: str  # the path findings report (the name given with --stdin-filename for '-')
    original: bytes
    fixed: bytes
    applied: list[Finding] = field(default_factory=list)


@dataclass
class FixPlan:
    """What ``--fix`` would change, and what it leaves alone and why."""

    files: list[FileFix] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(f.applied) for f in self.files)


def fixable(path: str) -> bool:
    """Whether a file of this name is read as its plain characters (text, Markdown, MDX)."""
    return Path(path).suffix.lower() not in UNFIXABLE_SUFFIXES


def snapshot(inputs: Sequence[Input]) -> dict[str, bytes]:
    """The bytes of every checked file (by the path findings report), read before the check."""
    out: dict[str, bytes] = {}
    for item in inputs:
        if not fixable(item.path):
            out[item.shown] = b""  # never read: it will not be changed
            continue
        try:
            out[item.shown] = item.data if item.data is not None else read_bytes(item.path)
        except Exception:  # unreadable: the check reports TC001, there is nothing to fix
            continue
    return out


def plan(result: RunResult, checked: Mapping[str, bytes]) -> FixPlan:
    """The certain fixes of ``result`` applied to the ``checked`` files' bytes (nothing written).

    ``checked`` maps the path findings report to the bytes that were checked; findings on any
    other path (a source-language original, a glossary) are never fixed.
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.fix is not None:
            by_path.setdefault(finding.path, []).append(finding)
    out = FixPlan()
    for path in sorted(by_path):
        findings = by_path[path]
        count = f"{len(findings)} fix{'es' if len(findings) != 1 else ''}"
        if path not in checked:
            out.notes.append(f"{path}: not fixed ({count}): not a file this run checked")
            continue
        if not fixable(path):
            out.notes.append(
                f"{path}: not fixed ({count}): HTML, Word, bilingual and resource files are never "
                "fixed (entities and escapes could not be kept intact)"
            )
            continue
        file_fix = _apply(path, checked[path], findings, result, out.notes)
        if file_fix is not None:
            out.files.append(file_fix)
    return out


def _apply(
    path: str, data: bytes, findings: list[Finding], result: RunResult, notes: list[str]
) -> FileFix | None:
    """``data`` with the fixes applied, first come first served; None when nothing changes."""
    text = decode(path, data)
    pieces: list[str] = []
    applied: list[Finding] = []
    done: dict[tuple[int, int, str], Finding] = {}
    at = 0
    for finding in sorted(findings, key=lambda f: (_fix_of(f).span.start, _fix_of(f).span.end, f.code)):
        fix = _fix_of(finding)
        key = (fix.span.start, fix.span.end, fix.text)
        if key in done:  # the same replacement from two findings: applied once, both fixed
            applied.append(finding)
            continue
        line, column = result.position(path, fix.span.start)
        if fix.span.start < at or fix.span.end > len(text):
            notes.append(
                f"{path}:{line}:{column}: {finding.code} not fixed: it overlaps a fix applied before it"
            )
            continue
        pieces.append(text[at : fix.span.start])
        pieces.append(fix.text)
        at = fix.span.end
        done[key] = finding
        applied.append(finding)
    if not applied:
        return None
    pieces.append(text[at:])
    new_text = "".join(pieces)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    return FileFix(path, data, bom + new_text.encode("utf-8"), applied)


def _fix_of(finding: Finding) -> Fix:
    if finding.fix is None:  # plan() passes only findings with a fix
        raise ValueError(f"{finding.code} has no fix")
    return finding.fix


def unified_diff(plan_: FixPlan) -> str:
    """The change of every file as a unified diff (``a/PATH`` -> ``b/PATH``), nothing written."""
    chunks: list[str] = []
    for item in plan_.files:
        before = decode(item.path, item.original).splitlines(keepends=True)
        after = decode(item.path, item.fixed).splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{item.path}", f"b/{item.path}")
        chunks.extend(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
        )
    return "".join(chunks)


def write(plan_: FixPlan, files: Mapping[str, str]) -> tuple[list[FileFix], list[str]]:
    """Write the fixed files; ``files`` maps each reported path to the file on disk. Returns the
    files written and notes on those left alone: a file whose bytes are no longer the ones
    checked, or one not on disk."""
    notes: list[str] = []
    written: list[FileFix] = []
    for item in plan_.files:
        target = files.get(item.path)
        if target is None:
            notes.append(f"{item.path}: not fixed: not a file on disk")
            continue
        if Path(target).read_bytes() != item.original:
            notes.append(f"{item.path}: not fixed: the file changed while it was checked")
            continue
        Path(target).write_bytes(item.fixed)
        written.append(item)
    return written, notes


def check_and_plan(
    paths: Sequence[str],
    config: Config,
    source: str | None = None,
    *,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
    **options: Any,
) -> tuple[RunResult, FixPlan, dict[str, str]]:
    """Check like :func:`tcheck.app.check` (``options`` are its keyword arguments) and plan the
    certain fixes of the findings it reports. Returns the run, the plan and, for writing, the file
    on disk of each checked path (standard input has none)."""
    from tcheck import app

    inputs = app._inputs(paths, config, stdin, stdin_filename)
    before = snapshot(inputs)
    result = app.check(paths, config, source, stdin=stdin, stdin_filename=stdin_filename, **options)
    files = {item.shown: item.path for item in inputs if item.data is None}
    return result, plan(result, before), files
