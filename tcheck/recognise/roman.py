"""Roman numerals where languages use them: centuries, regnal names, chapters, parts.

``siglo XV``, ``XVe siècle``, ``im XV. Jahrhundert``, ``XV век``, ``Louis XIV``, ``World War II``,
``Kapitel IV``. A numeral of two letters or more made of ``I``, ``V`` and ``X`` (``II``, ``XIV``)
counts anywhere; a single ``V`` or ``X`` only after a capitalised name (``Henry V``) or beside a
century, chapter or part word (``[_all] roman-context`` in ``tcheck/data/numbers.toml``); one
with ``L``, ``C``, ``D`` or ``M`` and a lone ``I`` only beside such a word. A numeral inside capitals
(``THE XX FILES``) is a word, not a number. Roman numerals are read as ordinals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tcheck.locale.numbers import shared_data

# the letters first, then what must not come before them: a search skips to the next capital
_TOKEN = re.compile(r"([IVXLCDM](?<![\w.,'’-][IVXLCDM])[IVXLCDM]*)(\.|e|ème|er)?(?![\w'’]|-\d)")
_VALID = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile("[IVXLCDM]")


@dataclass(frozen=True, slots=True)
class Roman:
    """A Roman numeral; ``end`` includes an ordinal mark written after it (``XVe``, ``XV.``)."""

    start: int
    end: int
    letters_end: int
    value: int


def roman_value(letters: str) -> int | None:
    """The value of a well-formed Roman numeral (``XIV`` → 14), or None."""
    if not letters or _VALID.fullmatch(letters) is None:
        return None
    total = 0
    for a, b in zip(letters, letters[1:] + " ", strict=True):
        value = _VALUES[a]
        total += -value if b != " " and _VALUES[b] > value else value
    return total


@cache
def _context_words() -> tuple[str, ...]:
    return tuple(w.lower() for w in shared_data().get("roman-context", ()))


def _context(word: str, context: tuple[str, ...]) -> bool:
    """A context word or an inflection of it (``веке``, ``Jahrhunderts``)."""
    lowered = word.lower()
    return any(lowered.startswith(c) and len(lowered) - len(c) <= 2 for c in context)


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.search(text, end, min(len(text), end + 40))
    return (before[-1] if before else ""), (after.group(0) if after else "")


def _in_capitals(previous: str, following: str) -> bool:
    return any(len(w) >= 2 and w.isupper() and roman_value(w) is None for w in (previous, following))


def _after_name(text: str, start: int, previous: str) -> bool:
    """``Louis XIV``, ``Benedikt XVI``: a capitalised word right before, not starting a sentence."""
    if not previous[:1].isupper() or previous.isupper():
        return False
    at = text.rfind(previous, 0, start)
    head = text[:at].rstrip()
    return bool(head) and head[-1] not in '.!?:;"«“'


def find_roman(text: str, lang: str) -> list[Roman]:
    """Roman numerals of ``text`` that stand for numbers (see the module's rules)."""
    if _LETTERS.search(text) is None:
        return []
    found: list[Roman] = []
    context = _context_words()
    for match in _TOKEN.finditer(text):
        letters = match.group(1)
        value = roman_value(letters)
        if value is None or value == 0:
            continue
        if len(letters) < 2 and text.startswith("-", match.end()):
            continue  # "X-ray", "V-shaped", "X-Men"
        previous, following = _neighbours(text, match.start(), match.end())
        if _in_capitals(previous, following):
            continue
        beside = any(_context(w, context) for w in (previous, following) if w)
        small = set(letters) <= set("VX") or (set(letters) <= set("IVX") and len(letters) >= 2)
        if not (
            (small and len(letters) >= 2) or beside or (small and _after_name(text, match.start(), previous))
        ):
            continue
        mark = match.group(2)
        # "XV. Jahrhundert": the dot is the ordinal mark; "siglo XV." ends a sentence
        dotted = mark == "." and _context(following, context)
        end = match.end() if mark and (mark != "." or dotted) else match.start(1) + len(letters)
        found.append(Roman(match.start(), end, match.start(1) + len(letters), value))
    return found
