"""TC604 markup-element."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator

from tcheck.context import Context
from tcheck.markup.blocks import PagePair
from tcheck.markup.links import language_codes, target
from tcheck.markup.markdown import TEXT_ATTRIBUTES, Page
from tcheck.markup.marks import FOOTNOTE, IMAGE, LINK, SHORTCODE, TAG, Mark
from tcheck.markup.report import Wording, group_hits, option, page_for, quoted
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

_NAMES = {SHORTCODE: "shortcode", TAG: "tag", FOOTNOTE: "footnote reference"}


def _what(mark: Mark) -> str:
    shown = f"[^{mark.key}]" if mark.kind == FOOTNOTE else mark.text
    return f"{_NAMES[mark.kind]} {quoted(shown)}"


_WORDING = Wording(what=_what, suggest=lambda lost, added: None)


def _retargeted_left_to_links(pair: PagePair) -> PagePair:
    """The pair without the HTML tags whose ``href`` or ``src`` is lost or changed: TC602
    reports that link or image, and the same ``<img>`` is not reported twice."""
    codes = language_codes(pair.doc.lang, pair.doc.source_lang or pair.source_doc.lang)

    def urls(page: Page) -> list[tuple[str, Mark]]:
        return [(target(m.key, codes).page, m) for m in page.marks if m.kind in (LINK, IMAGE)]

    source_urls, page_urls = urls(pair.source_page), urls(pair.page)
    have_source = Counter(key for key, _ in source_urls)
    have_page = Counter(key for key, _ in page_urls)

    def without(page: Page, own: list[tuple[str, Mark]], unmatched: Counter[str]) -> Page:
        moved = [m.start for key, m in own if unmatched[key] > 0]
        if not moved:
            return page
        marks = tuple(
            m for m in page.marks if m.kind != TAG or not any(m.start <= at < m.end for at in moved)
        )
        return dataclasses.replace(page, marks=marks)

    return dataclasses.replace(
        pair,
        source_page=without(pair.source_page, source_urls, have_source - have_page),
        page=without(pair.page, page_urls, have_page - have_source),
    )


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
    ``src`` are TC602's, ``id`` TC601's: a tag whose target is lost or changed is left to TC602
    (an ``<img>`` showing another picture is reported once, as an image). Reported: an element lost, one whose arguments changed
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
    yield from group_hits(_retargeted_left_to_links(pair), (SHORTCODE, TAG, FOOTNOTE), _WORDING)
