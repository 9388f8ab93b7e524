"""Consistency rules for glossary entries, shared by loading and ``tcheck glossary lint``.

Errors (a glossary with one cannot be loaded): a term both allowed and forbidden (in one entry, or
allowed by one entry and forbidden by another), an entry whose every target term is forbidden
while it also names no preferred term. Warnings (lint only): duplicate entries (the same source
term in two entries, or the same target term twice in one entry) and one source term rendered by
different preferred terms in two entries.
"""

from __future__ import annotations

from collections.abc import Iterable

from tcheck.glossary.model import Entry, Problem, Term


def _key(term: Term) -> str:
    return term.text if term.case_sensitive else term.text.casefold()


def _where(entry: Entry) -> str:
    return f"line {entry.line}" if entry.line else f"entry {entry.id!r}"


def entry_problems(entries: Iterable[Entry], warnings: bool = True) -> list[Problem]:
    """Problems of each entry on its own (errors only, and faster, without ``warnings``)."""
    problems: list[Problem] = []
    for entry in entries:
        targets = entry.target_terms
        if any(t.status == "forbidden" for t in targets):
            allowed = {_key(t) for t in targets if t.status != "forbidden"}
            for term in targets:
                if term.status == "forbidden" and _key(term) in allowed:
                    problems.append(
                        Problem(term.line or entry.line, f"term {term.text!r} is both allowed and forbidden")
                    )
        for term in entry.all_terms:
            if not term.text.strip():
                problems.append(Problem(term.line or entry.line, "empty term"))
        if not warnings:
            continue
        seen: set[tuple[str, str, bool]] = set()
        for term in entry.source_terms:
            seen.add((term.lang, _key(term), term.status == "forbidden"))
        for term in (*targets, *entry.other_terms):
            key = (term.lang, _key(term), term.status == "forbidden")
            if key in seen:
                problems.append(
                    Problem(term.line or entry.line, f"term {term.text!r} listed twice", "warning")
                )
            seen.add(key)
    return problems


def cross_problems(entries: Iterable[Entry], warnings: bool = True) -> list[Problem]:
    """Problems between entries: contradictions (errors) and duplicates (warnings; left out, and
    faster, without ``warnings``)."""
    problems: list[Problem] = []
    allowed: dict[tuple[str, str], Entry] = {}
    sources: dict[tuple[str, str], Entry] = {}
    entries = list(entries)
    for entry in entries:
        for term in entry.target_terms:
            if term.status != "forbidden":
                allowed.setdefault((term.lang, term.text.casefold()), entry)
    for entry in entries:
        for term in entry.target_terms:
            if term.status != "forbidden":
                continue
            other = allowed.get((term.lang, term.text.casefold()))
            if other is not None and other is not entry and _clash(term, other):
                problems.append(
                    Problem(
                        term.line or entry.line,
                        f"term {term.text!r} is forbidden here but allowed by the entry at {_where(other)}",
                    )
                )
        if not warnings:
            continue
        for term in entry.source_terms:
            key = (term.lang, _key(term))
            first = sources.setdefault(key, entry)
            if first is not entry:
                same = {_key(t) for t in first.allowed} == {_key(t) for t in entry.allowed}
                what = "duplicate entry" if same else "contradictory entry"
                detail = (
                    "" if same else f" (rendered {_preferred(first)!r} there, {_preferred(entry)!r} here)"
                )
                problems.append(
                    Problem(
                        term.line or entry.line,
                        f"{what}: source term {term.text!r} is also at {_where(first)}{detail}",
                        "warning",
                    )
                )
    return problems


def _clash(term: Term, other: Entry) -> bool:
    """Whether ``term`` (forbidden) really is an allowed term of ``other`` (case rules applied)."""
    for allowed in other.allowed:
        if allowed.text.casefold() != term.text.casefold():
            continue
        if (term.case_sensitive or allowed.case_sensitive) and allowed.text != term.text:
            continue
        return True
    return False


def _preferred(entry: Entry) -> str:
    term = entry.preferred
    return term.text if term else ""
