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
    executor = "dask"           # serial, processes (--jobs) or dask (the dask extra)
    scheduler = "tcp://10.0.0.5:8786"  # Dask scheduler; else TCHECK_DASK_SCHEDULER, else a LocalCluster
    baseline = "tcheck-baseline.json"  # hide the findings recorded there (--write-baseline)

    [tool.tcheck.severity]      # per code prefix, most specific wins
    TC3 = "error"

    [tool.tcheck.options.TC303]  # options of one check, documented in its explain text
    assumed-currencies = ["USD", "EUR"]

Relative paths in a file are relative to that file's folder. The environment variable
``TCHECK_ROUND_TRIP`` (auto, on, off) sets ``round-trip`` when neither the file nor the command line does.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tcheck.errors import UsageError
from tcheck.model import Severity, frozen_map
from tcheck.overrides import Override
from tcheck.overrides import apply as apply_override
from tcheck.overrides import parse as parse_overrides

FAIL_ON = ("error", "warning", "info", "never")
ROUND_TRIP = ("auto", "on", "off")
FORMATS = ("text", "json", "sarif", "github", "html")
EXECUTORS = ("serial", "processes", "dask")


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
    executor: str | None = None  # serial, processes, dask; not set: dask with a scheduler, else processes
    scheduler: str | None = None  # a Dask scheduler's address (else TCHECK_DASK_SCHEDULER)
    overrides: tuple[Override, ...] = ()  # [[overrides]] blocks, in file order (tcheck.overrides)

    def for_file(self, path: str, lang: str | None) -> Config:
        """The settings of the document at ``path`` in ``lang``: this run's, changed by every
        ``[[overrides]]`` block that matches it, in order (itself when none does)."""
        matching = [o for o in self.overrides if o.matches(path, lang)]
        if not matching:
            return self
        values: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for override in matching:
            values = apply_override(values, override)
        return replace(self, **values)

    def target_lang_for(self, path: str) -> str | None:
        """``target-lang`` for the file at ``path``: the last path block that sets it, else the run's."""
        lang = self.target_lang
        for override in self.overrides:
            if "target_lang" in override.settings and override.matches(path, None):
                lang = override.settings["target_lang"]
        return lang

    def option(self, code: str, key: str, default: Any, kind: OptionKind | None = None) -> Any:
        """A check option from ``[tool.tcheck.options.CODE]`` (keys in kebab-case).

        With ``kind`` (``bool``, ``int``, ``float``, ``str`` or ``list`` for a list of strings)
        a configured value of another type is a usage error naming the file, line and key; an
        int is a float too, and a single string a list of one.
        """
        value = self.options.get(code, {}).get(key, default)
        if kind is None or value is default:
            return value
        return check_option(value, kind, lambda: self._option_place(code, key))

    def _option_place(self, code: str, key: str) -> str:
        return option_place(self.config_path, code, key)

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
    "executor": "executor",
    "scheduler": "scheduler",
    "overrides": "overrides",
}
_LISTS = {"glossaries", "select", "ignore", "exclude"}


OptionKind = type[bool] | type[int] | type[float] | type[str] | type[list[str]]
_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}
# Options the readers and the pairing read themselves, checked when the file is loaded.
READER_OPTIONS: Mapping[tuple[str, str], OptionKind] = {
    ("PO", "include-fuzzy"): bool,
    ("XLIFF", "include-unfinished"): bool,
    ("PAIRING", "enabled"): bool,
}
_CODE_PREFIX = re.compile(r"TC\d{0,3}")


def check_option(value: Any, kind: OptionKind, place: str | Callable[[], str]) -> Any:
    """``value`` if it is of ``kind`` (see :meth:`Config.option`), else a usage error at ``place``
    (a function when finding the place costs a file read)."""

    def at() -> str:
        return place() if callable(place) else place

    if kind is list:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return list(value)
        raise UsageError(f"{at()} must be a list of strings, not {value!r}")
    ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not ok:
        raise UsageError(f"{at()} must be {_KIND_NAMES.get(kind, kind.__name__)}, not {value!r}")
    return value


