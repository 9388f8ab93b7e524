"""What a check receives besides the document: settings, glossaries and services.

Everything here is built once per run and cached; checks never read files or the network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from tcheck import gcutil
from tcheck.config import Config, OptionKind
from tcheck.glossary.model import Entry, Glossary, Term, primary
from tcheck.model import Document

if TYPE_CHECKING:  # a run whose checks read no glossary never imports the matcher
    from tcheck.glossary.matcher import TermMatcher


class TermHit(NamedTuple):
    """A glossary term found in text: which entry, which of its terms."""

    entry: Entry
    term: Term
    glossary: Glossary


@dataclass
class Context:
    """Per-run context handed to every check.

    With ``[[overrides]]`` in the configuration, a check receives the view of its document
    (:meth:`for_document`): the settings that apply to it, and the run's glossaries plus the
    ones its matching blocks add (``extra_glossaries``, loaded once per run, by path).
    """

    config: Config
    glossaries: Sequence[Glossary] = ()
    services: Any = None
    _matchers: dict[tuple[str, str | None, str | None], TermMatcher[TermHit]] = field(default_factory=dict)
    extra_glossaries: Mapping[str, Glossary] = field(default_factory=dict)
    _views: dict[tuple[int, ...], Context] = field(default_factory=dict, repr=False)

    def for_document(self, path: str, lang: str | None) -> Context:
        """The context of the document at ``path`` in ``lang``: this one when no override block
        matches it, else a view (cached per set of matching blocks) with the changed settings."""
        if not self.config.overrides:
            return self
        key = tuple(n for n, o in enumerate(self.config.overrides) if o.matches(path, lang))
        if not key:
            return self
        view = self._views.get(key)
        if view is None:
            config = self.config.for_file(path, lang)
            known = {g.path for g in self.glossaries}
            extra = [g for p, g in self.extra_glossaries.items() if p in config.glossaries and p not in known]
            view = Context(config, (*self.glossaries, *extra), self.services)
            self._views[key] = view
        view.services = self.services
        return view

    def option(self, code: str, key: str, default: Any, kind: OptionKind | None = None) -> Any:
        return self.config.option(code, key, default, kind)

    def glossaries_for(self, doc: Document) -> list[Glossary]:
        """The glossaries whose language pair fits this document."""
        return self.glossaries_for_pair(doc.source_lang, doc.lang)

    def glossaries_for_pair(self, source_lang: str | None, lang: str | None) -> list[Glossary]:
        """The glossaries that fit a document in ``lang`` translated from ``source_lang``."""
        views = (g.for_pair(source_lang, lang) for g in self.glossaries)
        return [v for v in views if v is not None]

    def target_matcher(self, doc: Document) -> TermMatcher[TermHit]:
        """Matcher over all target-language terms of the fitting glossaries.

        Notable (see :class:`TermMatcher`) are the terms a monolingual check can report on: a
        forbidden term (TC101), or an allowed term of a concept with more than one allowed
        rendering (TC104). A segment with neither has nothing for those checks. Selective are the
        forbidden terms: TC101 searches only segments where one occurs.
        """
        return self._matcher("target", doc.source_lang, doc.lang)

    def target_matcher_for(self, source_lang: str | None, lang: str | None) -> TermMatcher[TermHit]:
        """:meth:`target_matcher` for a document in ``lang`` translated from ``source_lang``."""
        return self._matcher("target", source_lang, lang)

    def source_matcher(self, doc: Document) -> TermMatcher[TermHit]:
        """Matcher over all source-language terms of the fitting glossaries."""
        return self._matcher("source", doc.source_lang, doc.lang)

    def _matcher(self, side: str, source_lang: str | None, lang: str | None) -> TermMatcher[TermHit]:
        key = (side, source_lang and primary(source_lang), lang and primary(lang))
        matcher = self._matchers.get(key)
        if matcher is None:
            with gcutil.paused():
                matcher = self._build_matcher(side, source_lang, lang)
            self._matchers[key] = matcher
        return matcher

    def _build_matcher(self, side: str, source_lang: str | None, lang: str | None) -> TermMatcher[TermHit]:
        """A large matcher comes from the cache folder when compiled before (glossary.stored)."""
        from tcheck.glossary import stored
        from tcheck.services.cache import cache_folder, results_cached

        folder = cache_folder(self.config.cache_dir) if results_cached(self.config.cache) else None
        views = self.glossaries_for_pair(source_lang, lang)
        notable = _reportable if side == "target" else None
        selective = _forbidden if side == "target" else None
        return stored.term_matcher(views, side, (source_lang, lang), TermHit, notable, folder, selective)

    @cached_property
    def signature(self) -> dict[str, Any]:
        """What makes two runs comparable: glossary hashes and the MT models used."""
        signature: dict[str, Any] = {
            "glossaries": [
                {"path": g.path, "sha256": g.sha256}
                for g in (*self.glossaries, *self.extra_glossaries.values())
            ]
        }
        models = getattr(self.services, "signature", None)
        if models is not None:
            signature["models"] = models  # a live list: it grows as the round trip loads models
        return signature


def _forbidden(hit: TermHit) -> bool:
    """A forbidden term: what TC101 looks for (``find(..., selective=True)``)."""
    return hit.term.status == "forbidden"


def _reportable(hit: TermHit) -> bool:
    """A forbidden term, or a term of a concept rendered more than one allowed way."""
    if hit.term.status == "forbidden":
        return True
    return len({t.text for t in hit.entry.target_terms if t.status != "forbidden"}) > 1
