"""Certain fixes: the replacements ``tcheck check --fix`` may apply (see :class:`tcheck.model.Fix`)."""

from __future__ import annotations

from tcheck.model import Fix, Segment


def certain_fix(seg: Segment, start: int, end: int, text: str) -> Fix | None:
    """A fix putting ``text`` in place of ``seg.text[start:end]``, or None when it would not be
    safe: the segment was read from an escaped format (its characters do not stand in the file as
    they are), or the replacement changes nothing."""
    if seg.offsets is not None or seg.text[start:end] == text or start >= end:
        return None
    return Fix(seg.file_span(start, end), text)


def keep_case(found: str, preferred: str) -> str:
    """``preferred`` written in the case of ``found`` where that is plain: a capitalised word
    (``Forbundskansler`` at a sentence start for ``forbundskansler``) stays capitalised. A
    preferred term with capitals of its own (``CSTO``, ``Kassym-Jomart``) is kept as it is."""
    if preferred != preferred.lower():
        return preferred
    if found[:1].isupper() and found[1:] == found[1:].lower():
        return preferred[:1].upper() + preferred[1:]
    return preferred