def option_place(config_path: str | None, code: str, key: str) -> str:
    """``FILE:LINE: [options.CODE] key`` for a message about one option."""
    from tcheck import structured  # the settings files' reader: imported by runs that have one

    line = None
    if config_path:
        with contextlib.suppress(OSError, structured.Problem):
            line = structured.key_line(
                structured.decode(Path(config_path).read_bytes()), key, f"options.{code}"
            )
    return f"{structured.where(config_path or 'configuration', line)}: [options.{code}] {key}"


def find_config(start: Path) -> Path | None:
    """The nearest ``tcheck.toml`` or ``pyproject.toml`` with ``[tool.tcheck]``, upward."""
    for folder in (start, *start.parents):
        candidate = folder / "tcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject)[0].get("tool", {})
            if isinstance(tool, dict) and "tcheck" in tool:
                return pyproject
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """The data and the text of a TOML file; any problem is a usage error with its line."""
    from tcheck import structured

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc.strerror}") from None
    try:
        text = structured.decode(data)
        return structured.load_toml(text), text
    except structured.Problem as exc:
        raise UsageError(f"{structured.where(path, exc.line)}: {exc.message}") from None


def _validate(values: dict[str, Any], source: str, text: str | None = None) -> dict[str, Any]:
    """Check types and spellings of raw settings; return them under Config's field names.

    ``source`` is the file (``text`` its content, to find the line of a bad key) or "command line".
    """

    def at(key: str, table: str | None = None) -> str:
        if not text:  # the command line: no line to name
            return source
        from tcheck import structured

        return structured.where(source, structured.key_line(text, key, table))

    out: dict[str, Any] = {}
    for key, value in values.items():
        where = at(key)
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
            value = frozen_map({k.upper(): _severity(k, v, at(k, "severity")) for k, v in value.items()})
        elif name == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise UsageError(f"{where}: options must be tables, e.g. [options.TC303]")
            value = frozen_map({k.upper(): frozen_map(v) for k, v in value.items()})
            for (code, option), kind in READER_OPTIONS.items():
                if option in value.get(code, {}):
                    place = f"{at(option, f'options.{code}')}: [options.{code.lower()}] {option}"
                    check_option(value[code][option], kind, place)
        elif name == "overrides":
            if source == "command line":
                raise UsageError(f"{where}: overrides are blocks of a configuration file")
            value = parse_overrides(value, source, text, _validate)
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
        elif name == "executor" and value not in EXECUTORS:
            raise UsageError(f"{where}: executor must be one of {', '.join(EXECUTORS)}")
        elif name == "scheduler" and (not isinstance(value, str) or not value.strip()):
            raise UsageError(f"{where}: scheduler must be an address such as tcp://10.0.0.5:8786")
        out[name] = value
    return out


def _severity(key: str, value: Any, where: str) -> Severity:
    if not _CODE_PREFIX.fullmatch(key.upper()):
        raise UsageError(f"{where}: {key!r} is not a check code or prefix (such as TC3 or TC205)")
    from tcheck.registry import known_codes

    if not any(code.startswith(key.upper()) for code in known_codes()):
        raise UsageError(f"{where}: no check has a code starting with {key.upper()!r} ('tcheck rules')")
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise UsageError(f"{where}: {exc}") from None


def load_file(path: Path) -> dict[str, Any]:
    """Settings from one file, with relative glossary paths made absolute."""
    data, text = _read_toml(path)
    table: Any = data
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("tcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            from tcheck import structured

            line = structured.key_line(text, "tcheck", "tool")
            raise UsageError(f"{structured.where(path, line)}: [tool.tcheck] must be a table of settings")
    settings = _validate(dict(table), str(path), text)
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
