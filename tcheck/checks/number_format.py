"""TC302 number-format."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from tcheck.checks._bilingual import source_language
from tcheck.checks._fixes import certain_fix
from tcheck.checks._flood import Flood
from tcheck.context import Context
from tcheck.locale import babel_locale
from tcheck.locale.numbers import format_number, min_grouping, number_symbols, written_decimals
from tcheck.model import Document, Fix, Hit, Related, Segment, Severity
from tcheck.recognise import Quantity, recognise
from tcheck.recognise.datefind import is_year_context, sentence_initial
from tcheck.recognise.technical import has_version
from tcheck.registry import register

_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_PREVIOUS = re.compile(r"([^\W\d_][\w'’.-]*)[\s\u00a0]+$")


@dataclass(frozen=True, slots=True)
class _Seen:
    seg: Segment
    q: Quantity
    dimension: str  # "separators" or "grouping"
    conforms: bool


def _skip(q: Quantity, text: str, lang: str) -> bool:
    """Identifiers, ordinals, years and reference numbers are not quantities to format."""
    digits = text[q.start : q.digits_end]
    if (
        q.code
        or q.ordinal
        or q.roman
        or q.version
        or q.suffix
        or (digits.startswith("0") and len(digits) > 1)
    ):
        return True
    if q.reading.decimal == "." and number_symbols(lang)[0] != "." and _CLOCK.fullmatch(digits):
        return True  # "17.30": a time written without "kl."
    if q.reading.group is None and q.reading.decimal is None:
        if q.reading.int_digits > 6:
            return True
        if (
            q.reading.int_digits == 4
            and 1100 <= q.reading.value <= 2100
            and q.multiplier is None
            and q.unit is None
        ):
            return True  # a year, most likely
        if q.reading.int_digits == 4 and (
            is_year_context(text, q.start, lang) or _decade_or_era(text, q, lang) or q.unit is not None
        ):
            return True  # "in 2016", "1960s", "5000 BC"; "4892 m" (SI: 4 digits may stay ungrouped)
    before = text[max(0, q.start - 2) : q.start]
    after = text[q.digits_end : q.digits_end + 2]
    if before.endswith(("-", "/", "#", "№")) or (after.startswith(("-", "/")) and after[1:2].isdigit()):
        return True
    previous = _PREVIOUS.search(text, max(0, q.start - 40), q.start)
    if previous is None or q.reading.group is not None:
        return False
    word = previous.group(1)
    # "Act 2017", "Boeing 737", "ISO 9001": a number naming something
    return word[:1].isupper() and not sentence_initial(text, previous.start())


_GLUED = re.compile(r"(?:['’]?s|-?[^\W\d_]{1,6})(?![^\W\d_])")


def _decade_or_era(text: str, q: Quantity, lang: str) -> bool:
    """``1960s``, ``1960er``, ``1960-tallet``, ``1960-е`` (a decade: a round number with a word
    glued to it), or a number before an era name of the locale (``5000 BC``, ``500 f.Kr.``)."""
    end = q.digits_end
    if q.reading.value % 10 == 0 and _GLUED.match(text, end):
        return True
    following = text[end : end + 16].lstrip(" \u00a0\u202f").lower()
    return bool(following) and following.startswith(_era_names(lang))


@cache
def _era_names(lang: str) -> tuple[str, ...]:
    """Abbreviated and wide era names of ``lang`` (CLDR), lower-cased: ``bc``, ``ad``, ``f.kr.``."""
    eras = babel_locale(lang).eras
    names = {str(name).lower() for width in ("abbreviated", "wide") for name in eras.get(width, {}).values()}
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


def _classify(q: Quantity, min_group: int, technical: bool) -> list[tuple[str, bool]]:
    reading = q.reading
    out: list[tuple[str, bool]] = []
    if technical and (reading.group is None or q.alt is not None):
        return out  # "1.2", "8080", "123.456" in technical text: literals, not prose numbers
    if q.alt is not None and reading.group is None:
        return out  # "123.456" in English is a decimal here, a thousands number elsewhere: only
        # the source can tell (see _against_source)
    if reading.group is not None or reading.decimal is not None:
        out.append(("separators", not reading.foreign))
    long_enough = reading.int_digits >= 5 or (reading.int_digits == 4 and min_group <= 1)
    if not reading.foreign and long_enough and q.multiplier is None:  # "1100 万" is how it is said
        out.append(("grouping", reading.group is not None))
    return out


def _suggestion(q: Quantity, lang: str) -> str:
    """The number in ``lang``'s convention, with as many decimals as written (``3,10``)."""
    decimals = written_decimals(q.text, q.reading) if q.alt is None else None
    return format_number(q.reading.value, lang, decimals=decimals)


