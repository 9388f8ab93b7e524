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


# Young objects a command-line run allocates before the collector's first generation is scanned
# (CPython's default is 700). Startup builds tables in bursts (profiles, CLDR lexicons, glossary
# automata) whose objects all survive, so the default makes hundreds of collections that free
# nothing: 50 ms of a half-second run on one small file, 0.9 s of 8 s on 500 NTREX files. Peak
# memory is unchanged: cycles are still collected, after 20,000 allocations instead of 700.
COMMAND_LINE_THRESHOLD = 20_000


def for_command_line() -> None:
    """Collect less often in a command-line run (see :data:`COMMAND_LINE_THRESHOLD`); a higher
    threshold set by the embedding program is kept."""
    first, *older = gc.get_threshold()
    if 0 < first < COMMAND_LINE_THRESHOLD:
        gc.set_threshold(COMMAND_LINE_THRESHOLD, *older)
