"""An on-disk translation cache in SQLite (embedded, no server).

Entries are keyed by the model's identity and version (see ``mt.ModelInfo.key``), the direction
(``from>to``) and the normalised source text. Several tcheck processes may share one file: SQLite's
write-ahead log lets readers and a writer work at once, and a busy timeout makes a second writer
wait instead of failing. A file that is not a usable cache (corrupt, truncated, an old schema) is
moved aside and rebuilt with a warning; if even that fails, the run goes on with an in-memory cache.
Another program's database (tables that are not the cache's) is neither used nor changed: the run
warns and caches in memory. The cache never makes a run fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from tcheck.services import sqlite
from tcheck.services.cachedir import default_cache_dir as default_cache_dir  # callers' name for it

SCHEMA = 1
FILE_NAME = "translations.sqlite3"
_CHUNK = 400  # texts per SELECT (well under SQLite's variable limit)


def cache_folder(folder: str | None) -> Path:
    """The caches' folder: the configured one (``--cache-dir``), else :func:`default_cache_dir`."""
    return Path(folder) if folder else default_cache_dir()


def results_cached(enabled: bool) -> bool:
    """Whether checking results (and parsed glossaries) are cached: ``enabled`` (not
    ``--no-cache``) unless ``TCHECK_RESULT_CACHE`` says off."""
    return enabled and os.environ.get("TCHECK_RESULT_CACHE", "on").lower() not in ("0", "off", "false", "no")


DIGESTS = "file-digests.pickle"  # in the cache folder: digests of large files by their identity
MAX_DIGESTS = 256
SETTLED = 2.0  # seconds a file must have been unmodified when hashed for its digest to be kept
_DIGESTS: dict[Path, dict[str, tuple[tuple[int, ...], float, bytes]]] = {}


