"""The starter glossary ``tcheck init`` writes for one language pair, generated from CLDR (Babel).

What it holds, and nothing else: the name of every country and territory CLDR names in both
languages (about 250 rows: ``Norge`` → ``Norway``, ``Storbritannia`` → ``United Kingdom``),
matched with their capitals as written (``case_sensitive``: the French *réunion* is a meeting,
not *La Réunion*). The countries where the source language is official come first. Where the
source spelling is not part of the target one, it is listed as forbidden in the target (``Norge``
in an English text, ``Germany`` in a German one): a name left untranslated. Language names are
left out: a documentation site names "English" as a label or a link far more often than it
translates it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from tcheck.locale import babel_locale, language_territories

# CLDR region codes that are not countries or territories (groupings, private use, unknown).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})


@dataclass(frozen=True)
class Row:
    id: str
    source: str
    target: str
    forbidden: str
    note: str


def _name(names: dict[str, str], key: str) -> str | None:
    value = names.get(key)
    return str(value) if value else None


def starter_rows(source: str, target: str) -> list[Row]:
    """Every country CLDR names in both languages (see the module)."""
    from babel.core import get_global

    src, tgt = babel_locale(source), babel_locale(target)
    rows: list[Row] = []
    base = str(src.language)
    likely = str(get_global("likely_subtags").get(base, "")).split("_")[-1]
    official = language_territories(source)
    codes = [c for c in src.territories if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES]
    for code in sorted(codes, key=lambda t: (t != likely, t not in official, t)):
        s_name, t_name = _name(src.territories, code), _name(tgt.territories, code)
        if not s_name or not t_name:
            continue
        forbidden = s_name if s_name.casefold() not in t_name.casefold() else ""
        rows.append(Row(f"country-{code.lower()}", s_name, t_name, forbidden, f"country ({code})"))
    return rows


def glossary_text(source: str, target: str) -> str:
    """The starter glossary as CSV, with a commented header saying what it holds."""
    rows = starter_rows(source, target)
    countries = sum(1 for r in rows if r.id.startswith("country-"))
    out = io.StringIO()
    out.write(
        f"# tcheck starter glossary, written by `tcheck init`: {source} -> {target}.\n"
        f"# languages: {source} -> {target}\n"
        f"# It holds the names of {countries} countries and territories, as CLDR spells them in both\n"
        "# languages, matched case-sensitively; a source spelling that is not part of the target name\n"
        "# is forbidden in the translation (a name left untranslated). Delete rows you do not want;\n"
        "# add your house terms.\n"
        "# One concept per row. Synonyms and variants are separated by ' | '; the first target term is\n"
        "# preferred, the others admitted. case_sensitive and dnt (do not translate) are yes or no:\n"
        "# acme,ACME,ACME,Acme | ACME Inc,yes,yes,company name: never translated\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "source", "target", "forbidden", "case_sensitive", "dnt", "note"])
    for row in rows:
        writer.writerow([row.id, row.source, row.target, row.forbidden, "yes", "no", row.note])
    return out.getvalue()
