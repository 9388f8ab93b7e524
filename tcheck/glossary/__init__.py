"""Glossaries: loading (by file extension), validation and the shipped defaults."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tcheck.errors import InputError
from tcheck.glossary.model import Entry, Glossary, Term, primary

__all__ = ["Entry", "Glossary", "Term", "default_glossaries", "load", "validate"]

_PACKAGE = Path(__file__).resolve().parent.parent
# Installed wheels carry the glossaries inside the package; a source checkout has them at the top.
SHIPPED = _PACKAGE / "_glossaries" if (_PACKAGE / "_glossaries").is_dir() else _PACKAGE.parent / "glossaries"


def validate(path: str, entries: tuple[Entry, ...]) -> None:
    """Reject entries that contradict themselves: a term both allowed and forbidden."""
    for entry in entries:
        allowed = {t.text.casefold() for t in entry.allowed}
        for term in entry.forbidden:
            if term.text.casefold() in allowed:
                raise InputError(path, f"term {term.text!r} is both allowed and forbidden", entry.line)
        for term in (*entry.source_terms, *entry.target_terms):
            if not term.text.strip():
                raise InputError(path, "empty term", entry.line)


def load(path: str) -> Glossary:
    """Load a glossary file; errors are :class:`InputError` with the offending line."""
    from tcheck.formats import read_file

    text = read_file(path)
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        from tcheck.glossary import csvfmt

        src, tgt, entries = csvfmt.parse(path, text)
    else:
        raise InputError(path, f"unknown glossary format {suffix or '(none)'} (use .csv or .tsv)")
    validate(path, entries)
    if tgt is None:
        langs = {t.lang for e in entries for t in e.target_terms}
        tgt = langs.pop() if len(langs) == 1 else None
    if src is None:
        langs = {t.lang for e in entries for t in e.source_terms if t.lang}
        src = langs.pop() if len(langs) == 1 else None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Glossary(path, src and primary(src), tgt and primary(tgt), entries, digest)


def default_glossaries() -> list[str]:
    """Paths of the glossaries shipped with tcheck (``glossaries/`` of the project)."""
    if not SHIPPED.is_dir():
        return []
    return sorted(str(p) for p in SHIPPED.iterdir() if p.suffix.lower() in (".csv", ".tsv", ".tbx", ".toml"))
