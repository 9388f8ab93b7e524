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
from functools import cached_property
from pathlib import Path
from typing import Any

from tcheck.bilingual.listing import Listing, loose_stem
from tcheck.bilingual.site import Site, read_site, site_root
from tcheck.engine import Input
from tcheck.errors import UsageError
from tcheck.formats import BILINGUAL_SUFFIXES, MARKDOWN_SUFFIXES, RESOURCE_SUFFIXES, name_suffix, suffix_of
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
_STEM_LANG = re.compile(r"(?P<prefix>(?:[\w.-]*[_.-])?)(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)")


def compile_template(template: str) -> re.Pattern[str]:
    """A template as a regular expression matching a path anywhere below the given folder."""
    return re.compile(_template_regex(template))


def _template_regex(template: str) -> str:
    """The regular expression of :func:`compile_template`, not compiled (a template with an
    unknown field is a usage error)."""
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
    return r"^(?P<root>(?:.*/)?)" + "".join(parts) + "$"


def primary(lang: str | None) -> str | None:
    return primary_subtag(lang) if lang else None


@dataclass(frozen=True)
class Layout:
    localized_template: str
    default_template: str | None
    # the template's literal pieces: a path that lacks one cannot match (tested before the pattern)
    pieces: tuple[str, ...] = ()

    @cached_property
    def localized(self) -> re.Pattern[str]:
        """The template as a pattern, compiled when a path first holds all its pieces: a run
        whose paths fit no layout (one file, a site of another kind) compiles none."""
        return compile_template(self.localized_template)

    def matches(self, rel: str) -> re.Match[str] | None:
        """The match of ``rel`` (a path relative to the site's root, with ``/``), if any."""
        if not all(piece in rel for piece in self.pieces):
            return None
        return self.localized.match(rel)


def _layouts(options: Mapping[str, Any]) -> tuple[Layout, ...]:
    custom = options.get("layouts", [])
    if not isinstance(custom, list) or not all(isinstance(c, dict) and "localized" in c for c in custom):
        raise UsageError("options.pairing.layouts must be a list of {localized = ..., default = ...} tables")
    pairs = [(str(c["localized"]), c.get("default")) for c in custom] + list(DOCUSAURUS)
    out = []
    for localized, default in pairs:
        for template in (localized, default):  # unknown fields are reported for either side
            if template is not None:
                _template_regex(str(template))
        pieces = tuple(piece for piece in _FIELD.split(localized)[::2] if piece)
        out.append(Layout(localized, str(default) if default else None, pieces))
    return tuple(out)


def _fill(template: str, groups: Mapping[str, str]) -> str:
    return _FIELD.sub(lambda m: groups.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True)
class _Place:
    """What a folder's place in its repository says about every file directly in it."""

    root: str  # the site's root (the nearest folder with a marker, else the file system's root)
    prefix: str  # the folder relative to ``root`` with ``/`` after it ("" for the root itself)
    source_lang: str
    layouts: tuple[Layout, ...]  # those whose folder pieces (``i18n/``) the folder's path holds
    # when a language folder above decides: (its language, the folder of the originals or None)
    by_folder: tuple[str, str | None] | None


