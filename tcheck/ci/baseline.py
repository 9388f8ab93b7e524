"""Baselines: adopt tcheck on a repository full of old findings without failing every build.

``--write-baseline FILE`` records the current findings; ``--baseline FILE`` (or ``baseline = ...``
in the configuration) hides them and reports the entries that no longer occur (fixed or changed).

A finding is recorded by a *fingerprint* that survives unrelated edits: a hash of its code, the
text of its span and up to :data:`CONTEXT` characters of text on either side within the same line,
each with whitespace runs collapsed. Line numbers are not part of it, so inserting a paragraph above
an old finding does not bring it back; editing the words around it does. Identical fingerprints in
one file are counted, so a third copy of a recorded problem is still reported. Paths are stored
relative to the baseline file's folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tcheck import __version__, structured
from tcheck.engine import RunResult
from tcheck.errors import UsageError
from tcheck.model import Finding

FORMAT_VERSION = 1
CONTEXT = 32
MAX_STALE_SHOWN = 20
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs become one space; leading and trailing space go."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, order=True)
class Key:
    """What identifies a recorded finding: file (relative to the baseline), code, fingerprint."""

    path: str
    code: str
    fingerprint: str


def _excerpt(text: str, finding: Finding) -> tuple[str, str, str]:
    """``(before, span, after)``: the span's text and its context on the same line(s)."""
    start = min(finding.span.start, len(text))
    end = min(max(finding.span.end, start), len(text))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[max(line_start, start - CONTEXT) : start]
    after = text[end : min(line_end, end + CONTEXT)]
    return normalise(before), normalise(text[start:end]), normalise(after)


def fingerprint(finding: Finding, text: str | None) -> tuple[str, str]:
    """``(fingerprint, span text)`` of a finding; the message stands in when the text is unknown."""
    if text is None:
        before, span, after = "", "", normalise(finding.message)
    else:
        before, span, after = _excerpt(text, finding)
    digest = hashlib.sha256("\x1f".join((finding.code, before, span, after)).encode("utf-8"))
    return digest.hexdigest()[:20], span


def _relative(path: str, base: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def _keyed(result: RunResult, base: Path) -> list[tuple[Key, Finding, str]]:
    out = []
    for finding in result.findings:
        fp, span = fingerprint(finding, result.texts.get(finding.path))
        out.append((Key(_relative(finding.path, base), finding.code, fp), finding, span))
    return out


def _base(path: str | Path) -> Path:
    return Path(os.path.abspath(path)).parent


def write(result: RunResult, path: str | Path) -> int:
    """Record every finding of ``result`` in ``path``; returns the number of findings recorded."""
    keyed = _keyed(result, _base(path))
    counts = Counter(key for key, _, _ in keyed)
    first: dict[Key, tuple[Finding, str]] = {}
    for key, finding, span in keyed:
        first.setdefault(key, (finding, span))
    entries = []
    for key in sorted(counts):
        finding, span = first[key]
        entries.append(
            {
                "path": key.path,
                "code": key.code,
                "fingerprint": key.fingerprint,
                "count": counts[key],
                "text": span,
                "message": finding.message,
            }
        )
    payload = {"tcheck_baseline": FORMAT_VERSION, "tool_version": __version__, "findings": entries}
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(keyed)


@dataclass(frozen=True)
class Entry:
    key: Key
    count: int
    text: str


def load(path: str | Path) -> list[Entry]:
    """The entries of a baseline file; a missing or malformed file is a usage error with its line."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc.strerror}") from None
    try:
        text = structured.decode(raw)
        data: Any = structured.load_json(text)
    except structured.Problem as exc:
        raise UsageError(f"{structured.where(path, exc.line)}: cannot read baseline: {exc.message}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: not a tcheck baseline (no 'findings' list)")
    if data.get("tcheck_baseline") != FORMAT_VERSION:
        raise UsageError(f"{path}: unsupported baseline format {str(data.get('tcheck_baseline'))[:40]!r}")
    entries = []
    for n, item in enumerate(data["findings"], 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in _KEYS):
            where = structured.where(path, _entry_line(text, n))
            raise UsageError(f"{where}: baseline entry {n} lacks path, code or fingerprint (strings)")
        count = item.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= _MAX_COUNT:
            where = structured.where(path, _entry_line(text, n))
            shown = str(count) if len(str(count)) < 40 else f"{str(count)[:20]}..."
            raise UsageError(
                f"{where}: baseline entry {n}: count must be a whole number of at least 1, not {shown}"
            )
        key = Key(item["path"], item["code"], item["fingerprint"])
        entries.append(Entry(key, count, str(item.get("text", ""))))
    return entries


_KEYS = ("path", "code", "fingerprint")
_MAX_COUNT = 10**9  # more findings than any run has


def _entry_line(text: str, n: int) -> int | None:
    """The line where entry ``n`` (1-based) of the ``findings`` list begins, found again by decoding
    the list one entry at a time (only to place an error)."""
    start = re.search(r'"findings"\s*:\s*\[', text)
    if start is None:
        return None
    decoder = json.JSONDecoder()
    pos = start.end()
    for _ in range(n - 1):
        pos = _skip(text, pos)
        try:
            _, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return None
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos += 1
    return text.count("\n", 0, _skip(text, pos)) + 1


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _stale_notes(stale: Iterable[tuple[Entry, int]], path: str | Path) -> list[str]:
    items = sorted(stale, key=lambda pair: pair[0].key)
    if not items:
        return []
    total = sum(n for _, n in items)
    what = "1 entry no longer occurs" if total == 1 else f"{total} entries no longer occur"
    notes = [f"baseline {path}: {what} (fixed or changed); rewrite it with --write-baseline"]
    for entry, n in items[:MAX_STALE_SHOWN]:
        times = f" (x{n})" if n > 1 else ""
        notes.append(f"  stale: {entry.key.path}: {entry.key.code} {entry.text!r}{times}")
    if len(items) > MAX_STALE_SHOWN:
        notes.append(f"  ... and {len(items) - MAX_STALE_SHOWN} more")
    return notes


def apply(result: RunResult, path: str | Path) -> RunResult:
    """``result`` without the findings recorded in the baseline ``path``, with notes on stale entries."""
    entries = load(path)
    allowed: Counter[Key] = Counter()
    by_key: dict[Key, Entry] = {}
    for entry in entries:
        allowed[entry.key] += entry.count
        by_key.setdefault(entry.key, entry)
    kept: list[Finding] = []
    hidden = 0
    for key, finding, _ in _keyed(result, _base(path)):
        if allowed[key] > 0:
            allowed[key] -= 1
            hidden += 1
        else:
            kept.append(finding)
    stale = [(entry, allowed[key]) for key, entry in by_key.items() if allowed[key] > 0]
    notes = list(result.notes)
    if hidden:
        notes.append(f"baseline {path}: {hidden} known finding{'s' if hidden != 1 else ''} not shown")
    stale_notes = _stale_notes(stale, path)
    notes.extend(stale_notes)
    return dataclasses.replace(result, findings=kept, notes=notes, alerts=[*result.alerts, *stale_notes])
