"""Bilingual TSV reader: ``source<TAB>target`` on each line.

Blank lines and lines starting with ``#`` are skipped; further columns are ignored. A first line
whose two fields are language codes (``en<TAB>nb``) names the languages; a first line
``source<TAB>target`` is a plain header. A line without a tab is an input error.
"""

from __future__ import annotations

import re

from tcheck.errors import InputError
from tcheck.formats.bilingual import TextBuilder, Unit, bilingual_document, lines
from tcheck.model import Document

_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


def _is_language(code: str) -> bool:
    if not _CODE.match(code):
        return False
    from tcheck.errors import UsageError
    from tcheck.locale import normalize_lang

    try:
        normalize_lang(code)
    except UsageError:
        return False
    return True


def _segment(text: str, start: int, seg_id: str, path: str) -> TextBuilder:
    builder = TextBuilder()
    builder.add(text, start)
    return builder


def read(path: str, text: str) -> Document:
    units: list[Unit] = []
    langs: tuple[str | None, str | None] = (None, None)
    offset = 0
    first = True
    for number, raw in enumerate(lines(text), 1):
        line = raw.rstrip("\r")
        start = offset
        offset += len(raw) + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" not in line:
            raise InputError(path, "expected source<TAB>target", number)
        src, trg = line.split("\t")[:2]
        if first:
            first = False
            if src.strip().lower() == "source" and trg.strip().lower() == "target":
                continue
            if _is_language(src.strip()) and _is_language(trg.strip()):
                langs = (src.strip(), trg.strip())
                continue
        seg_id = f"l{number}"
        if not trg.strip():  # no translation: its source is not needed
            continue
        source = _segment(src, start, seg_id, path).build(f"{seg_id}:source", path)
        if source is not None:
            target = _segment(trg, start + len(src) + 1, seg_id, path).build(seg_id, path, counterpart=source)
            if target is not None:
                units.append(Unit(source, target))
    return bilingual_document(path, text, units, langs[1], langs[0], {"format": "tsv"})