def _describe(dimension: str, q: Quantity, text: str, lang: str, min_group: int) -> str:
    shown = text[q.start : q.digits_end]
    decimal, group = number_symbols(lang)
    group_name = "a space" if group in "\u00a0\u202f " else f"'{group}'"
    if dimension == "grouping":
        digits = "4 digits" if min_group <= 1 else "5 digits"
        return (
            f"'{shown}' has no thousands separator; '{lang}' groups numbers from {digits} with {group_name}"
        )
    return f"'{shown}' is written in another convention; '{lang}' writes '{decimal}' for decimals and {group_name} between thousands"


@register("TC302", "number-format", Severity.WARNING)
def number_format(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Numbers written in mixed conventions, or in one the document's language does not use.

    What it does: reads every number with the locale's CLDR symbols (decimal mark and thousands
    separator; ``1,5`` and ``2 300`` in Norwegian, ``1.5`` and ``2,300`` in English) and reports
    the ones that break the locale's convention when the document also follows it elsewhere: a
    4-digit number without a separator beside grouped ones (``2300`` beside ``1,000`` in English;
    a heading ``Over 1000`` above ``more than 1,000``), a longer number without one
    (``25000``), separators of another locale (``1.5`` in a German text). Years, identifiers
    (``A380``, ``Act 2017``), ordinals, reference numbers and numbers before a multiplier
    (``1100 万``) are left alone, and so are versions (``version 3.10``, ``>= 1.2``, ``1.2`` beside
    ``3.0.0``) and glued magnitudes and factors (``7.3K``, ``2M``, ``10x``). In a technical
    document (one that writes a dotted version such as ``3.0.0`` or ``v1.2``) only grouped
    numbers are judged: there ``1.2``, ``8080`` or ``123.456`` are literals. Where Norwegian, Swedish, Danish, German, Spanish, Russian and
    Chinese house styles write 4-digit numbers either way (``3000``, ``3 000``), only longer
    numbers are judged (``tcheck/data/numbers.toml``). A space between thousands is never
    ambiguous and always accepted. With the
    source, a number that the locale reads otherwise than the source means is always reported
    (``2,300`` in Norwegian, where the source says 2,300: Norwegian reads it as 2.3).

    Options (``[tool.tcheck.options.TC302]``): ``mode = "mixed"`` (default; only deviations in a
    document that also follows the convention) or ``"strict"`` (every deviation);
    ``min-grouping = 1`` or ``2`` overrides from how many digits numbers are grouped.

    Fix (``--fix``): an ungrouped number in a document that groups others of its kind gets the
    locale's separators between the same digits (``2300`` -> ``2,300``); other deviations are
    only reported.

    Why it matters: readers take ``2,300`` in a Norwegian text for two point three; a document
    that writes the same kind of number two ways looks unedited.

    Example (English)::

        2300 people arrested in Almaty.
        ^^^^ TC302: '2,300' (the document writes '1,000')
        ...
        Kazakhstan's Ministry of Health reports that more than 1,000 people have been injured.
    """
    lang = doc.lang
    if not lang:
        return
    strict = ctx.option("TC302", "mode", "mixed", str) == "strict"
    min_group = ctx.option("TC302", "min-grouping", min_grouping(lang), int)
    # the first number following the convention, and the deviations, per dimension: a document
    # of 100,000 conforming numbers keeps one of them, not 100,000; of a paragraph's deviations,
    # the first LIMIT per dimension, and a count of the rest (see tcheck/checks/_flood.py)
    example_of: dict[str, _Seen] = {}
    deviations: dict[str, list[_Seen]] = {"separators": [], "grouping": []}
    floods: dict[str, list[Flood]] = {"separators": [], "grouping": []}
    technical = any(has_version(seg.text) for seg in doc.segments)
    source_lang = source_language(doc) if doc.bilingual else None
    for seg in doc.segments:
        mentions = recognise(seg.text, lang)
        reported: set[int] = set()
        if source_lang is not None:
            found = _against_source(seg, mentions.numbers, lang, source_lang, technical)
            against = Flood(Severity.WARNING)
            for q, hit in found:
                reported.add(q.start)
                if against.admit(hit.span, hit.severity):
                    yield hit
            summary = against.summary("numbers that read otherwise than the source means", doc.path)
            if summary is not None:
                yield summary
        flood = {dim: Flood(Severity.WARNING) for dim in deviations}
        for q in mentions.numbers:
            if q.start in reported or _skip(q, seg.text, lang):
                continue
            for dim, ok in _classify(q, min_group, technical):
                if not ok:
                    if flood[dim].admit(seg.file_span(q.start, q.digits_end)):
                        deviations[dim].append(_Seen(seg, q, dim, ok))
                elif dim not in example_of:
                    example_of[dim] = _Seen(seg, q, dim, ok)
        for dim, counted in flood.items():
            if counted.left_out:
                floods[dim].append(counted)
    for dimension in ("separators", "grouping"):
        bad = deviations[dimension]
        example = example_of.get(dimension)
        if not bad or not (example or strict):
            continue
        for item in bad:
            yield _deviation(doc, item, example, lang, min_group)
        what = "numbers written in another convention"
        if dimension == "grouping":
            what = "numbers without a thousands separator"
        for counted in floods[dimension]:
            summary = counted.summary(what, doc.path)
            if summary is not None:
                yield summary


def _deviation(doc: Document, item: _Seen, example: _Seen | None, lang: str, min_group: int) -> Hit:
    """The finding of one number that breaks the convention (``example``: one that follows it)."""
    dimension = item.dimension
    message = _describe(dimension, item.q, item.seg.text, lang, min_group)
    related: tuple[Related, ...] = ()
    if example is not None:
        shown = example.seg.text[example.q.start : example.q.digits_end]
        message += f" (the document writes '{shown}')"
        related = (
            Related(
                doc.path,
                example.seg.file_span(example.q.start, example.q.digits_end),
                "the convention followed elsewhere",
            ),
        )
    suggestion = _suggestion(item.q, lang)
    fix = None
    if dimension == "grouping" and example is not None:
        fix = _grouping_fix(item, suggestion)
    return Hit(
        span=item.seg.file_span(item.q.start, item.q.digits_end),
        message=message,
        suggestion=suggestion,
        related=related,
        fix=fix,
    )


def _grouping_fix(item: _Seen, suggestion: str) -> Fix | None:
    """The certain fix of an ungrouped number in a document that groups its others: the
    separators inserted between the same digits (``2300`` -> ``2,300``), nothing else changed."""
    shown = item.seg.text[item.q.start : item.q.digits_end]
    if not shown.isdigit() or "".join(c for c in suggestion if c.isdigit()) != shown:
        return None
    return certain_fix(item.seg, item.q.start, item.q.digits_end, suggestion)


def _against_source(
    seg: Segment, numbers: Sequence[Quantity], lang: str, source_lang: str, technical: bool
) -> Iterator[tuple[Quantity, Hit]]:
    """``2,300`` in a Norwegian text whose source says 2,300: the locale reads 2.3."""
    src = seg.counterpart
    ambiguous = [q for q in numbers if q.alt is not None and q.suffix is None]
    if src is None or not ambiguous:
        return
    source_numbers = recognise(src.text, source_lang, lang).numbers
    source_values = {v for q in source_numbers for v in (q.value, q.reading.value)}
    copied = {q.text for q in source_numbers} if technical else set()
    for q in ambiguous:
        if q.text in copied:
            continue  # "e.g. 123.456" as a program prints it: a literal kept from the source
        if q.alt in source_values and q.value not in source_values:
            shown = seg.text[q.start : q.digits_end]
            yield (
                q,
                Hit(
                    span=seg.file_span(q.start, q.digits_end),
                    message=(
                        f"'{shown}' reads as {format_number(q.reading.value, lang)} in '{lang}', "
                        f"but the source means {format_number(q.alt, lang)}"
                    ),
                    suggestion=format_number(q.alt, lang),
                    severity=Severity.ERROR,
                ),
            )
