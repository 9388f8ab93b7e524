"""TC303 ambiguous-currency."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from tcheck.checks._fixes import certain_fix
from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale import home_currencies
from tcheck.locale.currency import Amount, amount_lexicon, find_amounts
from tcheck.locale.memo import forget_heavy
from tcheck.model import Document, Fix, Hit, Segment, Severity
from tcheck.recognise.spans import SpanSet
from tcheck.recognise.wordtrie import trie_pattern
from tcheck.registry import register

DEFAULT_ASSUMED = ("USD", "EUR", "GBP", "CHF", "JPY")


def _choices(codes: frozenset[str]) -> str:
    return ", ".join(sorted(codes)[:6]) + ("…" if len(codes) > 6 else "")


def _suggestion(amount: Amount, text: str, likely: list[str]) -> str | None:
    if len(likely) != 1:
        return None
    number = text[amount.quantity.start : amount.quantity.end].strip()
    return f"{likely[0]} {number}"


@register("TC303", "ambiguous-currency", Severity.WARNING)
def ambiguous_currency(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An amount in a currency that readers of the target language cannot identify.

    What it does: finds amounts of money (names, symbols and codes of every current currency from
    CLDR for the document's language) and reports those whose currency readers cannot tell:
    a *unit word* several currencies share (``5,000 kroner`` in English: Norwegian or Danish?
    ``pesos``, ``dinars``, ``rupees``), a symbol several currencies use that the language does
    not reserve for one (``5 000 kr`` in English), and, with the source language known, a
    currency word of the source language left in the translation (``5000 kroner`` in German).
    It stays quiet when the full name is used (``Norwegian kroner``, ``couronnes
    norvégiennes``), when one of the candidates is a currency of the language's own territories
    (``kroner`` in Norwegian, ``pounds`` in English), or when a candidate is in the option
    ``assumed-currencies`` (default ``["USD", "EUR", "GBP", "CHF", "JPY"]``: readers take
    ``dollars`` to be US dollars and ``pounds`` sterling). With the source language known, the
    suggestion uses its currency code (``NOK 5,000``).

    Fix (``--fix``): when the paired source sentence gives the same amount in a word its readers
    take for one currency (Norwegian ``5000 kroner``: NOK), the word becomes that currency's code
    in place (``5,000 kroner`` -> ``5,000 NOK``); without the source it stays a suggestion.

    Why it matters: a machine translation keeps the source's currency word; readers abroad
    cannot tell which currency, or even that it is not their own.

    Example (``--source-lang nb``, English target)::

        The average national monthly salary is just over 5,000 kroner.
                                                         ^^^^^^^^^^^^ TC303: 'NOK 5,000'
    """
    lang = doc.lang
    if not lang:
        return
    assumed = set(ctx.option("TC303", "assumed-currencies", DEFAULT_ASSUMED, list)) | home_currencies(lang)
    source = doc.source_lang if doc.source_lang and doc.source_lang != lang else None
    source_home = home_currencies(source) if source else frozenset()
    own = amount_lexicon(lang)
    for seg in doc.segments:
        found = _segment(seg, lang, source, assumed, source_home, own.names)
        yield from capped(found, "amounts in currencies readers cannot tell", doc.path, Severity.WARNING)
    if not (doc.bilingual or doc.source is not None):
        forget_heavy()  # the last check of a document without source that reads the recognisers


def _segment(
    seg: Segment,
    lang: str,
    source: str | None,
    assumed: set[str],
    source_home: frozenset[str],
    names: dict[str, frozenset[str]],
) -> Iterator[Hit]:
    found = find_amounts(seg.text, lang, source)
    for amount in found:
        if amount.how not in ("unit", "symbol") or len(amount.currencies) < 2:
            continue
        if amount.currencies & assumed:
            continue
        likely = sorted(amount.currencies & source_home)
        what = "symbol" if amount.how == "symbol" else "word"
        fix = _code_fix(seg, amount, likely, source) if source and amount.how == "unit" else None
        yield Hit(
            span=seg.file_span(amount.start, amount.end),
            message=(
                f"'{amount.currency_text}' can be any of {_choices(amount.currencies)}; "
                f"readers of '{lang}' cannot tell which ({what} shared by several currencies)"
            ),
            suggestion=_suggestion(amount, seg.text, likely),
            fix=fix,
        )
    if source:
        yield from _foreign_words(seg, lang, source, found, names)


def _code_fix(seg: Segment, amount: Amount, likely: list[str], source: str) -> Fix | None:
    """The currency word replaced by the code (``5,000 kroner`` -> ``5,000 NOK``), certain only
    when the paired source sentence gives the same amount in a word its own readers take for
    that one currency (Norwegian ``5000 kroner``: NOK at home)."""
    if len(likely) != 1 or seg.counterpart is None:
        return None
    home = home_currencies(source)
    value = amount.quantity.value
    said = [
        a
        for a in find_amounts(seg.counterpart.text, source)
        if a.quantity.value == value and a.currencies & home == {likely[0]}
    ]
    if not said:
        return None
    start, end = amount.currency_at
    return certain_fix(seg, start, end, likely[0])


def _own_word(word: str, own: dict[str, frozenset[str]]) -> bool:
    """Whether ``word`` (lower-cased) is one of the translation's own currency words, but for its
    last letter (``dollars`` beside Danish ``dollar``)."""
    return any(word[:-1] == w[: len(word) - 1] for w in own)


@lru_cache(maxsize=64)
def _foreign_search(source: str, lang: str) -> re.Pattern[str] | None:
    """A search, in lower-cased text, for the currency words of ``source`` that can be reported
    in a text of ``lang`` (unit words of four letters or more that are not ``lang``'s own):
    None when there are none. Such a word is found, lower-cased, as a currency of an amount only
    where the search finds it, so a text without it is passed over without reading its numbers
    in ``source``'s conventions (most texts with digits)."""
    alex = amount_lexicon(source)
    own = amount_lexicon(lang).names
    words = [
        word
        for word, how in alex.hows.items()
        if how == "unit" and word in alex.names and len(word) >= 4 and not _own_word(word, own)
    ]
    return re.compile(trie_pattern(words)) if words else None


def _foreign_words(
    seg: Segment, lang: str, source: str, found: Sequence[Amount], own: dict[str, frozenset[str]]
) -> Iterator[Hit]:
    """Currency words of the source language in the translation (``5000 kroner`` in German)."""
    text = seg.text
    search = _foreign_search(source, lang)
    if search is None:
        return
    # lower-casing is done one character at a time (final sigma aside), so an amount's word
    # lower-cased is a piece of the text lower-cased
    if "\u03a3" not in text and search.search(text.lower()) is None:
        return
    taken = SpanSet((a.start, a.end) for a in found)
    source_home = home_currencies(source)
    for amount in find_amounts(text, source):
        word = amount.currency_text.lower()
        if amount.how != "unit" or len(word) < 4 or _own_word(word, own):
            continue  # "dollars" beside Danish "dollar" is the same word
        if taken.overlaps(amount.start, amount.end):
            continue
        likely = sorted(amount.currencies & source_home) or sorted(amount.currencies)[:1]
        yield Hit(
            span=seg.file_span(amount.start, amount.end),
            message=f"'{amount.currency_text}' is a currency word of '{source}', not of '{lang}'",
            suggestion=_suggestion(amount, text, likely[:1]),
        )
