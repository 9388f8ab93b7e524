"""What a site's own configuration says about its languages.

Hugo (``hugo.toml|yaml|json``, ``config.toml|yaml|json``, ``config/_default/...``): the keys of
``[languages]`` and ``defaultContentLanguage``. Docusaurus (``docusaurus.config.js|ts|mjs``):
``i18n.locales`` and ``i18n.defaultLocale``, read from the literal arrays of the file (the file is a
program; tcheck does not run it). A site without such a file has no declared languages, and its
language folders are recognised by their contents (see :mod:`tcheck.bilingual.pairing`).
"""

from __future__ import annotations

import json
import re
import tomllib
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

_LOCALES = re.compile(r"\blocales\s*:\s*\[([^\]]*)\]", re.S)
_DEFAULT_LOCALE = re.compile(r"\bdefaultLocale\s*:\s*['\"`]([\w-]+)['\"`]")
_QUOTED = re.compile(r"['\"`]([\w-]+)['\"`]")


@dataclass(frozen=True)
class Site:
    """A site's root folder and the languages its configuration declares (None: not declared)."""

    root: Path
    languages: frozenset[str] | None = None
    default_lang: str | None = None


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".toml":
            return tomllib.loads(text)
        if path.suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception:  # unreadable or invalid (any parser's error): read as no configuration
        return {}
    return data if isinstance(data, dict) else {}


def _hugo(root: Path) -> tuple[frozenset[str] | None, str | None]:
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
        return langs, default if isinstance(default, str) else None
    return None, None


def _docusaurus(root: Path) -> tuple[frozenset[str] | None, str | None]:
    for name in DOCUSAURUS_CONFIGS:
        try:
            text = (root / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        locales = _LOCALES.search(text)
        default = _DEFAULT_LOCALE.search(text)
        langs = frozenset(_QUOTED.findall(locales.group(1))) if locales else None
        return langs or None, default.group(1) if default else None
    return None, None


@lru_cache(maxsize=64)
def read_site(root: Path) -> Site:
    """The languages ``root``'s site configuration declares, if it has one."""
    langs, default = _docusaurus(root)
    if langs is None and default is None:
        langs, default = _hugo(root)
    return Site(root, langs, default)


@lru_cache(maxsize=4096)
def site_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` with a repository or site marker."""
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return None
