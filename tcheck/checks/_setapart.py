"""How a phrase is set apart on purpose in its sentence (TC405): a gloss in brackets, a term in
italics or quotes, an item of a list, half of a hyphenated compound, or a phrase ended by a comma."""

from __future__ import annotations

from collections.abc import Sequence

_PUNCT = " \t\n\"'“”„«»「」『』()（）‘’‹›,.;:!?"
_BRACKETS = frozenset("(（[")
_SEPARATORS = frozenset(',;:()[]{}"“”„«»「」『』（），、；：')


def glossed(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` is all the content of a pair of brackets (a gloss)."""
    return any(
        a < start
        and end <= b
        and text[a] in _BRACKETS
        and not text[a + 1 : start].strip(_PUNCT)
        and not text[end:b].strip(_PUNCT)
        for a, b in quotes
    )


def quoted_on_purpose(
    text: str, items: Sequence[tuple[int, int, str]], first: int, last: int, quotes: Sequence[tuple[int, int]]
) -> bool:
    """Whether words ``first..last`` are a term set apart on purpose: in italics (``_on-premise_``),
    or every lower-case word of a quotation or of brackets ("No SSH tunnels currently open",
    "the so-called 'Wutbürger'")."""
    start, end = items[first][0], items[last][1]
    if text[:start].rstrip().endswith(("_", "*")) and text[end:].lstrip().startswith(("_", "*")):
        return True
    for a, b in quotes:
        if a < start and end <= b:
            inside = (k for k, (s, e, w) in enumerate(items) if a < s and e <= b and w.islower())
            if all(first <= k <= last for k in inside):
                return True
    return False


def separated(text: str, items: Sequence[tuple[int, int, str]], k: int) -> bool:
    """Whether punctuation that ends a phrase (a comma, a bracket, a quote) stands between word
    ``k - 1`` and word ``k``."""
    return not _SEPARATORS.isdisjoint(text[items[k - 1][1] : items[k][0]])


def list_item(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an item of a list: between two list separators, or a
    separator and a bracket (``unknown, deployed, superseded``, ``(pods, deployments)``)."""
    before = text[:start].rstrip().rstrip(" [*_`")
    after = text[end:].lstrip().lstrip(" ]*_`")
    separators = (",", "、", "，", ";")
    opens, closes = before.endswith(separators), after.startswith(separators)
    return (opens or before.endswith("(")) and (closes or after.startswith(")")) and (opens or closes)


def compound(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is joined by a hyphen to a word (``multi-tenancy``,
    ``zero-downtime``): a compound term, written as one on purpose."""
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        return True
    return any(
        text[k] == "-" and text[k - 1].isalpha() and text[k + 1].isalpha() for k in range(start + 1, end - 1)
    )
