"""Glossaries and compiled term matchers kept between runs: a large termbase is parsed, validated
and compiled once.

A glossary that loaded without errors is pickled under the cache folder
(``glossaries/<digest>.pickle``), keyed by the digest of the file's bytes (remembered while the
file is unchanged: :func:`tcheck.services.cache.file_digest`) and tcheck's own code
(:func:`tcheck.pipeline.cache.code_fingerprint`), so a changed file, or another version of tcheck,
is parsed again. A term matcher over many terms (its Aho–Corasick automaton with every pattern)
is kept beside it (``glossaries/matcher-<digest>.pickle``), keyed by the glossaries' hashes, the
side (source or target terms), the run's language pair and tcheck's code; its payloads are stored
as references (glossary, entry, term) into the glossaries of the run, so the pickle holds no
second copy of them, and its automaton's values are unpickled only when a search first hits
their key (:mod:`tcheck.glossary.lazyvalues`); only the newest :data:`MAX_MATCHERS` are kept.
Reading a 50,000-entry TBX (30 MB) and compiling its matcher costs about 2 s of CPU; loading both
pickles about 0.3 s. Any problem with the cache (missing, damaged, unwritable) only means
parsing or compiling again.
"""

from __future__ import annotations

import hashlib
import os
import weakref
from collections.abc import Callable, Sequence
from itertools import starmap
from pathlib import Path
from typing import Any, TypeVar

from tcheck.glossary.lazyglossary import pack, unpack
from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.model import Entry, Glossary, Term
from tcheck.glossary.payloads import Payloads, side_terms
from tcheck.services import pickled
from tcheck.services.tables import prune

FOLDER = "glossaries"
# Matchers over fewer terms are compiled every run. A small one compiles in milliseconds, but
# its language's stemmer takes some 40 ms to load, and a stored matcher's run finder lets a run
# whose pre-filter rules every page out load neither: every matcher with terms is kept.
MIN_CACHED = 1
# Stored matchers kept (the most recently written): one per glossary version, side and language
# pair, some tens of megabytes each for a large termbase; older ones are removed.
MAX_MATCHERS = 16
T = TypeVar("T")


def _digest(data: bytes) -> str:
    from tcheck.pipeline.cache import code_fingerprint

    return hashlib.blake2b(data, digest_size=20, key=code_fingerprint()).hexdigest()


def _file(folder: Path, data: bytes) -> Path:
    return folder / FOLDER / f"{_digest(data)}.pickle"


def fetch(folder: Path, path: str, digest: bytes) -> Glossary | None:
    """The stored glossary for a file whose bytes have this ``digest``, under ``path``; None when
    there is none. Its entries are read when first used
    (:class:`~tcheck.glossary.lazyglossary.StoredGlossary`)."""
    return unpack(pickled.load(_file(folder, digest)), path)


def keep(folder: Path, digest: bytes, glossary: Glossary) -> None:
    """Store ``glossary``, read from a file whose bytes have this ``digest`` (written atomically;
    a failure is silent)."""
    pickled.store(_file(folder, digest), pack(glossary))


def term_matcher(
    views: Sequence[Glossary],
    side: str,
    langs: tuple[str | None, str | None],
    payload: Callable[[Entry, Term, Glossary], T],
    notable: Callable[[T], bool] | None,
    folder: Path | None,
    selective: Callable[[T], bool] | None = None,
) -> TermMatcher[T]:
    """A matcher over the ``side`` terms (``"source"`` or ``"target"``) of ``views`` (the run's
    glossaries seen from its language pair ``langs``: source, target), each term added with
    ``payload(entry, term, glossary)``; a term without a language takes the side's language of
    the run (``notable``, ``selective``: see :class:`TermMatcher`). With a cache ``folder``, a
    large matcher is taken from there (loaded when first searched:
    :meth:`TermMatcher.deferred`), or compiled and kept."""
    source_lang, lang = langs

    def compiled() -> tuple[TermMatcher[T], list[T]]:
        fallback = lang if side == "target" else source_lang
        found_terms = [
            (entry, term, view)
            for view in views
            for entry in view.entries
            for term in side_terms(entry, side)
        ]
        payloads = list(starmap(payload, found_terms))  # in this order, payload i is stored as i
        matcher: TermMatcher[T] = TermMatcher(notable, selective)
        for (_, term, _), hit in zip(found_terms, payloads, strict=True):
            matcher.add(term.text, hit, term.case_sensitive, term.lang or fallback)
        return matcher, payloads

    if folder is None:
        return compiled()[0]
    glossaries = [(v.sha256, v.source_lang, v.target_lang) for v in views]
    name = _digest(repr((side, source_lang, lang, glossaries)).encode("utf-8"))
    body = folder / FOLDER / f"matcher-{name}.pickle"
    head = folder / FOLDER / f"finder-{name}.pickle"

    def loaded(count: int) -> TermMatcher[T] | None:
        """The stored matcher, if it fits the glossaries (``count`` payloads)."""
        found = pickled.load(body)
        if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], TermMatcher)):
            return None
        payloads: Payloads[T] = Payloads(views, side, payload)
        if found[0] != count or len(payloads) != count:
            return None  # it names terms these glossaries do not have
        found[1].resolve(payloads)
        return found[1]

    def kept(matcher: TermMatcher[T], payloads: list[T]) -> TermMatcher[T]:
        refs = {id(hit): i for i, hit in enumerate(payloads)}  # a payload is stored as its index
        pickled.store(body, (len(payloads), matcher.stored(lambda obj: refs.get(id(obj)))))
        pickled.store(head, (len(payloads), len(matcher), matcher.run_finder()))
        prune(body.parent, MAX_MATCHERS, "matcher-*.pickle")
        prune(head.parent, MAX_MATCHERS, "finder-*.pickle")
        return matcher

    stored = pickled.load(head)
    if isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[0], int):
        count = stored[0]

        def load() -> TermMatcher[T]:
            return loaded(count) or kept(*compiled())

        deferred = TermMatcher.deferred(stored[1], stored[2], load)
        _DEFERRED.add(deferred)
        return deferred
    matcher, payloads = compiled()
    if len(payloads) < MIN_CACHED:
        return matcher
    found = loaded(len(payloads))
    if found is not None:
        pickled.store(head, (len(payloads), len(found), found.run_finder()))  # a lost head
        return found
    # compiled and kept when first searched; until then its run finder (from its selective
    # terms alone) is all a run whose pre-filter rules every page out needs
    finder = matcher.run_finder()
    pickled.store(head, (len(payloads), len(matcher), finder))
    deferred = TermMatcher.deferred(len(matcher), finder, lambda: kept(matcher, payloads))
    _DEFERRED.add(deferred)
    return deferred


# Matchers not read yet. A process that forks workers (--jobs) reads them first: its children
# then share the automaton and the glossary's entries instead of each reading its own copy.
_DEFERRED: weakref.WeakSet[TermMatcher[Any]] = weakref.WeakSet()


def _read_deferred() -> None:
    for matcher in list(_DEFERRED):
        matcher.compile()
    _DEFERRED.clear()


os.register_at_fork(before=_read_deferred)
