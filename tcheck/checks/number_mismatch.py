"""TC301 number-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from tcheck.checks._bilingual import Pair, pairs
from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale.numbers import format_number, written_decimals
from tcheck.model import Document, Hit, Severity
from tcheck.recognise import Quantity
from tcheck.recognise.compare import compare_numbers
from tcheck.recognise.phones import same_phones
from tcheck.recognise.spans import SpanSet
from tcheck.registry import register


@register("TC301", "number-mismatch", Severity.ERROR, needs=("source",))
def number_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A number in the translation differs from the number in its source.

    What it does: reads the numbers of each source segment and of its translation, each in its
    own language's convention from CLDR (``2 300`` in Norwegian and ``2,300`` in English are
    the same number; ``1,5 millioner`` is ``1.5 million``; ``1100 万`` is ``11 million``), and
    reports a number of the translation that stands where the source has a *different* one.
    Numbers are read in every spelling: digits of any numbering system (``५३``, ``٥٣``, ``５３``),
    decimal commas (``7,1``), magnitudes (``7.3K``, ``2,5 Mrd.``, ``100 k``), Roman numerals
    where they stand for numbers (``siglo XV``, ``XVe siècle``, ``Louis XIV``) and number words
    generated from num2words for every language it knows, inflected ones too (``sieben``,
    ``cuatro``, ``трех``, ``двадцати пяти``, ``vingt et un``): ``nine`` for ``sieben`` is
    reported, ``seven`` for ``7`` is not.
    It allows for what translators legitimately do: a number written as a word on one side
    (``13-year-old`` / ``trettenåring``), a unit converted (``30 yards`` / ``27 metres``,
    ``80 degrees`` / ``27 °C``), a decade or century said otherwise (``1930s`` / ``30-е годы``,
    ``19th century`` / ``1800-tallet``, ``XV`` / ``15th``), a two-digit year (``SS19`` /
    ``2019``), a time zone converted, a number said once where the source repeats it, a phone
    number given with its country code (``+44 (0) 800 555 111`` for ``0800 555 111``). Dates, times and amounts of money
    have their own checks (TC203, TC204, TC304).

    Why it matters: a changed figure is the translation error readers cannot detect and
    publishers most regret: casualties, prices, votes.

    Example (source ``More than 2,300 people were arrested.``)::

        Mer enn 2 030 personer ble arrestert.
                ^^^^^ TC301: the source has 2,300
    """
    for pair in pairs(doc):
        yield from capped(_pair_hits(pair), "numbers that are not in the source", doc.path, Severity.ERROR)


def _pair_hits(pair: Pair) -> Iterator[Hit]:
    diff = compare_numbers(pair.source_mentions, pair.mentions)
    if not diff.substituted:
        return
    # an amount's number is known by its place (mentions may be made anew when asked for)
    amount_numbers = {(a.quantity.start, a.quantity.end) for a in pair.mentions.amounts}
    source_amounts = {(a.quantity.start, a.quantity.end) for a in pair.source_mentions.amounts}
    target = list(diff.target)
    if any((q.start, q.end) in source_amounts for q in diff.source):
        target = [q for q in target if (q.start, q.end) not in amount_numbers]  # TC304 reports these
    if not target and not diff.target_words:
        return
    source = list(diff.source)
    source_phones, target_phones = same_phones(pair.source.text, pair.target.text)
    if target_phones:  # "+44 (0) 800 555 111" for "0800 555 111": one number
        in_target, in_source = SpanSet(target_phones), SpanSet(source_phones)
        target = [q for q in target if not in_target.overlaps(q.start, q.start + 1)]
        source = [q for q in source if not in_source.overlaps(q.start, q.start + 1)]
        if not (target or diff.target_words) or not (source or diff.source_words or diff.source_times):
            return
    extra = [(w[0], w[1]) for w in diff.source_words] + [(t.start, t.end) for t in diff.source_times]
    yield from _hits(pair, target, source, extra)
    yield from _word_hits(pair, diff.target_words, source, extra)


def _shown(q: Quantity, text: str) -> str:
    return text[q.start : q.end]


def _suggestion(q: Quantity, source: Quantity, pair: Pair) -> str:
    """The source's number written as the translator wrote the number: a year or ``5000``
    stays ungrouped; a version or a number written with the source's own separators (``3.9``
    for ``3.10``, ``22.04`` for ``20.04``) is copied as the source writes it, never read as a
    decimal (``3,1``)."""
    same_marks = (q.reading.group, q.reading.decimal) == (source.reading.group, source.reading.decimal)
    if source.version or q.version or (same_marks and q.reading.decimal is not None):
        return pair.source.text[source.start : source.digits_end]
    grouped = not q.text.isdigit()
    return format_number(source.value, pair.lang, grouped, written_decimals(source.text, source.reading))


def _hits(
    pair: Pair, target: list[Quantity], source: list[Quantity], extra: list[tuple[int, int]]
) -> Iterator[Hit]:
    spans = sorted([(q.start, q.end) for q in source] + extra)
    said = ", ".join(f"'{pair.source.text[a:b]}'" for a, b in spans)
    related = tuple(pair.related(a, b, "the source's number") for a, b in spans)
    for q in target:
        suggestion = None
        if (
            len(spans) == 1
            and len(source) == 1
            and len(target) == 1
            and source[0].multiplier is None
            and q.multiplier is None
            and not (q.roman or source[0].roman)
        ):
            suggestion = _suggestion(q, source[0], pair)
        yield Hit(
            span=pair.target.file_span(q.start, q.end),
            message=f"'{_shown(q, pair.target.text)}' is not in the source, which has {said} here",
            suggestion=suggestion,
            related=related,
        )


def _word_hits(
    pair: Pair,
    words: tuple[tuple[int, int, Decimal], ...],
    source: list[Quantity],
    extra: list[tuple[int, int]],
) -> Iterator[Hit]:
    """Number words of the translation (``nine``) where the source has another number
    (``sieben``, ``7``)."""
    spans = sorted([(q.start, q.end) for q in source] + extra)
    said = ", ".join(f"'{pair.source.text[a:b]}'" for a, b in spans)
    related = tuple(pair.related(a, b, "the source's number") for a, b in spans)
    for start, end, _ in words:
        yield Hit(
            span=pair.target.file_span(start, end),
            message=f"'{pair.target.text[start:end]}' is not in the source, which has {said} here",
            related=related,
        )
