"""TC002 unaligned-segment."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register


def _quote(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


@register("TC002", "unaligned-segment", Severity.WARNING, needs=("source",))
def unaligned_segment(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence of the translation or of the source has no partner on the other side.

    What it does: when a target file is checked against a source file (``--source``, or a
    repository pair) whose paragraphs or lines do not pair one to one, tcheck aligns their
    sentences (Gale–Church: lengths, with numbers, names, ``?``/``!`` and the document structure as
    anchors). A target sentence that no source sentence matches, or matches only with a confidence
    below ``min-confidence`` (0.3), is reported where it is; a source sentence that nothing in the
    target matches is reported at the place in the target where its translation would be, with a
    link to the source. Other checks never compare such sentences with a wrong partner.

    Why it matters: a sentence missing from a translation is content the reader never gets; a
    sentence that appears only in the translation was added or belongs to another text.

    Example (``--source post.nb.md``)::

        The council met on Monday. The budget was approved.
        ^ TC002: the source sentence 'Ordføreren var ikke til stede.' has no translation here
    """
    source = doc.source
    if source is None:
        return
    referenced = {id(seg.counterpart) for seg in doc.segments if seg.counterpart is not None}
    for seg in doc.segments:
        if seg.counterpart is None:
            yield Hit(
                span=seg.file_span(0, len(seg.text)),
                message=f"no sentence of the source corresponds to '{_quote(seg.text)}'",
                confidence=seg.confidence,
            )
    paired = [seg for seg in doc.segments if seg.counterpart is not None]
    for missing in source.segments:
        if id(missing) in referenced:
            continue
        where = missing.file_span(0, len(missing.text))
        before = [t for t in paired if t.counterpart is not None and t.counterpart.span.start < where.start]
        if before:
            last = before[-1]
            at = last.file_span(len(last.text), len(last.text)).start  # where its translation would follow
        elif doc.segments:
            at = doc.segments[0].file_span(0, 0).start
        else:
            at = 0
        yield Hit(
            span=Span(at, at),
            message=f"the source sentence '{_quote(missing.text)}' has no translation here",
            related=(Related(missing.path or source.path, where, "the untranslated source sentence"),),
        )
