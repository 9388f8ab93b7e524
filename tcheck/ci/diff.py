"""Changed-lines mode: report only findings on lines changed since a git revision (``--diff REV``)
or in a unified diff read from standard input (``--diff -``).

Every document is still read and checked whole (a weekday is compared with the dateline at the
top, a spelling with the rest of the run); only the report is narrowed to findings whose span
touches a changed (added or modified) line of the new version. Files that are new (added in the
diff, or untracked with ``--diff REV``) count as changed everywhere; files not in the diff report
nothing. Findings about a file as a whole (``TC0xx`` at its start) are kept when the file changed.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from tcheck.engine import RunResult
from tcheck.errors import UsageError
from tcheck.model import Finding

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "r": "\r", "v": "\v"}
WHOLE_FILE: frozenset[int] = frozenset({-1})  # marker: every line counts as changed


@dataclass(frozen=True)
class ChangedLines:
    """Changed line numbers (1-based, new side) per file.

    ``files`` are absolute paths. ``relative`` holds the paths a diff on standard input names,
    by file name: a checked file also matches when its absolute path ends with one of them, so a
    diff made at the top of a repository applies when tcheck runs in a sub-folder too.
    """

    label: str
    files: Mapping[str, frozenset[int]] = field(default_factory=dict)
    relative: Mapping[str, tuple[tuple[tuple[str, ...], frozenset[int]], ...]] = field(default_factory=dict)

    def lines_for(self, path: str) -> frozenset[int] | None:
        """The changed lines of ``path`` (relative to the current folder or absolute), if any."""
        full = os.path.abspath(path)
        if full in self.files:
            return self.files[full]
        parts = PurePosixPath(Path(full).as_posix()).parts
        for rel_parts, lines in self.relative.get(parts[-1], ()):
            if parts[-len(rel_parts) :] == rel_parts:
                return lines
        return None

    def covers(self, finding: Finding, first: int, last: int) -> bool:
        """Whether a finding on lines ``first..last`` of its file touches a changed line."""
        lines = self.lines_for(finding.path)
        if lines is None:
            return False
        if -1 in lines or (finding.code.startswith("TC0") and finding.span.start == 0):
            return True
        return any(line in lines for line in range(first, last + 1))


class _BadPath(ValueError):
    pass


def _unquote(name: str) -> str:
    """A path from a diff header: C-quoted by git when it holds unusual characters."""
    name = name.split("\t", 1)[0].rstrip("\r")
    if not (name.startswith('"') and name.endswith('"') and len(name) >= 2):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and i + 3 < len(body):
                code = body[i + 1 : i + 4]
                if any(c not in "01234567" for c in code) or int(code, 8) > 0o377:
                    raise _BadPath(f"invalid escape '\\{code}' in the quoted path {name}")
                out.append(int(code, 8))
                i += 4
                continue
            out.extend(_ESCAPES.get(nxt, nxt).encode())
            i += 2
            continue
        out.extend(ch.encode())
        i += 1
    return out.decode("utf-8", errors="replace")


def parse_unified(text: str, source: str = "diff") -> dict[str, frozenset[int]]:
    """Changed lines per path of the new side of a unified diff (``a/``/``b/`` prefixes dropped).

    New files map to :data:`WHOLE_FILE`; deleted files are left out. A path that cannot be read
    is a usage error ``SOURCE:LINE: message``.
    """
    try:
        return _parse_unified(text)
    except _BadPath as exc:
        raise UsageError(f"{source}:{exc.args[1]}: {exc.args[0]}") from None


def looks_like_a_diff(text: str) -> bool:
    """Whether ``text`` has a line a unified diff starts files or hunks with (empty text counts:
    nothing changed)."""
    if not text.strip():
        return True
    return _DIFF_LINE.search(text) is not None


_DIFF_LINE = re.compile(r"^(?:diff |--- |\+\+\+ |@@ -|Index: |Binary files )", re.M)


def _parse_unified(text: str) -> dict[str, frozenset[int]]:
    files: dict[str, set[int]] = {}
    new_files: set[str] = set()
    old: str | None = None
    current: str | None = None
    line_no = old_left = new_left = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if (old_left > 0 or new_left > 0) and raw[:1] in ("+", " ", "-", ""):
            if raw.startswith("+") and current is not None:
                files[current].add(line_no)
            if not raw.startswith("-"):
                line_no += 1
                new_left -= 1
            if not raw.startswith("+"):
                old_left -= 1
            continue
        old_left = new_left = 0
        if raw.startswith("--- "):
            old = _unquote_at(raw[4:], number)
            current = None
        elif raw.startswith("+++ "):
            new = _unquote_at(raw[4:], number)
            if new == "/dev/null":
                current = None
                continue
            if new.startswith("b/") and (old is None or old.startswith("a/") or old == "/dev/null"):
                new = new[2:]
            current = new
            files.setdefault(current, set())
            if old == "/dev/null":
                new_files.add(current)
        elif match := _HUNK.match(raw):
            old_left = int(match.group(2)) if match.group(2) is not None else 1
            line_no = int(match.group(3))
            new_left = int(match.group(4)) if match.group(4) is not None else 1
    return {p: WHOLE_FILE if p in new_files else frozenset(lines) for p, lines in files.items()}


def _unquote_at(name: str, number: int) -> str:
    try:
        return _unquote(name)
    except _BadPath as exc:
        raise _BadPath(str(exc), number) from None


def _git(args: Iterable[str], cwd: Path) -> str:
    import subprocess  # only a --diff run starts git (a run without it need not import this)

    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"--diff: {reason}")
    return done.stdout


def _repository_folder(specs: Sequence[str]) -> Path | None:
    """The folder git is asked in: that of the first checked path that exists (a folder itself,
    a file's parent), so ``tcheck check ../site --diff main`` asks the site's repository."""
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            return path
        if path.parent.is_dir():
            return path.parent
    return None


def from_git(rev: str, cwd: Path | None = None, paths: Sequence[str] = ()) -> ChangedLines:
    """Lines changed in the working tree since ``rev``, plus untracked files (wholly new).

    With ``paths`` (the checked files and folders), git is asked about those only: a large
    repository's other changes are neither listed nor parsed."""
    here = (cwd or Path.cwd()).resolve()
    specs = [os.path.abspath(here / p) for p in paths if p != "-"]
    if rev.startswith("-"):
        raise UsageError(f"--diff: {rev!r} is not a revision")
    inside = _repository_folder(specs) or here  # the checked paths' repository, wherever run from
    top = Path(_git(["rev-parse", "--show-toplevel"], inside).strip())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    except UsageError:
        raise UsageError(f"--diff: unknown git revision {rev!r}") from None
    patch = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", "-M", rev, "--", *specs], top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *specs], top)
    changed = {
        os.path.abspath(top / p): lines for p, lines in parse_unified(patch, f"git diff {rev}").items()
    }
    for name in filter(None, untracked.split("\0")):
        changed[os.path.abspath(top / name)] = WHOLE_FILE
    return ChangedLines(rev, changed)


def from_patch(text: str, cwd: Path | None = None) -> ChangedLines:
    """Changed lines from a unified diff; its paths are relative to ``cwd`` or to an upper folder."""
    here = (cwd or Path.cwd()).resolve()
    exact: dict[str, frozenset[int]] = {}
    relative: dict[str, list[tuple[tuple[str, ...], frozenset[int]]]] = {}
    if not looks_like_a_diff(text):
        raise UsageError("--diff -: standard input is not a unified diff (no '+++ ' or '@@' line)")
    for name, lines in parse_unified(text, "--diff -: standard input").items():
        exact[os.path.abspath(here / name)] = lines
        rel_parts = tuple(p for p in PurePosixPath(name).parts if p not in (".", "/"))
        if rel_parts and ".." not in rel_parts:
            relative.setdefault(rel_parts[-1], []).append((rel_parts, lines))
    return ChangedLines("-", exact, {k: tuple(v) for k, v in relative.items()})


def changed_lines(
    spec: str, stdin_text: str | None = None, cwd: Path | None = None, paths: Sequence[str] = ()
) -> ChangedLines:
    """``--diff REV`` (git, asked about ``paths`` only when given) or ``--diff -`` (``stdin_text``
    is the unified diff)."""
    if not spec.strip():
        raise UsageError(
            "--diff needs a git revision or '-' (it was given an empty value: an unset variable?)"
        )
    if spec == "-":
        if stdin_text is None:
            raise UsageError("--diff -: no diff on standard input")
        return from_patch(stdin_text, cwd)
    return from_git(spec, cwd, paths)


def restrict(result: RunResult, changed: ChangedLines) -> RunResult:
    """Only the findings of ``result`` on changed lines; a note says how many were left out."""
    kept = []
    for finding in result.findings:
        first, _ = result.position(finding.path, finding.span.start)
        last, _ = result.position(finding.path, max(finding.span.start, finding.span.end - 1))
        if changed.covers(finding, first, last):
            kept.append(finding)
    hidden = len(result.findings) - len(kept)
    notes = list(result.notes)
    if hidden:
        s = "s" if hidden != 1 else ""
        notes.append(f"--diff {changed.label}: {hidden} finding{s} outside the changed lines not shown")
    return dataclasses.replace(result, findings=kept, notes=notes)
