"""SQLite as the caches use it: files shared by concurrent tcheck processes."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

BUSY_MS = 30_000  # how long a writer waits for another


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode that waits for other writers instead of failing."""
    conn = sqlite3.connect(str(path), timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    return conn


def open_waiting(
    path: Path, prepare: Callable[[sqlite3.Connection], sqlite3.Connection]
) -> sqlite3.Connection:
    """Connect and ``prepare`` (create tables, check the schema), waiting while another process
    holds a lock: SQLite can report "database is locked" without calling the busy handler (a new
    file switched to WAL while another process creates it), which is contention, not damage.
    Other errors of ``prepare`` are raised with the connection closed."""
    deadline = time.monotonic() + BUSY_MS / 1000
    delay = 0.01
    while True:
        conn = connect(path)
        try:
            return prepare(conn)
        except sqlite3.OperationalError as exc:
            conn.close()
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
        except BaseException:
            conn.close()
            raise


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction taken at once (no deadlock between two readers turning writers),
    rolled back when anything in it fails."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
