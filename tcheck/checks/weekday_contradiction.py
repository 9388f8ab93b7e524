"""TC202 weekday-contradiction."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.dates import find_dateline, sameday_rules, weekday_regex
from tcheck.locale import weekday_name, weekday_names
from tcheck.model import Document, Hit, Related, Severity
from tcheck.registry import register


@register("TC202", "weekday-contradiction", Severity.ERROR)
def weekday_contradiction(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday said to be "today" contradicts the document's own date.

    What it does: takes the document's date (front matter ``date:``, or a dateline such as
    ``Wednesday, January 19`` / ``onsdag 19. januar`` at the top) and looks for weekdays that the
    text ties to the day of writing: ``earlier on Thursday``, ``Early Thursday``,
    ``Thursday morning``, ``tidligere torsdag``, ``Donnerstagmorgen``, ``jeudi matin``. When such a
    weekday differs from the dateline's weekday, the two cannot both be right. Weekday names come
    from CLDR for the document's language; the connecting words are data
    (``tcheck/data/sameday.toml``). Sentences about the future (``will``, ``skal``, ``wird``) are
    skipped, since ``Thursday morning`` may then be tomorrow. Plain ``on Thursday`` is not
    reported: news writing uses it for any day of the past week.

    Why it matters: translation from a language that writes relative days differently, or an
    article updated over two days, leaves a dateline that contradicts the body.

    Example::

        Wednesday, January 19
        ...
        Tass reported earlier on Thursday that shooting was taking place ...
                               ^^^^^^^^ TC202: the dateline says Wednesday
    """
    lang = doc.lang
    if not lang:
        return
    rules = sameday_rules(lang)
    if rules is None:
        return
    dateline = find_dateline(doc, lang)
    if dateline is None or dateline.weekday is None:
        return
    names = weekday_names(lang)
    pattern = weekday_regex(lang)
    related = (Related(doc.path, dateline.span, "the document's date"),) if dateline.span else ()
    for seg in doc.segments:
        span = seg.file_span(0, len(seg.text))
        if dateline.span and span.start <= dateline.span.start < span.end:
            continue
        for start, _end, sentence in seg.sentence_texts():
            if any(f.search(sentence) for f in rules.future):
                continue
            for match in pattern.finditer(sentence):
                weekday = names[match.group(0).lower()]
                if weekday == dateline.weekday:
                    continue
                head = sentence[max(0, match.start() - 40) : match.start()]
                tail = sentence[match.end() : match.end() + 20]
                tied = any(b.search(head) for b in rules.before) or any(a.match(tail) for a in rules.after)
                if not tied or (tail[:1].isalpha() and not any(a.match(tail) for a in rules.after)):
                    continue
                said = weekday_name(lang, dateline.weekday)
                yield Hit(
                    span=seg.file_span(start + match.start(), start + match.end()),
                    message=(
                        f"'{match.group(0)}' is spoken of as the day of writing, "
                        f"but the document is dated {said} ({dateline.text.strip()})"
                    ),
                    related=related,
                )
