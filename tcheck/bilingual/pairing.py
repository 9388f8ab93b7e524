"""Pairing the files of a content repository: each translation with its source-language original.

Every checked file is placed in its repository (the nearest folder above it with ``.git``, a Hugo
or Docusaurus configuration or a ``tcheck.toml``), and its original is looked up on disk there, so
``tcheck check content/ja`` or a list of staged files pairs exactly as a whole-site run does, and
``--exclude`` hides files from the report without hiding the sources they need. Layouts, tried in
this order:

- custom layouts (``[tool.tcheck.options.pairing] layouts``): pairs of path templates, ``localized``
  (with ``{lang}``) and optionally ``default`` (the same file in the source language, without a
  code); templates may use ``{lang}``, ``{path}`` (any path), ``{dir}`` (folders, possibly none),
  ``{name}`` (a file name), ``{ext}``, ``{ver}`` and ``{plugin}`` (one folder name each);
- Docusaurus: ``i18n/{lang}/docusaurus-plugin-content-docs/current/{path}`` ↔ ``docs/{path}``,
  ``.../version-{ver}/{path}`` ↔ ``versioned_docs/version-{ver}/{path}``, other docs plugins
  (``docusaurus-plugin-content-docs-{plugin}`` ↔ ``{plugin}/``), the blog and pages plugins;
- language folders (Hugo's "by directory", most static sites): ``content/ja/post.md`` beside
  ``content/en/post.md``. A folder is a language folder when it is named by a language code and its
  parent holds at least one other such folder (and, when the site's configuration declares its
  languages, when it is one of them). The outermost such folder decides: in
  ``content/ja/docs/go/intro.md`` the language is ``ja``, not Go;
- language suffixes (Hugo's "by file name"): ``post.nb.md`` ↔ ``post.md`` or ``post.en.md``;
- resource files named by their language: ``i18n/de.toml`` ↔ ``i18n/en.toml`` (Hugo),
  ``locales/de.json``, ``config/locales/de.yml`` (Rails), ``app_de.arb`` ↔ ``app_en.arb`` (Flutter).

The original may differ in extension (``.md``/``.mdx``) or in how its name joins words
(``cloud native apps.md`` ↔ ``cloud-native-apps.md``). The source language is ``--source-lang``, else
``[tool.tcheck.options.pairing] source-lang``, else the site's default language (Hugo
``defaultContentLanguage``, Docusaurus ``i18n.defaultLocale``), else English. Files in the source
language are checked as monolingual documents; a translation whose original is not found is checked
alone and counted in the run's pairing summary. Setting ``enabled = false`` turns pairing off.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tcheck.bilingual.site import Site, read_site, site_root
from tcheck.engine import Input
from tcheck.errors import UsageError
from tcheck.formats import BILINGUAL_SUFFIXES, MARKDOWN_SUFFIXES, RESOURCE_SUFFIXES
from tcheck.locale import language_code
from tcheck.locale import primary as primary_subtag

DOCUSAURUS: tuple[tuple[str, str], ...] = (
    ("i18n/{lang}/docusaurus-plugin-content-docs/current/{path}", "docs/{path}"),
    (
        "i18n/{lang}/docusaurus-plugin-content-docs/version-{ver}/{path}",
        "versioned_docs/version-{ver}/{path}",
    ),
    ("i18n/{lang}/docusaurus-plugin-content-docs-{plugin}/current/{path}", "{plugin}/{path}"),
    (
        "i18n/{lang}/docusaurus-plugin-content-docs-{plugin}/version-{ver}/{path}",
        "{plugin}_versioned_docs/version-{ver}/{path}",
    ),
    ("i18n/{lang}/docusaurus-plugin-content-blog/{path}", "blog/{path}"),
    ("i18n/{lang}/docusaurus-plugin-content-pages/{path}", "src/pages/{path}"),
)
SUFFIX = ("{dir}{name}.{lang}.{ext}", "{dir}{name}.{ext}")
_FIELDS = {
    "lang": r"(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2})",
    "path": r"(?P<path>.+)",
    "dir": r"(?P<dir>(?:[^/]+/)*?)",
    "name": r"(?P<name>[^/]+?)",
    "ext": r"(?P<ext>[^./]+)",
    "ver": r"(?P<ver>[^/]+)",
    "plugin": r"(?P<plugin>[^/]+)",
}
_FIELD = re.compile(r"\{(\w+)\}")
_JOINERS = re.compile(r"[\s_-]+")
_STEM_LANG = re.compile(r"(?P<prefix>(?:[\w.-]*[_.-])?)(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)")


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


def primary(lang: str | None) -> str | None:
    return primary_subtag(lang) if lang else None


@dataclass(frozen=True)
class Layout:
    localized: re.Pattern[str]
    localized_template: str
    default_template: str | None


def _layouts(options: Mapping[str, Any]) -> tuple[Layout, ...]:
    custom = options.get("layouts", [])
    if not isinstance(custom, list) or not all(isinstance(c, dict) and "localized" in c for c in custom):
        raise UsageError("options.pairing.layouts must be a list of {localized = ..., default = ...} tables")
    pairs = [(str(c["localized"]), c.get("default")) for c in custom] + list(DOCUSAURUS)
    out = []
    for localized, default in pairs:
        if default is not None:
            compile_template(str(default))  # unknown fields are reported for either side
        out.append(Layout(compile_template(localized), localized, str(default) if default else None))
    return tuple(out)


def _fill(template: str, groups: Mapping[str, str]) -> str:
    return _FIELD.sub(lambda m: groups.get(m.group(1), m.group(0)), template)


class Repository:
    """Finds the language and the original of files, looking on disk (and among the inputs)."""

    def __init__(self, inputs: Sequence[Input], source_lang: str | None, options: Mapping[str, Any]) -> None:
        self.layouts = _layouts(options)
        self.wanted = primary(source_lang or options.get("source-lang"))
        self.known = {os.path.abspath(i.path): i for i in inputs}
        self._listing: dict[Path, dict[str, None]] = {}
        self._folders: dict[tuple[Path, frozenset[str] | None], dict[str, str]] = {}

    # -- the filesystem, remembered -------------------------------------------------------------
    def _entries(self, folder: Path) -> dict[str, None]:
        """Names in ``folder`` (files and folders), sorted, as an ordered set; read once."""
        if folder not in self._listing:
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                names = []
            self._listing[folder] = dict.fromkeys(names)
        return self._listing[folder]

    def _exists(self, path: Path) -> bool:
        return str(path) in self.known or path.name in self._entries(path.parent)

    def _lang_folders(self, parent: Path, declared: frozenset[str] | None) -> dict[str, str]:
        """Language folders in ``parent``: folder name → its language code."""
        cached = self._folders.get((parent, declared))
        if cached is not None:
            return cached
        out: dict[str, str] = {}
        for name in self._entries(parent):
            code = language_code(name)
            if code is None or not (parent / name).is_dir():
                continue
            if declared is not None and name not in declared and code not in declared:
                continue
            out[name] = code
        self._folders[(parent, declared)] = out
        return out

    # -- finding the original -------------------------------------------------------------------
    def _original(self, wanted: Path) -> Path | None:
        """``wanted``, or the file there under another Markdown extension or word joiner."""
        if self._exists(wanted):
            return wanted
        entries = self._entries(wanted.parent)
        stem, suffix = wanted.stem, wanted.suffix.lower()
        suffixes = MARKDOWN_SUFFIXES if suffix in MARKDOWN_SUFFIXES else {suffix}
        loose = _JOINERS.sub("", stem.lower())
        for name in entries:
            candidate = Path(name)
            if candidate.suffix.lower() in suffixes and _JOINERS.sub("", candidate.stem.lower()) == loose:
                if (wanted.parent / name).is_file() or str(wanted.parent / name) in self.known:
                    return wanted.parent / name
        return None

    def locate(self, path: Path) -> tuple[str | None, str | None, Path | None]:
        """(language of ``path``, language of its source, the source file) from the layouts."""
        root = site_root(path.parent) or Path(path.anchor)
        site = read_site(root)
        source_lang = self.wanted or primary(site.default_lang) or "en"
        rel = path.relative_to(root).as_posix()
        for layout in self.layouts:
            match = layout.localized.match(rel)
            if match is None or (lang := language_code(match.group("lang"))) is None:
                continue
            if primary(lang) == source_lang:
                return lang, source_lang, None
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            template = layout.default_template or layout.localized_template
            wanted = root / (groups["root"] + _fill(template, {**groups, "lang": source_lang}))
            return lang, source_lang, self._original(wanted)
        found = self._by_folder(path, root, site, source_lang)
        if found is not None:
            return found
        return self._by_suffix(path, source_lang)

    def _by_folder(
        self, path: Path, root: Path, site: Site, source_lang: str
    ) -> tuple[str, str, Path | None] | None:
        parts = path.relative_to(root).parts
        for i, part in enumerate(parts[:-1]):
            parent = root.joinpath(*parts[:i])
            code = language_code(part)
            if code is None:
                continue
            folders = self._lang_folders(parent, site.languages)
            if len(folders) < 2 or part not in folders:
                continue
            if primary(code) == source_lang:
                return code, source_lang, None
            original_folder = _source_folder(folders, source_lang)
            if original_folder is None:
                return code, source_lang, None
            return code, source_lang, self._original(parent.joinpath(original_folder, *parts[i + 1 :]))
        return None

    def _by_stem(self, path: Path, source_lang: str) -> tuple[str, str, Path | None] | None:
        """Resource files named by their language: ``i18n/de.toml`` ↔ ``i18n/en.toml``,
        ``app_de.arb`` ↔ ``app_en.arb``, when the file in the source language is beside them."""
        match = _STEM_LANG.fullmatch(path.stem)
        if match is None or (code := language_code(match.group("lang"))) is None:
            return None
        if primary(code) == source_lang:
            return code, source_lang, None
        wanted = path.with_name(f"{match.group('prefix')}{source_lang}{path.suffix}")
        found = self._original(wanted)
        return (code, source_lang, found) if found is not None else None

    def _by_suffix(self, path: Path, source_lang: str) -> tuple[str | None, str | None, Path | None]:
        """``post.nb.md`` ↔ ``post.md`` or ``post.en.md``."""
        pieces = path.name.split(".")
        if len(pieces) < 3 or (code := language_code(pieces[-2])) is None:
            if path.suffix.lower() in RESOURCE_SUFFIXES and (by_stem := self._by_stem(path, source_lang)):
                return by_stem
            return None, None, None
        if primary(code) == source_lang:
            return code, source_lang, None
        base = ".".join(pieces[:-2])
        for name in (f"{base}.{pieces[-1]}", f"{base}.{source_lang}.{pieces[-1]}"):
            found = self._original(path.with_name(name))
            if found is not None:
                return code, source_lang, found
        # Counted as a translation without its original only beside other languages of the page.
        siblings = [n for n in self._entries(path.parent) if n != path.name and n.startswith(f"{base}.")]
        return code, source_lang if siblings else None, None


def _source_folder(folders: Mapping[str, str], source_lang: str) -> str | None:
    """The folder of the source language: named exactly by it (``en``), else the first of it
    (``en-us``)."""
    candidates = sorted(name for name, code in folders.items() if primary(code) == source_lang)
    exact = [name for name in candidates if name.lower() == source_lang]
    found = exact or candidates
    return found[0] if found else None


def _shown(path: Path, known: Mapping[str, Input]) -> str:
    item = known.get(str(path))
    if item is not None:
        return item.shown
    rel = os.path.relpath(path)
    return path.as_posix() if rel.startswith("..") else Path(rel).as_posix()


def pair_inputs(inputs: Sequence[Input], source_lang: str | None, options: Mapping[str, Any]) -> list[Input]:
    """``inputs`` with each file's layout language, and each translation given its source."""
    if options.get("enabled", True) is False:
        return list(inputs)
    repo = Repository(inputs, source_lang, options)
    out = []
    for item in inputs:
        if Path(item.path).suffix.lower() in BILINGUAL_SUFFIXES:
            out.append(item)  # bilingual files carry their own source
            continue
        path = Path(os.path.abspath(item.path))
        lang, src_lang, source = repo.locate(path)
        if lang is None:
            out.append(item)
            continue
        changes: dict[str, Any] = {"lang": lang}
        if primary(lang) != src_lang:
            changes["source_lang"] = src_lang
        if source is not None and source != path:
            changes.update(source=str(source), source_shown=_shown(source, repo.known))
        out.append(dataclasses.replace(item, **changes))
    return out


@dataclass
class LanguagePairing:
    """How many translations into one language found their original."""

    paired: int = 0
    unpaired: list[str] = dataclasses.field(default_factory=list)


def summarise(inputs: Sequence[Input]) -> dict[str, LanguagePairing]:
    """Translations per language (sorted by code): paired, and the paths of those without a source."""
    out: dict[str, LanguagePairing] = {}
    for item in inputs:
        if not item.lang or not item.source_lang or primary(item.lang) == primary(item.source_lang):
            continue
        entry = out.setdefault(item.lang, LanguagePairing())
        if item.source:
            entry.paired += 1
        else:
            entry.unpaired.append(item.shown)
    return dict(sorted(out.items()))
