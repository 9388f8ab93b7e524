"""Placeholders of message formats, as a program fills them in: found with exact positions and
keyed so that a translation's placeholders can be compared with its source's.

Kinds and keys (``key`` is what must be equal between the two sides):

- ``printf``: ``%s``, ``%5.2f``, ``%ld``, ``%@``, ``%1$s``, Python ``%(name)s``. Numbered and
  unnumbered ones are keyed by the argument they take: the n-th unnumbered one is argument n, so
  ``%s %d`` and ``%2$d … %1$s`` agree, ``%s %d`` and ``%1$d %2$s`` do not. The key keeps the
  flags, width and conversion (``%10s`` is not ``%#100s``); ``%%`` is a literal percent sign.
- ``brace``: Python ``str.format`` and ICU simple arguments ``{}``, ``{0}``, ``{name}``,
  ``{name!r:>10}``, ``{user.name}``; ``{}`` counts as ``{0}``, ``{1}`` ... in order.
- ``double``: ``{{name}}``, ``{{ .Count }}`` (i18next, Handlebars, Go templates).
- ``shell``: ``${name}``, ``$name``, ``$(name)``, ``$[name]``, ``$NAME$``, ``%{name}`` (Ruby),
  ``%name%``, ``@name@``, and the numbered arguments of Qt and OpenOffice, ``%1`` ... ``%99``
  (not ``%1$s``, a printf argument).
- ``tag``: HTML/XML tags ``<b>``, ``</b>``, ``<br/>``, ``<a href="x">`` (the ``href`` kept, text
  attributes such as ``title`` and ``alt`` and the language's ``lang``/``dir`` dropped; a
  capitalised word in angle brackets such as ``<Error>`` is text), React ``<0>``; ``entity``: ``&name;``,
  ``&#160;``.
- ``icu``: the head of an ICU ``{n, plural, ...}`` / ``select`` / ``selectordinal`` argument
  (its branches are compared by TC607; the placeholders inside them are found as usual).

Which kinds a message has depends on its format: a PO entry flagged ``c-format`` has printf
placeholders only, ``python-brace-format`` brace ones, ``no-c-format`` none of printf; a
message without flags is read for all kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PRINTF, BRACE, DOUBLE, SHELL, TAG, ENTITY, ICU = "printf", "brace", "double", "shell", "tag", "entity", "icu"
ALL = frozenset({PRINTF, BRACE, DOUBLE, SHELL, TAG, ENTITY, ICU})

_PRINTF = re.compile(
    r"%(?:(?P<num>[1-9]\d*)\$|\((?P<name>\w+)\))?(?P<spec>[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsSpn@])"
)
_PERCENT = re.compile(r"%%")
_DOUBLE = re.compile(r"\{\{-?\s*([^{}\n]*?)\s*-?\}\}")
_ICU_HEAD = re.compile(r"\{\s*(\w[\w.]*)\s*,\s*(plural|select|selectordinal)\s*,")
_BRACE = re.compile(r"\{(?P<field>(?:[^\W\d]\w*|\d+)?(?:\.\w+|\[\w+\])*)(?:![rsa])?(?::[^{}\n]*)?\}")
_ICU_TYPED = re.compile(
    r"\{\s*(\w[\w.]*)\s*,\s*(number|date|time|spellout|ordinal|duration)\s*(?:,[^{}]*)?\}"
)
_SHELL = re.compile(
    r"\$\{(\w[\w.:-]*)\}|\$\((\^?\w+)\)|\$\[(\w+)\]|\$(\w+)\$|(?<![\w$])\$([A-Za-z_]\w*)|%\{(\w+)\}|%([A-Za-z_]\w+)%"
    r"|@([A-Za-z_]\w*)@|%[1-9]\d?(?![\w$])"
)
_TAG = re.compile(
    r"<(/?)([A-Za-z][\w.:-]*|\d+)((?:\s+[\w.:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))?)*)\s*(/?)>"
)
_ATTR = re.compile(r"([\w.:-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))?")
_ENTITY = re.compile(r"&(?:[A-Za-z][\w.-]*|#\d+|#[xX][0-9a-fA-F]+);")
# Attributes a translator translates or sets for the language: not compared.
TEXT_ATTRIBUTES = frozenset(
    {"title", "alt", "label", "aria-label", "placeholder", "summary", "lang", "xml:lang", "xml-lang", "dir"}
)
_FLAG_KINDS = {
    "c-format": {PRINTF, TAG, ENTITY},
    "objc-format": {PRINTF, TAG, ENTITY},
    "python-format": {PRINTF, TAG, ENTITY},
    "php-format": {PRINTF, TAG, ENTITY},
    "python-brace-format": {BRACE, TAG, ENTITY},
    "javascript-format": {PRINTF, BRACE, DOUBLE, TAG, ENTITY},
    "icu-format": {BRACE, ICU, TAG, ENTITY},
    "sh-format": {SHELL, TAG, ENTITY},
    "perl-format": {SHELL, TAG, ENTITY},
    "qt-format": {SHELL, TAG, ENTITY},
    "kde-format": {SHELL, TAG, ENTITY},
}


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder at ``start..end`` of the text it was found in."""

    kind: str
    key: str
    text: str
    start: int
    end: int


