"""Pairing the files of a content repository: each translation with its source-language original.

A layout is a pair of path templates: ``localized`` (with ``{lang}``) and, optionally, ``default``
(the same file in the default language, without a code). Templates may use ``{lang}``, ``{path}``
(any path), ``{dir}`` (folders, possibly none), ``{name}`` (a file name) and ``{ext}``; they match
anywhere below the folder given on the command line. Built in, tried in this order:

- Docusaurus: ``i18n/{lang}/docusaurus-plugin-content-docs/current/{path}`` ↔ ``docs/{path}``
  (and the blog and pages plugins);
- language folders (Hugo's "by directory", most static sites): ``{lang}/{path}``, e.g.
  ``content/nb/post.md`` beside ``content/en/post.md``;
- language suffixes (Hugo's "by file name"): ``{dir}{name}.{lang}.{ext}`` ↔ ``{dir}{name}.{ext}``.

Files that share everything but the language form a group. In each group the file in the source
language (``--source-lang``, else ``[tool.tcheck.options.pairing] source-lang``, else the default
language of the layout's unmarked files, else English when present) becomes the source of every
other member; a file that is the source of another is not checked as a translation itself.
Settings (``[tool.tcheck.options.pairing]``): ``enabled`` (true), ``layouts`` (a list of
``{localized = "...", default = "..."}`` tables tried before the built-in ones), ``source-lang``,
``default-lang`` (the language of unmarked files).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tcheck.engine import Input
from tcheck.errors import UsageError
from tcheck.formats import BILINGUAL_SUFFIXES

LAYOUTS: tuple[tuple[str, str | None], ...] = (
    ("i18n/{lang}/docusaurus-plugin-content-docs/current/{path}", "docs/{path}"),
    ("i18n/{lang}/docusaurus-plugin-content-blog/{path}", "blog/{path}"),
    ("i18n/{lang}/docusaurus-plugin-content-pages/{path}", "src/pages/{path}"),
    ("{lang}/{path}", None),
    ("{dir}{name}.{lang}.{ext}", "{dir}{name}.{ext}"),
)
_FIELDS = {
    "lang": r"(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)",
    "path": r"(?P<path>.+)",
    "dir": r"(?P<dir>(?:[^/]+/)*?)",
    "name": r"(?P<name>[^/]+?)",
    "ext": r"(?P<ext>[^./]+)",
}
_FIELD = re.compile(r"\{(\w+)\}")


def compile_template(template: str) -> re.Pattern[str]:
    """A template as a regular expression matching a path anywhere below the given folder."""
    parts = []
    pos = 0
    for match in _FIELD.finditer(template):
        parts.append(re.escape(template[pos : match.start()]))
        field = match.group(1)
        if field not in _FIELDS:
            raise UsageError(f"pairing layout {template!r}: unknown field {{{field}}}")
        parts.append(_FIELDS[field])
        pos = match.end()
    parts.append(re.escape(template[pos:]))
    return re.compile(r"^(?P<root>(?:.*/)?)" + "".join(parts) + "$")


@lru_cache(maxsize=4096)
def language_code(part: str) -> str | None:
    """A CLDR language code (``nb``, ``pt-BR``, ``fil``), or None for ordinary names (``src``)."""
    from tcheck.locale import normalize_lang

    try:
        code = normalize_lang(part)
    except UsageError:
        return None
    primary = part.replace("-", "_").split("_")[0].lower()
    if len(primary) == 3 and code.split("_")[0] != primary:
        return None  # "src" is not Sardinian here, nor "eng" English
    return code


@dataclass(frozen=True)
class _Member:
    input: Input
    lang: str | None  # None: a file of the default template
    key: tuple[Any, ...]


def _settings(options: Mapping[str, Any]) -> list[tuple[re.Pattern[str], re.Pattern[str] | None]]:
    custom = options.get("layouts", [])
    if not isinstance(custom, list) or not all(isinstance(c, dict) and "localized" in c for c in custom):
        raise UsageError("options.pairing.layouts must be a list of {localized = ..., default = ...} tables")
    layouts = [(str(c["localized"]), c.get("default")) for c in custom] + list(LAYOUTS)
    return [(compile_template(loc), compile_template(d) if d else None) for loc, d in layouts]


def _localized(
    item: Input, layouts: Sequence[tuple[re.Pattern[str], re.Pattern[str] | None]]
) -> _Member | None:
    path = item.shown.replace("\\", "/")
    for n, (localized, _default) in enumerate(layouts):
        match = localized.match(path)
        if match and (lang := language_code(match.group("lang"))):
            groups = {k: v for k, v in match.groupdict().items() if k != "lang"}
            return _Member(item, lang, (n, *sorted(groups.items())))
    return None


def _unmarked(
    item: Input, layouts: Sequence[tuple[re.Pattern[str], re.Pattern[str] | None]]
) -> list[_Member]:
    """Every way ``item`` can be the default-language file of a layout."""
    path = item.shown.replace("\\", "/")
    found = []
    for n, (_localized, default) in enumerate(layouts):
        match = default.match(path) if default is not None else None
        if match:
            found.append(_Member(item, None, (n, *sorted(match.groupdict().items()))))
    return found


def _primary(lang: str | None) -> str | None:
    return lang.replace("-", "_").split("_")[0].lower() if lang else None


def pair_inputs(inputs: Sequence[Input], source_lang: str | None, options: Mapping[str, Any]) -> list[Input]:
    """``inputs`` with each translation given its source, and the sources themselves left out."""
    if options.get("enabled", True) is False:
        return list(inputs)
    layouts = _settings(options)
    default_lang = options.get("default-lang")
    wanted = _primary(source_lang or options.get("source-lang"))
    groups: dict[tuple[Any, ...], list[_Member]] = {}
    rest: list[Input] = []
    for item in inputs:
        if any(item.path.lower().endswith(s) for s in BILINGUAL_SUFFIXES):
            continue  # bilingual files carry their own source
        member = _localized(item, layouts)
        if member is not None:
            groups.setdefault(member.key, []).append(member)
        else:
            rest.append(item)
    for item in rest:
        for member in _unmarked(item, layouts):
            if member.key in groups:
                groups[member.key].append(member)
                break
    sources: dict[str, _Member] = {}  # target path -> its source
    used: set[str] = set()
    for members in groups.values():
        langs = {_primary(m.lang) for m in members}
        if len(members) < 2 or len(langs) < 2:
            continue
        source = _choose(members, wanted, _primary(default_lang))
        if source is None:
            continue
        for member in members:
            if member is not source and _primary(member.lang) != _primary(source.lang):
                sources[member.input.path] = source
                used.add(source.input.path)
    langs_by_path = {m.input.path: m.lang for members in groups.values() for m in members}
    out = []
    for item in inputs:
        if item.path in used and item.path not in sources:
            continue
        src = sources.get(item.path)
        if src is None:
            out.append(item)
            continue
        member_lang = langs_by_path.get(item.path)
        out.append(
            dataclasses.replace(
                item,
                source=src.input.path,
                source_shown=src.input.shown,
                lang=member_lang,
                source_lang=src.lang or default_lang or source_lang,
            )
        )
    return out


def _choose(members: Sequence[_Member], wanted: str | None, default_lang: str | None) -> _Member | None:
    """The member in the source language of this group, if one can be told."""
    if wanted:
        found = [m for m in members if _primary(m.lang) == wanted]
        if not found:  # the unmarked file is in the default language, taken to be the source's
            found = [m for m in members if m.lang is None]
        return found[0] if found else None
    unmarked = [m for m in members if m.lang is None]
    if unmarked:
        return unmarked[0]
    english = [m for m in members if _primary(m.lang) == "en"]
    return english[0] if english else None
