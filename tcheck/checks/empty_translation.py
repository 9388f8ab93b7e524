"""TC404 empty-translation."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register


@register("TC404", "empty-translation", Severity.WARNING, needs=("source",))
def empty_translation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A translated page that is empty, or holds only its front matter, while its source has text.

    What it does: when a translation is paired with its original (``--source``, or the
    repository layout), and the translation has no body text (an empty file, or front matter
    alone: a stub created so the site builds) while the original has, the page is reported once,
    at its start, with the original's size. An empty file is not unreadable input (TC001 is for
    files that cannot be read); it is an untranslated page.

    Why it matters: a stub publishes an empty page (or, on sites that fall back, the original in
    the wrong language) under the translation's title; readers of that language get nothing.

    Example (``content/nb/guide.md`` beside ``content/en/guide.md``)::

        ---
        title: Veiledning
        ---
        ^ TC404: the translation has no text; its source content/en/guide.md has 14 paragraphs
    """
    source = doc.source
    if source is None or doc.body or not (paragraphs := source.body):
        return
    what = "is empty" if not doc.text.strip() else "has no text beside its front matter"
    yield Hit(
        span=Span(0, 0),
        message=f"the translation {what}; its source {source.path} has {paragraphs} "
        f"paragraph{'s' if paragraphs != 1 else ''}: translate it or remove the stub",
        related=(Related(source.path, Span(0, 0), "the source"),),
    )
