"""TC102 term-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._terms import aligned_span, pairs, source_related, where
from tcheck.context import Context, TermHit
from tcheck.glossary.renderings import Words, forms_for, holds
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


@register("TC102", "term-mismatch", Severity.ERROR, needs=("source", "glossary"))
def term_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The source uses a glossary term, but the translation has none of its allowed renderings.

    What it does: in every bilingual segment (a ``--source`` file paired paragraph by paragraph,
    or a bilingual format), finds the glossary's source terms in the source side (inflected forms
    included, see TC101) and checks that the target side contains at least one allowed target
    term of the same entry (preferred or admitted, inflected forms included). Before a term is
    reported missing, its renderings are looked for again by the rules of the translation's
    language: same lemma or stem (``категории`` for ``категория``, ``типа`` for ``тип``,
    ``Restablece`` for ``restablecer``), inside a closed compound where the language writes them
    (``Startdatum``, ``Auslastungsindikatoren``, ``komitésystemet``), or as a relational
    adjective in Slavic and Baltic languages (``торговая война``). When a source term
    belongs to several entries, any one of them rendered is enough. A target that uses a forbidden
    variant of the entry is left to TC101, and do-not-translate entries to TC105. The finding sits
    on the target sentence aligned with the source sentence (or the segment), with the source term
    as related span and the preferred term as suggestion.

    Why it matters: a term rendered ad hoc ("the UN's atomic agency" for IAEA) breaks the
    organisation's terminology and makes the text hard to search and to translate further.

    Example (glossary ``FN`` → ``UN`` | ``United Nations``)::

        source: FN ber om våpenhvile.
        target: The world body asks for a ceasefire.
                ^^^ TC102: source term 'FN' should be rendered as 'UN' or 'United Nations'
    """
    for seg, src, source, target in pairs(doc, ctx):
        rendered = {m.payload.entry.id for ms in target.values() for m in ms}
        words: Words | None = None
        for (start, end), matches in sorted(source.items()):
            entries = [m.payload for m in matches if not m.payload.entry.dnt]
            if not entries or any(h.entry.id in rendered for h in entries):
                continue  # rendered (an allowed term) or misrendered (a forbidden one: TC101)
            words = words if words is not None else Words(seg.text)
            if any(_inflected_rendering(h, doc.lang, words) for h in entries):
                continue
            hit = entries[0]
            options = [t.text for t in hit.entry.allowed]
            preferred = hit.entry.preferred
            wanted = " or ".join(f"'{t}'" for t in options[:3])
            yield Hit(
                span=aligned_span(seg, src, start),
                message=f"source term '{matches[0].text}' should be rendered as {wanted} ({where(hit)})",
                suggestion=preferred.text if preferred else None,
                related=(source_related(doc, src, start, end, f"source term '{matches[0].text}'"),),
            )


def _inflected_rendering(hit: TermHit, lang: str | None, words: Words) -> bool:
    """Whether an allowed rendering is there in a form the matcher does not find (an ending
    that changes, a closed compound), judged by the rules of the translation's language.
    Case-sensitive terms (acronyms: ``UN`` is not French ``un``) are left to the matcher."""
    forms = forms_for(lang or hit.glossary.target_lang)
    return any(holds(forms, t.text, words) for t in hit.entry.allowed if not t.case_sensitive)
