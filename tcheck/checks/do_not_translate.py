"""TC105 do-not-translate."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tcheck.checks._terms import aligned_span, pairs, source_related, where
from tcheck.context import Context
from tcheck.glossary.words import boundary
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register

FUZZY_MIN = 70.0


_ENDING = re.compile(r"[^\W\d_]{0,2}")


def _kept(term: str, text: str) -> bool:
    """``term`` appears unchanged (a short inflection ending such as ``-s`` is allowed)."""
    for m in re.finditer(re.escape(term), text):
        start, end = m.start(), m.end()
        if start > 0 and not boundary(text[start - 1], text[start]):
            continue
        if end == len(text) or boundary(text[end - 1], text[end]):
            return True
        ending = _ENDING.match(text, end)
        if ending is not None and ending.group().islower():
            stop = ending.end()
            if stop == len(text) or boundary(text[stop - 1], text[stop]):
                return True
    return False


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened to whole words and trimmed of spaces."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@register("TC105", "do-not-translate", Severity.ERROR, needs=("source", "glossary"))
def do_not_translate(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A do-not-translate term of the source is altered or missing in the translation.

    What it does: for glossary entries marked do-not-translate (CSV/TOML ``dnt``, a TBX note or
    ``transferComment`` saying so), every source occurrence must appear unchanged, with the same
    capitals, in the aligned target segment (a short inflection ending such as Norwegian ``-s`` is
    accepted). When it does not, the check looks for what became of it: a glossary variant of the
    entry, or else the closest stretch of the target (rapidfuzz, similarity at least 70); that span
    is reported as altered, with the source form as suggestion. Variants the glossary forbids are
    left to TC101. With nothing close, the term is reported missing on the aligned target sentence.

    Why it matters: brand, product and organisation names that a team decided never to translate
    come back translated, re-cased or half-translated from machine translation.

    Example (``Human Rights Watch``, do not translate)::

        source: Human Rights Watch kritiserer regjeringen.
        target: Human Rights Guard criticises the government.
                ^^^^^^^^^^^^^^^^^^ TC105: 'Human Rights Watch' must stay as it is
    """
    from rapidfuzz import fuzz

    for seg, src, source, target in pairs(doc, ctx):
        for (start, end), matches in sorted(source.items()):
            hit = next((m.payload for m in matches if m.payload.entry.dnt), None)
            if hit is None:
                continue
            match = next(m for m in matches if m.payload is hit)
            term = match.text if match.exact else hit.term.text
            if _kept(term, seg.text):
                continue
            variants = [ms for ms in target.values() if any(m.payload.entry.id == hit.entry.id for m in ms)]
            if any(m.payload.term.status == "forbidden" for ms in variants for m in ms):
                continue  # TC101 names the fix
            related = (source_related(doc, src, start, end, f"source term '{term}'"),)
            span: tuple[int, int] | None = None
            if variants:
                m = variants[0][0]
                span, found = (m.start, m.end), m.text
            else:
                align = fuzz.partial_ratio_alignment(term, seg.text, score_cutoff=FUZZY_MIN)
                span = _words(seg.text, align.dest_start, align.dest_end) if align is not None else None
                found = seg.text[span[0] : span[1]] if span is not None else ""
            if span is not None and found.strip():
                yield Hit(
                    span=seg.file_span(*span),
                    message=f"'{term}' must not be translated ({where(hit)}), but became '{found}'",
                    suggestion=term,
                    related=related,
                )
            else:
                yield Hit(
                    span=aligned_span(seg, src, start),
                    message=f"'{term}' must not be translated ({where(hit)}), but is missing here",
                    suggestion=term,
                    related=related,
                )
