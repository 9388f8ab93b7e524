"""TC202 weekday-contradiction."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale import weekday_name, weekday_names
from tcheck.locale.dates import Dateline, SameDayRules, find_dateline, sameday_rules
from tcheck.model import Document, Hit, Related, Segment, Severity
from tcheck.recognise.datefind import DateMention, find_dates, sentence_initial
from tcheck.recognise.datelexicon import date_lexicon
from tcheck.registry import register


def _base_length(name: str, lang: str) -> int:
    """Length of the CLDR weekday name that ``name`` starts with (``Donnerstag`` in
    ``Donnerstagmorgen``), or of ``name`` itself (inflected by its ending: ``среду``)."""
    lowered = name.lower()
    return max((len(n) for n in weekday_names(lang) if lowered.startswith(n)), default=len(name))


@register("TC202", "weekday-contradiction", Severity.ERROR)
def weekday_contradiction(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday said to be "today" contradicts the document's own date.

    What it does: takes the document's date (front matter ``date:``, or a dateline such as
    ``Wednesday, January 19`` / ``onsdag 19. januar`` / ``2022年1月19日星期三`` at the top) and
    looks for weekdays that the text ties to the day of writing: ``earlier on Thursday``,
    ``Early Thursday``, ``Thursday morning``, ``tidligere torsdag``, ``Donnerstagmorgen``,
    ``jeudi matin``, ``ранее в четверг``, ``周四早些时候``. When such a weekday differs from the
    dateline's weekday, the two cannot both be right (error). Weekday names and their forms come
    from CLDR for the document's language; the connecting words are data
    (``tcheck/data/sameday.toml``). Sentences about the future (``will``, ``skal``, ``wird``) are
    skipped, since ``Thursday morning`` may then be tomorrow, and so are weekdays of another week
    (``last Thursday``). Weekdays that come back every week are never the day of writing:
    ``every Thursday``, ``weekly meetings on Thursday``, ``hver torsdag``, ``jeden Donnerstag``,
    ``chaque jeudi``, ``todos los jueves``, ``每周四``, ``毎週木曜日``, ``매주 목요일`` (the cue
    words are data, ``recurring`` in ``tcheck/data/sameday.toml``), nor is a weekday that ends a
    name (``OpenTelemetry Tuesday``, ``Patch Tuesday``) in languages that capitalise only names.

    A plain weekday (``On Thursday``, ``am Donnerstag``, ``в четверг``) in a sentence about the
    past is news style for any day of the past week, so it is not an error; but when it is the
    day *after* the dateline (six days back, which news would rather date), it is reported as a
    warning: either the dateline or the weekday is probably a day off.

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
    related = (Related(doc.path, dateline.span, "the document's date"),) if dateline.span else ()
    what = "weekdays that contradict the document's date"
    for seg in doc.segments:
        span = seg.file_span(0, len(seg.text))
        if dateline.span and span.start <= dateline.span.start < span.end:
            continue
        found = _segment(seg, lang, rules, dateline, related)
        yield from capped(found, what, doc.path, Severity.ERROR)


def _segment(
    seg: Segment, lang: str, rules: SameDayRules, dateline: Dateline, related: tuple[Related, ...]
) -> Iterator[Hit]:
    for start, _end, sentence in seg.sentence_texts():
        if any(f.search(sentence) for f in rules.future):
            continue
        for mention in find_dates(sentence, lang):
            hit = _check(mention, sentence, lang, rules, dateline)
            if hit is not None:
                yield _hit(seg, start, mention, lang, dateline, related, hit)


def _check(
    mention: DateMention, sentence: str, lang: str, rules: SameDayRules, dateline: Dateline
) -> str | None:
    """``"tied"``, ``"next-day"`` or None for a weekday mention of a past-tense sentence."""
    if mention.weekday is None or mention.weekday_at is None or mention.weekday == dateline.weekday:
        return None
    if mention.day is not None:
        return None  # a weekday with its own date: TC201 checks that pair
    ws, we = mention.weekday_at
    base_end = ws + _base_length(sentence[ws:we], lang)
    head = sentence[max(0, ws - 40) : ws]
    tail = sentence[base_end : base_end + 20]
    if rules.is_distant(head, sentence[we : we + 20]):
        return None
    if rules.is_recurring(head, tail, sentence) or _named(sentence, ws, lang):
        return None
    after = any(a.match(tail) for a in rules.after)
    if base_end < we and not after and tail[:1].isalpha() and sentence[base_end:we].isalpha():
        return None if len(sentence[base_end:we]) > 3 else _plain(mention, dateline)
    if any(b.search(head) for b in rules.before) or after:
        return "tied"
    return _plain(mention, dateline)


_PREVIOUS = re.compile(r"([^\W\d_][\w'’.-]*)[ \u00a0]$")


def _named(sentence: str, start: int, lang: str) -> bool:
    """A capitalised word right before the weekday, not starting the sentence, in a language
    that capitalises names only: the weekday is part of a name (``OpenTelemetry Tuesday``,
    ``Patch Tuesday``)."""
    if date_lexicon(lang).noun_capitals:
        return False
    previous = _PREVIOUS.search(sentence, max(0, start - 40), start)
    if previous is None or not previous.group(1)[:1].isupper():
        return False
    return not sentence_initial(sentence, previous.start())


def _plain(mention: DateMention, dateline: Dateline) -> str | None:
    assert mention.weekday is not None and dateline.weekday is not None
    return "next-day" if (mention.weekday - dateline.weekday) % 7 == 1 else None


def _hit(
    seg: Segment,
    start: int,
    mention: DateMention,
    lang: str,
    dateline: Dateline,
    related: tuple[Related, ...],
    kind: str,
) -> Hit:
    assert mention.weekday_at is not None and dateline.weekday is not None
    ws, we = mention.weekday_at
    name = mention.text[ws - mention.start : we - mention.start]
    said = weekday_name(lang, dateline.weekday)
    if kind == "tied":
        message = f"'{name}' is spoken of as the day of writing, but the document is dated {said} ({dateline.text.strip()})"
        severity = None
    else:
        message = (
            f"'{name}' is the day after the document's date, {said} ('{dateline.text.strip()}'): "
            "if it means the day of writing, the dateline or the weekday is wrong"
        )
        severity = Severity.WARNING
    return Hit(
        span=seg.file_span(start + ws, start + we), message=message, related=related, severity=severity
    )
