"""Run checks in parts: a rerun after an edit finishes again only the parts of the run it changed.

A run check may split the run into parts (TC103 compares the forms of one language only: a part
is a language). Such a check has, besides ``digest`` and ``absorb``:

- ``group(doc)``: the part a document belongs to (computed where the document is read, and kept
  with the document's cached results);
- ``group_facts()``: for each part fed so far, what the rest of the run needs of it (picklable);
- ``run_facts(facts)``: those of every part put together;
- ``depends(facts, run)``: what a part's findings depend on besides its own documents, given the
  whole run's facts (TC103: which of the part's names are rare in the run);
- ``finish_groups(ctx, groups, run)``: the hits of each of ``groups``, in that order, from an
  instance fed those parts' documents alone; over all parts, in sorted order, the same hits as
  ``finish``.

With the result cache, the hits of each part are stored with its facts and dependency, under a
key of the part's documents (their cache keys, in input order). A rerun that checks few inputs
again (:func:`few_missing`) feeds a fresh instance with the digests of the parts whose documents
changed, and of any part whose dependency on the rest of the run changed; every other part's
hits come from the cache without reading its digests. A rerun that checks many inputs again feeds
every digest as before and stores each part's hits. Either way the findings are those of a run
without the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tcheck.engine import Engine, Input
from tcheck.model import Hit
from tcheck.pipeline import runwhole
from tcheck.pipeline.cache import ResultCache, part_key
from tcheck.pipeline.executor import DocResult

Member = tuple[int, int]  # (input number, document number within the input's results)


def digests_name(code: str) -> bytes:
    """The name of the cache part holding an input's digests of the run check ``code``."""
    return f"digests {code}".encode()[:16]


@dataclass(frozen=True)
class PartEntry:
    """One part of a run check's run, as stored: its facts, its dependency and its hits."""

    facts: Any
    depends: Any
    hits: list[Hit]


class Parts:
    """The parts of each split run check of one run: which documents belong to which part."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        self.keys = keys
        self.members: dict[str, dict[str, list[Member]]] = {}  # code -> part -> members in order
        # the other run checks' digests' hashes, by input number (see tcheck.pipeline.runwhole)
        self.hashes: dict[int, runwhole.Hashes] = {}

    def add(self, index: int, results: Sequence[DocResult]) -> None:
        self.hashes[index] = runwhole.digest_hashes(results)
        for number, part in enumerate(results):
            for code, group in part.groups.items():
                self.members.setdefault(code, {}).setdefault(group, []).append((index, number))

    def key(self, base: bytes, code: str, group: str) -> bytes:
        h = hashlib.blake2b(base, digest_size=16, person=b"run check part")
        h.update(f"{code}\x1f{group}\x1f".encode())
        for index, number in self.members[code][group]:
            h.update(self.keys[index])
            h.update(number.to_bytes(4, "little"))
        return h.digest()


def split_codes(results: Iterable[Sequence[DocResult]]) -> set[str]:
    """The codes of the split run checks that have a part in ``results``."""
    return {code for parts in results for part in parts for code in part.groups}


def few_missing(missing: int, inputs: int) -> bool:
    """Whether a rerun checks few enough inputs again to feed only the changed parts (the
    inputs checked again are held until the run checks are fed)."""
    return missing <= max(1, min(256, inputs // 10))


def store_all(engine: Engine, parts: Parts, cache: ResultCache) -> None:
    """After a run that fed every digest to ``engine``: each split check's hits by part, handed
    to the engine and stored for the next run."""
    pending: list[tuple[bytes, Any]] = []
    for rule, state in engine.run_rules:
        groups = parts.members.get(rule.code)
        if not groups:
            continue
        facts = state.group_facts()  # type: ignore[attr-defined]
        run = state.run_facts(facts.values())  # type: ignore[attr-defined]
        found = dict(state.finish_groups(engine.ctx, sorted(facts), run))  # type: ignore[attr-defined]
        engine.finished[rule.code] = [hit for group in sorted(found) for hit in found[group]]
        for group, hits in found.items():
            if group in groups:
                entry = PartEntry(facts[group], state.depends(facts[group], run), hits)  # type: ignore[attr-defined]
                pending.append((parts.key(cache.base, rule.code, group), entry))
    cache.put_many(pending)
    runwhole.store(engine, cache, parts.keys, parts.hashes)


def feed_changed(
    engine: Engine,
    parts: Parts,
    results: Sequence[list[DocResult]],
    inputs: Sequence[Input],
    cache: ResultCache,
    fresh: set[int],
    recompute: Callable[[Sequence[Input]], Iterable[list[DocResult]]],
) -> None:
    """Feed the split checks the parts that changed and hand the engine every part's hits.

    ``results`` are every input's results (``fresh``: the numbers of the inputs checked in this
    run, whose results carry their digests); the engine was fed everything but the split checks
    (``engine.apart``). A digest that the cache lost is computed again with ``recompute``."""
    source = _Digests(parts.keys, results, inputs, cache, fresh, recompute)
    for rule, _ in engine.run_rules:
        groups = parts.members.get(rule.code)
        if groups and rule.run_factory is not None:
            engine.finished[rule.code] = _finish_code(engine, rule.code, rule.run_factory(), parts, source)
    if cache.seconds_unread:  # the other run checks were fed the fresh digests alone

        def again(lost: list[int]) -> dict[int, Sequence[DocResult]]:
            return dict(zip(lost, recompute([inputs[i] for i in lost]), strict=True)) if lost else {}

        runwhole.finish_unread(engine, cache, parts.keys, results, fresh, parts.hashes, again)


def _finish_code(engine: Engine, code: str, state: Any, parts: Parts, source: _Digests) -> list[Hit]:
    """The hits of the split check ``code``: the changed parts fed to ``state`` and finished,
    the others' from the cache."""
    groups = parts.members[code]
    keys = {group: parts.key(source.cache.base, code, group) for group in groups}
    stored = source.cache.get_many(list(keys.values()))
    entries = {g: e for g, k in keys.items() if isinstance(e := stored.get(k), PartEntry)}
    fed = sorted(set(groups) - set(entries))
    source.feed(state, code, [m for group in fed for m in groups[group]], engine)
    facts = state.group_facts() if fed else {}
    kept = {g: e for g, e in entries.items() if g not in facts}
    run = state.run_facts([*facts.values(), *(e.facts for e in kept.values())])
    changed = sorted(g for g, e in kept.items() if state.depends(e.facts, run) != e.depends)
    if changed:  # what their findings depend on elsewhere in the run changed: fed too
        source.feed(state, code, [m for group in changed for m in groups[group]], engine)
        facts = state.group_facts()
        fed = sorted({*fed, *changed})
    found = dict(state.finish_groups(engine.ctx, fed, run)) if fed else {}
    source.cache.put_many((keys[g], PartEntry(facts[g], state.depends(facts[g], run), found[g])) for g in fed)
    hits = {g: e.hits for g, e in entries.items() if g not in found} | found
    return [hit for group in sorted(hits) for hit in hits[group]]


