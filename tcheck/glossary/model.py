"""The one internal glossary model every format loads into."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["preferred", "admitted", "forbidden"]
STATUSES: tuple[Status, ...] = ("preferred", "admitted", "forbidden")


@dataclass(frozen=True, slots=True)
class Term:
    """One written form of a concept in one language."""

    text: str
    lang: str
    status: Status = "preferred"
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
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

    @property
    def preferred(self) -> Term | None:
        return next((t for t in self.target_terms if t.status == "preferred"), None)

    @property
    def allowed(self) -> tuple[Term, ...]:
        return tuple(t for t in self.target_terms if t.status != "forbidden")

    @property
    def forbidden(self) -> tuple[Term, ...]:
        return tuple(t for t in self.target_terms if t.status == "forbidden")


@dataclass(frozen=True)
class Glossary:
    """An immutable glossary loaded from one file."""

    path: str
    source_lang: str | None
    target_lang: str | None
    entries: tuple[Entry, ...]
    sha256: str

    def applies_to(self, source_lang: str | None, target_lang: str | None) -> bool:
        """Whether this glossary fits a run (an unknown side of the run matches anything)."""

        def same(a: str | None, b: str | None) -> bool:
            return a is None or b is None or primary(a) == primary(b)

        return same(self.target_lang, target_lang) and same(self.source_lang, source_lang)


def primary(lang: str) -> str:
    """``nb_NO`` / ``nb-NO`` → ``nb``; ``no`` is treated as Bokmål."""
    code = lang.replace("-", "_").split("_")[0].lower()
    return "nb" if code == "no" else code
