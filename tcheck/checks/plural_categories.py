"""TC607 plural-categories."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.markup.icu import Argument, arguments, categories
from tcheck.markup.units import MessagePair, message_pairs
from tcheck.model import Document, Hit, Related, Severity
from tcheck.registry import register


@register("TC607", "plural-categories", Severity.ERROR, needs=("source",))
def plural_categories(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An ICU plural or select message lacks a branch the target language needs or the source has.

    What it does: reads the ICU MessageFormat arguments of each message of a translation or
    resource file, ``{count, plural, one {# Datei} other {# Dateien}}``, and compares them with
    the source's. A ``plural`` (or ``selectordinal``) argument of the translation must have a
    branch for every plural category CLDR gives the target language (from Babel): Russian needs
    ``one``, ``few``, ``many`` and ``other``, Arabic ``zero``, ``one``, ``two``, ``few``,
    ``many`` and ``other``, Japanese ``other`` only; explicit values (``=0``) may be added or
    dropped. A ``select`` argument must keep every keyword of the source's (``male``,
    ``female``, ``other``): the program chooses among them. An argument of the source missing
    from the translation, or renamed, is TC606's.

    Why it matters: a missing category falls back to ``other``, so a Russian user reads
    "5 файла" (the form for 2–4) or the message fails to format in strict libraries; a
    translated select keyword (``männlich``) never matches the value the program passes.

    Example (source ``{n, plural, one {# file} other {# files}}``, target Russian)::

        {n, plural, one {# файл} other {# файлов}}
        ^^^^^^^^^^^^ TC607: the plural of 'n' has no branch for 'few', 'many' (Russian needs one,
                     few, many, other)
    """
    lang = doc.lang
    if not lang:
        return
    for pair in message_pairs(doc):
        if "{" not in pair.text:
            continue
        source_args = {a.name: a for a in arguments(pair.source_text)}
        for arg in arguments(pair.text):
            source = source_args.get(arg.name)
            if source is None or source.type != arg.type:
                continue
            yield from _check(pair, arg, source, lang)


def _check(pair: MessagePair, arg: Argument, source: Argument, lang: str) -> Iterator[Hit]:
    span = pair.span(arg.start, arg.start + len("{" + arg.name))
    related = (Related(pair.source_path, pair.span(source.start, source.end, True), "in the source"),)
    if arg.type == "select":
        missing = sorted(source.keywords - arg.keywords)
        if missing:
            yield Hit(
                span,
                f"the select of '{arg.name}' has no branch for {_listed(missing)}, which the source has "
                "(the program passes these values; a translated keyword never matches)",
                related=related,
            )
        return
    needed = categories(lang, ordinal=arg.type == "selectordinal")
    if not needed:
        return
    missing = sorted(needed - arg.keywords, key=_ORDER.index)
    if missing:
        yield Hit(
            span,
            f"the {arg.type} of '{arg.name}' has no branch for {_listed(missing)} "
            f"('{lang}' needs {', '.join(sorted(needed, key=_ORDER.index))})",
            related=related,
        )


_ORDER = ["zero", "one", "two", "few", "many", "other"]


def _listed(words: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)
