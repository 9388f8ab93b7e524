"""The digests of a run's files, for the result cache's keys: each file read once per run, and
not at all while it is unchanged since an earlier run hashed it.

A key of the result cache holds the digest of the file's bytes and of its source's
(:func:`tcheck.pipeline.cache.input_key`). Reading and hashing every page of a site on each
rerun was a tenth of a rerun's CPU (helm-www: 1,483 pages, and each original once more for
every translation of it). :class:`FileDigests` hashes a path once per run, and remembers across
runs, in one entry of the result cache, each file's identity (device, inode, size, modification
and change times) with its digest: a file whose identity is the one recorded is not read again.
A digest is trusted that way only when it was taken at least ``SETTLED`` seconds after the
file's last change: a write within the resolution of the file system's clock after it was
hashed would otherwise keep its identity. Any other file (new, touched, rewritten, or with an
identity not yet settled) is read and hashed, so a file touched but unchanged still finds its
results.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

SETTLED = 2.0  # seconds between a file's last change and its hashing for the digest to be kept
MAX_FILES = 100_000  # files remembered; beyond, only the files of the last run are kept
Identity = tuple[int, int, int, int, int]  # device, inode, size, modification and change time (ns)
Entry = tuple[Identity, float, bytes]  # identity, when it was hashed (time.time), digest


class FileDigests:
    """Digests of files by path for one run, with the identities of ``known`` files (a table
    stored by an earlier run: absolute path -> :data:`Entry`; see the module's docs)."""

    def __init__(self, known: Any = None) -> None:
        self.known: dict[str, Entry] = known if isinstance(known, dict) else {}
        self.changed = False  # whether :attr:`known` holds something worth storing again
        self.read = 0  # files read and hashed in this run
        self._run: dict[str, bytes] = {}  # this run's digests by path as given
        self._used: set[str] = set()  # absolute paths of this run's files

    def digest(self, path: str | None) -> bytes:
        """The digest of the file's bytes; ``b"-"`` for no file, and a value that never matches
        twice for a file that cannot be read (it is checked again: TC001, never an old result)."""
        if path is None:
            return b"-"
        found = self._run.get(path)
        if found is None:
            found = self._run[path] = self._compute(path)
        return found

    def _compute(self, path: str) -> bytes:
        try:
            stat = os.stat(path)
        except (OSError, ValueError):
            return os.urandom(16)
        name = os.path.abspath(path)
        self._used.add(name)
        identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
        changed_at = max(stat.st_mtime_ns, stat.st_ctime_ns) / 1e9
        entry = self.known.get(name)
        if entry is not None and entry[0] == identity and entry[1] - changed_at >= SETTLED:
            return entry[2]
        hashed_at = time.time()
        try:
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "blake2b").digest()
        except (OSError, ValueError):
            return os.urandom(16)
        self.read += 1
        settled = hashed_at - changed_at >= SETTLED
        # Recorded when new or changed, or when it has just become settled: a file hashed again
        # soon after a change (not settled either time) is not worth a write of the table.
        if entry is None or entry[0] != identity or entry[2] != digest or settled:
            self.known[name] = (identity, hashed_at, digest)
            self.changed = True
        return digest

    def table(self) -> dict[str, Entry]:
        """What to store for the next run: the known files, or this run's alone when they are
        more than ``MAX_FILES``."""
        if len(self.known) > MAX_FILES:
            return {name: entry for name, entry in self.known.items() if name in self._used}
        return self.known


Listing = tuple[tuple[str, int, int, int, int], ...]  # (relative path, inode, size, mtime, ctime)
MAX_TREES = 8  # code trees whose digests are kept (tree_digest)


def tree_digest(root: Path, seed: bytes, store: Path | None) -> bytes:
    """A digest of ``seed`` and of every file under ``root`` (its path relative to ``root`` and
    its bytes; bytecode caches left out), kept at ``store`` with the files' identities: while no
    file of the tree is added, removed or changed, the next call reads none of them (tcheck's
    code, hashed into every key of the caches: 1.6 MB in 230 files, 15 ms of each run). The
    newest ``MAX_TREES`` trees are kept (several installations may share one cache folder)."""
    from tcheck.services import pickled

    listing = _listing(root)
    kept = pickled.load(store) if store is not None else None
    trees: dict[str, tuple[bytes, Listing, float, bytes]] = kept if isinstance(kept, dict) else {}
    found = trees.get(str(root))
    if isinstance(found, tuple) and len(found) == 4 and found[:2] == (seed, listing):
        changed_at = max((max(f[3], f[4]) for f in listing), default=0) / 1e9
        if found[2] - changed_at >= SETTLED:
            return found[3]
    hashed_at = time.time()
    h = hashlib.blake2b(seed, digest_size=16)
    whole = True
    for rel, *_ in listing:
        h.update(rel.encode("utf-8", "surrogatepass"))
        try:
            with open(root / rel, "rb") as handle:
                h.update(handle.read())
        except OSError:  # removed meanwhile, or unreadable: a digest that never matches
            h.update(os.urandom(16))
            whole = False
    digest = h.digest()
    if store is not None and whole and listing == _listing(root):  # unchanged while it was read
        trees.pop(str(root), None)
        trees[str(root)] = (seed, listing, hashed_at, digest)
        pickled.store(store, dict(list(trees.items())[-MAX_TREES:]))
    return digest


def _listing(root: Path) -> Listing:
    """The files under ``root`` (bytecode caches left out), by relative path, with identities."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = os.path.relpath(folder, root)
        for name in files:
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            shown = name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")
            found.append((shown, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(sorted(found))
