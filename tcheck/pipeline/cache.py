"""The result cache: a rerun checks only the files that changed.

Each input's per-document results (findings, line index, suppressions, the run checks' digests)
are stored under a key made of

- the file's bytes and, for a paired translation, its source's bytes, with the paths and
  languages the run gives them;
- the run's settings (every field of the configuration that can change a finding), the contents
  of the glossaries, whether texts are kept for the report;
- tcheck itself: the bytes of its code and data files, and the versions of Python and of the
  libraries whose data decide findings (Babel's CLDR, langdetect's profiles, markdown-it).

So a cached result is used only when checking the file again could not give another one. A
file is hashed once per run, and not at all while its identity is the one an earlier run recorded
with its digest (:mod:`tcheck.pipeline.filekeys`; one entry of the cache); tcheck's own files
are hashed only when one of them changed. The
run checks (consistency across files) are fed the cached digests and run on the whole set as
always, so the report is identical to a run without the cache; their findings over an unchanged
set of inputs are kept too (one entry under a key of every input's key). A result is stored as two
entries: what the report needs (findings, line index) and the run checks' digests, which are read
only when the run checks must run again (after an edit), not on a rerun over unchanged files;
after an edit of few files, only those of the run checks whose digests changed
(:mod:`tcheck.pipeline.runparts`, :mod:`tcheck.pipeline.runwhole`).

Storage is one SQLite file (``results.sqlite3`` in the cache folder: ``--cache-dir``, else
``$XDG_CACHE_HOME/tcheck``), shared safely by concurrent runs (write-ahead log, busy timeout).
It is bounded: after a run, the least recently used entries beyond ``MAX_BYTES`` are dropped. A
cache that cannot be opened or breaks during the run is reported once and the run goes on
without it: the cache never changes an outcome. ``--no-cache`` (or ``TCHECK_RESULT_CACHE=off``)
turns it off; runs with the round trip switched on do not use it (their translations have
their own cache).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from tcheck import gcutil
from tcheck.config import Config
from tcheck.pipeline.filekeys import FileDigests, tree_digest
from tcheck.services import sqlite
from tcheck.services.cache import file_digest, results_cached

FILE_NAME = "results.sqlite3"
FINGERPRINT = "code-fingerprint.pickle"  # in the default cache folder: see code_fingerprint
SCHEMA = "1"
MAX_BYTES = 512 * 1024 * 1024  # stored (compressed) results kept at most
_CHUNK = 400  # keys per SELECT
USED_EVERY = 3600.0  # seconds: how fresh an entry's time of last use is kept (see get_many)
# the entry holding the files' identities and digests (tcheck.pipeline.filekeys), whatever the run
IDENTITIES = hashlib.blake2b(b"file identities", digest_size=16, person=b"tcheck").digest()
_LIBRARIES = ("babel", "langdetect", "markdown-it-py", "mdit-py-plugins", "pyahocorasick")

R = TypeVar("R")


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A digest of tcheck's own files (code and data) and of the libraries' versions; the files
    are read only when one of them changed since the last run (:func:`filekeys.tree_digest`,
    kept in the default cache folder, like the derived tables)."""
    from tcheck.services.cachedir import default_cache_dir
    from tcheck.services.versions import version

    root = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    for name in _LIBRARIES:
        h.update(f"{name}={version(name) or '-'};".encode())
    return tree_digest(root, h.digest(), default_cache_dir() / FINGERPRINT)


def _file_digest(path: str | None) -> bytes:
    """The digest of a file's bytes; a marker that never matches twice when it cannot be read."""
    if path is None:
        return b"-"
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "blake2b").digest()
    except OSError:
        return os.urandom(16)  # unreadable now: check it (TC001), never take an old result


def run_key(config: Config, glossary_paths: Iterable[str], keep_texts: bool) -> bytes:
    """What every result of this run depends on besides its own files."""
    settings = dataclasses.replace(
        config, format="text", jobs=0, cache=True, cache_dir=None, fail_on="error", baseline=None
    )
    h = hashlib.blake2b(digest_size=16)
    h.update(code_fingerprint())
    h.update(repr(settings).encode())
    h.update(b"texts" if keep_texts else b"-")
    folder = None
    if results_cached(config.cache):
        from tcheck.services.cache import cache_folder

        folder = cache_folder(config.cache_dir)
    for path in sorted(set(glossary_paths)):
        h.update(path.encode())
        h.update(file_digest(path, folder) or os.urandom(16))  # unreadable: never a match
    return h.digest()


