"""CSV/TSV glossaries: one concept per row, a header naming the columns.

Columns (header names, case-insensitive, spaces or hyphens allowed; the order is free)::

    source_lang  source          target_lang  target   admitted                   forbidden     case_sensitive  dnt  note
    nb           CSTO            en           CSTO     Collective Security ...    CTSO | CTOS   yes             no   ...

- ``source`` / ``target``: terms; synonyms separated by `` | ``. The first target term is
  preferred, the others (and those of ``admitted``, alias ``synonyms``) are admitted.
- ``forbidden``: target-language variants that must not be used (`` | `` separated).
- ``case_sensitive``: ``yes``/``no`` (default ``no``); ``dnt``: do not translate (default ``no``).
- ``source_lang`` / ``target_lang`` may instead be given once for the file in a comment line
  ``# languages: nb -> en``; a row's own value wins.
- ``id`` names the concept (default: ``file:line``); ``note`` is free text.
Header aliases: ``source term``, ``target term``, ``forbidden variants``/``deprecated``,
``case sensitivity``/``case``, ``do not translate``/``do-not-translate``, ``comment``.
Lines starting with ``#`` are comments. The delimiter is a tab for ``.tsv`` files, else a comma.
"""

from __future__ import annotations

import csv
import io
import re

from tcheck.glossary.model import Entry, Parsed, Problem, Term

COLUMNS = (
    "id",
    "source_lang",
    "source",
    "target_lang",
    "target",
    "admitted",
    "forbidden",
    "case_sensitive",
    "dnt",
    "note",
)
ALIASES = {
    "source_term": "source",
    "source_terms": "source",
    "target_term": "target",
    "target_terms": "target",
    "synonyms": "admitted",
    "forbidden_variants": "forbidden",
    "forbidden_terms": "forbidden",
    "deprecated": "forbidden",
    "case_sensitivity": "case_sensitive",
    "case": "case_sensitive",
    "do_not_translate": "dnt",
    "comment": "note",
    "notes": "note",
}
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_LANGS = re.compile(r"#\s*languages?\s*:\s*([\w-]+)\s*(?:->|→|,|\s)\s*([\w-]+)", re.I)


def split_terms(cell: str) -> list[str]:
    if "|" not in cell:  # the usual case: one term
        cell = cell.strip()
        return [cell] if cell else []
    return [t.strip() for t in cell.split("|") if t.strip()]


def _empty_term(cell: str) -> bool:
    """Whether a `` | ``-separated cell holds an empty term (``a || b``, ``a |``)."""
    return "|" in cell and ("||" in cell.replace(" ", "") or cell.strip().endswith("|"))


def column_name(header: str) -> str:
    name = re.sub(r"[\s-]+", "_", header.strip().lower())
    return ALIASES.get(name, name)


def _flag(value: str, column: str, line: int, problems: list[Problem]) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v not in _FALSE:
        problems.append(Problem(line, f"{column} must be yes or no, not {value!r}"))
    return False


def _lines(text: str) -> tuple[str | None, str | None, list[tuple[int, str]]]:
    """Declared languages and the non-comment rows (a quoted cell may span lines)."""
    src = tgt = None
    rows: list[tuple[int, str]] = []
    pending: tuple[int, list[str]] | None = None
    quotes = 0  # quote characters in the pending row so far
    for number, line in enumerate(text.splitlines(), 1):
        if pending is not None:
            pending[1].append(line)
            quotes += line.count('"')
            if quotes % 2 == 0:
                rows.append((pending[0], "\n".join(pending[1])))
                pending = None
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            m = _LANGS.match(stripped)
            if m:
                src, tgt = m.group(1), m.group(2)
            continue
        if not stripped:
            continue
        if line.count('"') % 2:
            pending = (number, [line])
            quotes = line.count('"')
        else:
            rows.append((number, line))
    if pending is not None:
        rows.append((pending[0], "\n".join(pending[1])))
    return src, tgt, rows


