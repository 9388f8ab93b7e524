"""Run checks that do not split the run (TC106, TC107): after an edit, their findings come from
the result cache when none of their digests changed.

Such a check's hits are a function of the digests it is fed, in input order (and of the run's
settings, which the cache's base key holds). Each input's digests are hashed by code where the
run sees them (:func:`digest_hashes`), and the hashes of every input kept in one index entry per
base key (input key -> per document, code -> hash). A check's hits are stored under a key of the
hashes of all the digests it was fed (:func:`check_key`). A rerun after an edit does not read the
unchanged inputs' digests (:func:`tcheck.pipeline.cache.lookup`): it takes their hashes from the
index, adds those of the inputs checked again, and finds the hits stored under that key; only
when there are none (a digest of the check changed, as a bilingual file's units do when edited)
are the stored digests read and fed, in order, to a new instance of the check. On Markdown sites
the edited page's digests of TC106 and TC107 are empty (their prose is not compared), so an
edit reads none of the site's digests.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tcheck.model import Hit
from tcheck.pipeline.cache import ResultCache, second_key

Hashes = list[dict[str, bytes]]  # per document of an input: run check code -> its digest's hash
MAX_INPUTS = 100_000  # inputs the index remembers; beyond, only those of the last run are kept


def digest_hashes(results: Sequence[Any]) -> Hashes:
    """The hashes of the digests of the run checks that do not split the run, per document of
    one input's results (:class:`tcheck.pipeline.executor.DocResult`)."""
    return [
        {code: _hash(value) for code, value in part.digests.items() if code not in part.groups}
        for part in results
    ]


def _hash(value: Any) -> bytes:
    return hashlib.blake2b(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def check_key(base: bytes, code: str, hashes: Iterable[bytes]) -> bytes:
    """The key of the hits of the run check ``code`` fed digests of these ``hashes``, in order."""
    h = hashlib.blake2b(base, digest_size=16, person=b"run check hits")
    h.update(code.encode() + b"\x1f")
    for digest in hashes:
        h.update(digest)
    return h.digest()


@dataclass(frozen=True)
class CheckEntry:
    """A run check's hits as stored under :func:`check_key`."""

    hits: list[Hit]


class Index:
    """The digest hashes of the inputs of the runs under one base key, as stored."""

    def __init__(self, cache: ResultCache) -> None:
        self.cache = cache
        self.key = hashlib.blake2b(cache.base, digest_size=16, person=b"digest index").digest()
        found = cache.get_many([self.key]).get(self.key)
        self.known: dict[bytes, Hashes] = found if isinstance(found, dict) else {}
        self.changed = False

    def get(self, key: bytes) -> Hashes | None:
        found = self.known.get(key)
        return found if isinstance(found, list) else None

    def set(self, key: bytes, hashes: Hashes) -> None:
        if self.known.get(key) != hashes:
            self.known[key] = hashes
            self.changed = True

    def entry(self, keys: Sequence[bytes]) -> list[tuple[bytes, Any]]:
        """What to store when something changed (bounded: see ``MAX_INPUTS``)."""
        if not self.changed:
            return []
        if len(self.known) > MAX_INPUTS:
            wanted = set(keys)
            self.known = {k: v for k, v in self.known.items() if k in wanted}
        return [(self.key, self.known)]


def store(engine: Any, cache: ResultCache, keys: Sequence[bytes], hashes: dict[int, Hashes]) -> None:
    """After a run that fed every digest to ``engine``: the hits of the run checks that do not
    split the run and were fed digests, handed to the engine and stored under their digests'
    hashes (``hashes``: every input's, by input number), and the index updated."""
    index = Index(cache)
    codes = {code for found in hashes.values() for doc in found for code in doc}
    pending: list[tuple[bytes, Any]] = []
    for rule, state in engine.run_rules:
        if rule.code not in codes or rule.code in engine.finished:
            continue
        hits = list(state.finish(engine.ctx))
        engine.finished[rule.code] = hits
        fed = [h[rule.code] for i in range(len(keys)) for h in hashes.get(i, ()) if rule.code in h]
        pending.append((check_key(cache.base, rule.code, fed), CheckEntry(hits)))
    for i, key in enumerate(keys):
        if i in hashes:
            index.set(key, hashes[i])
    cache.put_many([*pending, *index.entry(keys)])


def finish_unread(
    engine: Any,
    cache: ResultCache,
    keys: Sequence[bytes],
    results: Sequence[Sequence[Any]],
    fresh: set[int],
    hashes: dict[int, Hashes],
    recompute: Callable[[list[int]], dict[int, Sequence[Any]]],
) -> None:
    """The hits of the run checks that do not split the run, when the unchanged inputs' digests
    were not read (``fresh``: the numbers of the inputs checked in this run, with their
    ``results`` and digest ``hashes``): from the cache by their digests' hashes, else from a new
    instance fed every digest (read now; those the cache lost computed again with
    ``recompute``: input numbers -> their results by number)."""
    index = Index(cache)
    known: dict[int, Hashes] = {i: hashes[i] for i in fresh if i in hashes}
    digests: dict[int, list[dict[str, Any]]] = {i: [dict(part.digests) for part in results[i]] for i in fresh}

    def read(numbers: list[int]) -> None:
        """The stored digests of these inputs (their second parts), into ``digests``."""
        wanted = [i for i in numbers if i not in digests]
        found = cache.get_many([second_key(keys[i]) for i in wanted])
        lost = []
        for i in wanted:
            value = found.get(second_key(keys[i]))
            if isinstance(value, list) and len(value) == len(results[i]):
                digests[i] = value
            else:
                lost.append(i)
        for i, again in recompute(lost).items():
            digests[i] = [{c: d for c, d in part.digests.items() if c not in part.groups} for part in again]
            cache.put_many([(second_key(keys[i]), digests[i])])

    unknown = [i for i in range(len(keys)) if i not in known and index.get(keys[i]) is None]
    read(unknown)
    for i in range(len(keys)):
        if i not in known:
            found = index.get(keys[i])
            known[i] = (
                found if found is not None else [{c: _hash(d) for c, d in x.items()} for x in digests[i]]
            )
        index.set(keys[i], known[i])
    codes = {code for found in known.values() for doc in found for code in doc}
    pending: list[tuple[bytes, Any]] = []
    for rule, _ in engine.run_rules:
        code = rule.code
        if code not in codes or code in engine.finished:
            continue
        fed = [(i, n) for i in range(len(keys)) for n, h in enumerate(known[i]) if code in h]
        key = check_key(cache.base, code, (known[i][n][code] for i, n in fed))
        entry = cache.get_many([key]).get(key)
        if isinstance(entry, CheckEntry):
            engine.finished[code] = entry.hits
            continue
        assert rule.run_factory is not None
        state: Any = rule.run_factory()
        read(sorted({i for i, _ in fed}))
        for i, n in fed:
            state.absorb(digests[i][n][code], engine.ctx)
        engine.finished[code] = hits = list(state.finish(engine.ctx))
        pending.append((key, CheckEntry(hits)))
    cache.put_many([*pending, *index.entry(keys)])
