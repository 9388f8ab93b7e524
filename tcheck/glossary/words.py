"""Word characters and boundaries for term matching, with offsets kept.

The matcher searches text in which every non-word character is a marker (``MARK``), so a term
that starts with a letter can be required to start a word; these helpers build that text and
decide where words may end (always next to scripts written without spaces: Chinese, Japanese,
Thai ...).
"""

from __future__ import annotations

import re
import unicodedata

MARK = "\x01"
NON_WORD = re.compile(r"[^\w]")
# The same as NON_WORD.sub(MARK, text) for ASCII text, five times faster (str.translate).
_ASCII_MARKS = str.maketrans({chr(i): MARK for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")})


def with_marks(low: str) -> str:
    """``low`` with every non-word character turned into ``MARK``, after one leading ``MARK``
    (so position ``i`` of the text is position ``i + 1`` here)."""
    return MARK + (low.translate(_ASCII_MARKS) if low.isascii() else NON_WORD.sub(MARK, low))


def lower_same_length(text: str) -> str:
    """``text.lower()``, but never changing the length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def spaceless(ch: str) -> bool:
    """Characters of scripts written without spaces between words."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # kana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0x0E00 <= code <= 0x0EFF  # Thai, Lao
        or 0x1000 <= code <= 0x109F  # Myanmar
        or 0x1780 <= code <= 0x17FF  # Khmer
    )


_WORD_CHARS: dict[str, bool] = {}


def is_word_char(ch: str) -> bool:
    known = _WORD_CHARS.get(ch)
    if known is None:
        known = ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc")
        if len(_WORD_CHARS) < 100_000:
            _WORD_CHARS[ch] = known
    return known


BOUNDARY: dict[tuple[str, str], bool] = {}


def boundary(left: str, right: str) -> bool:
    """Whether a word may end between ``left`` and ``right`` (always so next to CJK script)."""
    known = BOUNDARY.get((left, right))
    if known is None:
        known = not is_word_char(left) or not is_word_char(right) or spaceless(left) or spaceless(right)
        if len(BOUNDARY) < 200_000:
            BOUNDARY[(left, right)] = known
    return known


_ALNUM_RUN = re.compile(r"[^\W_]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
MIN_CUT = 5  # letters a term's last word keeps when its ending is cut (see changed_ending)
CHANGED_ENDING = 2  # final letters of a term an inflected form may replace (категория/категорий)


def changed_ending(word: str, inflecting: bool) -> int:
    """How many final letters of a term's last word its inflected forms may replace (0: none):
    a final ``y`` (agency/agencies); in languages whose words inflect beyond English's
    endings, up to ``CHANGED_ENDING`` letters, keeping at least ``MIN_CUT`` (a shorter beginning
    starts too many other words, each of which would have to be stemmed)."""
    if not word:
        return 0
    if inflecting and len(word) > MIN_CUT:
        return min(CHANGED_ENDING, len(word) - MIN_CUT)
    return 1 if word.endswith("y") else 0


def ends_in_acronym(pattern: str) -> bool:
    """Whether the last word is written in capitals (``CSTO``, ``G20``, ``UNHCR``)."""
    word = _last(_ALNUM_RUN, pattern)
    return word.isupper() and sum(c.isupper() for c in word) >= 2


def _last(run: re.Pattern[str], text: str) -> str:
    """The longest end of ``text`` made of characters ``run`` matches (matched on the reversed
    text, so the cost is the length of that end, not of the text)."""
    m = run.match(text[::-1])
    return m.group()[::-1] if m else ""


def last_letters(text: str) -> str:
    """The letters that end ``text`` (its last word, without digits)."""
    return _last(_LETTER_RUN, text)
