"""``tcheck init``: a commented ``tcheck.toml`` and a starter glossary for one language pair.

The starter glossary is real data, not placeholders: the names of the countries where the source
language is official and the name of the source language itself, as CLDR spells them in both
languages, with the untranslated source spelling listed as forbidden in the target (``Norge`` in
an English text). Commented example rows show the other glossary features.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from tcheck.errors import UsageError
from tcheck.locale import babel_locale, language_territories, normalize_lang

MAX_COUNTRIES = 12
CONFIG_NAME = "tcheck.toml"

CONFIG_TEMPLATE = """\
# tcheck configuration, written by `tcheck init`. Command-line options win over this file.
# Every key mirrors an option of `tcheck check`; `tcheck rules` lists the checks and
# `tcheck explain CODE` documents one of them and its options.

# Language of the source text and of the checked (translated) text.
source-lang = "{source}"
target-lang = "{target}"  # remove to detect the language of each file

# Your glossaries (CSV/TSV, TOML or TBX), relative to this file. The glossaries shipped with
# tcheck are used as well unless default-glossaries is false.
glossary = ["{glossary}"]
# default-glossaries = true

# Which checks run: code prefixes, the most specific wins (TC1 = terminology, TC2 = dates,
# TC3 = numbers and currency, TC4 = language, TC5 = round trip, TC6 = markup).
# select = ["TC1", "TC2", "TC3"]
# ignore = ["TC205"]

# Files to skip inside the folders you check (glob patterns).
# exclude = ["drafts/**", "archive/*.md"]

# Lowest severity that makes the run fail: error, warning, info or never.
fail-on = "error"

# Output: text, json, sarif, github or html (html is one self-contained page; use --output).
# format = "text"

# Processes to check files with; 0 means one per core. The output is the same for any number.
# jobs = 0

# Hide the findings recorded with `tcheck check --write-baseline tcheck-baseline.json`.
# baseline = "tcheck-baseline.json"

# Severity per code prefix, the most specific wins.
# [severity]
# TC3 = "error"
# TC205 = "info"

# Options of one check (documented in `tcheck explain CODE`).
# [options.TC303]
# assumed-currencies = ["USD", "EUR"]
"""


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
    """Country and language names of the source language, in both languages (CLDR)."""
    from babel.core import get_global

    src, tgt = babel_locale(source), babel_locale(target)
    rows: list[Row] = []
    base = str(src.language)
    src_name, tgt_name = _name(src.languages, base), _name(tgt.languages, base)
    if src_name and tgt_name:
        rows.append(Row(f"lang-{base}", src_name, tgt_name, "", "name of the source language"))
    likely = str(get_global("likely_subtags").get(base, "")).split("_")[-1]
    territories = sorted(language_territories(source), key=lambda t: (t != likely, t))
    for code in territories[:MAX_COUNTRIES]:
        s_name, t_name = _name(src.territories, code), _name(tgt.territories, code)
        if not s_name or not t_name:
            continue
        forbidden = s_name if s_name.casefold() != t_name.casefold() else ""
        rows.append(Row(f"country-{code.lower()}", s_name, t_name, forbidden, f"country ({code})"))
    return rows


def glossary_text(source: str, target: str) -> str:
    """The starter glossary as CSV with a commented header."""
    out = io.StringIO()
    out.write(
        f"# tcheck starter glossary, written by `tcheck init`: {source} -> {target}.\n"
        f"# languages: {source} -> {target}\n"
        "# One concept per row. Synonyms and variants are separated by ' | '; the first target term is\n"
        "# preferred, the others admitted. 'forbidden' lists target-language spellings that must not\n"
        "# be used (misspellings, untranslated source forms). case_sensitive and dnt (do not translate)\n"
        "# are yes or no. The rows below come from CLDR; add your own house terms, for example:\n"
        "# acme,ACME,ACME,Acme | ACME Inc,yes,yes,company name: never translated\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "source", "target", "forbidden", "case_sensitive", "dnt", "note"])
    for row in starter_rows(source, target):
        writer.writerow([row.id, row.source, row.target, row.forbidden, "no", "no", row.note])
    return out.getvalue()


def write_project(directory: Path, source: str, target: str, force: bool = False) -> list[Path]:
    """Write ``tcheck.toml`` and ``glossaries/<source>-<target>.csv`` in ``directory``."""
    source, target = normalize_lang(source), normalize_lang(target)
    if source == target:
        raise UsageError(f"source and target language are both {source!r}")
    glossary_rel = f"glossaries/{source.replace('_', '-')}-{target.replace('_', '-')}.csv"
    files = {
        directory / CONFIG_NAME: CONFIG_TEMPLATE.format(source=source, target=target, glossary=glossary_rel),
        directory / glossary_rel: glossary_text(source, target),
    }
    existing = [str(p) for p in files if p.exists()]
    if existing and not force:
        raise UsageError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; use --force"
        )
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
