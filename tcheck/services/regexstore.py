"""Every regular expression a command-line run compiles, kept compiled between runs.

tcheck's modules, its recognisers and the libraries they use (markdown-it, Babel, click) compile
a few hundred patterns when a run starts: 160 for a plain-text file, over 700 for a PO file,
each parsed and compiled again by ``re``'s pure-Python compiler in every process (40-200 ms of
the start-up of one small file). The compiled program is a list of integers that ``_sre``
turns into a pattern object in microseconds, as :mod:`tcheck.services.regexes` does for a few
large patterns. :func:`install` has ``re`` take every program from one file in the cache folder
(``$XDG_CACHE_HOME/tcheck/regex-store/programs-<key>.pickle``, keyed by the exact Python build) and
:func:`save` adds the patterns compiled for the first time when the run ends.

Only the command line installs it (a program that imports tcheck keeps ``re`` as it is);
``TCHECK_REGEX_STORE=off`` turns it off. The
pattern objects are the ones ``re`` makes from the same programs: the same matches, flags, groups
and equality. Another Python, a damaged file or a pattern ``re`` treats specially (``DEBUG``,
a parsed pattern) simply goes through ``re``'s own compiler.
"""

from __future__ import annotations

import os
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (pattern, flags) -> (flags with the pattern's inline flags, code as array('I') bytes, groups,
# group index, index group): what _sre.compile needs besides the pattern
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

# Programs kept: a run compiling more new patterns than this (one per glossary term or page)
# keeps only its own, and records no more than this many (what it holds stays bounded)
MAX_PROGRAMS = 4000
# CPU seconds this run spent compiling patterns new to the store before it rewrites the file
# (a megabyte): a run that met only a few new small patterns leaves it as it is
SAVE_AFTER = 0.005
FOLDER = "regex-store"
_DEBUG = 128  # re.DEBUG: prints while compiling, never stored


class _Store:
    """The programs read from the file, those this run added, and the keys this run used."""

    def __init__(self, file: Path, programs: dict[Key, Program]) -> None:
        self.file = file
        self.programs = programs
        self.new: dict[Key, Program] = {}
        self.used: set[Key] = set()
        self.spent = 0.0  # CPU seconds spent compiling the new programs


_STORE: list[_Store] = []  # the installed store (one per process)


def install(folder: Path | None = None) -> bool:
    """Have ``re`` compile patterns from the programs kept in ``folder`` (default: the cache
    folder's ``regex-store``; not ``regex``, whose files :mod:`tcheck.services.regexes` prunes), and keep the new ones for :func:`save`. False (and ``re`` unchanged)
    when this Python's internals are not the expected ones."""
    if _STORE:
        return True
    if os.environ.get("TCHECK_REGEX_STORE", "on").lower() in ("0", "off", "false", "no"):
        return False
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler  # type: ignore[attr-defined]

        from tcheck.services import regexes  # what re hands _sre for a pattern: regexes._program

        if array("I").itemsize != _sre.CODESIZE:
            return False
        file = _file(folder, _sre)
        original: Callable[..., Any] = _compiler.compile
    except Exception:  # another implementation of re
        return False
    store = _Store(file, _load(file))
    _STORE.append(store)

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & _DEBUG:  # bytes patterns are few: re compiles them
            return original(p, flags)
        key = (p, flags)
        program = store.programs.get(key) or store.new.get(key)
        if program is None and len(store.new) >= MAX_PROGRAMS:  # a run's own patterns, by the thousand
            return original(p, flags)
        try:
            if program is None:
                start = time.process_time()
                _, full, code, groups, groupindex, indexgroup = regexes._program(p, flags)
                program = (full, array("I", code).tobytes(), groups, groupindex, indexgroup)
                store.spent += time.process_time() - start
                store.new[key] = program
            else:
                store.used.add(key)
            full, code, groups, groupindex, indexgroup = program
            return _sre.compile(p, full, array("I", code).tolist(), groups, groupindex, indexgroup)
        except Exception:  # a pattern re rejects raises its own error here; a bad stored program
            store.new.pop(key, None)
            store.programs.pop(key, None)
            return original(p, flags)

    _compiler.compile = compile
    return True


def save() -> None:
    """Add the programs this run compiled first to the file, when compiling them took
    :data:`SAVE_AFTER` or more (no error when it cannot be written; another run's additions since
    this one read it are kept)."""
    if not _STORE or not _STORE[0].new or _STORE[0].spent < SAVE_AFTER:
        return
    from tcheck.services import pickled

    store = _STORE[0]
    merged = {**_load(store.file), **store.programs, **store.new}
    if len(merged) > MAX_PROGRAMS:  # the patterns of this run only
        merged = {k: v for k, v in merged.items() if k in store.used or k in store.new}
    pickled.store(store.file, merged)
    store.programs.update(store.new)
    store.new.clear()
    store.spent = 0.0


def _file(folder: Path | None, sre: Any) -> Path:
    import hashlib

    from tcheck.services.cachedir import default_cache_dir

    h = hashlib.blake2b(digest_size=8)
    h.update(f"{sys.version}\0{sre.MAGIC}\0{sre.CODESIZE}".encode())
    return (folder or default_cache_dir() / FOLDER) / f"programs-{h.hexdigest()}.pickle"


def _load(file: Path) -> dict[Key, Program]:
    from tcheck.services import pickled

    found = pickled.load(file)
    return found if isinstance(found, dict) else {}