class Repository:
    """Finds the language and the original of files, looking on disk (and among the inputs).

    What depends only on a file's folder (its site, the source language, the language folder
    above it and the folder of its originals) is worked out once per folder; a file costs a few
    string operations and one look-up of its original's name in a remembered folder listing."""

    def __init__(self, inputs: Sequence[Input], source_lang: str | None, options: Mapping[str, Any]) -> None:
        self.layouts = _layouts(options)
        self.wanted = primary(source_lang or options.get("source-lang"))
        cwd = os.getcwd()
        self.known = {_absolute(i.path, cwd): i for i in inputs}
        self._listing: dict[str, Listing] = {}
        self._folders: dict[tuple[str, frozenset[str] | None], dict[str, str]] = {}
        self._places: dict[str, _Place] = {}

    # -- the filesystem, remembered -------------------------------------------------------------
    def _entries(self, folder: str) -> Listing:
        """Names in ``folder`` (files and folders), sorted; read once."""
        listing = self._listing.get(folder)
        if listing is None:
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                names = []
            listing = self._listing[folder] = Listing(names)
        return listing

    def _lang_folders(self, parent: str, declared: frozenset[str] | None) -> dict[str, str]:
        """Language folders in ``parent``: folder name → its language code."""
        cached = self._folders.get((parent, declared))
        if cached is not None:
            return cached
        out: dict[str, str] = {}
        for name in self._entries(parent).names:
            code = language_code(name)
            if code is None or not os.path.isdir(os.path.join(parent, name)):
                continue
            if declared is not None and name not in declared and code not in declared:
                continue
            out[name] = code
        self._folders[(parent, declared)] = out
        return out

    # -- finding the original -------------------------------------------------------------------
    def _original(self, wanted: str) -> str | None:
        """``wanted``, or the file there under another Markdown extension or word joiner."""
        if wanted in self.known:
            return wanted
        folder, name = os.path.split(wanted)
        listing = self._entries(folder)
        if name in listing.names:
            return wanted
        own = name_suffix(name).lower()
        suffixes = MARKDOWN_SUFFIXES if own in MARKDOWN_SUFFIXES else {own}
        for candidate, its_suffix in listing.loose(loose_stem(name)):
            if its_suffix in suffixes:
                path = os.path.join(folder, candidate)
                if os.path.isfile(path) or path in self.known:
                    return path
        return None

    def locate(self, path: str) -> tuple[str | None, str | None, str | None]:
        """(language of ``path``, language of its source, the source file) from the layouts;
        ``path`` is absolute and normalised (:func:`os.path.abspath`)."""
        folder, name = os.path.split(path)
        place = self._places.get(folder)
        if place is None:
            place = self._places[folder] = self._place(folder)
        source_lang = place.source_lang
        for layout in place.layouts:
            match = layout.matches(place.prefix + name)
            if match is None or (lang := language_code(match.group("lang"))) is None:
                continue
            if primary(lang) == source_lang:
                return lang, source_lang, None
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            template = layout.default_template or layout.localized_template
            wanted = Path(place.root) / (groups["root"] + _fill(template, {**groups, "lang": source_lang}))
            return lang, source_lang, self._original(str(wanted))
        if place.by_folder is not None:
            code, originals = place.by_folder
            found = self._original(os.path.join(originals, name)) if originals is not None else None
            return code, source_lang, found
        return self._by_suffix(folder, name, source_lang)

    def _place(self, folder: str) -> _Place:
        """The site, source language and language folder of the files in ``folder``."""
        at = Path(folder)
        root = site_root(at) or Path(at.anchor)
        site = read_site(root)
        source_lang = self.wanted or primary(site.default_lang) or "en"
        parts = at.relative_to(root).parts
        prefix = "".join(f"{part}/" for part in parts)
        # a piece that ends with "/" stands in a file's path only within its folder's
        layouts = tuple(
            layout
            for layout in self.layouts
            if all(piece in prefix for piece in layout.pieces if piece.endswith("/"))
        )
        by_folder = self._by_folder(str(root), parts, site, source_lang)
        return _Place(str(root), prefix, source_lang, layouts, by_folder)

    def _by_folder(
        self, root: str, parts: tuple[str, ...], site: Site, source_lang: str
    ) -> tuple[str, str | None] | None:
        """The outermost language folder among ``parts`` (a folder below ``root``) that has a
        sibling named by another language: (its language, the same folder among the originals,
        None for the source language's own or when there is none)."""
        for i, part in enumerate(parts):
            code = language_code(part)
            if code is None:
                continue
            parent = os.path.join(root, *parts[:i])
            folders = self._lang_folders(parent, site.languages)
            if len(folders) < 2 or part not in folders:
                continue
            if primary(code) == source_lang:
                return code, None
            original_folder = _source_folder(folders, source_lang)
            if original_folder is None:
                return code, None
            return code, os.path.join(parent, original_folder, *parts[i + 1 :])
        return None

    def _by_stem(self, folder: str, name: str, source_lang: str) -> tuple[str, str, str | None] | None:
        """Resource files named by their language: ``i18n/de.toml`` ↔ ``i18n/en.toml``,
        ``app_de.arb`` ↔ ``app_en.arb``, when the file in the source language is beside them."""
        ext = name_suffix(name)
        match = _STEM_LANG.fullmatch(name[: len(name) - len(ext)] if ext else name)
        if match is None or (code := language_code(match.group("lang"))) is None:
            return None
        if primary(code) == source_lang:
            return code, source_lang, None
        found = self._original(os.path.join(folder, f"{match.group('prefix')}{source_lang}{ext}"))
        return (code, source_lang, found) if found is not None else None

    def _by_suffix(
        self, folder: str, name: str, source_lang: str
    ) -> tuple[str | None, str | None, str | None]:
        """``post.nb.md`` ↔ ``post.md`` or ``post.en.md``."""
        pieces = name.split(".")
        if len(pieces) < 3 or (code := language_code(pieces[-2])) is None:
            if name_suffix(name).lower() in RESOURCE_SUFFIXES and (
                by_stem := self._by_stem(folder, name, source_lang)
            ):
                return by_stem
            return None, None, None
        if primary(code) == source_lang:
            return code, source_lang, None
        base = ".".join(pieces[:-2])
        for other in (f"{base}.{pieces[-1]}", f"{base}.{source_lang}.{pieces[-1]}"):
            found = self._original(os.path.join(folder, other))
            if found is not None:
                return code, source_lang, found
        # Counted as a translation without its original only beside other languages of the page.
        siblings = [n for n in self._entries(folder).names if n != name and n.startswith(f"{base}.")]
        return code, source_lang if siblings else None, None


