"""The renderings of a source term as TC107 and ``glossary extract`` see them: the places of
each target word that renders it, grouped by rendering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tcheck.bilingual.wordalign import same_term


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a rendering stands: file path and span of the target word (``label``: the whole
    rendering of a multi-word term at this place, ``helles schwarzes Loch``)."""

    path: str
    start: int
    end: int
    surface: str
    initial: bool = False
    label: str = ""


@dataclass
class Group:
    """One rendering of a source word: its key, how it is written most often, its places, and
    its association with the source word (Dice over the run's segment pairs)."""

    key: str
    places: list[Occurrence] = field(default_factory=list)
    association: float = 0.0
    strength: float = 1.0  # how sure the link of its best-linked place is (see ``_unexplained``)
    replaces: str = ""  # in a multi-word term's minority rendering: the main word it stands for

    def matches(self, key: str, written: str, lang: str) -> bool:
        """Whether a target word (its key and its lower-case surface) is this rendering."""
        if same_term(self.key, key, lang):
            return True
        return bool(self.places) and same_term(self.places[0].surface.casefold(), written, lang)

    @property
    def capitalised(self) -> bool | None:
        """Whether the rendering is written with a capital inside sentences (None: only seen
        starting one)."""
        inside = [p.surface for p in self.places if not p.initial]
        return any(w[:1].isupper() for w in inside) if inside else None

    @property
    def count(self) -> int:
        return len(self.places)

    @property
    def surface(self) -> str:
        written = Counter(p.surface for p in self.places)
        return min(written, key=lambda w: (-written[w], w))

    @property
    def shown(self) -> str:
        """The rendering as a reader sees it: the whole rendering of a multi-word term (its most
        frequent form, see :func:`usual_form`), else the word."""
        if any(p.label for p in self.places):
            return usual_form(p.label or p.surface for p in self.places)
        written = Counter(p.surface for p in self.places)
        return min(written, key=lambda w: (-written[w], w))


def usual_form(texts: Iterable[str]) -> str:
    """The most frequent of several forms of a multi-word text, a capital that starts a sentence
    aside: ``foreign buyers`` when it is also written so (``Foreign buyers pay ...``)."""
    seen = list(texts)
    present = set(seen)
    written = Counter(t[:1].lower() + t[1:] if t[:1].lower() + t[1:] in present else t for t in seen)
    return min(written, key=lambda w: (-written[w], w))


@dataclass
class Rendering:
    """A repeated source word or multi-word term (``key``, written ``surface``; ``words``: how
    many words) and its renderings, most frequent first, within one scope (a document, or the
    run). For a multi-word term, the groups are its whole renderings."""

    key: str
    surface: str
    scope: int
    groups: list[Group]
    occurrences: int
    words: int = 1