def parse(path: str, text: str) -> Parsed:
    """Parse CSV/TSV text into entries, collecting every problem with its line."""
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    src_lang, tgt_lang, rows = _lines(text)
    problems: list[Problem] = []
    if not rows:
        return Parsed(src_lang, tgt_lang, (), (Problem(None, "glossary has no header row"),))
    header_line, header_text = rows[0]
    header_cells = _cells(header_text, delimiter, header_line, problems)
    if header_cells is None:
        return Parsed(src_lang, tgt_lang, (), tuple(problems))
    header = [column_name(h) for h in header_cells]
    for name in header:
        if name not in COLUMNS:
            problems.append(Problem(header_line, f"unknown column {name!r} (known: {', '.join(COLUMNS)})"))
    if "target" not in header and "forbidden" not in header:
        problems.append(Problem(header_line, "missing column 'target'"))
    if problems:
        return Parsed(src_lang, tgt_lang, (), tuple(problems))
    entries: list[Entry] = []
    for number, line in rows[1:]:
        cells = _cells(line, delimiter, number, problems)
        if cells is None:
            continue
        if len(cells) > len(header):
            problems.append(Problem(number, f"{len(cells)} cells but the header has {len(header)}"))
            continue
        entry = _entry(path, header, cells, number, src_lang, tgt_lang, problems)
        if entry is not None:
            entries.append(entry)
    return Parsed(src_lang, tgt_lang, tuple(entries), tuple(problems))


def _cells(line: str, delimiter: str, number: int, problems: list[Problem]) -> list[str] | None:
    """The cells of one row, or None (and a problem) when the csv module cannot read it: a cell
    over its field limit (131,072 characters), a NUL character."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error as exc:
        problems.append(Problem(number, f"cannot read this row: {exc}"))
        return None


def _entry(
    path: str,
    header: list[str],
    cells: list[str],
    number: int,
    src_lang: str | None,
    tgt_lang: str | None,
    problems: list[Problem],
) -> Entry | None:
    row = dict(zip(header, map(str.strip, cells), strict=False))
    get = row.get
    s_lang = get("source_lang") or src_lang
    t_lang = get("target_lang") or tgt_lang
    if not t_lang:
        problems.append(Problem(number, "no target language (target_lang column or '# languages:')"))
        return None
    before = len(problems)
    case = _flag(get("case_sensitive", ""), "case_sensitive", number, problems)
    dnt = _flag(get("dnt", ""), "dnt", number, problems)
    targets = split_terms(get("target", ""))
    admitted = get("admitted")
    if admitted:
        targets += split_terms(admitted)
    forbidden = split_terms(get("forbidden", ""))
    sources = split_terms(get("source", ""))
    if not targets and not (dnt and sources):
        problems.append(Problem(number, "empty target term"))
    for column in ("source", "target", "admitted", "forbidden"):
        if _empty_term(get(column, "")):
            problems.append(Problem(number, f"empty term in column {column!r}"))
    if len(problems) > before:
        return None
    if dnt and not targets:
        targets = list(sources)
    terms = [Term(t, t_lang, "admitted", case, line=number) for t in targets]
    terms[0] = Term(targets[0], t_lang, "preferred", case, line=number)
    terms += [Term(t, t_lang, "forbidden", case, line=number) for t in forbidden]
    s_lang = s_lang or ""
    return Entry(
        id=get("id") or f"{path}:{number}",
        source_terms=tuple([Term(s, s_lang, "preferred", case, line=number) for s in sources]),
        target_terms=tuple(terms),
        dnt=dnt,
        note=get("note", ""),
        line=number,
    )


def write(
    entries: tuple[Entry, ...], source_lang: str | None, target_lang: str | None, tsv: bool = False
) -> str:
    """CSV (or TSV) text for ``entries`` with the standard header."""
    out = io.StringIO()
    if source_lang or target_lang:
        out.write(f"# languages: {source_lang or 'und'} -> {target_lang or 'und'}\n")
    writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n")
    writer.writerow(["id", "source", "target", "forbidden", "case_sensitive", "dnt", "note"])
    for e in entries:
        case = any(t.case_sensitive for t in (*e.source_terms, *e.target_terms))
        writer.writerow(
            [
                e.id,
                " | ".join(t.text for t in e.source_terms),
                " | ".join(t.text for t in sorted(e.allowed, key=lambda t: t.status != "preferred")),
                " | ".join(t.text for t in e.forbidden),
                "yes" if case else "no",
                "yes" if e.dnt else "no",
                e.note,
            ]
        )
    return out.getvalue()
