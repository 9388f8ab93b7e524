"""TC403 mixed-language."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._language import analyse, as_source, language_name, plausible
from tcheck.checks._units import spread, unit_target
from tcheck.context import Context
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


@register("TC403", "mixed-language", Severity.WARNING)
def mixed_language(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence switches language inside it: a clause was left untranslated.

    What it does: inside each sentence that is, as a whole, in the target language, finds the
    strongest run of consecutive words that the character n-gram profiles put in one other
    plausible language (the same languages as TC401). Numbers, technical strings (identifiers,
    paths, flags, URLs, placeholders, acronyms), and words of another script than the language's
    end a run. The run is reported when it has at least ``min-run-words`` (4) words and
    ``min-run-letters`` (17) letters outside names, its evidence is strong (a summed
    log-likelihood ratio of 25 and 0.38 per n-gram), it is a clause rather than a row of terms,
    and langdetect, asked to choose between the two languages, agrees.

    A clause holds function words of its language that the target does not share
    (``min-function-words``, 2; one for a run of five words or more in the target's script), no
    fewer than any other language of its script; a run in another script than the target's
    (English inside a Japanese, Korean, Ukrainian or Greek sentence) needs five words as well.
    Technical terms and product names that docs keep in English ("Helm chart", "kubectl apply",
    "service mesh, microservices"), a list of names (``and, or, not``), a quotation (an error
    message, a book title) and a gloss in brackets (``약속(promise of the cloud)``) are not
    reported.

    Why it matters: machine translation sometimes carries a subordinate clause over untouched;
    the sentence still looks translated at a glance, and a sentence-level check does not see it.

    Example (``--source-lang nb``, checking English)::

        The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale.
                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC403
    """
    langs = plausible(doc, ctx)
    sentences = analyse(doc, ctx)
    if langs is None or sentences is None:
        return
    target = language_name(langs[0])
    units = spread(doc) is not None  # no one target: each unit is in its own language
    for seg, _start, _end, verdict, whole in sentences:
        if whole is not None or verdict is None:
            continue  # a whole foreign sentence is TC401's
        lang = as_source(verdict.lang, doc.source_lang)
        if units:
            target = language_name(unit_target(doc, seg) or langs[0])
        yield Hit(
            span=seg.file_span(verdict.start, verdict.end),
            message=f"part of this {target} sentence is in {language_name(lang)}: left untranslated?",
            confidence=verdict.confidence,
            data={"language": lang},
        )
