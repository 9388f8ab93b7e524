"""Units of measurement written after a number, from CLDR's unit patterns for any language.

``{0} yards``, ``{0} km/t``, ``{0} метров``, ``{0}米``: the words around ``{0}`` name the unit. A
number's unit tells a unit conversion (``30 yards`` → ``27 метрах``) from a changed number.
``tcheck/data/units.toml`` adds common spellings CLDR lacks (``kph``).
"""

from __future__ import annotations

import re
from functools import cache

from tcheck.locale import babel_locale
from tcheck.recognise import wordtrie
from tcheck.recognise.wordtrie import trie_pattern
from tcheck.services import regexes
from tcheck.services.tables import data_file, derived, read_toml

_PLACEHOLDER = "{0}"


_VOWELS = frozenset("aeiouyæøåäöüéèêàáíóúâîôûœаеёиоуыэюя")


def _symbol_like(word: str) -> bool:
    """Abbreviations of one or two letters count only when they cannot be a short word: no
    vowel (``km``, ``ft``, ``m``; not ``in`` for inches, ``mi`` for miles)."""
    letters = word.replace(".", "")
    if len(letters) > 2 or not letters.isalpha():
        return True
    return not (set(letters.lower()) & _VOWELS)


def _build(lang: str) -> tuple[dict[str, str], str]:
    """The unit words of ``lang`` (:func:`unit_words`) and the pattern of them all, as a trie."""
    locale = babel_locale(lang)
    patterns = locale._data.get("unit_patterns", {})
    found: dict[str, str] = {}
    for key in patterns:
        if key.startswith(("duration-", "concentr-item", "graphics-", "digital-")):
            continue
        for width in ("long", "short", "narrow"):
            try:
                forms = patterns[key][width]
            except KeyError:
                continue
            for form, pattern in forms.items():
                if form == "per" or _PLACEHOLDER not in pattern:
                    continue
                word = pattern.replace(_PLACEHOLDER, " ").strip().lower()
                if word and not any(ch.isdigit() for ch in word) and _symbol_like(word):
                    found.setdefault(word, key)
                    if "°" in word:  # the ordinal indicator often stands in for the degree sign
                        found.setdefault(word.replace("°", "º"), key)
    for word, key in read_toml("units.toml").get(lang.split("_")[0], {}).items():
        found.setdefault(word.lower(), key)
    # the words as a trie, each with its inflection and boundary: the same matches as the
    # alternation longest first, at a fraction of the cost per position
    alternatives = (
        trie_pattern(sorted(found), lambda w: _alternative(w)[len(re.escape(w)) :]) if found else ""
    )
    return found, alternatives


@cache
def _table(lang: str) -> tuple[dict[str, str], str]:
    """:func:`_build`, kept in the cache folder between runs (CLDR's unit patterns of a language
    and the trie over them cost 20-35 ms a language to derive)."""
    return derived(
        f"unit-words-{lang}", lambda: _build(lang), files=(data_file("units.toml"), wordtrie.__file__)
    )


def unit_words(lang: str) -> dict[str, str]:
    """Lower-cased unit word → CLDR unit key (``yards`` → ``length-yard``), for ``lang``."""
    return _table(lang)[0]


@cache
def unit_regex(lang: str) -> re.Pattern[str]:
    """A unit word right after a number: long forms may be inflected (``метрах``)."""
    return regexes.compile(rf"[ \u00a0\u202f-]?(?P<unit>{_table(lang)[1]})", re.IGNORECASE)


def spaced(word: str) -> bool:
    """Whether ``word`` ends in a script written with spaces between words (not CJK)."""
    return not ("\u2e80" <= word[-1] <= "\u9fff" or "\uac00" <= word[-1] <= "\ud7af")


def _alternative(word: str) -> str:
    if not spaced(word):
        return re.escape(word)
    inflection = r"[^\W\d_]{0,3}" if len(word) >= 4 and word.isalpha() else ""
    return re.escape(word) + inflection + r"(?![^\W\d_])"


def unit_at(text: str, pos: int, lang: str) -> str | None:
    """The CLDR unit key of a unit word starting at ``pos`` (after a number), or None."""
    match = unit_regex(lang).match(text, pos)
    if match is None:
        return None
    word = match.group("unit").lower()
    words = unit_words(lang)
    if word in words:
        return words[word]
    return next((key for w, key in _longest_first(lang) if word.startswith(w)), None)


@cache
def _longest_first(lang: str) -> tuple[tuple[str, str], ...]:
    """The unit words of ``lang`` and their keys, longest first (an inflected form's stem)."""
    return tuple(sorted(unit_words(lang).items(), key=lambda i: -len(i[0])))


def unit_end_at(text: str, pos: int, lang: str) -> int | None:
    """Where a unit word starting at ``pos`` ends, or None."""
    match = unit_regex(lang).match(text, pos)
    return match.end() if match else None


def category(unit: str | None) -> str | None:
    """``length`` for ``length-yard``."""
    return unit.split("-", 1)[0] if unit else None
