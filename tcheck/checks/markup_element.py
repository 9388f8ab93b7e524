"""TC604 markup-element."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.markup.markdown import TEXT_ATTRIBUTES
from tcheck.markup.marks import FOOTNOTE, SHORTCODE, TAG, Mark
from tcheck.markup.report import Wording, group_hits, option, page_for, quoted
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

_NAMES = {SHORTCODE: "shortcode", TAG: "tag", FOOTNOTE: "footnote reference"}


def _what(mark: Mark) -> str:
    shown = f"[^{mark.key}]" if mark.kind == FOOTNOTE else mark.text
    return f"{_NAMES[mark.kind]} {quoted(shown)}"


_WORDING = Wording(what=_what, suggest=lambda lost, added: None)


@register("TC604", "markup-element", Severity.WARNING, needs=("source",))
def markup_element(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A shortcode, JSX component, HTML tag or footnote reference differs from the source.

    What it does: compares Hugo shortcodes (``{{< figure src="a.png" >}}``), HTML tags and MDX
    JSX components (``<TabItem value="linux">``) and footnote references (``[^1]``) of a Markdown
    or MDX page with those of its source, paragraph by paragraph where the text aligns and over
    the rest of the page otherwise. An element is compared by its name and the arguments that
    are not text: ``title``, ``alt``, ``label``, ``caption``, ``description`` and the like, and a
    quoted phrase given to a shortcode, are for the translator (option ``text-attributes`` of
    ``[tool.tcheck.options.TC604]`` replaces the list). Link and image targets in ``href`` and
    ``src`` are TC602's, ``id`` TC601's. Reported: an element lost, one whose arguments changed
    (``value="linux"`` became ``value="Linux"``) and one the source does not have.

    Why it matters: a shortcode or component with a changed argument renders differently or
    breaks the build (a ``TabItem`` whose ``value`` no longer matches its ``Tabs``); a lost
    closing tag swallows the rest of the page; a lost footnote reference orphans its note.

    Example (source ``<TabItem value="linux" label="Linux">``)::

        <TabItem value="Linux" label="Linux">
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC604: tag '<TabItem value="Linux" ...>' stands
                                               where the source has '<TabItem value="linux" ...>'
    """
    attrs = option(ctx, "TC604", "text-attributes", None, list)
    pair = page_for(
        doc, ctx, "TC604", sorted(TEXT_ATTRIBUTES) if attrs is None else [a.lower() for a in attrs]
    )
    if pair is None:
        return
    yield from group_hits(pair, (SHORTCODE, TAG, FOOTNOTE), _WORDING)
