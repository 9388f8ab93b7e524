"""Large regular expressions compiled once per machine, kept in the cache folder.

The recognisers build a few large patterns per language from CLDR data (dates: 16,000
characters; units, currencies, clock times), and Python's ``re`` parses and compiles them again
in every run (40 ms for the date pattern alone). The compiled program is a list of integers that
``_sre`` turns into a pattern object in microseconds, so :func:`compile` keeps that program (with
the group names) under ``$XDG_CACHE_HOME/tcheck/regex/``, named by a digest of the pattern, the
flags and the exact Python build. The pattern object it returns is the one ``re.compile`` makes
from the same program. Small patterns, another Python, or anything unexpected (a damaged file,
internals that differ) simply go through ``re.compile``.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's own compiler, always present in CPython
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

MIN_LENGTH = 1_000  # shorter patterns compile in well under a millisecond
FOLDER = "regex"
MAX_PATTERNS = 256  # stored programs kept (the newest): a few per language checked


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program an earlier run compiled when there is one."""
    flags = int(flags)
    if len(pattern) < MIN_LENGTH:
        return re.compile(pattern, flags)
    try:
        file = _file(pattern, flags, _sre)
        found = _load(file, pattern)
        if found is not None:
            return found
        program = _program(pattern, flags)
        compiled: re.Pattern[str] = _sre.compile(*program)
    except Exception:  # internals of another Python: the ordinary way
        return re.compile(pattern, flags)
    from tcheck.services import pickled
    from tcheck.services.tables import prune

    pickled.store(file, program)
    prune(file.parent, MAX_PATTERNS)
    return compiled


def _file(pattern: str, flags: int, sre: Any) -> Path:
    from tcheck.services.cachedir import default_cache_dir

    h = hashlib.blake2b(digest_size=16)
    for part in (sys.version, str(sre.MAGIC), str(sre.CODESIZE), str(flags), pattern):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return default_cache_dir() / FOLDER / f"{h.hexdigest()}.pickle"


def _load(file: Path, pattern: str) -> re.Pattern[str] | None:
    from tcheck.services import pickled

    program = pickled.load(file)
    if not (isinstance(program, tuple) and len(program) == 6 and program[0] == pattern):
        return None
    try:
        compiled: re.Pattern[str] = _sre.compile(*program)
    except Exception:  # a program this Python does not accept: compile again
        return None
    return compiled


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
