"""TC303 ambiguous-currency."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.currency import lexicon, named_currency
from tcheck.locale import home_currencies
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

DEFAULT_ASSUMED = ("USD", "EUR")


@register("TC303", "ambiguous-currency", Severity.WARNING)
def ambiguous_currency(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An amount in a currency that readers of the target language cannot identify.

    What it does: finds amounts written with a currency *unit word* that several currencies share
    in the document's language (``5,000 kroner`` in English: Norwegian or Danish?). The unit words
    and full names come from CLDR for the language, so it works in any language CLDR describes. It
    stays quiet when the full name is used (``Norwegian kroner``, ``couronnes norvégiennes``), when
    one of the candidates is a currency of the language's own territories (``kroner`` in
    Norwegian, ``pounds`` in English), or when a candidate is in the option ``assumed-currencies``
    (default ``["USD", "EUR"]``: readers take ``dollars`` to be US dollars). With the source
    language known, the suggestion uses that language's currency code (``NOK 5,000``).

    Why it matters: a machine translation keeps the source's currency word; readers abroad
    cannot tell which currency, or even that it is not their own.

    Example (``--source-lang nb``, English target)::

        The average national monthly salary is just over 5,000 kroner.
                                                         ^^^^^^^^^^^^ TC303: 'NOK 5,000'
    """
    lang = doc.lang
    if not lang:
        return
    lex = lexicon(lang)
    if not lex.units:
        return
    assumed = set(ctx.option("TC303", "assumed-currencies", DEFAULT_ASSUMED)) | home_currencies(lang)
    source_home = home_currencies(doc.source_lang) if doc.source_lang else frozenset()
    for seg in doc.segments:
        for match in lex.amount_re.finditer(seg.text):
            unit = match.group("unit")
            candidates = lex.units[unit.lower()]
            if candidates & assumed:
                continue
            if named_currency(lex, seg.text, match.start("unit"), match.end("unit")):
                continue
            likely = sorted(candidates & source_home)
            choices = ", ".join(sorted(candidates)[:6]) + ("…" if len(candidates) > 6 else "")
            amount = seg.text[match.start("number") : match.start("unit")].strip()
            suggestion = f"{likely[0]} {amount}" if len(likely) == 1 else None
            yield Hit(
                span=seg.file_span(match.start(), match.end()),
                message=f"'{unit}' can be any of {choices}; readers of '{lang}' cannot tell which",
                suggestion=suggestion,
            )
