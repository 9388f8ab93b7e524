"""Sentence splitting that keeps offsets.

Rule-based and language-neutral: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus closing
quotes and brackets) followed by white space and a capital letter, digit, quote or dash, unless the
word before the full stop is a known abbreviation or a single initial; in scripts written without
spaces (Chinese, Japanese) at ``。！？``. Good enough to place findings; checks never depend on a
sentence boundary being perfect.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations that end with a full stop but rarely end a sentence, in several languages.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr vs etc e.g i.e no nr jan feb mar apr jun jul aug sep sept oct
    nov dec gen col lt sgt capt gov sen rep rev inc ltd co corp dept est approx fig mt kl ca
    bl.a f.eks dvs mht pga osv mv nr jf evt hhv ifm iht bzw usw z.b d.h u.a ggf vgl inkl ca nr
    m mme mlle env cf p.ex av apr j.-c sra sr dña ud uds pág
    """.split()  # noqa: SIM905
)

_END = re.compile(r"[.!?…]+(?:[\"'”’»)\]]|[ \u00a0\u202f][»”])*(?=\s+[\"“«'‘(\[–—\-]?[\d\w])")
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


# Languages that write ordinal dates with a full stop ("19. Januar", "19. januar").
_ORDINAL_DATE_LANGS = (
    "de",
    "nb",
    "nn",
    "da",
    "sv",
    "fi",
    "is",
    "cs",
    "sk",
    "pl",
    "hu",
    "et",
    "sl",
    "hr",
    "tr",
)
_ORDINAL_BEFORE = re.compile(r"(?<![\d.,])\d{1,2}\.$")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Month names (CLDR) of languages with ordinal dates; "19. Januar" does not end a sentence.

    Kept in the cache folder between runs (:mod:`tcheck.services.tables`): deriving them loads
    twenty of Babel's locale files.
    """
    from tcheck.services.tables import derived

    return derived("ordinal-date-months", _derive_month_words)


def _derive_month_words() -> frozenset[str]:
    from babel import Locale

    words: set[str] = set()
    for code in _ORDINAL_DATE_LANGS:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(str(m).lower().rstrip(".") for m in locale.months[context][width].values())
    return frozenset(words)


def _is_ordinal_date(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` follows a day number that a month name follows."""
    if not _ORDINAL_BEFORE.search(text, max(0, stop - 3), stop + 1):
        return False
    nxt = _NEXT_WORD.match(text, stop + 1)
    return nxt is not None and nxt.group(1).lower() in _month_words()


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
        if text[match.start()] == "." and (
            _is_abbreviation(text, match.start() + 1) or _is_ordinal_date(text, match.start())
        ):
            continue
        if _next_is_lowercase(text, end):
            continue
        cuts.append(end)
    if "。" in text or "！" in text or "？" in text:
        cuts.extend(m.end() for m in _CJK_END.finditer(text))
        cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut]  # the sentence without the white space around it
        stripped = piece.lstrip()
        if stripped:
            first = start + len(piece) - len(stripped)
            spans.append((first, first + len(stripped.rstrip())))
        start = cut
    return shared(tuple(spans))


# Sentence spans already made, each kept once: most segments are one or two sentences, and segments
# of the same length share ``((0, n),)`` (a bilingual file of a million units holds a few thousand
# distinct ones instead of a million tuples). Only short ones are kept (a long paragraph's spans are
# its own and must go with it), and at most ``_SHARED_LIMIT`` of them (3 MB at most); past the limit,
# new spans are simply not shared.
_SHARED: dict[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = {}
_SHARED_LIMIT = 8_192
_SHARED_SPANS = 2


def shared(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` itself, or an equal tuple made before (the same value, kept once in memory)."""
    if len(spans) > _SHARED_SPANS:
        return spans
    known = _SHARED.get(spans)
    if known is not None:
        return known
    if len(_SHARED) < _SHARED_LIMIT:
        _SHARED[spans] = spans
    return spans
