"""TC106 keeps a run's occurrences compactly: a key seen once as a number into columns, places in
arrays."""

from __future__ import annotations

import gc
import tracemalloc
from typing import Any

from tcheck.checks.inconsistent_translation import InconsistentTranslation
from tcheck.config import Config
from tcheck.context import Context
from tcheck.formats import tsv

SOURCES = ["Lagre endringene", "Avbryt opplastingen", "Slett kontoen"]
TARGETS = ["Änderungen speichern", "Hochladen abbrechen", "Konto löschen"]


def _run(rows: list[tuple[str, str]]) -> InconsistentTranslation:
    ctx = Context(Config())
    check = InconsistentTranslation()
    doc = tsv.read("minne.tsv", "nb\tde\n" + "".join(f"{s}\t{t}\n" for s, t in rows))
    check.absorb(InconsistentTranslation.digest(doc, ctx), ctx)
    return check


def _absorbed_bytes(rows: list[tuple[str, str]], ctx: Context) -> tuple[InconsistentTranslation, Any, int]:
    """The check fed one TSV file of ``rows``, its entries, and the bytes absorbing them took
    (what the check holds besides the texts, which the entries held before)."""
    doc = tsv.read("minne.tsv", "nb\tde\n" + "".join(f"{s}\t{t}\n" for s, t in rows))
    entries = InconsistentTranslation.digest(doc, ctx)
    del doc
    check = InconsistentTranslation()
    gc.collect()
    tracemalloc.start()
    try:
        check.absorb(entries, ctx)
        size, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return check, entries, size


def test_repeated_units_cost_tens_of_bytes_an_occurrence() -> None:
    rows = [(SOURCES[n % 3], TARGETS[n % 3]) for n in range(6000)]
    ctx = Context(Config())
    check, entries, size = _absorbed_bytes(rows, ctx)
    # a place object with its span per occurrence cost about 170 bytes; three numbers cost 24
    assert size < 40 * len(entries), f"{size / len(entries):.0f} bytes an occurrence"
    assert list(check.finish(ctx)) == []


def test_a_key_seen_once_is_no_side_until_seen_again() -> None:
    check = _run([("Lagre endringene", "Änderungen speichern"), ("Slett kontoen", "Konto löschen")])
    assert all(isinstance(value, int) for value in check.by_source.values())
    assert list(check.finish(Context(Config()))) == []
    check = _run(
        [
            ("Lagre endringene", "Änderungen speichern"),
            ("Slett kontoen", "Konto löschen"),
            ("Lagre endringene", "Änderungen  sichern"),
        ]
    )
    assert sum(not isinstance(value, int) for value in check.by_source.values()) == 1
    hits = list(check.finish(Context(Config())))
    # the first occurrence moved into the side keeps its text and place: it is the main rendering
    assert [hit.suggestion for hit in hits if hit.suggestion] == ["Änderungen speichern"]
    first = hits[0].related[0]
    assert (first.path, first.span.start) == ("minne.tsv", len("nb\tde\nLagre endringene\t"))
    assert hits[0].span.start > first.span.start


def test_the_most_frequent_rendering_wins_and_is_counted() -> None:
    rows = [("Lagre endringene", "Änderungen sichern")] + [("Lagre endringene", "Änderungen speichern")] * 3
    hits = [hit for hit in _run(rows).finish(Context(Config())) if hit.suggestion]
    assert len(hits) == 1
    assert hits[0].message.endswith("elsewhere (3 times)")
    assert hits[0].span.start == len("nb\tde\nLagre endringene\t")


def test_units_seen_once_cost_their_text_and_a_little_more() -> None:
    # a translation memory of distinct units: each is a key seen once in both directions
    rows = [(f"{SOURCES[n % 3]} nummer {n}", f"{TARGETS[n % 3]} Nummer {n}") for n in range(5000)]
    ctx = Context(Config())
    check, _, size = _absorbed_bytes(rows, ctx)
    # two keys a unit (the texts were there before); as a tuple with its variant digest and
    # numbers, with its dictionary entry, a key cost about 270 bytes; now about 160
    per_key = size / (2 * len(rows))
    assert per_key < 200, f"{per_key:.0f} bytes a key besides its text"
    assert list(check.finish(ctx)) == []
    assert len(check.by_source) == len(check.by_target) == len(rows)
