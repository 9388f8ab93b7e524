"""Configuration: ``[tool.tcheck]`` in ``pyproject.toml`` or a ``tcheck.toml``.

Precedence: command line > configuration file > defaults. The file is found from the current
directory upward (the first ``tcheck.toml``, or ``pyproject.toml`` with a ``[tool.tcheck]`` table),
or given with ``--config``. Keys mirror the command-line options::

    [tool.tcheck]
    source-lang = "nb"
    target-lang = "en"
    glossary = ["glossaries/house.tbx"]
    default-glossaries = true
    select = ["TC1", "TC2", "TC3"]
    ignore = ["TC205"]
    exclude = ["drafts/**"]
    fail-on = "error"
    format = "text"
    round-trip = "auto"         # TC5xx: "auto" (when models are installed), "on" (required), "off"
    cache = true                # the translation cache (--no-cache)
    cache-dir = ".tcheck-cache" # its folder (default: ~/.cache/tcheck)
    jobs = 0                    # processes over files; 0 = one per core
    baseline = "tcheck-baseline.json"  # hide the findings recorded there (--write-baseline)

    [tool.tcheck.severity]      # per code prefix, most specific wins
    TC3 = "error"

    [tool.tcheck.options.TC303]  # options of one check, documented in its explain text
    assumed-currencies = ["USD", "EUR"]

Relative paths in a file are relative to that file's folder. The environment variable
``TCHECK_ROUND_TRIP`` (auto, on, off) sets ``round-trip`` when neither the file nor the command line does.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tcheck.errors import UsageError
from tcheck.model import Severity, frozen_map

FAIL_ON = ("error", "warning", "info", "never")
ROUND_TRIP = ("auto", "on", "off")
FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class Config:
    """The resolved settings of one run."""

    source_lang: str | None = None
    target_lang: str | None = None
    glossaries: tuple[str, ...] = ()
    default_glossaries: bool = True
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=frozen_map)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=frozen_map)
    fail_on: str = "error"
    format: str = "text"
    config_path: str | None = None
    round_trip: str | None = None  # not set: TCHECK_ROUND_TRIP, else "auto"
    cache: bool = True
    cache_dir: str | None = None
    jobs: int = 0
    baseline: str | None = None

    def option(self, code: str, key: str, default: Any) -> Any:
        """A check option from ``[tool.tcheck.options.CODE]`` (keys in kebab-case)."""
        return self.options.get(code, {}).get(key, default)

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of ``code``: the longest matching prefix wins."""
        best = max((p for p in self.severity if code.startswith(p)), key=len, default=None)
        return self.severity[best] if best is not None else default


_KEYS = {
    "source-lang": "source_lang",
    "target-lang": "target_lang",
    "glossary": "glossaries",
    "glossaries": "glossaries",
    "default-glossaries": "default_glossaries",
    "select": "select",
    "ignore": "ignore",
    "exclude": "exclude",
    "severity": "severity",
    "options": "options",
    "fail-on": "fail_on",
    "format": "format",
    "round-trip": "round_trip",
    "round_trip": "round_trip",
    "cache": "cache",
    "cache-dir": "cache_dir",
    "jobs": "jobs",
    "baseline": "baseline",
}
_LISTS = {"glossaries", "select", "ignore", "exclude"}


def find_config(start: Path) -> Path | None:
    """The nearest ``tcheck.toml`` or ``pyproject.toml`` with ``[tool.tcheck]``, upward."""
    for folder in (start, *start.parents):
        candidate = folder / "tcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tcheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None


def _validate(values: dict[str, Any], where: str) -> dict[str, Any]:
    """Check types and spellings of raw settings; return them under Config's field names."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = _KEYS.get(key)
        if name is None:
            raise UsageError(f"{where}: unknown setting {key!r}")
        if name in _LISTS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"{where}: {key} must be a list of strings")
            value = tuple(v.upper() if name in ("select", "ignore") else v for v in value)
        elif name == "severity":
            if not isinstance(value, dict):
                raise UsageError(f"{where}: severity must be a table of CODE = level")
            try:
                value = frozen_map({k.upper(): Severity.parse(str(v)) for k, v in value.items()})
            except ValueError as exc:
                raise UsageError(f"{where}: {exc}") from None
        elif name == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise UsageError(f"{where}: options must be tables, e.g. [options.TC303]")
            value = frozen_map({k.upper(): frozen_map(v) for k, v in value.items()})
        elif name == "fail_on" and value not in FAIL_ON:
            raise UsageError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
        elif name == "format" and value not in FORMATS:
            raise UsageError(f"{where}: format must be one of {', '.join(FORMATS)}")
        elif name == "default_glossaries" and not isinstance(value, bool):
            raise UsageError(f"{where}: default-glossaries must be true or false")
        elif name in ("source_lang", "target_lang") and not isinstance(value, str):
            raise UsageError(f"{where}: {key} must be a language code")
        elif name == "round_trip" and value not in ROUND_TRIP:
            raise UsageError(f"{where}: round-trip must be one of {', '.join(ROUND_TRIP)}")
        elif name == "cache" and not isinstance(value, bool):
            raise UsageError(f"{where}: cache must be true or false")
        elif name == "cache_dir" and not isinstance(value, str):
            raise UsageError(f"{where}: cache-dir must be a folder path")
        elif name == "jobs" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise UsageError(f"{where}: jobs must be a whole number >= 0 (0: one per core)")
        elif name == "baseline" and not isinstance(value, str):
            raise UsageError(f"{where}: baseline must be a file path")
        out[name] = value
    return out


def load_file(path: Path) -> dict[str, Any]:
    """Settings from one file, with relative glossary paths made absolute."""
    data = _read_toml(path)
    table = data.get("tool", {}).get("tcheck", {}) if path.name == "pyproject.toml" else data
    settings = _validate(dict(table), str(path))
    if "glossaries" in settings:
        settings["glossaries"] = tuple(str((path.parent / g).resolve()) for g in settings["glossaries"])
    if "cache_dir" in settings:
        settings["cache_dir"] = str((path.parent / settings["cache_dir"]).resolve())
    if "baseline" in settings:
        settings["baseline"] = str((path.parent / settings["baseline"]).resolve())
    settings["config_path"] = str(path)
    return settings


def resolve(cli: Mapping[str, Any], config_file: str | None, cwd: Path) -> Config:
    """Merge defaults, the configuration file and command-line values (None = not given)."""
    path = Path(config_file) if config_file else find_config(cwd)
    if config_file and not Path(config_file).is_file():
        raise UsageError(f"{config_file}: configuration file not found")
    file_values = load_file(path) if path else {}
    given = {k: v for k, v in cli.items() if v is not None and v != ()}
    cli_values = _validate(given, "command line")
    merged = {**file_values, **cli_values}
    known = {f.name for f in fields(Config)}
    return replace(Config(), **{k: v for k, v in merged.items() if k in known})
