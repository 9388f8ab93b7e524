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
from typing import NoReturn

from tcheck.errors import InputError
from tcheck.formats.bilingual import TextBuilder, Unit, bilingual_document
from tcheck.model import Document

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=")')
# a quoted string's body, escapes and all (written as an unrolled loop: a character class run
# between escapes, not one alternation a character)
_BODY = r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*$'
_STRING = re.compile(_BODY)
# the usual line, keyword and string at once (any other line takes the slower way, which says
# what is wrong with it)
_LINE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+" + _BODY)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x[0-9A-Fa-f]{1,2}")
_NO_FLAGS: frozenset[str] = frozenset()


class _Entry:
    """The lines of one entry read so far: its first line's number, flags and strings."""

    __slots__ = ("fields", "flags", "line")

    def __init__(self, line: int) -> None:
        self.line = line
        self.flags: set[str] = set()
        self.fields: dict[str, TextBuilder] = {}


def _unescape(builder: TextBuilder, body: str, start: int, path: str, line: int) -> None:
    """Append the characters of a quoted string's ``body`` (at file offset ``start``): plain text
    as it is, each escape as one character spanning its escape sequence."""
    i = 0
    while i < len(body):
        slash = body.find("\\", i)
        if slash < 0:
            builder.add(body[i:] if i else body, start + i)
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
    """Each entry once it is complete (the next one has begun, or the file has ended).

    The lines are found one at a time with ``str.find`` (a list of every line of a large file
    would cost more than the file); a keyword line is matched with its string in one expression.
    """
    current: _Entry | None = None
    last: _Entry | None = None  # the newest entry, not yet handed out
    builder: TextBuilder | None = None
    find, size, line_match = text.find, len(text), _LINE.match
    offset = 0
    number = 0
    while offset <= size:
        stop = find("\n", offset)
        if stop < 0:
            stop = size
        raw = text[offset:stop]
        number += 1
        line_start = offset
        offset = stop + 1
        stripped = raw.strip()  # the "\r" of a CRLF line goes with the rest of the white space
        if not stripped:
            current, builder = None, None
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        head = stripped[0]
        if head == "#":
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
        quoted = line_match(stripped) if head == "m" else None
        if quoted is not None:
            name = quoted.group(1)
            fields = current.fields if current is not None else None
            if fields is None or (fields and (name == "msgctxt" or (name == "msgid" and "msgid" in fields))):
                if last is not None:
                    yield last
                current = last = _Entry(number)
                fields = current.fields
            if name in fields:
                raise InputError(path, f"duplicate {name} in one PO entry", number)
            builder = fields[name] = TextBuilder()
            group = 2
        elif head == '"' and builder is not None and (quoted := _STRING.match(stripped)) is not None:
            group = 1
        else:
            _refuse(path, stripped, number, current, builder)
        body = quoted.group(group)
        if "\\" in body:
            _unescape(builder, body, start + quoted.start(group), path, number)
        elif body:
            builder.add(body, start + quoted.start(group))
    if last is not None:
        yield last


def _refuse(
    path: str, stripped: str, number: int, current: _Entry | None, builder: TextBuilder | None
) -> NoReturn:
    """The error for a line that is not a keyword with its string, nor a string continuing one:
    a duplicate keyword, a malformed string, or not a PO line."""
    keyword = _KEYWORD.match(stripped)
    if keyword:
        name = keyword.group(1)
        if current is not None and name in current.fields and name not in ("msgctxt", "msgid"):
            raise InputError(path, f"duplicate {name} in one PO entry", number)
    elif not (stripped.startswith('"') and builder is not None):
        raise InputError(path, f"not a PO line: {stripped[:40]!r}", number)
    raise InputError(path, "unterminated or malformed PO string", number)


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
        keys = [k for k in entry.fields if k.startswith("msgstr")]
        forms = (
            [(0, "msgstr")]
            if keys == ["msgstr"]
            else sorted((int(k[7:-1]) if k != "msgstr" else 0, k) for k in keys)
        )
        flags = frozenset(entry.flags) if entry.flags else _NO_FLAGS
        for index, key in forms:
            target_builder = entry.fields[key]
            if not target_builder.text.strip():  # no translation: its source is not needed
                continue
            src_builder = plural if (index > 0 and plural is not None) else msgid
            suffix = f"[{index}]" if key != "msgstr" else ""
            seg_id = f"e{n}{suffix}{context}"
            source = src_builder.build(f"{seg_id}:source", path, flags=flags)
            if source is not None:
                target = target_builder.build(seg_id, path, counterpart=source, flags=flags)
                if target is not None:
                    units.append(Unit(source, target))
    lang = header.get("language") or None
    source_lang = header.get("x-source-language") or None
    meta = {"format": "po"}
    if "plural-forms" in header:
        meta["plural-forms"] = header["plural-forms"]
    return bilingual_document(path, text, units, lang, source_lang, meta)
