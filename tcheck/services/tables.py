"""Tables derived from CLDR and other library data, kept between runs in the cache folder.

Some tables cost far more to derive than to load: the month names of twenty languages need
twenty of Babel's locale files (a third of a second and 15 MB), for a set of a few hundred words.
:func:`derived` builds such a table once and keeps it as a pickle under
``$XDG_CACHE_HOME/tcheck/tables/``, named by the table, the versions of the libraries it comes
from, and the file that builds it (its path, size and modification time), so another library
version or an edited builder builds it again. Anything wrong with the cache (missing, damaged,
unwritable) only means building the table as before (:mod:`tcheck.services.pickled`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tcheck import __version__

T = TypeVar("T")
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
FOLDER = "tables"
# Stored tables kept (the newest): about eight per language checked (word lists, letters, number
# words, lemmas...), so that a run over a site in fifteen languages never removes the tables it
# is about to read again. Another version of a table (another key: library versions, the builder's
# path and time) is not removed when it is stored: two installations may be used by turns.
MAX_TABLES = 256
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")  # file names from table names


def derived(
    name: str, build: Callable[[], T], libraries: Sequence[str] = ("babel",), files: Sequence[object] = ()
) -> T:
    """``build()``, or the table it built in an earlier run with the same libraries and code.

    ``files``: data files the table is made from besides the libraries (such as a TOML file of
    tcheck's), whose size and modification time are part of its key too.
    """
    from tcheck.services import pickled

    file = _file(name, build, libraries, files)
    if file is not None:
        found = pickled.load(file)
        if isinstance(found, tuple) and len(found) == 2 and found[0] == name:
            return found[1]  # type: ignore[no-any-return]
    value = build()
    if file is not None:
        pickled.store(file, (name, value))
        prune(file.parent, MAX_TABLES)
    return value


def data_file(name: str) -> str:
    """The path of ``tcheck/data/<name>``, one of the data files tables are made from (the
    package is installed as files; :mod:`importlib.resources` would cost a run 20 ms to import)."""
    return os.path.join(DATA, name)


def read_toml(name: str) -> dict[str, Any]:
    """The TOML data file ``tcheck/data/<name>``, parsed (only a table's build needs it)."""
    import tomllib

    with open(data_file(name), "rb") as handle:
        return tomllib.load(handle)


def stored_file(
    name: str, build: Callable[[], object], libraries: Sequence[str] = ("babel",), suffix: str = ".bin"
) -> Path | None:
    """Where a table kept in a format of its own (not a pickle) is stored, keyed as :func:`derived`
    keys its pickles; None when there is nothing to key it on."""
    return _file(name, build, libraries, (), suffix)


def prune(folder: Path, keep: int, pattern: str = "*.pickle") -> None:
    """Remove all but the ``keep`` most recently written pickles of ``folder`` that match
    ``pattern`` (tables of other library or tcheck versions are never read again); a failure is
    silent."""
    try:
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[keep:]:
            old.unlink()
    except OSError:
        pass  # another run removed it first, or the folder is read-only


def _file(
    name: str,
    build: Callable[[], object],
    libraries: Sequence[str],
    files: Sequence[object],
    suffix: str = ".pickle",
) -> Path | None:
    from tcheck.services.cachedir import default_cache_dir
    from tcheck.services.versions import version

    code = getattr(build, "__code__", None)
    if code is None:
        return None
    parts = [name, __version__]
    try:
        for source in (code.co_filename, *map(str, files)):
            stat = os.stat(source)
            parts += [source, str(stat.st_size), str(stat.st_mtime_ns)]
    except OSError:
        return None  # a file that cannot be read: nothing to key the table on
    parts += [f"{lib}={version(lib)}" for lib in libraries]
    h = hashlib.blake2b(digest_size=12)
    h.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return default_cache_dir() / FOLDER / f"{_SAFE.sub('_', name)}-{h.hexdigest()}{suffix}"