def kinds_for(flags: Iterable[str]) -> frozenset[str]:
    """The kinds a message with these format flags can hold (all kinds without a flag)."""
    chosen: set[str] = set()
    negated: set[str] = set()
    for flag in flags:
        if flag.startswith("no-") and flag[3:] in _FLAG_KINDS:
            negated.add(flag[3:])
        elif flag in _FLAG_KINDS:
            chosen |= _FLAG_KINDS[flag]
    if not chosen:
        chosen = set(ALL)
        if "c-format" in negated or "python-format" in negated:
            chosen.discard(PRINTF)
        if "python-brace-format" in negated:
            chosen.discard(BRACE)
    return frozenset(chosen)


def find(text: str, kinds: frozenset[str] = ALL) -> list[Placeholder]:
    """The placeholders of ``text`` of the given kinds, in order."""
    found: list[Placeholder] = []
    taken = bytearray(len(text))

    def add(kind: str, key: str, start: int, end: int) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(Placeholder(kind, key, text[start:end], start, end))

    if "%" in text:
        for match in _PERCENT.finditer(text):
            taken[match.start() : match.end()] = b"\x01\x01"
    if "{" in text and DOUBLE in kinds:
        for match in _DOUBLE.finditer(text):
            add(DOUBLE, " ".join(match.group(1).split()), *match.span())
    if SHELL in kinds and ("$" in text or "%" in text or "@" in text):
        for match in _SHELL.finditer(text):
            add(SHELL, match.group(0), *match.span())
    if "{" in text:
        for match in _ICU_HEAD.finditer(text):
            if ICU in kinds or BRACE in kinds:
                add(ICU, f"{match.group(1)}, {match.group(2)}", *match.span())
        if BRACE in kinds or ICU in kinds:
            for match in _ICU_TYPED.finditer(text):
                add(BRACE, f"{match.group(1)}, {match.group(2)}", *match.span())
            auto = 0
            branches = branch_opens(text)
            for match in _BRACE.finditer(text):
                name = match.group("field")
                if match.start() in branches:
                    continue  # ``one {Datei}``: the text of a branch, not an argument
                if not name:
                    name = str(auto)
                    auto += 1
                add(BRACE, name, *match.span())
    if "%" in text and PRINTF in kinds:
        auto = 0
        for match in _PRINTF.finditer(text):
            if match.group("name"):
                key = f"({match.group('name')}){match.group('spec')}"
            else:
                number = int(match.group("num")) if match.group("num") else (auto := auto + 1)
                key = f"{number}${match.group('spec')}"
            add(PRINTF, key, *match.span())
    if "<" in text and TAG in kinds:
        for match in _TAG.finditer(text):
            if match.group(2)[0].isupper() and not match.group(3).strip():
                continue  # ``<Error>``: a word in angle brackets, not a tag
            add(TAG, _tag_key(match), *match.span())
    if "&" in text and ENTITY in kinds:
        for match in _ENTITY.finditer(text):
            add(ENTITY, match.group(0), *match.span())
    return sorted(found, key=lambda p: p.start)


def branch_opens(text: str) -> set[int]:
    """Offsets of the ``{`` that open the branches of ICU plural/select arguments."""
    opens: set[int] = set()
    for head in _ICU_HEAD.finditer(text):
        depth = 1
        for i in range(head.end(), len(text)):
            ch = text[i]
            if ch == "{":
                depth += 1
                if depth == 2:
                    opens.add(i)
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
    return opens


def _tag_key(match: re.Match[str]) -> str:
    closing, name, raw, selfclose = match.groups()
    kept = []
    for attr in _ATTR.finditer(raw):
        if attr.group(1).lower() in TEXT_ATTRIBUTES:
            continue
        value = (attr.group(2) or "").strip("\"'")
        kept.append(f"{attr.group(1)}={value}")
    return f"<{closing}{name.lower()}{''.join(' ' + k for k in sorted(kept))}{selfclose}>"


def unbalanced(found: Iterable[Placeholder]) -> list[Placeholder]:
    """Tags of ``found`` that do not open and close in order (``<b>…<b>``, ``</i>`` alone)."""
    stack: list[tuple[str, Placeholder]] = []
    bad: list[Placeholder] = []
    for item in found:
        if item.kind != TAG or item.key.endswith("/>"):
            continue
        name = item.key[1:].split(" ")[0].rstrip(">")
        if item.key.startswith("</"):
            name = name[1:]
            if stack and stack[-1][0] == name:
                stack.pop()
            elif any(n == name for n, _ in stack):
                while stack and stack[-1][0] != name:
                    bad.append(stack.pop()[1])
                stack.pop()
            else:
                bad.append(item)
        elif name not in _VOID:
            stack.append((name, item))
    bad.extend(p for _, p in stack)
    return sorted(bad, key=lambda p: p.start)


_VOID = frozenset(
    [
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "wbr",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "param",
    ]
)
