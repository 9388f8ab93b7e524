"""TC608 address-mismatch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial

from tcheck.context import Context
from tcheck.markup import addresses
from tcheck.markup.blocks import aligned_share
from tcheck.markup.links import language_codes, localised, target
from tcheck.markup.markdown import is_markdown
from tcheck.markup.marks import EMAIL, HANDLE, URL, Mark
from tcheck.markup.placing import Placer
from tcheck.markup.report import Wording, group_hits, option, page_for, quoted
from tcheck.markup.units import message_pairs
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register

_NAMES = {URL: "URL", EMAIL: "e-mail address", HANDLE: "handle"}


@register("TC608", "address-mismatch", Severity.WARNING, needs=("source",))
def address_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A URL, e-mail address or @handle written in the source's text differs in the translation.

    What it does: finds the bare URLs (``https://helm.sh/docs``, ``www.example.org``), e-mail
    addresses and @handles (``@helm``, ``@cncf/glossary``) in the text of each source passage and
    its translation and reports one that was changed (``kobus@voorbeeld.net`` for
    ``bob@example.net``, with the source's as the fix) or lost. A URL localised for the
    translation's language is the same address (``/en-US/docs`` → ``/de/docs``,
    ``en.wikipedia.org`` → ``de.wikipedia.org``; see TC602), and so is an example's address
    with its path or user in the reader's words, on the same host reserved or named for
    examples (``www.example.com/path`` → ``www.example.com/chemin``; a changed host is still
    reported). Markdown links and images are
    TC602's; in translation and resource files every message is compared with its source, in
    other files the document as a whole (where its text aligns with the source: a passage that
    is not translated at all is TC002's).

    Why it matters: an address is not translated: changed, it sends mail or readers to someone
    else, or nowhere.

    Example (source ``Write to security@helm.sh.``)::

        Schreiben Sie an sicherheit@helm.sh.
                         ^^^^^^^^^^^^^^^^^^ TC608: e-mail address 'sicherheit@helm.sh' stands
                                            where the source has 'security@helm.sh'
    """
    source_doc = doc.source
    if source_doc is None:
        return
    extra = option(ctx, "TC608", "language-prefixes", [], list)
    codes = language_codes(doc.lang, doc.source_lang or source_doc.lang, extra=extra)
    own = language_codes(doc.lang)

    def same(key: str) -> str:
        return target(key, codes).page if "://" in key or key.startswith("www.") else key

    def accept(lost: Mark, added: Mark) -> bool:
        if lost.kind in (URL, EMAIL) and addresses.same_example(lost.key, added.key):
            return True  # an example's path or user in the reader's words
        return lost.kind == URL and localised(lost.key, added.key, codes, own)

    if is_markdown(doc.path):
        pair = page_for(doc, ctx, "TC608")
        if pair is not None:
            wording = Wording(
                what=lambda m: f"{_NAMES[m.kind]} {quoted(m.text)}", suggest=lambda lost, added: lost.text
            )
            for hit in group_hits(pair, (URL, EMAIL, HANDLE), wording, same=same, accept=accept):
                lost = hit.related[0] if hit.related and hit.suggestion is None else None
                if lost is not None and source_doc.text[lost.span.start : lost.span.end] in doc.text:
                    continue  # written on the page in another form (in a code span, a link)
                yield hit
        return
    if any(True for _ in message_pairs(doc)):
        yield from _messages(doc, same, accept)
        return
    if aligned_share(doc) >= float(option(ctx, "TC608", "min-aligned", 0.8, float)):
        yield from _document(doc, same, accept)


def _marks(text: str, place: Callable[[int, int], Span] | None = None) -> list[Mark]:
    """The addresses of ``text`` as marks at their file spans (``place`` maps text ranges)."""
    out = []
    for a in addresses.find(text):
        span = place(a.start, a.end) if place is not None else Span(a.start, a.end)
        out.append(Mark(a.kind, a.key, text[a.start : a.end], span.start, span.end))
    return out


def _messages(
    doc: Document, same: Callable[[str], str], accept: Callable[[Mark, Mark], bool]
) -> Iterator[Hit]:
    for pair in message_pairs(doc):
        if not any(c in pair.source_text for c in "@:w"):
            continue
        source = _marks(pair.source_text, partial(pair.span, source=True))
        if not source:
            continue
        target_marks = _marks(pair.text, pair.span)
        lost, added = _difference(source, target_marks, same)
        for kind in dict.fromkeys(m.kind for m in lost):
            k_lost = [m for m in lost if m.kind == kind]
            k_added = [m for m in added if m.kind == kind]
            if len(k_lost) == 1 and len(k_added) == 1:
                if not accept(k_lost[0], k_added[0]):
                    yield _changed(k_lost[0], k_added[0], pair.source_path)
                continue
            for mark in k_lost:
                yield Hit(
                    pair.target.file_span(0, len(pair.target.text)),
                    f"the source's {_NAMES[mark.kind]} {quoted(mark.text)} is missing from the translation",
                    related=(Related(pair.source_path, Span(mark.start, mark.end), "in the source"),),
                )


def _document(
    doc: Document, same: Callable[[str], str], accept: Callable[[Mark, Mark], bool]
) -> Iterator[Hit]:
    assert doc.source is not None
    source = _marks(doc.source.text)
    if not source:
        return
    lost, added = _difference(source, _marks(doc.text), same)
    placer = Placer(doc)
    for mark in lost:
        if not placer.translated(mark.start):
            continue
        where = placer.place(mark.start)
        here = [a for a in added if a.kind == mark.kind and where.start <= a.start < where.end]
        if len(here) == 1:
            added.remove(here[0])
            if not accept(mark, here[0]):
                yield _changed(mark, here[0], doc.source.path)
            continue
        yield Hit(
            where,
            f"the source's {_NAMES[mark.kind]} {quoted(mark.text)} is missing from the translation "
            "(it belongs in this passage)",
            related=(Related(doc.source.path, Span(mark.start, mark.end), "in the source"),),
        )


def _difference(
    source: list[Mark], target_marks: list[Mark], same: Callable[[str], str]
) -> tuple[list[Mark], list[Mark]]:
    have = Counter((m.kind, same(m.key)) for m in target_marks)
    lost = []
    for m in source:
        if have[(m.kind, same(m.key))] > 0:
            have[(m.kind, same(m.key))] -= 1
        else:
            lost.append(m)
    had = Counter((m.kind, same(m.key)) for m in source)
    added = []
    for m in target_marks:
        if had[(m.kind, same(m.key))] > 0:
            had[(m.kind, same(m.key))] -= 1
        else:
            added.append(m)
    return lost, added


def _changed(lost: Mark, added: Mark, source_path: str) -> Hit:
    return Hit(
        Span(added.start, added.end),
        f"{_NAMES[added.kind]} {quoted(added.text)} stands where the source has {quoted(lost.text)}",
        suggestion=lost.text,
        related=(Related(source_path, Span(lost.start, lost.end), "in the source"),),
    )
