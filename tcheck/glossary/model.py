"""The one internal glossary model every format (CSV/TSV, TOML, TBX) loads into.

A glossary is a list of concepts (:class:`Entry`). Bilingual files give each entry source terms and
target terms; multilingual termbases (TBX) keep the terms of further languages in ``other_terms``,
and :meth:`Glossary.for_pair` projects such a file onto the language pair of a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Status = Literal["preferred", "admitted", "forbidden"]
STATUSES: tuple[Status, ...] = ("preferred", "admitted", "forbidden")
# TBX termType values that name a short form of a longer term of the same concept.
SHORT_FORMS = frozenset({"acronym", "abbreviation", "shortForm", "initialism", "clippedTerm"})


class Term(NamedTuple):
    """One written form of a concept in one language.

    ``kind`` is a TBX term type (``fullForm``, ``acronym``, ``abbreviation`` ...) when known.
    (Terms and entries are named tuples: immutable, and cheap to create by the hundred thousand
    when a large termbase loads.)
    """

    text: str
    lang: str
    status: Status = "preferred"
    case_sensitive: bool = False
    kind: str = ""
    note: str = ""
    line: int | None = None


class Entry(NamedTuple):
    """A concept: its source terms, target terms (preferred, admitted, forbidden) and flags.

    ``dnt`` (do not translate): the source term must appear unchanged in the target.
    ``line`` is where the entry starts in its file, for error messages.
    """

    id: str
    source_terms: tuple[Term, ...]
    target_terms: tuple[Term, ...]
    dnt: bool = False
    note: str = ""
    line: int | None = None
    other_terms: tuple[Term, ...] = ()

    @property
    def preferred(self) -> Term | None:
        return next((t for t in self.target_terms if t.status == "preferred"), None) or next(
            iter(self.allowed), None
        )

    @property
    def allowed(self) -> tuple[Term, ...]:
        return tuple(t for t in self.target_terms if t.status != "forbidden")

    @property
    def forbidden(self) -> tuple[Term, ...]:
        return tuple(t for t in self.target_terms if t.status == "forbidden")

    @property
    def all_terms(self) -> tuple[Term, ...]:
        return (*self.source_terms, *self.target_terms, *self.other_terms)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a glossary file, at a line (``None``: the whole file)."""

    line: int | None
    message: str
    level: Literal["error", "warning"] = "error"


@dataclass(frozen=True)
class Parsed:
    """What a format parser returns: declared languages, entries and every problem found."""

    source_lang: str | None
    target_lang: str | None
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...] = ()
    languages: tuple[str, ...] = ()
    any_pair: bool = False  # concept-oriented (TBX): serves any pair of its languages


@dataclass(frozen=True)
class Glossary:
    """An immutable glossary loaded from one file."""

    path: str
    source_lang: str | None
    target_lang: str | None
    entries: tuple[Entry, ...]
    sha256: str
    languages: tuple[str, ...] = ()
    # A termbase (TBX) is concept-oriented: it serves any pair of its languages, whichever its
    # file names first; a CSV/TSV/TOML glossary serves its own direction only.
    any_pair: bool = False
    _views: dict[tuple[str | None, str | None], Glossary | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def multilingual(self) -> bool:
        return len(self.languages) > 2

    def facts(self) -> tuple[bool, bool, bool]:
        """Whether it has entries, target terms, and an entry with both source and target terms
        (what :func:`tcheck.glossary.usage_notes` says a glossary cannot do without)."""
        entries = self.entries
        return (
            bool(entries),
            any(e.target_terms for e in entries),
            any(e.source_terms and e.target_terms for e in entries),
        )

    def applies_to(self, source_lang: str | None, target_lang: str | None) -> bool:
        """Whether this glossary fits a run (an unknown side of the run matches anything)."""
        return self.for_pair(source_lang, target_lang) is not None

    def for_pair(self, source_lang: str | None, target_lang: str | None) -> Glossary | None:
        """This glossary seen from ``source_lang`` to ``target_lang``, or None when it cannot serve.

        Bilingual files serve their own pair (an unknown side matches anything); a termbase
        (TBX, or any file of more than two languages) serves any pair of its languages, its
        entries re-split by language (a TBX whose root says ``xml:lang="en"`` serves nb -> en).
        """
        key = (source_lang and primary(source_lang), target_lang and primary(target_lang))
        if key in self._views:
            return self._views[key]
        view = self._project(*key)
        self._views[key] = view
        return view

    def _project(self, src: str | None, tgt: str | None) -> Glossary | None:
        def same(a: str | None, b: str | None) -> bool:
            return a is None or b is None or primary(a) == primary(b)

        any_pair = self.multilingual or self.any_pair
        if not any_pair and same(self.target_lang, tgt) and same(self.source_lang, src):
            return self
        if tgt is None or (self.target_lang == tgt and (src is None or self.source_lang == src)):
            return self
        langs = set(self.languages)
        if not any_pair or tgt not in langs or (src is not None and src not in langs):
            return None
        source = src or (self.source_lang if self.source_lang != tgt else None)
        view = Projection.__new__(Projection)
        fields: tuple[object, ...] = (
            self.path,
            source,
            tgt,
            self.sha256,
            self.languages,
            self.any_pair,
            {},
            self,
        )
        for name, value in zip(Projection.LAZY_FIELDS, fields, strict=True):
            object.__setattr__(view, name, value)
        return view

    def projected_entries(self, source: str | None, tgt: str) -> tuple[Entry, ...]:
        """The entries with terms in ``tgt``, re-split into ``source`` and ``tgt`` terms."""
        entries = []
        for entry in self.entries:
            pool = entry.all_terms
            targets = tuple(t for t in pool if primary(t.lang) == tgt)
            if not targets:
                continue
            sources = tuple(t for t in pool if source is not None and primary(t.lang) == source)
            others = tuple(t for t in pool if t not in targets and t not in sources)
            entries.append(entry._replace(source_terms=sources, target_terms=targets, other_terms=others))
        return tuple(entries)


class Projection(Glossary):
    """A termbase seen from one language pair (:meth:`Glossary.for_pair`); its entries are
    re-split from the termbase's when first read, so a run that only needs to know which
    glossaries serve a pair (a stored matcher is keyed by their hashes) never builds them."""

    LAZY_FIELDS = (
        "path",
        "source_lang",
        "target_lang",
        "sha256",
        "languages",
        "any_pair",
        "_views",
        "_whole",
    )

    def __getattr__(self, name: str) -> Any:
        # called only for an attribute not set: the entries, before anything has read them
        whole = self.__dict__.get("_whole")
        if name != "entries" or whole is None:
            raise AttributeError(name)
        entries = whole.projected_entries(self.source_lang, self.target_lang)
        object.__setattr__(self, "entries", entries)
        return entries


def primary(lang: str) -> str:
    """``nb_NO`` / ``nb-NO`` → ``nb``; ``no`` is treated as Bokmål."""
    code = lang.replace("-", "_").split("_")[0].lower()
    return "nb" if code == "no" else code