def input_key(base: bytes, item: Any, digest: Callable[[str | None], bytes] = _file_digest) -> bytes:
    """The key of one input (an :class:`tcheck.engine.Input`) under the run key ``base``; files
    are hashed by ``digest`` (see :class:`tcheck.pipeline.filekeys.FileDigests`)."""
    h = hashlib.blake2b(base, digest_size=16)
    h.update(
        repr((item.path, item.shown, item.source, item.source_shown, item.lang, item.source_lang)).encode()
    )
    data = getattr(item, "data", None)  # standard input: its bytes, not the file of that name
    h.update(hashlib.blake2b(data).digest() if data is not None else digest(item.path))
    h.update(digest(item.source))
    return h.digest()


def enabled(config: Config, round_trip: bool) -> bool:
    """Whether this run uses the cache."""
    from tcheck.services.cache import results_cached

    return not round_trip and results_cached(config.cache)


def open_cache(config: Config, ctx: Any, source: str | None, keep_texts: bool) -> ResultCache | None:
    """The run's result cache, or None when the run does not use one (:func:`enabled`)."""
    if not enabled(config, ctx.services is not None):
        return None
    from tcheck.services.cache import cache_folder

    folder = cache_folder(config.cache_dir)
    glossaries = (*ctx.glossaries, *getattr(ctx, "extra_glossaries", {}).values())  # [[overrides]] ones too
    paths = [g.path for g in glossaries] + ([source] if source else [])
    return ResultCache(folder / FILE_NAME, base=run_key(config, paths, keep_texts))


def _prepare(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Create the tables, or raise DatabaseError when the file is not a result cache of ours."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables - {"meta", "results"}:
        raise sqlite3.DatabaseError("another program's database")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None or row[0] != SCHEMA:
        raise sqlite3.DatabaseError(f"schema {row[0] if row else '?'} is not {SCHEMA}")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value BLOB NOT NULL,"
        " size INTEGER NOT NULL, used REAL NOT NULL) WITHOUT ROWID"
    )
    return conn


