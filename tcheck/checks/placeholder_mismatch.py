"""TC606 placeholder-mismatch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from tcheck.context import Context
from tcheck.markup.placeholders import ENTITY, PRINTF, TAG, Placeholder, find, kinds_for, unbalanced
from tcheck.markup.units import MessagePair, is_xml, message_pairs
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register

_XML_ESCAPES = frozenset({"&lt;", "&gt;", "&amp;", "&quot;", "&apos;"})


@register("TC606", "placeholder-mismatch", Severity.ERROR, needs=("source",))
def placeholder_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A placeholder, tag or entity of the source is missing, changed or added in a message.

    What it does: in translation files (PO, XLIFF, TMX, TSV) and resource files (JSON, YAML,
    TOML ...), compares the placeholders of each message with those of its source: printf
    (``%s``, ``%1$d``, ``%(name)s``), Python and ICU braces (``{0}``, ``{name}``,
    ``{n, number}``), ``{{double}}``, shell-style ``${name}``/``$name``/``%{name}``, the head of
    an ICU plural or select, HTML/XML tags (``<b>``, ``<a href="...">``; ``title``/``alt`` may be
    translated) and XLIFF inline codes (``<x id="1"/>``), and ``&entities;``. A PO entry's flags
    say what it holds (``c-format``: printf; ``python-brace-format``: braces). Reported: a
    placeholder lost (on the message, with the source's as related), one that took another's
    place (with the source's as the fix), one the source does not have, printf placeholders
    moved without numbering them (``%s … %d`` → ``%d … %s`` swaps the arguments; write
    ``%2$d … %1$s``), and tags that no longer open and close in order. A plural form of a PO
    entry may leave out the number (``Eine Datei`` for ``%d file``).

    Why it matters: the program fills placeholders in by name or position. A lost or renamed one
    shows ``{nombre}`` to the user or drops the value; a printf type mismatch (``%d`` for
    ``%s``) crashes a C program; an unclosed tag breaks the page layout.

    Example (source ``{count} files uploaded by {user}``)::

        {count} ملفات رفعها {مستخدم}
                            ^^^^^^^^ TC606: '{مستخدم}' stands where the source has '{user}'
    """
    xml = is_xml(doc)
    for pair in message_pairs(doc):
        kinds = kinds_for(pair.target.flags | pair.source.flags)
        source = _found(pair.source_text, kinds, xml)
        target = _found(pair.text, kinds, xml)
        if not source and not target:
            continue
        hits = list(_compare(pair, source, target))
        yield from hits
        tags_differ = Counter(p.key for p in source if p.kind == TAG) != Counter(
            p.key for p in target if p.kind == TAG
        )
        bad = unbalanced(target)
        if bad and not tags_differ and not unbalanced(source):
            for item in bad:
                yield Hit(
                    _span(pair, item),
                    f"tag '{item.text}' does not open and close in order in the translation "
                    "(the source's tags do)",
                )


def _found(text: str, kinds: frozenset[str], xml: bool) -> list[Placeholder]:
    found = find(text, kinds)
    if xml:  # XML escapes are how the file writes < > &, not entities of the message
        found = [p for p in found if not (p.kind == ENTITY and p.key in _XML_ESCAPES)]
    return found


def _span(pair: MessagePair, item: Placeholder, source: bool = False) -> Span:
    return pair.span(item.start, item.end, source)


def _related(pair: MessagePair, item: Placeholder) -> Related:
    return Related(pair.source_path, _span(pair, item, True), "in the source")


def _compare(pair: MessagePair, source: list[Placeholder], target: list[Placeholder]) -> Iterator[Hit]:
    have = Counter((p.kind, p.key) for p in target)
    lost = []
    for p in source:
        if have[(p.kind, p.key)] > 0:
            have[(p.kind, p.key)] -= 1
        else:
            lost.append(p)
    had = Counter((p.kind, p.key) for p in source)
    added = []
    for p in target:
        if had[(p.kind, p.key)] > 0:
            had[(p.kind, p.key)] -= 1
        else:
            added.append(p)
    if pair.plural_form:  # a plural form may say the number in words ("one file")
        lost = [p for p in lost if not (p.kind == PRINTF and p.key[-1] in "diu") and p.kind != "brace"]
    if _reordered(lost, added):
        yield Hit(
            _span(pair, added[0]),
            "the printf placeholders are in another order than the source's, but printf takes "
            "its arguments in order: number them (%1$s, %2$d) to reorder them",
            related=tuple(_related(pair, p) for p in lost),
        )
        return
    for kind in dict.fromkeys(p.kind for p in lost + added):
        k_lost = [p for p in lost if p.kind == kind]
        k_added = [p for p in added if p.kind == kind]
        if len(k_lost) == 1 and len(k_added) == 1:
            yield Hit(
                _span(pair, k_added[0]),
                f"'{k_added[0].text}' stands where the source has '{k_lost[0].text}'",
                suggestion=k_lost[0].text,
                related=(_related(pair, k_lost[0]),),
            )
            continue
        for p in k_lost:
            yield Hit(
                pair.target.file_span(0, len(pair.target.text)),
                f"the source's {_name(p)} '{p.text}' is missing from the translation",
                related=(_related(pair, p),),
            )
        for p in k_added:
            yield Hit(_span(pair, p), f"{_name(p)} '{p.text}' is not in the source")


def _reordered(lost: list[Placeholder], added: list[Placeholder]) -> bool:
    """Unnumbered printf placeholders moved: the same conversions, in another order."""
    if not lost or len(lost) != len(added) or any(p.kind != PRINTF for p in lost + added):
        return False
    if any("(" in p.key for p in lost + added) or any(p.text[1:2].isdigit() for p in added):
        return False
    return sorted(p.key.split("$", 1)[1] for p in lost) == sorted(p.key.split("$", 1)[1] for p in added)


def _name(p: Placeholder) -> str:
    return {TAG: "tag", ENTITY: "entity"}.get(p.kind, "placeholder")