def _absolute(path: str, cwd: str) -> str:
    """:func:`os.path.abspath` of ``path`` with the working folder ``cwd`` (asked once per run):
    ``path`` itself (the same string) when it is one already."""
    found = os.path.normpath(path if os.path.isabs(path) else os.path.join(cwd, path))
    return path if found == path else found


def _held(path: str, known: Mapping[str, Input]) -> str:
    """``path``, as the string of the input it is when that input's path is written the same way
    (a run over many files holds one string per path, not two)."""
    item = known.get(path)
    return item.path if item is not None and item.path == path else path


def _source_folder(folders: Mapping[str, str], source_lang: str) -> str | None:
    """The folder of the source language: named exactly by it (``en``), else the first of it
    (``en-us``)."""
    candidates = sorted(name for name, code in folders.items() if primary(code) == source_lang)
    exact = [name for name in candidates if name.lower() == source_lang]
    found = exact or candidates
    return found[0] if found else None


def _shown(path: str, known: Mapping[str, Input], cwd: str) -> str:
    item = known.get(path)
    if item is not None:
        return item.shown
    rel = os.path.relpath(path, cwd)
    return path.replace(os.sep, "/") if rel.startswith("..") else rel.replace(os.sep, "/")


def pair_inputs(inputs: Sequence[Input], source_lang: str | None, options: Mapping[str, Any]) -> list[Input]:
    """``inputs`` with each file's layout language, and each translation given its source."""
    if options.get("enabled", True) is False:
        return list(inputs)
    repo = Repository(inputs, source_lang, options)
    cwd = os.getcwd()
    out = []
    for item in inputs:
        if suffix_of(item.path).lower() in BILINGUAL_SUFFIXES:
            out.append(item)  # bilingual files carry their own source
            continue
        path = _absolute(item.path, cwd)
        lang, src_lang, source = repo.locate(path)
        if lang is None:
            out.append(item)
            continue
        paired = source is not None and source != path
        out.append(
            Input(
                item.path,
                item.shown,
                source=_held(source, repo.known) if paired and source else item.source,
                source_shown=_shown(source, repo.known, cwd) if paired and source else item.source_shown,
                lang=lang,
                source_lang=src_lang if primary(lang) != src_lang else item.source_lang,
                data=item.data,
            )
        )
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
