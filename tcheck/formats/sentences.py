"""Sentence splitting that keeps offsets.

Rule-based and language-neutral: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing
quotes and brackets) followed by white space and a capital letter, digit, quote or dash, unless the
word before the full stop is a known abbreviation or a single initial; in scripts written without
spaces (Chinese, Japanese) at ``。！？``. Good enough to place findings; checks never depend on a
sentence boundary being perfect.
"""

from __future__ import annotations

import re

# Abbreviations that end with a full stop but rarely end a sentence, in several languages.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr vs etc e.g i.e no nr jan feb mar apr jun jul aug sep sept oct
    nov dec gen col lt sgt capt gov sen rep rev inc ltd co corp dept est approx fig mt kl ca
    bl.a f.eks dvs mht pga osv mv nr jf evt hhv ifm iht bzw usw z.b d.h u.a ggf vgl inkl ca nr
    m mme mlle env cf p.ex av apr j.-c sra sr dña ud uds pág
    """.split()  # noqa: SIM905
)

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"“«'‘(\[–—\-]?[\d\w])")
_CJK_END = re.compile(r"[。！？]+[”’」』）]*")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop ending at ``end`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, end - 12), end)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word.lower() in _ABBREVIATIONS


def _next_is_lowercase(text: str, pos: int) -> bool:
    n = len(text)
    while pos < n and not text[pos].isalnum():
        pos += 1
    return pos < n and text[pos].islower()


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` offsets of the sentences of ``text``, without surrounding white space."""
    cuts: list[int] = []
    for match in _END.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _is_abbreviation(text, match.start() + 1):
            continue
        if _next_is_lowercase(text, end):
            continue
        cuts.append(end)
    cuts.extend(m.end() for m in _CJK_END.finditer(text))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return tuple(spans)
