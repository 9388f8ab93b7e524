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