def file_digest(path: str, folder: Path | None) -> bytes | None:
    """The BLAKE2b digest of the file's bytes (None when it cannot be read).

    With a cache ``folder``, the digest is remembered by the file's identity (device, inode,
    size, modification and change times), so that a large file that has not changed (a
    termbase of tens of megabytes, which every run reads to find its parsed form and to key its
    results) is not read and hashed again. A file that was modified less than ``SETTLED`` seconds
    before it was hashed is hashed again the next time: a change of the same size within the
    resolution of its time stamps would not show."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    known = _known_digests(folder) if folder is not None else None
    name = os.path.abspath(path)
    if known is not None and (entry := known.get(name)) is not None:
        if entry[0] == identity and entry[1] - stat.st_mtime >= SETTLED:
            return entry[2]
    try:
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "blake2b").digest()
    except OSError:
        return None
    if known is not None and folder is not None:
        if len(known) >= MAX_DIGESTS:
            known.clear()
        known[name] = (identity, time.time(), digest)
        from tcheck.services import pickled

        pickled.store(folder / DIGESTS, known)
    return digest


def _known_digests(folder: Path) -> dict[str, tuple[tuple[int, ...], float, bytes]]:
    known = _DIGESTS.get(folder)
    if known is None:
        from tcheck.services import pickled

        found = pickled.load(folder / DIGESTS)
        known = _DIGESTS[folder] = found if isinstance(found, dict) else {}
    return known


class ForeignDatabase(sqlite3.DatabaseError):
    """A valid SQLite database that is not a tcheck cache: it is neither used nor changed."""


_OURS = {"meta": ["key", "value"], "translations": ["model", "direction", "source", "target", "created"]}


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """Raise :class:`ForeignDatabase` when the database holds tables that are not the cache's.

    An empty database is a new cache; a corrupt file raises the usual DatabaseError.
    """
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    others = sorted(t for t in tables if t not in _OURS)
    if others:
        shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
        raise ForeignDatabase(f"tables {shown}")
    for table in tables:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if columns != _OURS[table]:
            raise ForeignDatabase(f"a table {table} with columns {', '.join(columns)}")


class TranslationCache:
    """Maps ``(model, direction, text)`` to a translation; ``path=None`` keeps it in memory."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.warnings: list[str] = []
        self._conn = self._open()

    # -- opening -----------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(self._memory())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._open_waiting(self.path)
        except ForeignDatabase as exc:
            self.warnings.append(
                f"translation cache {self.path} is another program's database ({exc}); left it as it "
                "is and using a cache in memory (choose another folder with --cache-dir)"
            )
            self.path = None
            return self._prepare(self._memory())
        except sqlite3.DatabaseError as exc:
            return self._rebuild(str(exc))
        except OSError as exc:
            self.warnings.append(
                f"translation cache {self.path}: {exc.strerror or exc}; using a cache in memory"
            )
            self.path = None
            return self._prepare(self._memory())

    def _open_waiting(self, path: Path) -> sqlite3.Connection:
        return sqlite.open_waiting(path, self._prepare)

    @staticmethod
    def _memory() -> sqlite3.Connection:
        return sqlite3.connect(":memory:", isolation_level=None)

    @staticmethod
    def _prepare(conn: sqlite3.Connection) -> sqlite3.Connection:
        """Create the tables, or raise DatabaseError when the file is not a cache of ours
        (:class:`ForeignDatabase`, before anything is changed, when it is another program's)."""
        _refuse_foreign(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != str(SCHEMA):
            raise sqlite3.DatabaseError(f"cache schema {row[0] if row else '?'} is not {SCHEMA}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS translations ("
            " model TEXT NOT NULL, direction TEXT NOT NULL, source TEXT NOT NULL,"
            " target TEXT NOT NULL, created REAL NOT NULL,"
            " PRIMARY KEY (model, direction, source)) WITHOUT ROWID"
        )
        conn.execute("SELECT count(*) FROM translations WHERE 0").fetchone()
        return conn

    def _rebuild(self, reason: str) -> sqlite3.Connection:
        assert self.path is not None
        aside = self.path.with_name(f"{self.path.name}.broken-{os.getpid()}-{int(time.time())}")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                with contextlib.suppress(FileNotFoundError):  # absent, or moved by another process
                    part.replace(Path(f"{aside}{suffix}"))
            conn = self._open_waiting(self.path)
        except (OSError, sqlite3.DatabaseError) as exc:
            self.warnings.append(
                f"translation cache {self.path} is unusable ({reason}) and could not be rebuilt "
                f"({exc}); using a cache in memory"
            )
            self.path = None
            return self._prepare(self._memory())
        self.warnings.append(
            f"translation cache {self.path} was unusable ({reason}); moved it to {aside.name} "
            "and started a new one"
        )
        return conn

    # -- use ---------------------------------------------------------------------------------
    def get_many(self, model: str, direction: str, texts: Sequence[str]) -> dict[str, str]:
        """The cached translations of those ``texts`` that have one."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(texts))
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._conn.execute(
                    "SELECT source, target FROM translations"
                    f" WHERE model = ? AND direction = ? AND source IN ({marks})",
                    (model, direction, *chunk),
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                self._fail(exc)
                return found
            found.update(rows)
        return found

    def put_many(self, model: str, direction: str, pairs: Iterable[tuple[str, str]]) -> None:
        now = time.time()
        rows = [(model, direction, source, target, now) for source, target in pairs]
        if not rows:
            return
        try:
            with sqlite.immediate(self._conn) as conn:
                conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            self._fail(exc)

    def _fail(self, exc: sqlite3.DatabaseError) -> None:
        """A cache that breaks during the run: warn once and go on in memory."""
        if self.path is None:
            return
        self.warnings.append(f"translation cache {self.path}: {exc}; using a cache in memory for this run")
        self.close()
        self.path = None
        self._conn = self._prepare(self._memory())

    def entries(self, models: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """Every cached ``(model, direction, source, target)`` of these models (to hand them to
        workers that translate elsewhere, see :mod:`tcheck.pipeline.dask_worker`)."""
        rows: list[tuple[str, str, str, str]] = []
        for model in sorted(set(models)):
            try:
                found = self._conn.execute(
                    "SELECT model, direction, source, target FROM translations WHERE model = ?", (model,)
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                self._fail(exc)
                return rows
            rows.extend(found)
        return rows

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM translations").fetchone()[0])

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
