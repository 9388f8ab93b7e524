"""TC402 copied-source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tcheck.checks._language import primary
from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Severity
from tcheck.registry import register

_WORD = re.compile(r"[^\W\d_]{2,}")


def translatable(text: str, min_words: int) -> bool:
    """Prose that needs translating: enough words, some of them ordinary lower-case words."""
    found = _WORD.findall(text)
    lower = [w for w in found if w.islower() and len(w) >= 3]
    return len(found) >= min_words and bool(lower)


@register("TC402", "copied-source", Severity.ERROR, needs=("source",))
def copied_source(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The translation of a segment is its source text, unchanged.

    What it does: compares every target segment with its source segment (a bilingual unit, or the
    paragraph or sentences aligned with it) after collapsing white space. An identical pair is
    reported when the source and target languages differ (when known) and the text is prose that
    needs translating: at least ``min-words`` (3) words, one of them an ordinary lower-case word.
    Names, product names, numbers, codes and URLs copied through are fine.

    Why it matters: a translation tool that could not translate a unit, or a translator who
    pre-filled the target with the source, leaves text in the source language that looks finished
    in a translation memory or an XLIFF file.

    Example (TSV, English → Norwegian)::

        The export now includes the date.	The export now includes the date.
                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC402
    """
    if doc.lang and doc.source_lang and primary(doc.lang) == primary(doc.source_lang):
        return
    min_words = int(ctx.option("TC402", "min-words", 3))
    for seg in doc.segments:
        other = seg.counterpart
        if other is None:
            continue
        text = " ".join(seg.text.split())
        if text != " ".join(other.text.split()) or not translatable(text, min_words):
            continue
        yield Hit(
            span=seg.file_span(0, len(seg.text)),
            message="the translation is a copy of the source text: left untranslated?",
            related=(Related(other.path or doc.path, other.file_span(0, len(other.text)), "the source"),),
        )
