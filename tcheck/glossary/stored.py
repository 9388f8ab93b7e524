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

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from itertools import starmap
from pathlib import Path
from typing import TypeVar

from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.model import Entry, Glossary, Term
from tcheck.services import pickled
from tcheck.services.tables import prune

FOLDER = "glossaries"
# Matchers over fewer terms are compiled every run: that takes milliseconds.
MIN_CACHED = 2_000
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
    there is none."""
    found = pickled.load(_file(folder, digest))
    if not isinstance(found, Glossary):
        return None
    return dataclasses.replace(found, path=path, _views={})


def keep(folder: Path, digest: bytes, glossary: Glossary) -> None:
    """Store ``glossary``, read from a file whose bytes have this ``digest`` (written atomically;
    a failure is silent)."""
    pickled.store(_file(folder, digest), dataclasses.replace(glossary, _views={}))


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
    the run (``notable``, ``selective``: see :class:`TermMatcher`). With a cache ``folder``, a large matcher is taken from there, or compiled and kept."""
    source_lang, lang = langs
    fallback = lang if side == "target" else source_lang
    found_terms = [
        (entry, term, view) for view in views for entry in view.entries for term in _terms(entry, side)
    ]
    payloads = list(starmap(payload, found_terms))  # in this order, payload i is stored as i
    path = None
    if folder is not None and len(payloads) >= MIN_CACHED:
        glossaries = [(v.sha256, v.source_lang, v.target_lang) for v in views]
        key = repr((side, source_lang, lang, glossaries, len(payloads)))
        path = folder / FOLDER / f"matcher-{_digest(key.encode('utf-8'))}.pickle"
        found = pickled.load(path)
        if isinstance(found, TermMatcher):
            found.resolve(payloads)
            return found
    matcher: TermMatcher[T] = TermMatcher(notable, selective)
    for (_, term, _), hit in zip(found_terms, payloads, strict=True):
        matcher.add(term.text, hit, term.case_sensitive, term.lang or fallback)
    if path is not None:
        refs = {id(hit): i for i, hit in enumerate(payloads)}  # a payload is stored as its index
        pickled.store(path, matcher.stored(lambda obj: refs.get(id(obj))))
        prune(path.parent, MAX_MATCHERS, "matcher-*.pickle")
    return matcher


def _terms(entry: Entry, side: str) -> tuple[Term, ...]:
    return entry.target_terms if side == "target" else entry.source_terms
