"""Numbers of technical and web text: glued magnitudes, factors, versions and number lists.

``7.3K`` stars and ``2M`` downloads are 7,300 and 2,000,000; ``10x`` is a factor; ``3.10`` after
``version`` or ``>=``, or beside ``3.0.0``, is a version (never a decimal to regroup);
``Sections 2,3 and 4`` lists three numbers. The letters, the factor signs and the version words
are data (``[_all]`` in ``tcheck/data/numbers.toml``); the list conjunctions come from CLDR's
list patterns (``and``, ``und``, ``og``, ``или``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from tcheck.locale import babel_locale
from tcheck.locale.numbers import shared_data

_AFTER_LETTER = re.compile(r"[^\W\d_]")
_CONSTRAINT = re.compile(r"(?:[<>=~^]=?|!=)[\s\u00a0]*v?$")
_DOTTED_VERSION = re.compile(r"(?<![\d.])v?\d+\.\d+\.\d+|(?<![^\W\d_])v\d+\.\d+")
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w.]*)[\s\u00a0:]+v?$")
VERSION_WINDOW = 80
# "Upgrade kstatus to 1.2", "bump golang.org/x/net from 0.23 to 0.24": a dependency update
_UPGRADE = re.compile(
    r"\b(?:[Uu]pgrade|[Bb]ump|[Uu]pdate)[sd]?\b(?:[^.;\n]|\.(?=\w))*\b(?:to|from)[\s\u00a0]+v?$"
)


def glued_suffix(text: str, end: int) -> tuple[str, Decimal | None] | None:
    """``(letter, multiplier)`` of a magnitude letter (``K``, ``M``, ``B``) or factor sign (``x``,
    ``×``; multiplier None) written right after the digits ending at ``end`` and not followed
    by another letter (``7.3K``, ``10x``; not ``4GB`` or ``5xl``)."""
    letter = text[end : end + 1]
    if not letter or _AFTER_LETTER.match(text, end + 1):
        return None
    magnitudes, factors = _suffixes()
    if letter in magnitudes:
        return letter, magnitudes[letter]
    if letter in factors:
        return letter, None
    return None


@cache
def _suffixes() -> tuple[dict[str, Decimal], frozenset[str]]:
    data = shared_data()
    magnitudes = {k: Decimal(str(v)) for k, v in data.get("glued-multipliers", {}).items()}
    return magnitudes, frozenset(data.get("factor-suffixes", ()))


@cache
def _version_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in shared_data().get("version-words", ()))


def version_like(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the dotted number ``text[start:end]`` is a version: after a comparison sign
    (``>= 1.2``), a ``v``, a version word (``version 3.10``, ``バージョン 1.2``), or within a
    few words of a dotted version (``1.2 and less than 3.0.0``)."""
    before = text[max(0, start - 30) : start]
    if _CONSTRAINT.search(before) or before.endswith(("v", "V")):
        return True
    previous = _PREVIOUS_WORD.search(before)
    if previous is not None and previous.group(1).lower().startswith(_version_words()):
        return True
    if _UPGRADE.search(text, max(0, start - 60), start):
        return True
    if before.rstrip().endswith(_version_words()):  # "バージョン1.2" (no space, no word boundary)
        return True
    near = _DOTTED_VERSION.search(text, max(0, start - VERSION_WINDOW), end + VERSION_WINDOW)
    return near is not None


def has_version(text: str) -> bool:
    """Whether ``text`` writes a dotted version (``3.0.0``, ``v1.2``): technical text."""
    # every version has a digit, a dot and a digit: a search that skips to digits rules most
    # texts out (the version pattern starts with a lookbehind, tried at every position)
    return _DIGIT_DOT_DIGIT.search(text) is not None and _DOTTED_VERSION.search(text) is not None


@cache
def _conjunctions(lang: str) -> re.Pattern[str]:
    """``and``/``or`` between the last two items of a list, from CLDR's list patterns."""
    words: set[str] = set()
    patterns = babel_locale(lang).list_patterns
    for style in ("standard", "or"):
        end = patterns.get(style, {}).get("end", "")
        words.update(w for w in re.findall(r"[^\W\d_]+", str(end)))
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf",?[\s\u00a0]+(?:{alternatives})[\s\u00a0]+\d", re.IGNORECASE)


def list_items(text: str, match: re.Match[str], lang: str) -> list[tuple[int, int]]:
    """The two numbers of ``2,3`` when it starts a list (``2,3 and 4``, ``2,3, 5``) in a
    language whose decimal mark is not a comma, and they rise; else nothing."""
    first, second = match.span("plain"), match.span("pfrac")
    end = match.end()
    if int(text[first[0] : first[1]]) >= int(text[second[0] : second[1]]):
        return []
    rest = text[end : end + 40]
    if rest[:1] == "," and rest[1:].lstrip()[:1].isdigit():
        return [first, second]
    conjunction = _conjunctions(lang).match(rest)
    if conjunction is None:
        return []
    following = re.match(r"\d+", text[end + conjunction.end() - 1 :])
    if following is None or int(following.group(0)) <= int(text[second[0] : second[1]]):
        return []
    return [first, second]
