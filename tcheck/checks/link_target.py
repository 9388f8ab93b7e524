"""TC602 link-target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from tcheck.bilingual.pagelinks import LOCALISED, OWN_TREE, SOURCE_LINK
from tcheck.context import Context
from tcheck.markup.blocks import PagePair, page_pair
from tcheck.markup.links import (
    country_domains,
    host,
    language_codes,
    localised,
    same_file,
    same_path,
    same_route,
    target,
)
from tcheck.markup.marks import IMAGE, LINK, Mark
from tcheck.markup.report import Wording, group_hits, option, page_counts, page_for, quoted, related
from tcheck.model import Document, Hit, Severity, Span
from tcheck.registry import register


@register("TC602", "link-target", Severity.ERROR, needs=("source",))
def link_target(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A link or image of the source points elsewhere, or is gone, in the translation.

    What it does: compares the destinations of links (``[text](dest)``, ``<https://...>``,
    ``[ref]: dest``, ``<a href>``) and the sources of images (``![alt](src)``, ``<img src>``) of a
    Markdown or MDX page with those of its source, paragraph by paragraph where the text aligns
    and over the rest of the page otherwise. A localised destination is the same page: language
    codes of the source and target language in the path are ignored (``/docs/x/`` =
    ``/ja/docs/x/``, ``/en-US/docs`` = ``/de/docs``), as are ``./``, a trailing ``/``,
    ``index.md`` and ``.md``/``.mdx`` suffixes, ``http``/``https`` and ``www.``; a link to the
    translation's own language version of a site (``en.wikipedia.org/wiki/Capital_expenditure``
    → ``ja.wikipedia.org/wiki/資本的支出``) is right too, and so is the site's own page written
    as a full URL on one side and as a path on the other, and a file named relative to the page
    on one side and from the site's root on the other (``./helm_get.md`` and
    ``/helm/helm_get.md`` on ``helm/helm.md``), and a file path against the route the site serves
    it at (``/topics/charts.md`` and ``/zh/docs/topics/charts``). A fragment may
    change (the linked heading was translated), except that a link within the page to one of the
    source's anchors must find that anchor in the translation.

    A destination that points elsewhere, or a link within the page to an anchor the
    translation lacks, is an error (the reader lands on another page, or nowhere); a link the
    translation left out is a warning (the page still works, the reader misses a way on),
    and info where its section of the translation has none of the links and markup its source
    has there, three or more: the section was translated before the source got them.

    A lost link and a new one count as one link changed only where they stand in text that
    translates each other: a link the translation adds on a line paired with another sentence
    of the source, or in a paragraph two or more sentences longer than its source (the source
    was rewritten since: the translation still says what it no longer says), is not the lost
    link changed; the lost one is reported as lost, and as info when the passage it is placed in
    holds a link of another passage of the source (the pair joins text that does not translate
    each other: a neighbour's sentence, or a source rewritten since). Where the translation's headings keep the
    source's ids (``## Wie es hilft {#how-it-helps}``), a lost link must be placed in the section
    with its section's id, and that section's text paired with text of the same section of the
    source; when the aligner paired it with another section's (the translation lacks or adds a
    section, and every pair after it is shifted), the lost link is reported on the heading of
    its section, or on the page when no heading has its section's id, as info (the section may be
    out of date), not on an unrelated paragraph. A heading left as the source's (``## Go SDK``)
    matches by the id made from its text, and a section between two matched ones must be
    placed between them. A
    page that aligns too poorly to be compared passage by passage gets one count (info), and
    its links within the page and its localised links are still checked.

    A link the translator wrote with a space between ``]`` and ``(`` (``[문서] (https://...)``),
    which Markdown shows as plain text, is an error with the joined link as the fix.

    A link that leaves the source's site for one in the translation's country domain (a
    Turkish dictionary, ``sozluk.gov.tr``, for an English grammar page) is info: a resource in
    the reader's language, chosen on purpose.

    A changed destination that points into the translation's own tree (``/zh-cn/microservices/``
    for ``/microservices-architecture/``) may be the page under its translated name: the run
    looks it up among the pages of the site (Hugo or Docusaurus, read from its files: see
    :mod:`tcheck.bilingual.routes`). A page of the site is no finding; a route the site does not
    serve is a warning that names it (``'/bn/scalable/' is not a page of the site: the source
    links '/scalability/'``); outside a site whose pages can be listed, it stays info (check
    that the page exists). The source's own links that the translation localised
    (``/bn/devops/`` for ``/devops/``) are looked up too: where the translation's language has no
    such page and the site serves no fallback (Hugo), it is a dead link for its readers, a
    warning (``'/it/horizontal-scaling/' is not a page of the site: the source's
    '/horizontal-scaling/' has no page in this language``); a page that exists, a Docusaurus
    fallback or pages that cannot be listed are no finding.

    Options (``[tool.tcheck.options.TC602]``): ``language-prefixes``, more path segments a site
    uses for its languages (``["jp", "cn"]``).

    Why it matters: a lost link is lost navigation; a changed destination sends readers of one
    language to another page (or a dead one), and nobody reading the translation notices.

    Example (source ``see [the guide](/docs/intro/)``)::

        siehe [die Anleitung](/docs/intro-de/)
                              ^^^^^^^^^^^^^^ TC602: link target '/docs/intro-de/' stands where
                                             the source has link target '/docs/intro/'
    """
    extra = option(ctx, "TC602", "language-prefixes", [], list)
    codes = language_codes(
        doc.lang, doc.source_lang or (doc.source.lang if doc.source else None), extra=extra
    )
    own = language_codes(doc.lang)
    source_path = doc.source.path if doc.source is not None else doc.path

    def accept(lost: Mark, added: Mark) -> bool:
        return (
            localised(lost.key, added.key, codes, own)
            or same_path(lost.key, added.key, codes)
            or same_file(lost.key, added.key, source_path, doc.path, codes)
            or same_route(lost.key, added.key, codes)
        )

    pair = page_for(doc, ctx, "TC602")
    if pair is None:
        yield from page_counts(
            doc,
            ctx,
            "TC602",
            (LINK, IMAGE),
            "links and images",
            lambda k: target(k, codes).page,
            accept=accept,
        )
        whole = page_pair(doc)  # what needs no alignment: the page's own links, looked up
        if whole is not None:
            yield from _dead_fragments(whole, codes)
            yield from _localised_links(whole, codes, own)
        return

    def page_of(key: str) -> str:
        return target(key, codes).page

    def suggest(lost: Mark, added: Mark) -> str | None:
        untouched = target(added.key, frozenset()).page == target(added.key, codes).page
        return lost.key if untouched else None

    wording = Wording(what=_what, suggest=suggest)
    for hit in group_hits(pair, (LINK, IMAGE), wording, same=page_of, accept=accept, accept_many=True):
        written = doc.text[hit.span.start : hit.span.end]
        if hit.data.get("lost"):
            spaced = _SPACED_LINK.search(doc.text, hit.span.start, hit.span.end)
            if spaced is not None:  # the translator wrote the link, and a space undid it
                hit = replace(
                    hit,
                    span=Span(spaced.start(), spaced.end()),
                    message=f"{quoted(spaced.group())} is not a link: the space between ']' and '(' "
                    "shows it as plain text where the source has a link",
                    suggestion=spaced.group(1) + spaced.group(2),
                    severity=Severity.ERROR,
                )
            else:  # the page still works: a reader misses a link, not a page (a warning)
                hit = replace(hit, severity=hit.severity or Severity.WARNING)
        elif hit.related and _national(written, hit, pair, doc.lang):
            # a page in the translation's country domain: the translator chose a resource in its language
            hit = replace(
                hit,
                severity=Severity.INFO,
                message=hit.message + " (a site of the translation's country: a page in its language, "
                "check that it says the same)",
            )
        elif hit.related and _own_tree(written, own):
            # into the translation's own tree under another name: it may be the page, renamed;
            # the run looks the route up among the site's pages (tcheck.bilingual.pagelinks)
            where = hit.related[0].span
            hit = replace(
                hit,
                severity=Severity.INFO,
                message=hit.message
                + " (it points into the translation's own tree: check that the page exists)",
                data={
                    **hit.data,
                    OWN_TREE: written,
                    SOURCE_LINK: pair.source_doc.text[where.start : where.end],
                },
            )
        yield hit
    yield from _dead_fragments(pair, codes)
    yield from _localised_links(pair, codes, own)


