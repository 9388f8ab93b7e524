"""TC101 forbidden-term."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._fixes import certain_fix, keep_case
from tcheck.checks._terms import spans, where
from tcheck.context import Context
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


@register("TC101", "forbidden-term", Severity.ERROR, needs=("glossary",), uses_source=False)
def forbidden_term(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A glossary marks this variant as forbidden; use the preferred term instead.

    What it does: finds every target-language term that a glossary entry lists as forbidden
    (deprecated, superseded, a known misspelling or an untranslated form; TBX, CSV/TSV or TOML)
    and names the entry's preferred term. Matching folds case (unless the entry is case-sensitive;
    TBX acronyms are), is whole-word in scripts written with spaces and substring in scripts
    without (Chinese, Japanese, Thai), and takes the longest term where terms overlap. Inflected
    forms are found too: where the language has a Snowball stemmer, each word of a term matches
    any word with the same stem (``Europa-Kommissionen`` for ``Europa-Kommission``, ``der
    Europäischen Kommission`` for ``Europäische Kommission``); outside English a last word may
    also change its final two letters when the language's lemmas agree (``категории`` for
    ``категория``, but not ``странный`` for ``страна``); acronyms take short endings (``FNs``).
    An exact match decides over an inflected one, and a span that is
    also an allowed term of some entry is left alone.

    Fix (``--fix``): an exact match of a forbidden term whose entry names one preferred term is
    replaced by it (a capitalised word stays capitalised when the preferred term is lower-case);
    inflected forms are only reported, since the preferred term would need the same inflection.

    Why it matters: machine translation and hurried editing bring back spellings an organisation
    has decided against; a reader sees the same alliance written two ways.

    Example (glossary entry ``CSTO``, forbidden ``CTSO``)::

        Tokayev asked the Russian-led security alliance CTSO for help.
                                                        ^^^^ TC101: use 'CSTO'
    """
    matcher = ctx.target_matcher(doc)
    if not len(matcher):
        return
    for seg in doc.segments:
        for (start, end), matches in spans(matcher, seg.text, forbidden_only=True).items():
            if any(m.payload.term.status != "forbidden" for m in matches):
                continue
            match = matches[0]
            hit = match.payload
            preferred = hit.entry.preferred
            fix = preferred.text if preferred else None
            instead = f"; use '{fix}'" if fix else ""
            form = "" if match.exact else f" (a form of '{hit.term.text}')"
            preferred_texts = {m.payload.entry.preferred.text for m in matches if m.payload.entry.preferred}
            certain = None
            if fix and match.exact and len(preferred_texts) == 1:  # one exact form, one preferred term
                certain = certain_fix(seg, start, end, keep_case(match.text, fix))
            yield Hit(
                span=seg.file_span(start, end),
                message=f"'{match.text}' is a forbidden term{form} ({where(hit)}){instead}",
                suggestion=fix,
                fix=certain,
            )
