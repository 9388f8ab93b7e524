"""A self-contained HTML page: each checked document with its findings highlighted in place.

No network and no external assets: the style sheet and script (``assets/report.css``,
``assets/report.js``) are inlined. Every piece of checked text, message and path is escaped; the
findings travel to the script as JSON inside ``<script type="application/json">`` with ``<``, ``>``
and ``&`` written as ``\\u003c`` etc., so nothing in a document can close the script element.

The text of each document is cut at every finding boundary, related-span boundary and line end;
each piece carries the ids of the findings that cover it (``data-f``) and of the findings it is a
related span of (``data-r``). The script uses these for hovering, selection, related-span
highlighting and filters; without the script the page still shows the highlights and the lists.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from itertools import pairwise
from typing import Any

from tcheck import __version__
from tcheck.engine import RunResult
from tcheck.model import Finding, Severity
from tcheck.reporters import pairing_lines

_SEVERITIES = ("error", "warning", "info")
_PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}
_DATA_LABELS = {
    "round_trip": "Round trip",
    "back_translation": "Back translation",
    "chrf": "chrF",
    "via": "Via",
}
_DATA_ORDER = {key: n for n, key in enumerate(_DATA_LABELS)}


@cache
def _asset(name: str) -> str:
    return resources.files("tcheck.reporters").joinpath("assets", name).read_text(encoding="utf-8")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@dataclass(frozen=True)
class _Mark:
    """One span to show in a document: a finding (``kind="f"``) or a related span (``"r"``)."""

    start: int
    end: int
    kind: str
    fid: int


def _data_label(key: str) -> str:
    return _DATA_LABELS.get(key, key.replace("_", " ").replace("-", " ").capitalize())


def _data_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3g}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _finding_data(
    result: RunResult, fid: int, finding: Finding, file_ids: Mapping[str, int]
) -> dict[str, Any]:
    line, column = result.position(finding.path, finding.span.start)
    related = []
    for n, rel in enumerate(finding.related):
        r_line, r_col = result.position(rel.path, rel.span.start)
        text = result.texts.get(rel.path)
        related.append(
            {
                "n": n,
                "path": rel.path,
                "file": file_ids.get(rel.path),
                "line": r_line,
                "start": rel.span.start,
                "end": rel.span.end,
                "column": r_col,
                "note": rel.note,
                "text": text[rel.span.start : rel.span.end] if text is not None else None,
            }
        )
    return {
        "id": fid,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "path": finding.path,
        "file": file_ids.get(finding.path),
        "start": finding.span.start,
        "end": finding.span.end,
        "line": line,
        "column": column,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "lang": result.doc_langs.get(finding.path),
        "related": related,
        "data": [
            [_data_label(k), _data_value(v)]
            for k, v in sorted(finding.data.items(), key=lambda kv: (_DATA_ORDER.get(kv[0], 99), kv[0]))
        ],
    }


def _render_text(text: str, marks: list[_Mark], severity: Mapping[int, Severity], file_id: int) -> str:
    """The document as numbered lines, cut into pieces at every mark boundary."""
    opens: dict[int, list[_Mark]] = defaultdict(list)
    closes: dict[int, list[_Mark]] = defaultdict(list)
    pins: dict[int, list[int]] = defaultdict(list)
    n = len(text)
    cuts = {0, n}
    for mark in marks:
        start, end = min(mark.start, n), min(mark.end, n)
        if start == end:
            if mark.kind == "f":
                pins[start].append(mark.fid)
            continue
        opens[start].append(mark)
        closes[end].append(mark)
        cuts.update((start, end))
    pos = text.find("\n")
    while pos != -1:
        cuts.update((pos, pos + 1))
        pos = text.find("\n", pos + 1)
    active_f: set[int] = set()
    active_r: set[int] = set()
    line = 1
    out = [f'<div class="line" id="f{file_id}-L1"><a class="no" href="#f{file_id}-L1">1</a><span class="tx">']
    ordered = sorted(cuts)
    for a, b in pairwise(ordered):
        for mark in closes.get(a, ()):
            (active_f if mark.kind == "f" else active_r).discard(mark.fid)
        for mark in opens.get(a, ()):
            (active_f if mark.kind == "f" else active_r).add(mark.fid)
        for fid in pins.get(a, ()):
            sev = severity[fid].label
            out.append(
                f'<span class="hl pin sev-{sev}" data-f="{fid}" tabindex="0" aria-label="finding"></span>'
            )
        piece = text[a:b]
        if piece == "\n":
            line += 1
            anchor = f"f{file_id}-L{line}"
            out.append(
                f'</span></div>\n<div class="line" id="{anchor}"><a class="no" href="#{anchor}">{line}</a>'
            )
            out.append('<span class="tx">')
            continue
        if not active_f and not active_r:
            out.append(_e(piece))
            continue
        attrs = []
        classes = []
        if active_f:
            top = max(severity[f] for f in active_f)
            classes += ["hl", f"sev-{top.label}"]
            attrs.append(f'data-f="{" ".join(map(str, sorted(active_f)))}" tabindex="0"')
        if active_r:
            classes.append("rel")
            attrs.append(f'data-r="{" ".join(map(str, sorted(active_r)))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{_e(piece)}</span>')
    for fid in pins.get(n, ()):
        out.append(f'<span class="hl pin sev-{severity[fid].label}" data-f="{fid}" tabindex="0"></span>')
    out.append("</span></div>")
    return "".join(out)


def _counts_html(counts: Mapping[str, int]) -> str:
    parts = [
        f'<span class="count sev-{sev}" data-sev="{sev}">{counts[sev]} {sev if counts[sev] == 1 else _PLURAL[sev]}</span>'
        for sev in _SEVERITIES
        if counts.get(sev, 0)
    ]
    return " ".join(parts) or '<span class="count">no findings</span>'


def _list_item(item: Mapping[str, Any]) -> str:
    rel_links = "".join(
        f'<li><a href="#" class="rel-link" data-fid="{item["id"]}" data-n="{rel["n"]}">'
        f"{_e(rel['path']) if rel['path'] != item['path'] else 'line '}{rel['line']}:{rel['column']}</a>"
        + (f" <q>{_e(rel['text'])}</q>" if rel["text"] else "")
        + (f" – {_e(rel['note'])}" if rel["note"] else "")
        + "</li>"
        for rel in item["related"]
    )
    data_rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in item["data"])
    suggestion = item["suggestion"]
    return (
        f'<li class="finding sev-{item["severity"]}" id="finding-{item["id"]}" data-fid="{item["id"]}" '
        f'data-code="{_e(item["code"])}" data-sev="{item["severity"]}" tabindex="0">'
        f'<div class="head"><span class="badge sev-{item["severity"]}">{item["severity"]}</span> '
        f'<span class="code">{_e(item["code"])}</span> <span class="name">{_e(item["name"])}</span> '
        f'<span class="pos">{item["line"]}:{item["column"]}</span></div>'
        f'<div class="msg">{_e(item["message"])}</div>'
        + (f'<div class="sugg">Suggestion: <ins>{_e(suggestion)}</ins></div>' if suggestion else "")
        + (f'<dl class="data">{data_rows}</dl>' if data_rows else "")
        + (f'<div class="related">Related: <ul>{rel_links}</ul></div>' if rel_links else "")
        + "</li>"
    )


def _file_section(
    result: RunResult,
    file_id: int,
    path: str,
    items: list[dict[str, Any]],
    marks: list[_Mark],
    severity: Mapping[int, Severity],
    lazy: bool = False,
) -> str:
    counts = Counter(item["severity"] for item in items)
    text = result.texts.get(path)
    if text is None:
        body = '<p class="notext">The text of this file is not available.</p>'
    else:  # lazy: the script renders the text (in the data) when the page is opened
        body = "" if lazy else _render_text(text, marks, severity, file_id)
    findings = (
        ""  # lazy: the script lists them from the data when the page is opened
        if lazy and items
        else "".join(_list_item(item) for item in items) or '<li class="none">No findings here.</li>'
    )
    return (
        f'<section class="file" id="f{file_id}" data-file="{file_id}">'
        f'<h2><span class="path">{_e(path)}</span> {_counts_html(counts)}</h2>'
        f'<div class="layout"><div class="doc">{body}</div>'
        f'<aside class="side"><ol class="findings">{findings}</ol></aside></div></section>'
    )


def _summary_table(
    paths: list[str], by_file: Mapping[str, list[dict[str, Any]]], langs: Mapping[str, str | None]
) -> str:
    """One row per page with findings, most findings first (``paths`` is already in that order)."""
    rows = []
    for file_id, path in enumerate(paths):
        items = by_file.get(path, [])
        counts = Counter(item["severity"] for item in items)
        codes = Counter(item["code"] for item in items)
        code_text = ", ".join(f"{c} ×{n}" if n > 1 else c for c, n in sorted(codes.items()))
        cells = "".join(f'<td class="num sev-{s}">{counts.get(s, 0)}</td>' for s in _SEVERITIES)
        rows.append(
            f'<tr data-file="{file_id}"><td><a class="open" href="#f{file_id}" data-file="{file_id}">'
            f'{_e(path)}</a></td><td class="lang">{_e(langs.get(path) or "")}</td>'
            f'<td class="num total">{len(items)}</td>{cells}<td class="codes">{_e(code_text)}</td></tr>'
        )
    head = "".join(f"<th>{s}</th>" for s in _SEVERITIES)
    return (
        '<table class="summary"><thead><tr><th>page</th><th>language</th><th>findings</th>'
        f"{head}<th>codes</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _quiet_list(result: RunResult, paths: Iterable[str]) -> str:
    """The checked pages without findings: listed by name, never rendered."""
    noisy = set(paths)
    quiet = sorted(p for p in result.doc_langs if p not in noisy)
    if not quiet:
        return ""
    items = "".join(f"<li>{_e(p)}</li>" for p in quiet)
    return (
        f'<details class="quiet-pages"><summary>{len(quiet)} page{"s" if len(quiet) != 1 else ""} '
        f"without findings</summary><ul>{items}</ul></details>"
    )


def _filters(findings: Iterable[Finding], langs: Mapping[str, str | None]) -> str:
    findings = list(findings)
    sev_counts = Counter(f.severity.label for f in findings)
    code_counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    sev = "".join(
        f'<label class="sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked> {s} '
        f'<span class="n">({sev_counts.get(s, 0)})</span></label>'
        for s in _SEVERITIES
    )
    codes = "".join(
        f'<label title="{_e(names[c])}"><input type="checkbox" data-filter="code" value="{_e(c)}" checked> '
        f'{_e(c)} <span class="n">({code_counts[c]})</span></label>'
        for c in sorted(code_counts)
    )
    lang_counts = Counter(langs.get(f.path) or "–" for f in findings)
    lang_boxes = "".join(
        f'<label><input type="checkbox" data-filter="lang" value="{_e(lang)}" checked> {_e(lang)} '
        f'<span class="n">({n})</span></label>'
        for lang, n in sorted(lang_counts.items())
    )
    lang_set = f"<fieldset><legend>Language</legend>{lang_boxes}</fieldset>" if len(lang_counts) > 1 else ""
    return (
        f'<div id="filters"><fieldset><legend>Severity</legend>{sev}</fieldset>'
        f"<fieldset><legend>Check</legend>{codes or 'none'}</fieldset>{lang_set}</div>"
    )


def _csp() -> str:
    """Nothing but the page's own inline style and script (by hash) may run or load."""

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (
        f"default-src 'none'; style-src 'sha256-{digest(_asset('report.css'))}'; "
        f"script-src 'sha256-{digest(_asset('report.js'))}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


EAGER_PAGES = 20  # up to this many pages with findings are shown at once; more render when opened


def _lazy(file_id: int, section: str, lazy: bool) -> str:
    """A page's section, or (``lazy``) the same markup in an inert ``<template>`` the script
    instantiates when the page is opened: the browser parses it but neither lays it out nor
    paints it."""
    return f'<template id="tpl-f{file_id}" data-file="{file_id}">{section}</template>' if lazy else section


def render(result: RunResult, color: bool = False) -> str:
    """The whole page as one string."""
    per_path = Counter(f.path for f in result.findings)
    every = {f.path for f in result.findings} | {r.path for f in result.findings for r in f.related}
    paths = sorted(every, key=lambda p: (-per_path.get(p, 0), p))  # most findings first
    file_ids = {path: n for n, path in enumerate(paths)}
    items = [_finding_data(result, fid, f, file_ids) for fid, f in enumerate(result.findings)]
    severity = {fid: f.severity for fid, f in enumerate(result.findings)}
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    marks: dict[str, list[_Mark]] = defaultdict(list)
    for fid, finding in enumerate(result.findings):
        by_file[finding.path].append(items[fid])
        marks[finding.path].append(_Mark(finding.span.start, finding.span.end, "f", fid))
        for rel in finding.related:
            marks[rel.path].append(_Mark(rel.span.start, rel.span.end, "r", fid))
    counts = result.counts()
    total = len(result.findings)
    others = result.files_checked - len([p for p in paths if p in result.lines])
    quiet = f"; {others} other file{'s' if others != 1 else ''} without findings" if others > 0 else ""
    lazy = len(paths) > EAGER_PAGES
    sections = "".join(
        _lazy(n, _file_section(result, n, path, by_file.get(path, []), marks[path], severity, lazy), lazy)
        for n, path in enumerate(paths)
    )
    notes = "".join(f"<li>{_e(note)}</li>" for note in [*result.notes, *pairing_lines(result, True)])
    notes_html = f'<ul class="notes">{notes}</ul>' if notes else ""
    summary = (
        _summary_table([p for p in paths if per_path.get(p)], by_file, result.doc_langs)
        if paths
        else '<p class="clean">No findings.</p>'
    ) + _quiet_list(result, paths)
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''} checked{quiet}"
    payload: dict[str, Any] = {"version": __version__, "findings": items, "lazy": lazy}
    paired = {n: result.pairs[p] for n, p in enumerate(paths) if p in result.pairs and p in result.texts}
    paired = {n: pair for n, pair in paired.items() if pair[0] in result.texts and pair[1]}
    if lazy or paired:  # the script renders lazy pages, and every page's source beside it
        payload["texts"] = {
            n: result.texts[p] for n, p in enumerate(paths) if p in result.texts and (lazy or n in paired)
        }
    if paired:
        payload["pairs"] = {n: {"source": src, "rows": rows} for n, (src, rows) in paired.items()}
        payload["sources"] = {src: result.texts[src] for src, _ in paired.values()}
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">'
        f"<title>tcheck report: {total} finding{'s' if total != 1 else ''}</title>"
        f"<style>{_asset('report.css')}</style></head>\n<body>"
        f'<header><h1>tcheck report</h1><p class="meta">{_counts_html(counts)} in {files} · '
        f"tcheck {_e(__version__)}</p>{_filters(result.findings, result.doc_langs)}{summary}{notes_html}</header>\n"
        f"<main>{sections}</main>"
        '<div id="tooltip" role="tooltip" hidden></div>\n'
        f'<script type="application/json" id="tcheck-data">{_json_for_script(payload)}</script>\n'
        f"<script>{_asset('report.js')}</script>\n</body></html>\n"
    )
