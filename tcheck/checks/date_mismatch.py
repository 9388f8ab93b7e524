"""TC203 date-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._bilingual import pairs
from tcheck.context import Context
from tcheck.locale import babel_locale
from tcheck.model import Document, Hit, Severity
from tcheck.recognise.compare import compare_dates
from tcheck.recognise.datefind import DateMention
from tcheck.registry import register


def describe(mention: DateMention, fields: list[str], lang: str) -> str:
    """The parts of a date in words of ``lang`` (CLDR names): ``Wednesday``, ``January``."""
    locale = babel_locale(lang)
    parts = []
    for field in fields:
        value = getattr(mention, field)
        if field == "weekday":
            parts.append(str(locale.days["format"]["wide"][value]))
        elif field == "month":
            parts.append(str(locale.months["format"]["wide"][value]))
        else:
            parts.append(f"{field} {value}")
    return ", ".join(parts)


@register("TC203", "date-mismatch", Severity.ERROR, needs=("source",))
def date_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday, month, day or year in the translation differs from the source's.

    What it does: reads dates, months and weekdays on both sides with each language's CLDR names
    and forms (``Wednesday, January 19``, ``onsdag 19. januar``, ``19. Januar 2022``,
    ``miércoles 19 de enero``, ``в среду``, ``1月19日（周三）``, ``2022-01-19``) and reports a
    date of the translation that contradicts the source: a different weekday, month, day or
    year where the source has one. A part that only one side states is not compared
    (``Saturday`` may become ``6 October``), so a translation that leaves a weekday out or adds a
    date is quiet.

    Why it matters: weekday and month names are easy to swap in translation and impossible for
    readers to check; a wrong day changes the story.

    Example (source ``The summit opens on Wednesday, January 19.``)::

        Toppmøtet åpner torsdag 19. januar.
                        ^^^^^^^^^^^^^^^^^^ TC203: the source says Wednesday
    """
    for pair in pairs(doc):
        for target, source, differing in compare_dates(pair.source_mentions.dates, pair.mentions.dates):
            if not differing:
                continue
            said = describe(source, differing, pair.lang)
            written = describe(target, differing, pair.lang)
            yield Hit(
                span=pair.target.file_span(target.start, target.end),
                message=f"'{target.text}' says {written} where the source ('{source.text}') says {said}",
                related=(pair.related(source.start, source.end, "the source's date"),),
            )
