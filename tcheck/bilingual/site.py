"""What a site's own configuration says about its languages.

Hugo (``hugo.toml|yaml|json``, ``config.toml|yaml|json``, ``config/_default/...``): the keys of
``[languages]`` and ``defaultContentLanguage``. Docusaurus (``docusaurus.config.js|ts|mjs``):
``i18n.locales`` and ``i18n.defaultLocale``, read from the literal arrays of the file (the file is a
program; tcheck does not run it). A site without such a file has no declared languages, and its
language folders are recognised by their contents (see :mod:`tcheck.bilingual.pairing`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

HUGO_CONFIGS = tuple(
    f"{folder}{name}.{ext}"
    for folder in ("", "config/_default/")
    for name in ("hugo", "config")
    for ext in ("toml", "yaml", "yml", "json")
)
DOCUSAURUS_CONFIGS = ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
# Files that mark the top of a repository or site, searched upward from a checked path.
ROOT_MARKERS = (".git", *HUGO_CONFIGS, *DOCUSAURUS_CONFIGS, "tcheck.toml")

# Read from a Docusaurus configuration (the patterns are compiled by the first run that has one)
_LOCALES = r"\blocales\s*:\s*\[([^\]]*)\]"
_DEFAULT_LOCALE = r"\bdefaultLocale\s*:\s*['\"`]([\w-]+)['\"`]"
_LAST_VERSION = r"\blastVersion\s*:\s*['\"`]([\w.-]+)['\"`]"
_ROUTE_BASE = r"\brouteBasePath\s*:\s*['\"`]([^'\"`]*)['\"`]"
_QUOTED = r"['\"`]([\w-]+)['\"`]"


@dataclass(frozen=True)
class Site:
    """A site's root folder and the languages its configuration declares (None: not declared).

    ``kind`` is ``"hugo"`` or ``"docusaurus"`` when such a configuration file was found (None
    otherwise); the rest says where a Hugo site's pages are served: each language's content folder
    (``contentDir``, by language key), whether the default language has its own prefix
    (``defaultContentLanguageInSubdir``), and the first folders of routes Hugo makes itself or
    places by a pattern (``generated``: its taxonomies, and the sections ``[permalinks]`` maps).
    For Docusaurus, ``last_version`` is the docs plugin's ``lastVersion`` and ``route_bases`` the
    ``routeBasePath`` values the configuration names (``"/"`` for a docs-only site).
    """

    root: Path
    languages: frozenset[str] | None = None
    default_lang: str | None = None
    kind: str | None = None
    content_dirs: tuple[tuple[str, str], ...] = ()
    default_in_subdir: bool = False
    generated: frozenset[str] = frozenset({"tags", "categories"})
    last_version: str | None = None
    route_bases: tuple[str, ...] = ()


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".toml":  # the parsers are imported by the runs that read a site's
            import tomllib

            return tomllib.loads(text)
        if path.suffix == ".json":
            import json

            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception:  # unreadable or invalid (any parser's error): read as no configuration
        return {}
    return data if isinstance(data, dict) else {}


def _hugo(root: Path) -> Site | None:
    for name in HUGO_CONFIGS:
        path = root / name
        if not path.is_file():
            continue
        data = _load(path)
        languages = data.get("languages")
        default = data.get("defaultContentLanguage")
        langs = frozenset(str(k) for k in languages) if isinstance(languages, dict) and languages else None
        if langs is not None and isinstance(default, str):
            langs |= {default}
        main_dir = data.get("contentDir")
        main_dir = main_dir if isinstance(main_dir, str) else "content"
        dirs: dict[str, str] = {}
        for key, value in languages.items() if isinstance(languages, dict) else ():
            folder = value.get("contentDir") if isinstance(value, dict) else None
            dirs[str(key)] = folder if isinstance(folder, str) else main_dir
        taxonomies = data.get("taxonomies")
        plurals = (
            frozenset(str(v) for v in taxonomies.values())
            if isinstance(taxonomies, dict)
            else frozenset({"tags", "categories"})
        )
        permalinks = data.get("permalinks")
        patterned: set[str] = set()
        for key, value in permalinks.items() if isinstance(permalinks, dict) else ():
            if isinstance(value, dict):  # [permalinks.page] and [permalinks.section] tables
                patterned.update(str(k) for k in value)
            else:
                patterned.add(str(key))
        return Site(
            root,
            langs,
            default if isinstance(default, str) else None,
            kind="hugo",
            content_dirs=tuple(sorted(dirs.items())) or (("", main_dir),),
            default_in_subdir=data.get("defaultContentLanguageInSubdir") is True,
            generated=plurals | patterned,
        )
    return None


def _docusaurus(root: Path) -> Site | None:
    for name in DOCUSAURUS_CONFIGS:
        try:
            text = (root / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        locales = re.search(_LOCALES, text, re.S)
        default = re.search(_DEFAULT_LOCALE, text)
        last = re.search(_LAST_VERSION, text)
        langs = frozenset(re.findall(_QUOTED, locales.group(1))) if locales else None
        return Site(
            root,
            langs or None,
            default.group(1) if default else None,
            kind="docusaurus",
            last_version=last.group(1) if last else None,
            route_bases=tuple(dict.fromkeys(re.findall(_ROUTE_BASE, text))),
        )
    return None


@lru_cache(maxsize=64)
def read_site(root: Path) -> Site:
    """The languages ``root``'s site configuration declares, if it has one."""
    site = _docusaurus(root)
    if site is None or (site.languages is None and site.default_lang is None):
        site = _hugo(root) or site
    return site or Site(root)


@lru_cache(maxsize=4096)
def site_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` with a repository or site marker (each folder
    asked once: the answer for a folder without one is its parent's)."""
    if any(os.path.exists(os.path.join(folder, marker)) for marker in ROOT_MARKERS):
        return folder
    parent = folder.parent
    return None if parent == folder else site_root(parent)
