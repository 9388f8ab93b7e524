"""Garbage-collector settings for building large, long-lived structures.

A termbase of 50,000 entries becomes a few hundred thousand objects (terms, entries, automaton
payloads) that live for the whole run. CPython's cyclic collector would otherwise walk all of them
again and again: while they are built (each young-generation collection promotes a few hundred
of them, and full collections re-scan everything built so far) and afterwards, in every full
collection the checks' short-lived allocations set off. ``paused()`` switches the collector off
while such a structure is built; ``settle()`` moves everything alive into the permanent
generation (``gc.freeze``), which later collections skip, and which forked workers then share
without copying their pages; ``settling()`` undoes it when the run ends. None of this changes
what is freed: reference counting still frees
everything that is not part of a cycle, and the structures built here live until the run ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (restored afterwards, even on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Move every object alive now into the permanent generation, which collections skip."""
    gc.freeze()


@contextmanager
def settling() -> Iterator[None]:
    """A block inside which :func:`settle` may be called; it is undone at the end (``gc.unfreeze``),
    so a program using tcheck as a library gets its objects back under normal collection."""
    try:
        yield
    finally:
        gc.unfreeze()