def _national(written: str, hit: Hit, pair: PagePair, lang: str | None) -> bool:
    """Whether a changed link leaves the source's site for one in the translation's country
    domain (``sozluk.gov.tr`` for a grammar page in English)."""
    where = hit.related[0].span
    lost, added = host(pair.source_doc.text[where.start : where.end]), host(written)
    if not lost or not added or lost == added:
        return False
    return any(added.endswith("." + tld) for tld in country_domains(lang))


_SPACED_LINK = re.compile(r"(\[[^\[\]]*\])[ \t]+(\([^()\s]+\))")


def _own_tree(destination: str, own: frozenset[str]) -> bool:
    """Whether a site path names the translation's language (``/zh-cn/microservices/``)."""
    if "://" in destination or not destination.startswith("/"):
        return False
    first = destination.strip("/").split("/", 1)[0].lower()
    return first in own


def _localised_links(pair: PagePair, codes: frozenset[str], own: frozenset[str]) -> Iterator[Hit]:
    """The source's links the translation localised into its own tree (``/bn/devops/`` for
    ``/devops/``): candidates the run looks up among the site's pages (a page the translation's
    language lacks is a dead link there; see :mod:`tcheck.bilingual.pagelinks`)."""
    sources: dict[str, Mark] = {}
    for mark in pair.source_page.of_kind(LINK):
        if not _own_tree(mark.key, own):
            sources.setdefault(target(mark.key, codes).page, mark)
    for mark in pair.page.of_kind(LINK):
        if not _own_tree(mark.key, own):
            continue
        source = sources.get(target(mark.key, codes).page)
        if source is None:
            continue
        yield Hit(
            Span(mark.start, mark.end),
            f"link target {quoted(mark.key)}",
            severity=Severity.INFO,
            data={OWN_TREE: mark.key, SOURCE_LINK: source.key, LOCALISED: True},
        )


def _what(mark: Mark) -> str:
    return f"{'image' if mark.kind == IMAGE else 'link target'} {quoted(mark.key)}"


def _dead_fragments(pair: PagePair, codes: frozenset[str]) -> Iterator[Hit]:
    """Links within the page to an anchor the source has and the translation lost."""
    lost = pair.source_page.anchors - pair.page.anchors
    if not lost:
        return
    sources = {m.key: m for m in pair.source_page.of_kind(LINK)}
    for mark in pair.page.of_kind(LINK):
        dest = target(mark.key, codes)
        if dest.same_page and dest.fragment in lost:
            source = sources.get(mark.key)
            yield Hit(
                Span(mark.start, mark.end),
                f"link target {quoted(mark.key)} points at a heading id of the source that the "
                "translation does not have",
                related=(related(pair, source, "the source's link"),) if source is not None else (),
            )
