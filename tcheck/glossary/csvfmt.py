"""CSV/TSV glossaries: one concept per row, a header naming the columns.

Columns (header names, case-insensitive; the order is free)::

    source_lang  source          target_lang  target              forbidden        case_sensitive  dnt  note
    nb           CSTO            en           CSTO                CTSO | CTOS      yes             no   Collective ...

- ``source`` / ``target``: terms; synonyms separated by `` | ``. The first target term is
  preferred, the others are admitted.
- ``forbidden``: target-language variants that must not be used (`` | `` separated).
- ``case_sensitive``: ``yes``/``no`` (default ``no``); ``dnt``: do not translate (default ``no``).
- ``source_lang`` / ``target_lang`` may instead be given once for the file in a first comment
  line ``# languages: nb -> en``; a row's own value wins.
Lines starting with ``#`` are comments. The delimiter is a tab for ``.tsv`` files, else a comma.
"""

from __future__ import annotations

import csv
import io
import re

from tcheck.errors import InputError
from tcheck.glossary.model import Entry, Term

COLUMNS = (
    "source_lang",
    "source",
    "target_lang",
    "target",
    "forbidden",
    "case_sensitive",
    "dnt",
    "note",
    "id",
)
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_LANGS = re.compile(r"#\s*languages?\s*:\s*([\w-]+)\s*(?:->|→|,|\s)\s*([\w-]+)", re.I)


def split_terms(cell: str) -> list[str]:
    return [t.strip() for t in cell.split("|") if t.strip()]


def _flag(value: str, column: str, path: str, line: int) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise InputError(path, f"{column} must be yes or no, not {value!r}", line)


def parse(path: str, text: str) -> tuple[str | None, str | None, tuple[Entry, ...]]:
    """Parse CSV/TSV text; return the file's languages and its entries."""
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    src_lang = tgt_lang = None
    rows: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            m = _LANGS.match(stripped)
            if m:
                src_lang, tgt_lang = m.group(1), m.group(2)
            continue
        if stripped:
            rows.append((number, line))
    if not rows:
        raise InputError(path, "glossary has no header row")
    header_line, header_text = rows[0]
    header = [
        h.strip().lower().replace(" ", "_") for h in next(csv.reader([header_text], delimiter=delimiter))
    ]
    for name in header:
        if name not in COLUMNS:
            raise InputError(path, f"unknown column {name!r} (known: {', '.join(COLUMNS)})", header_line)
    for needed in ("source", "target"):
        if needed not in header and not (needed == "source" and "target" in header):
            raise InputError(path, f"missing column {needed!r}", header_line)
    entries: list[Entry] = []
    for number, line in rows[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter))
        if len(cells) > len(header):
            raise InputError(path, f"{len(cells)} cells but the header has {len(header)}", number)
        row = dict(zip(header, [c.strip() for c in cells], strict=False))
        s_lang = row.get("source_lang") or src_lang
        t_lang = row.get("target_lang") or tgt_lang
        if not t_lang:
            raise InputError(path, "no target language (target_lang column or '# languages:')", number)
        case = _flag(row.get("case_sensitive", ""), "case_sensitive", path, number)
        targets = split_terms(row.get("target", ""))
        forbidden = split_terms(row.get("forbidden", ""))
        sources = split_terms(row.get("source", ""))
        if not targets and not forbidden:
            raise InputError(path, "empty target term", number)
        terms = [Term(t, t_lang, "preferred" if i == 0 else "admitted", case) for i, t in enumerate(targets)]
        terms += [Term(t, t_lang, "forbidden", case) for t in forbidden]
        entries.append(
            Entry(
                id=row.get("id") or f"{path}:{number}",
                source_terms=tuple(Term(s, s_lang or "", "preferred", case) for s in sources),
                target_terms=tuple(terms),
                dnt=_flag(row.get("dnt", ""), "dnt", path, number),
                note=row.get("note", ""),
                line=number,
            )
        )
    return src_lang, tgt_lang, tuple(entries)
