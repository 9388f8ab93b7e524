"""Settings per path and per language: ``[[tool.tcheck.overrides]]`` (``[[overrides]]`` in tcheck.toml).

Like ruff's per-file settings and ESLint's ``overrides``, each block names the files it applies to
and the settings it changes for them::

    [[tool.tcheck.overrides]]
    paths = ["content/ja/**", "i18n/ja/**"]   # globs, relative to the configuration file's folder
    ignore = ["TC403"]

    [[tool.tcheck.overrides]]
    languages = ["de", "nb"]                  # the document's language (primary subtag: zh = zh-cn)
    glossary = ["glossaries/en-de.csv"]
    severity = { TC102 = "error" }

A block applies to a document when every condition it gives holds: one of ``paths`` matches its
path (a pattern without ``/`` matches the file name; ``*`` crosses folders) and one of
``languages`` is its language. A block needs at least one of the two. Blocks apply in order, later
ones over earlier ones. Per key:

- ``select``, ``ignore``, ``target-lang``: replace the run's value for those documents (a
  ``target-lang`` block is matched by ``paths`` only, since it decides the language);
- ``severity``, ``options``: added to the run's tables, code by code (option by option);
- ``glossary``: glossaries used for those documents *besides* the run's ones.

A command-line ``--select``/``--ignore``/``--target-lang`` is the run's value; a block still
changes it for its documents.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tcheck.errors import UsageError
from tcheck.model import frozen_map

KEYS = {
    "paths": "paths",
    "languages": "languages",
    "select": "select",
    "ignore": "ignore",
    "severity": "severity",
    "options": "options",
    "glossary": "glossaries",
    "glossaries": "glossaries",
    "target-lang": "target_lang",
}
_HEADER = re.compile(r"^\s*\[\[\s*(?:tool\s*\.\s*tcheck\s*\.\s*)?overrides\s*\]\]", re.I)
_ANY_HEADER = re.compile(r"^\s*\[")


@dataclass(frozen=True)
class Override:
    """One ``[[overrides]]`` block: which documents, and the settings (Config field names) for them."""

    paths: tuple[str, ...]
    languages: tuple[str, ...]
    settings: Mapping[str, Any]
    base: str  # the folder the path globs are relative to
    where: str  # FILE:LINE of the block, for messages

    def matches(self, path: str, lang: str | None) -> bool:
        """Whether this block applies to the document at ``path`` in ``lang``."""
        if self.languages and not _lang_matches(lang, self.languages):
            return False
        return not self.paths or _path_matches(path, self.paths, self.base)


def _lang_matches(lang: str | None, wanted: Sequence[str]) -> bool:
    if not lang:
        return False
    norm = lang.lower().replace("_", "-")
    return any(norm == w or (("-" not in w) and norm.split("-")[0] == w) for w in wanted)


def _path_matches(path: str, patterns: Sequence[str], base: str) -> bool:
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, base) if base else path
    if rel.startswith(".."):
        rel = path
    rel = Path(rel).as_posix()
    name = Path(path).name
    for pattern in patterns:
        pattern = pattern.removeprefix("./")
        if fnmatch.fnmatchcase(rel, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern)):
            return True
        if pattern.endswith("/**") and (rel == pattern[:-3] or rel.startswith(pattern[:-2])):
            return True
    return False


def block_lines(text: str | None) -> list[int]:
    """The line numbers of the ``[[overrides]]`` headers of a TOML text."""
    if not text:
        return []
    return [n + 1 for n, line in enumerate(text.splitlines()) if _HEADER.match(line)]


def _key_line(text: str | None, start: int | None, key: str) -> int | None:
    """The line of ``key =`` inside the block starting at line ``start``."""
    if not text or not start:
        return start
    lines = text.splitlines()
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number in range(start, len(lines)):
        if _ANY_HEADER.match(lines[number]):
            break
        if pattern.match(lines[number]):
            return number + 1
    return start


def parse(value: Any, source: str, text: str | None, validate: Any) -> tuple[Override, ...]:
    """The ``overrides`` array of a configuration file; ``validate`` checks the shared keys the
    way the top level does (``config._validate``). Errors name FILE:LINE."""
    from tcheck import structured  # the settings files' reader: imported by runs that have blocks

    headers = block_lines(text)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        line = headers[0] if headers else (structured.key_line(text, "overrides") if text else None)
        raise UsageError(
            f"{structured.where(source, line)}: overrides must be blocks: [[tool.tcheck.overrides]]"
        )
    base = str(Path(source).resolve().parent) if text is not None else ""
    out = []
    for n, block in enumerate(value):
        start = headers[n] if n < len(headers) else (structured.key_line(text, "overrides") if text else None)
        out.append(_block(block, source, text, start, base, validate))
    return tuple(out)


def _block(
    block: dict[str, Any], source: str, text: str | None, start: int | None, base: str, validate: Any
) -> Override:
    from tcheck import structured

    def at(key: str) -> str:
        return structured.where(source, _key_line(text, start, key))

    here = structured.where(source, start)
    for key in block:
        if key not in KEYS:
            raise UsageError(
                f"{at(key)}: unknown setting {key!r} in [[overrides]] (one of: {', '.join(KEYS)})"
            )
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("paths", "languages"):
        raw = block.get(key, [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() for v in raw):
            raise UsageError(f"{at(key)}: {key} must be a list of strings")
        lists[key] = tuple(raw)
    if not lists["paths"] and not lists["languages"]:
        raise UsageError(f"{here}: an [[overrides]] block needs paths or languages (or both)")
    languages = tuple(v.strip().lower().replace("_", "-") for v in lists["languages"])
    for lang in languages:
        _check_lang(lang, at("languages"))
    rest = {k: v for k, v in block.items() if k not in ("paths", "languages")}
    if "target-lang" in rest:
        if lists["languages"]:
            raise UsageError(
                f"{at('target-lang')}: target-lang in [[overrides]] is chosen by paths, not languages"
            )
        if isinstance(rest["target-lang"], str):
            _check_lang(rest["target-lang"], at("target-lang"))
    settings = _validate_in_block(rest, source, text, start, validate)
    if "glossaries" in settings and base:
        settings["glossaries"] = tuple(str((Path(base) / g).resolve()) for g in settings["glossaries"])
    return Override(lists["paths"], languages, frozen_map(settings), base, here)


def _validate_in_block(
    rest: dict[str, Any], source: str, text: str | None, start: int | None, validate: Any
) -> dict[str, Any]:
    """Top-level validation, with a message placed inside the block."""
    try:
        return dict(validate(rest, source, None))
    except UsageError as exc:
        from tcheck import structured

        message = str(exc).split(": ", 1)[-1]
        key = next((k for k in rest if k in message), None)
        raise UsageError(
            f"{structured.where(source, _key_line(text, start, key) if key else start)}: {message}"
        ) from None


def _check_lang(lang: str, where: str) -> None:
    from tcheck.locale import normalize_lang

    try:
        normalize_lang(lang)
    except UsageError as exc:
        raise UsageError(f"{where}: {exc}") from None


def apply(settings: dict[str, Any], override: Override) -> dict[str, Any]:
    """Config field values after one matching block (see the module's rules per key)."""
    out = dict(settings)
    for name, value in override.settings.items():
        if name in ("severity", "options") and name in out:
            merged = dict(out[name])
            if name == "options":
                for code, table in value.items():
                    merged[code] = frozen_map({**merged.get(code, {}), **table})
            else:
                merged.update(value)
            out[name] = frozen_map(merged)
        elif name == "glossaries":
            out[name] = tuple(dict.fromkeys((*out.get(name, ()), *value)))
        else:
            out[name] = value
    return out
