"""Gettext PO reader: ``msgid``/``msgstr`` pairs with plurals, offsets kept through C escapes.

The header entry gives the target language (``Language:``) and, when present, the source language
(``X-Source-Language:``). ``msgstr[0]`` pairs with ``msgid`` and every other plural form with
``msgid_plural``. Entries with an empty translation and obsolete entries (``#~``) are skipped, and so
are fuzzy entries (``#, fuzzy``) unless ``include_fuzzy``. A ``msgctxt`` is kept after ``@`` in the
segment id, so that the same text in different contexts is not taken for one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from tcheck.errors import InputError
from tcheck.formats.bilingual import TextBuilder, Unit, bilingual_document, lines
from tcheck.model import Document, Segment

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=")')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t]*$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x[0-9A-Fa-f]{1,2}")


@dataclass
class _Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    fields: dict[str, TextBuilder] = field(default_factory=dict)


def _unescape(builder: TextBuilder, body: str, start: int, path: str, line: int) -> None:
    """Append the characters of a quoted string's ``body`` (at file offset ``start``): plain text
    as it is, each escape as one character spanning its escape sequence."""
    i = 0
    while i < len(body):
        slash = body.find("\\", i)
        if slash < 0:
            builder.add(body[i:], start + i)
            return
        builder.add(body[i:slash], start + i)
        nxt = body[slash + 1 : slash + 2]
        if nxt in _ESCAPES:
            builder.add_char(_ESCAPES[nxt], start + slash, start + slash + 2)
            i = slash + 2
        elif m := _OCTAL.match(body, slash + 1):
            builder.add_char(chr(int(m.group(0), 8)), start + slash, start + m.end())
            i = m.end()
        elif m := _HEX.match(body, slash + 1):
            builder.add_char(chr(int(m.group(0)[1:], 16)), start + slash, start + m.end())
            i = m.end()
        else:
            raise InputError(path, f"unknown escape '\\{nxt}' in a PO string", line)


def _entries(path: str, text: str) -> Iterator[_Entry]:
    """Each entry once it is complete (the next one has begun, or the file has ended)."""
    current: _Entry | None = None
    last: _Entry | None = None  # the newest entry, not yet handed out
    builder: TextBuilder | None = None
    offset = 0
    for number, raw in enumerate(lines(text), 1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        start = offset + len(line) - len(line.lstrip())
        offset += len(raw) + 1
        if not stripped:
            current, builder = None, None
            continue
        if stripped.startswith("#"):
            if current is None or current.fields:
                if last is not None:
                    yield last
                current = last = _Entry(number)
            if stripped.startswith("#~"):
                current.flags.add("obsolete")
            elif stripped.startswith("#,"):
                current.flags.update(f.strip() for f in stripped[2:].split(","))
            builder = None
            continue
        keyword = _KEYWORD.match(stripped)
        if keyword:
            name = keyword.group(1)
            starts_entry = (name == "msgctxt" and bool(current and current.fields)) or (
                name == "msgid" and current is not None and "msgid" in current.fields
            )
            if current is None or starts_entry:
                if last is not None:
                    yield last
                current = last = _Entry(number)
            if name in current.fields:
                raise InputError(path, f"duplicate {name} in one PO entry", number)
            builder = current.fields[name] = TextBuilder()
            rest = keyword.end()
        elif stripped.startswith('"') and builder is not None:
            rest = 0
        else:
            raise InputError(path, f"not a PO line: {stripped[:40]!r}", number)
        quoted = _STRING.match(stripped, rest)
        if quoted is None or builder is None:
            raise InputError(path, "unterminated or malformed PO string", number)
        _unescape(builder, quoted.group(1), start + quoted.start(1), path, number)
    if last is not None:
        yield last


def _header(entry: _Entry) -> dict[str, str]:
    values: dict[str, str] = {}
    msgstr = entry.fields.get("msgstr")
    if msgstr is None:
        return values
    for line in msgstr.text.split("\n"):
        key, sep, value = line.partition(":")
        if sep and value.strip():
            values[key.strip().lower()] = value.strip()
    return values


def read(path: str, text: str, include_fuzzy: bool = False) -> Document:
    entries = _entries(path, text)
    header: dict[str, str] = {}
    units: list[Unit] = []
    for n, entry in enumerate(entries, 1):
        msgid = entry.fields.get("msgid")
        if msgid is None or "obsolete" in entry.flags:
            continue
        if not len(msgid) and "msgctxt" not in entry.fields:
            header = _header(entry)
            continue
        if "fuzzy" in entry.flags and not include_fuzzy:
            continue
        ctx = entry.fields.get("msgctxt")
        context = f"@{ctx.text}" if ctx is not None else ""
        plural = entry.fields.get("msgid_plural")
        forms = sorted(
            (int(k[7:-1]) if k.startswith("msgstr[") else 0, k)
            for k in entry.fields
            if k.startswith("msgstr")
        )
        for index, key in forms:
            src_builder = plural if (index > 0 and plural is not None) else msgid
            suffix = f"[{index}]" if key != "msgstr" else ""
            seg_id = f"e{n}{suffix}{context}"
            target = entry.fields[key].build(seg_id, path)
            source: Segment | None = src_builder.build(f"{seg_id}:source", path)
            if target is not None and source is not None:
                if entry.flags:
                    flags = frozenset(entry.flags)
                    source, target = replace(source, flags=flags), replace(target, flags=flags)
                units.append(Unit(source, target))
    lang = header.get("language") or None
    source_lang = header.get("x-source-language") or None
    meta = {"format": "po"}
    if "plural-forms" in header:
        meta["plural-forms"] = header["plural-forms"]
    return bilingual_document(path, text, units, lang, source_lang, meta)
