"""A glossary read back from the cache folder, whose entries are unpickled when first used.

A 50,000-entry termbase is some 300,000 objects (entries, terms, their tuples): unpickling them
took 0.12 s, and the garbage collector then walked them again. A run of forbidden terms alone
often needs none of them: its pre-filter (:mod:`tcheck.pipeline.prefilter`) rules pages out with
the stored matcher's run finder, and a page that passes it asks the matcher, which asks the
entries. So :class:`StoredGlossary` keeps its entries as one pickled ``bytes`` until something
reads :attr:`~tcheck.glossary.model.Glossary.entries`; what the run's notes need to know about
them (:meth:`~tcheck.glossary.model.Glossary.facts`) is stored beside them. It is a
:class:`~tcheck.glossary.model.Glossary` in every other way, and pickles (for worker processes)
with its entries as they are, still packed or unpacked.
"""

from __future__ import annotations

import pickle
from typing import Any

from tcheck import gcutil
from tcheck.glossary.model import Entry, Glossary

# A stored glossary: (FORMAT, its fields but the entries, its facts, its entries pickled)
FORMAT = "tcheck-glossary-1"
_FIELDS = ("source_lang", "target_lang", "sha256", "languages", "any_pair")


class StoredGlossary(Glossary):
    """A :class:`Glossary` whose entries stay pickled until first read (see the module)."""

    def __getattr__(self, name: str) -> Any:
        # called only for an attribute not set: the entries, before anything has read them
        packed = self.__dict__.get("_packed")
        if name != "entries" or packed is None:
            raise AttributeError(name)
        with gcutil.paused():  # many small objects that live as long as the run
            try:
                entries: tuple[Entry, ...] = pickle.loads(packed)
            except Exception:  # damaged in the cache folder: the file is parsed again
                from tcheck.glossary import load

                entries = load(self.path).entries
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "_packed", None)
        return entries

    def facts(self) -> tuple[bool, bool, bool]:
        known = self.__dict__.get("_facts")
        if known is not None and "entries" not in self.__dict__:
            return known  # type: ignore[no-any-return]
        return super().facts()

    @property
    def unpacked(self) -> bool:
        """Whether its entries have been read."""
        return "entries" in self.__dict__


def pack(glossary: Glossary) -> tuple[str, tuple[Any, ...], tuple[bool, bool, bool], bytes]:
    """What is stored of ``glossary`` (see :func:`unpack`)."""
    entries = pickle.dumps(glossary.entries, protocol=pickle.HIGHEST_PROTOCOL)
    return FORMAT, tuple(getattr(glossary, name) for name in _FIELDS), glossary.facts(), entries


def unpack(stored: object, path: str) -> StoredGlossary | None:
    """The glossary :func:`pack` stored, read from the file at ``path``; None when ``stored`` is
    not one (another version, damage)."""
    if not (isinstance(stored, tuple) and len(stored) == 4 and stored[0] == FORMAT):
        return None
    _, fields, facts, packed = stored
    if not (isinstance(fields, tuple) and len(fields) == len(_FIELDS) and isinstance(packed, bytes)):
        return None
    glossary = StoredGlossary.__new__(StoredGlossary)
    values = {"path": path, **dict(zip(_FIELDS, fields, strict=True))}
    values.update(_views={}, _facts=tuple(facts), _packed=packed)
    for name, value in values.items():
        object.__setattr__(glossary, name, value)
    return glossary