class ResultCache:
    """Pickled per-input results in SQLite, by key; never fails a run (see the module's docs)."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, base: bytes = b"") -> None:
        self.path = path
        self.base = base
        self.max_bytes = max_bytes
        self.warnings: list[str] = []
        self.hits = self.misses = 0
        self.wrote = False  # whether this run stored anything (only then can it exceed the bound)
        self._conn: sqlite3.Connection | None = None
        self._files: FileDigests | None = None  # the run's file digests, made by the first key
        self.seconds_unread = False  # the run checks' digests were left unread (see lookup)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open(path)
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    def key(self, item: Any) -> bytes:
        """The key of one input under this run's settings (its files hashed once in the run, and
        not at all while unchanged since an earlier run: :mod:`tcheck.pipeline.filekeys`)."""
        if self._files is None:
            self._files = FileDigests(self.get_many([IDENTITIES]).get(IDENTITIES))
        return input_key(self.base, item, self._files.digest)

    def whole_run_key(self, keys: Sequence[bytes]) -> bytes:
        """The key of the run checks' findings over inputs of these ``keys``, in this order: they
        depend on nothing else (each key holds its file's and source's content and the settings)."""
        h = hashlib.blake2b(self.base, digest_size=16)
        h.update(b"run checks")
        for key in keys:
            h.update(key)
        return h.digest()

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        return sqlite.open_waiting(path, _prepare)

    def _fail(self, exc: BaseException) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        self.warnings.append(f"result cache {self.path}: {exc}; checking without it")

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, Any]:
        """The stored results of those ``keys`` that have one (unpickled).

        Their time of last use (for :meth:`trim`) is renewed only when it is older than
        ``USED_EVERY`` seconds: renewing rewrites the whole entry, which cost more than reading it,
        and a rerun soon after another writes nothing at all."""
        found: dict[bytes, Any] = {}
        if self._conn is None:
            return found
        unique = list(dict.fromkeys(keys))
        now = time.time()
        stale = []
        try:
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT key, value, used FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
                with gcutil.paused():  # what is unpickled lives for the run: nothing to collect
                    for key, value, used in rows:
                        with contextlib.suppress(Exception):  # a damaged entry is a miss
                            found[bytes(key)] = pickle.loads(zlib.decompress(value))
                            if used < now - USED_EVERY:
                                stale.append((now, key))
            if stale:
                with sqlite.immediate(self._conn) as conn:
                    conn.executemany("UPDATE results SET used = ? WHERE key = ?", stale)
        except sqlite3.Error as exc:
            self._fail(exc)
        return found

    def put_many(self, items: Iterable[tuple[bytes, Any]]) -> None:
        if self._conn is None:
            return
        now = time.time()
        rows = []
        for key, value in items:
            blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
            rows.append((key, blob, len(blob), now))
        if not rows:
            return
        try:
            with sqlite.immediate(self._conn) as conn:
                conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
            self.wrote = True
        except sqlite3.Error as exc:
            self._fail(exc)

    def trim(self) -> None:
        """Drop the least recently used entries while the stored results exceed the bound.

        Only after a run that stored results: summing the sizes reads the whole table (a tenth of
        a second for a large cache), which a run that found everything stored need not pay.
        """
        if self._conn is None or not self.wrote:
            return
        try:
            total = self._conn.execute("SELECT coalesce(sum(size), 0) FROM results").fetchone()[0]
            if total <= self.max_bytes:
                return
            goal = total - int(self.max_bytes * 0.8)
            with sqlite.immediate(self._conn) as conn:
                dropped = 0
                doomed = []
                for key, size in conn.execute("SELECT key, size FROM results ORDER BY used"):
                    doomed.append((key,))
                    dropped += size
                    if dropped >= goal:
                        break
                conn.executemany("DELETE FROM results WHERE key = ?", doomed)
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        if self._files is not None and self._files.changed:
            self.put_many([(IDENTITIES, self._files.table())])
            self._files = None
        self.trim()
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


@dataclass(frozen=True)
class Split(Generic[R]):
    """How a result is stored as several entries: a first part that is always read, and named
    further parts (a part that is None is not stored), of which only those ``wanted`` are read;
    ``join`` puts them together again (with the wanted parts that were found)."""

    split: Callable[[R], tuple[Any, dict[bytes, Any]]]
    join: Callable[[Any, dict[bytes, Any]], R]
    wanted: tuple[bytes, ...]


SECOND = b"second part"  # the run checks' digests, one entry per input (see tcheck.pipeline)


def part_key(key: bytes, name: bytes) -> bytes:
    """The key of the part called ``name`` (at most 16 bytes) of the result stored under ``key``."""
    return hashlib.blake2b(key, digest_size=16, person=name).digest()


def second_key(key: bytes) -> bytes:
    """The key of the second part of the result stored under ``key`` (see :class:`Split`)."""
    return part_key(key, SECOND)


def lookup(keys: Sequence[bytes], cache: ResultCache, parts: Split[Any] | None = None) -> dict[bytes, Any]:
    """The whole stored results of those ``keys`` that have every part this run reads.

    The second parts (the run checks' digests) are left unread when the run will feed its split
    run checks only their changed parts (:func:`tcheck.pipeline.runparts.few_missing`, decided
    here on the same facts as the caller does): the other run checks' findings are then taken
    from the cache by their digests' hashes, or those digests read when they changed
    (:func:`tcheck.pipeline.runparts.feed_changed`); ``cache.seconds_unread`` says so."""
    if parts is None:
        return cache.get_many(keys)
    if parts.wanted == (SECOND,):
        from tcheck.pipeline import runparts  # it builds on this module

        first = cache.get_many(keys)
        if runparts.split_codes(first.values()) and runparts.few_missing(len(keys) - len(first), len(keys)):
            cache.seconds_unread = True
            return {key: parts.join(value, {}) for key, value in first.items()}
        found = cache.get_many([second_key(key) for key in first])
        return {
            k: parts.join(v, {SECOND: found[s]}) for k, v in first.items() if (s := second_key(k)) in found
        }
    extra = [[part_key(key, name) for name in parts.wanted] for key in keys]
    found = cache.get_many([*keys, *(k for ks in extra for k in ks)])
    out = {}
    for key, wanted in zip(keys, extra, strict=True):
        if key in found and all(k in found for k in wanted):
            out[key] = parts.join(
                found[key], {n: found[k] for n, k in zip(parts.wanted, wanted, strict=True)}
            )
    return out


def through_cache(
    inputs: Sequence[Any],
    keys: Sequence[bytes],
    cache: ResultCache,
    compute: Callable[[Sequence[Any]], Iterable[R]],
    storable: Callable[[R], bool] = lambda _: True,
    parts: Split[R] | None = None,
    stored: dict[bytes, Any] | None = None,
) -> Iterator[R]:
    """Every input's result, in input order: stored ones from ``cache`` (or ``stored``, what
    :func:`lookup` found), the others from ``compute`` (called once, with the inputs that
    missed, whose results it yields in order), which are stored as they come when ``storable``
    (in several entries with ``parts``)."""
    if stored is None:
        stored = lookup(keys, cache, parts)
    missing = [item for item, key in zip(inputs, keys, strict=True) if key not in stored]
    cache.hits += len(inputs) - len(missing)
    cache.misses += len(missing)
    fresh = iter(compute(missing)) if missing else iter(())
    pending: list[tuple[bytes, Any]] = []
    for key in keys:
        if key in stored:
            yield stored[key]
            continue
        result = next(fresh)
        if storable(result):
            if parts is None:
                pending.append((key, result))
            else:
                first, more = parts.split(result)
                pending.append((key, first))
                pending.extend((part_key(key, name), part) for name, part in more.items() if part is not None)
            if len(pending) >= 64:
                cache.put_many(pending)
                pending = []
        yield result
    cache.put_many(pending)