class _Digests:
    """Where a split check's digests come from: the results of this run, else the cache, else
    (lost from the cache) checking the input again."""

    def __init__(
        self,
        keys: Sequence[bytes],
        results: Sequence[list[DocResult]],
        inputs: Sequence[Input],
        cache: ResultCache,
        fresh: set[int],
        recompute: Callable[[Sequence[Input]], Iterable[list[DocResult]]],
    ) -> None:
        self.keys, self.results, self.inputs = keys, results, inputs
        self.cache, self.fresh, self.recompute = cache, fresh, recompute

    def feed(self, state: Any, code: str, members: list[Member], engine: Engine) -> None:
        """Absorb the digests of ``members`` into ``state``, in input order."""
        members = sorted(members)
        digests = self.of(code, members)
        for member in members:
            state.absorb(digests[member], engine.ctx)

    def of(self, code: str, members: Sequence[Member]) -> dict[Member, Any]:
        cache = self.cache
        stored_inputs = sorted({index for index, _ in members if index not in self.fresh})
        names = {index: part_key(self.keys[index], digests_name(code)) for index in stored_inputs}
        found = cache.get_many(list(names.values()))
        lost = [i for i in stored_inputs if not _fits(found.get(names[i]), self.results[i])]
        if lost:
            again = zip(lost, self.recompute([self.inputs[i] for i in lost]), strict=True)
            pending = [(names[i], [part.digests.get(code) for part in parts]) for i, parts in again]
            found.update(pending)
            cache.put_many(pending)
        out: dict[Member, Any] = {}
        for index, number in members:
            if index in self.fresh:
                out[(index, number)] = self.results[index][number].digests[code]
            else:
                out[(index, number)] = found[names[index]][number]
        return out


def with_split_digests(
    stored: dict[bytes, list[DocResult]], codes: set[str], cache: ResultCache
) -> dict[bytes, list[DocResult]]:
    """``stored`` (cached results by key) with the split checks' digests read back into them;
    an input whose digests the cache lost is left out (it is checked again)."""
    names = {
        (key, code): part_key(key, digests_name(code))
        for key, results in stored.items()
        for code in split_codes([results]) & codes
    }
    found = cache.get_many(list(names.values()))
    out = {}
    for key, results in stored.items():
        wanted: dict[str, list[Any]] = {}
        for code in split_codes([results]) & codes:
            values = found.get(names[(key, code)])
            if isinstance(values, list) and _fits(values, results):
                wanted[code] = values
        if len(wanted) < len(split_codes([results]) & codes):
            continue
        out[key] = [
            dataclasses.replace(
                part, digests=part.digests | {c: v[n] for c, v in wanted.items() if v[n] is not None}
            )
            if wanted
            else part
            for n, part in enumerate(results)
        ]
    return out


def _fits(values: Any, results: Sequence[DocResult]) -> bool:
    """Whether ``values`` is a stored digest part of ``results``: one value per document (a
    damaged or foreign entry is a lost one)."""
    return isinstance(values, list) and len(values) == len(results)
