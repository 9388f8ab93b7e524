"""TC601 heading-anchor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from tcheck.context import Context
from tcheck.markup.headings import paired_headings
from tcheck.markup.marks import ANCHOR, Mark
from tcheck.markup.report import page_counts, page_for, related
from tcheck.model import Document, Fix, Hit, Severity, Span
from tcheck.registry import register


@register("TC601", "heading-anchor", Severity.ERROR, needs=("source",))
def heading_anchor(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A heading id of the source is translated or lost in the translation.

    What it does: compares the explicit heading ids of a Markdown or MDX page
    (``## Next steps {#next-steps}``, as Hugo, Docusaurus and Pandoc write them) with those of
    its source, heading by heading. When both pages have the same outline (as many headings of
    the same levels), headings pair by position: an id that differs is reported on the
    translation's id with the source's as the fix, and a heading that lost its id is reported
    with the attribute to add back. When the outlines differ (the translation is out of date),
    only a heading the aligned text pairs with a source heading of the same level is compared,
    and only an id that was changed into one the source does not have. An id the translation
    adds is fine.

    Fix (``--fix``): with the same outline, a changed id becomes the source's again (unless the
    page already uses that id elsewhere), and a lost ``{#id}`` is added back at the end of its
    heading's line.

    Why it matters: a heading id is the address of a section. Every link to ``#next-steps``, in
    the page, in other pages of the translation and from outside, goes nowhere once the id
    becomes ``#nächste-schritte``; site generators do not warn.

    Example (source ``## Next steps {#next-steps}``)::

        ## Nächste Schritte {#nächste-schritte}
                              ^^^^^^^^^^^^^^^^ TC601: anchor '#nächste-schritte' stands where
                                               the source has anchor '#next-steps'
    """
    pair = page_for(doc, ctx, "TC601")
    if pair is None:
        yield from page_counts(doc, ctx, "TC601", (ANCHOR,), "heading ids")
        return
    pairs, same_outline = paired_headings(pair)
    source_ids = Counter(m.key for m in pair.source_page.marks if m.kind == ANCHOR)
    target_ids = Counter(m.key for m in pair.page.marks if m.kind == ANCHOR)
    missing = [m for m in pair.source_page.marks if m.kind == ANCHOR and not target_ids[m.key]]
    for source, target in pairs:
        lost = source.anchor
        if lost is None:
            continue
        added = target.anchor
        if added is not None:
            if added.key == lost.key or (
                not same_outline and (source_ids[added.key] or target_ids[lost.key])
            ):
                continue
            lost = _closest(lost, added.key, missing) if not same_outline else lost
            certain = same_outline and added.text == added.key and not target_ids[lost.key]
            yield Hit(
                Span(added.start, added.end),
                f"anchor '#{added.key}' stands where the source has anchor '#{lost.key}'",
                suggestion=lost.key,
                related=(related(pair, lost),),
                fix=Fix(Span(added.start, added.end), lost.key) if certain else None,
            )
        elif same_outline and not target_ids[lost.key]:
            yield Hit(
                Span(target.start, target.end),
                f"this heading lost the source's anchor '#{lost.key}': links to it go nowhere",
                suggestion=f"{{#{lost.key}}}",
                related=(related(pair, lost),),
                fix=_restored(pair.source_doc.text, lost, pair.doc.text, target.end),
            )


def _restored(source_text: str, lost: Mark, text: str, end: int) -> Fix | None:
    """The source's ``{#id}`` added back at the end of the heading's line, when the source writes
    it in that form (not MDX's comment form) and the heading's line ends plainly there (no closing
    ``#`` sequence, no trailing space)."""
    if source_text[lost.start - 2 : lost.start] != "{#" or source_text[lost.end : lost.end + 1] != "}":
        return None
    if end <= 0 or end > len(text) or text[end - 1] in " \t#" or text[end : end + 1] not in ("", "\n", "\r"):
        return None
    return Fix(Span(end, end), f" {{#{lost.key}}}")


def _closest(lost: Mark, key: str, missing: Sequence[Mark]) -> Mark:
    """Of the source ids the translation lacks, the one ``key`` was most likely made from (the
    aligned heading may be a neighbour when the outlines differ)."""

    def ratio(mark: Mark) -> float:
        return SequenceMatcher(None, mark.key, key).ratio()

    best = max(missing, key=ratio, default=lost)
    return best if ratio(best) > ratio(lost) else lost
