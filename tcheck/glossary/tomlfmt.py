"""The human-friendly TOML glossary form.

::

    source-lang = "nb"
    target-lang = "en"

    [[term]]
    id = "csto"                      # optional
    source = ["CSTO", "Organisasjonen for kollektiv sikkerhet"]
    target = "CSTO"                  # the preferred target term
    admitted = ["Collective Security Treaty Organization"]
    forbidden = ["CTSO", "CTOS"]
    case-sensitive = true            # default false
    dnt = false                      # do not translate: the source term stays as it is
    note = "Russian-led military alliance"

``source``, ``target``, ``admitted`` and ``forbidden`` take a string or a list of strings
(``[[entry]]`` may be used instead of ``[[term]]``). Keys may also be written with underscores.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tcheck import structured
from tcheck.glossary.model import Entry, Parsed, Problem, Term

KEYS = {"id", "source", "target", "admitted", "forbidden", "case-sensitive", "dnt", "note"}
TOP = {"source-lang", "target-lang", "term", "entry"}
_TABLE = re.compile(r"^[ \t]*\[\[[ \t]*(term|entry)[ \t]*\]\]", re.M)


def _strings(value: Any, key: str, line: int | None, problems: list[Problem]) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        problems.append(Problem(line, f"{key} must be a string or a list of strings"))
        return []
    if any(not v.strip() for v in values):
        problems.append(Problem(line, f"empty term in {key}"))
    return [v.strip() for v in values if v.strip()]


def parse(path: str, text: str) -> Parsed:
    try:
        data = structured.load_toml(text)
    except structured.Problem as exc:
        return Parsed(None, None, (), (Problem(exc.line, exc.message),))
    problems: list[Problem] = []
    data = {k.replace("_", "-"): v for k, v in data.items()}
    for key in data:
        if key not in TOP:
            problems.append(Problem(None, f"unknown key {key!r} (known: {', '.join(sorted(TOP))})"))
    src, tgt = data.get("source-lang"), data.get("target-lang")
    if not isinstance(tgt, str) or not tgt:
        problems.append(Problem(None, "target-lang is missing"))
        tgt = ""
    src = src if isinstance(src, str) else None
    tables = data.get("term", data.get("entry", []))
    lines: list[int] = []
    number, counted = 1, 0
    for match in _TABLE.finditer(text):
        number += text.count("\n", counted, match.start())
        counted = match.start()
        lines.append(number)
    entries: list[Entry] = []
    if not isinstance(tables, list):
        problems.append(Problem(None, "term must be an array of tables ([[term]])"))
        tables = []
    for index, raw in enumerate(tables):
        line = lines[index] if index < len(lines) else None
        if not isinstance(raw, dict):
            problems.append(Problem(line, "each term must be a table ([[term]] with source = ...)"))
            continue
        table = {k.replace("_", "-"): v for k, v in raw.items()}
        before = len(problems)
        for key in table:
            if key not in KEYS:
                problems.append(Problem(line, f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})"))
        case, dnt = table.get("case-sensitive", False), table.get("dnt", False)
        if not isinstance(case, bool) or not isinstance(dnt, bool):
            problems.append(Problem(line, "case-sensitive and dnt must be true or false"))
        sources = _strings(table.get("source", []), "source", line, problems)
        targets = _strings(table.get("target", []), "target", line, problems)
        targets += _strings(table.get("admitted", []), "admitted", line, problems)
        forbidden = _strings(table.get("forbidden", []), "forbidden", line, problems)
        if dnt and not targets:
            targets = list(sources)
        if not targets:
            problems.append(Problem(line, "empty target term"))
        if len(problems) > before:
            continue
        terms = [
            Term(t, tgt, "preferred" if i == 0 else "admitted", bool(case), line=line)
            for i, t in enumerate(targets)
        ]
        terms += [Term(t, tgt, "forbidden", bool(case), line=line) for t in forbidden]
        entries.append(
            Entry(
                id=str(table.get("id") or f"{path}:{line}"),
                source_terms=tuple(Term(s, src or "", "preferred", bool(case), line=line) for s in sources),
                target_terms=tuple(terms),
                dnt=bool(dnt),
                note=str(table.get("note", "")),
                line=line,
            )
        )
    return Parsed(src, tgt or None, tuple(entries), tuple(problems))


def _value(values: list[str]) -> str:
    return (
        json.dumps(values[0], ensure_ascii=False)
        if len(values) == 1
        else json.dumps(values, ensure_ascii=False)
    )


def write(entries: tuple[Entry, ...], source_lang: str | None, target_lang: str | None) -> str:
    out = []
    if source_lang:
        out.append(f'source-lang = "{source_lang}"\n')
    out.append(f'target-lang = "{target_lang or "und"}"\n')
    for e in entries:
        out.append(f"\n[[term]]\nid = {json.dumps(e.id, ensure_ascii=False)}\n")
        if e.source_terms:
            out.append(f"source = {_value([t.text for t in e.source_terms])}\n")
        allowed = sorted(e.allowed, key=lambda t: t.status != "preferred")
        if allowed:
            out.append(f"target = {json.dumps(allowed[0].text, ensure_ascii=False)}\n")
        if len(allowed) > 1:
            out.append(f"admitted = {json.dumps([t.text for t in allowed[1:]], ensure_ascii=False)}\n")
        if e.forbidden:
            out.append(f"forbidden = {json.dumps([t.text for t in e.forbidden], ensure_ascii=False)}\n")
        if any(t.case_sensitive for t in (*e.source_terms, *e.target_terms)):
            out.append("case-sensitive = true\n")
        if e.dnt:
            out.append("dnt = true\n")
        if e.note:
            out.append(f"note = {json.dumps(e.note, ensure_ascii=False)}\n")
    return "".join(out)
