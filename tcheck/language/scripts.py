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
        found = _CHARS[ch] = _script(ch)
    return found


def _script(ch: str) -> str:
    """:func:`char_script`, not memoised."""
    if ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
        return LATIN
    words = unicodedata.name(ch, "OTHER").split()
    head = words[1] if words[0] in _WIDTH and len(words) > 1 else words[0]
    return CJK if head in _CJK_NAMES else head


# The letters :func:`char_script` puts in the Latin script outside ASCII.
_LATIN_RANGES = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"


@lru_cache(maxsize=16)
def script_letters(script: str) -> str:
    """The letters of the Basic Multilingual Plane that :func:`char_script` puts in ``script``, as
    the inside of a regular-expression character class (ASCII letters and two ranges for Latin).
    Built once per script from the Unicode names (a few tens of milliseconds), but for Latin."""
    if script == LATIN:
        return _LATIN_RANGES
    spans: list[list[int]] = []
    for code in range(0x80, 0x10000):
        ch = chr(code)
        if ch.isalpha() and _script(ch) == script:
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a < b else f"\\u{a:04x}" for a, b in spans)


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
