"""Writing systems: the script of a character, a word, a language.

Scripts are named as the Unicode character names begin (``LATIN``, ``CYRILLIC``, ``GREEK``,
``ARABIC``, ``DEVANAGARI`` ...); Han, kana and Hangul are one group, ``CJK``, because Chinese,
Japanese and Korean text mixes them. A language's script comes from CLDR's likely subtags
(``ja`` → ``Jpan`` → ``CJK``, ``uk`` → ``Cyrl`` → ``CYRILLIC``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CJK = "CJK"
LATIN = "LATIN"

# ISO 15924 codes (CLDR likely subtags) -> the first word of the Unicode names of their letters.
_ISO = {
    "Latn": LATIN,
    "Cyrl": "CYRILLIC",
    "Grek": "GREEK",
    "Arab": "ARABIC",
    "Hebr": "HEBREW",
    "Deva": "DEVANAGARI",
    "Beng": "BENGALI",
    "Guru": "GURMUKHI",
    "Gujr": "GUJARATI",
    "Orya": "ORIYA",
    "Taml": "TAMIL",
    "Telu": "TELUGU",
    "Knda": "KANNADA",
    "Mlym": "MALAYALAM",
    "Sinh": "SINHALA",
    "Thai": "THAI",
    "Laoo": "LAO",
    "Tibt": "TIBETAN",
    "Mymr": "MYANMAR",
    "Geor": "GEORGIAN",
    "Armn": "ARMENIAN",
    "Ethi": "ETHIOPIC",
    "Khmr": "KHMER",
    "Mong": "MONGOLIAN",
    "Thaa": "THAANA",
    "Jpan": CJK,
    "Hans": CJK,
    "Hant": CJK,
    "Hani": CJK,
    "Kore": CJK,
    "Hira": CJK,
    "Kana": CJK,
    "Hang": CJK,
}
_CJK_NAMES = frozenset(
    {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"}
)
_WIDTH = frozenset({"FULLWIDTH", "HALFWIDTH"})
_CHARS: dict[str, str] = {}


def char_script(ch: str) -> str:
    """The script of one letter (``LATIN``, ``CJK`` ...); ``OTHER`` when its name says none."""
    found = _CHARS.get(ch)
    if found is None:
        if ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            found = LATIN
        else:
            words = unicodedata.name(ch, "OTHER").split()
            head = words[1] if words[0] in _WIDTH and len(words) > 1 else words[0]
            found = CJK if head in _CJK_NAMES else head
        _CHARS[ch] = found
    return found


def wide(script: str) -> bool:
    """Whether words of ``script`` are written without spaces (one character is about a word)."""
    return script == CJK or script in ("THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


@lru_cache(maxsize=256)
def lang_script(lang: str) -> str | None:
    """The script ``lang`` is usually written in (``zh_Hant`` → ``CJK``), or None if unknown."""
    from babel.core import get_global

    parts = lang.replace("-", "_").split("_")
    for part in parts[1:]:
        if part.title() in _ISO:
            return _ISO[part.title()]
    likely = str(get_global("likely_subtags").get(parts[0].lower(), ""))
    for part in likely.split("_")[1:]:
        if part in _ISO:
            return _ISO[part]
    return None
