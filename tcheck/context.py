"""What a check receives besides the document: settings, glossaries and services.

Everything here is built once per run and cached; checks never read files or the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tcheck.config import Config
from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.model import Entry, Glossary, Term, primary
from tcheck.model import Document


@dataclass(frozen=True, slots=True)
class TermHit:
    """A glossary term found in text: which entry, which of its terms."""

    entry: Entry
    term: Term
    glossary: Glossary


@dataclass
class Context:
    """Per-run context handed to every check."""

    config: Config
    glossaries: Sequence[Glossary] = ()
    services: Any = None
    _matchers: dict[tuple[str, str | None, str | None], TermMatcher[TermHit]] = field(default_factory=dict)

    def option(self, code: str, key: str, default: Any) -> Any:
        return self.config.option(code, key, default)

    def glossaries_for(self, doc: Document) -> list[Glossary]:
        """The glossaries whose language pair fits this document."""
        views = (g.for_pair(doc.source_lang, doc.lang) for g in self.glossaries)
        return [v for v in views if v is not None]

    def target_matcher(self, doc: Document) -> TermMatcher[TermHit]:
        """Matcher over all target-language terms of the fitting glossaries."""
        return self._matcher("target", doc)

    def source_matcher(self, doc: Document) -> TermMatcher[TermHit]:
        """Matcher over all source-language terms of the fitting glossaries."""
        return self._matcher("source", doc)

    def _matcher(self, side: str, doc: Document) -> TermMatcher[TermHit]:
        key = (side, doc.source_lang and primary(doc.source_lang), doc.lang and primary(doc.lang))
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = TermMatcher()
            for glossary in self.glossaries_for(doc):
                for entry in glossary.entries:
                    terms = entry.target_terms if side == "target" else entry.source_terms
                    for term in terms:
                        lang = term.lang or (doc.lang if side == "target" else doc.source_lang)
                        matcher.add(term.text, TermHit(entry, term, glossary), term.case_sensitive, lang)
            self._matchers[key] = matcher
        return matcher

    @cached_property
    def signature(self) -> dict[str, Any]:
        """What makes two runs comparable: glossary hashes and the MT models used."""
        signature: dict[str, Any] = {
            "glossaries": [{"path": g.path, "sha256": g.sha256} for g in self.glossaries]
        }
        models = getattr(self.services, "signature", None)
        if models is not None:
            signature["models"] = models  # a live list: it grows as the round trip loads models
        return signature
