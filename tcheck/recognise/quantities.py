"""Numbers in running text: digits in any convention, multipliers, units, codes.

``2 300``, ``2,300``, ``1,5 millioner``, ``$3.2bn`` (with ``money=True``), ``1100 万``,
``3 тыс.``, ``30 yards``, ``40 %``, ``A380``. Each quantity has its value in the document
locale's reading (and the other reading when the separators leave a doubt), the multiplier and
unit written after it, and its span.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from tcheck.locale.numbers import (
    _TOKEN,
    Reading,
    lang_data,
    multiplier_regex,
    multipliers,
    number_symbols,
    shared_reading,
)
from tcheck.recognise.packed import Packer, Shape
from tcheck.recognise.roman import Roman, find_roman
from tcheck.recognise.technical import glued_suffix, list_items, version_like
from tcheck.recognise.units import unit_at, unit_end_at


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number written with digits; offsets are relative to the text searched.

    ``start``/``end`` cover the digits and any multiplier (``2,8 millioner``); ``digits_end`` ends
    the digits. ``value`` has the multiplier applied; ``alt`` is the other reading of an
    ambiguous token (``2,300``), multiplied too. ``code`` is true for digits inside a word or an
    identifier (``A380``, ``COVID-19``).
    """

    start: int
    end: int
    digits_end: int
    text: str
    value: Decimal
    alt: Decimal | None
    reading: Reading
    multiplier: Decimal | None
    unit: str | None
    code: bool
    ordinal: bool
    suffix: str | None = None  # a glued magnitude ("7.3K") or factor ("10x") letter
    version: bool = False  # "3.10" as a version: after "version", a comparison sign, near "1.2.3"
    roman: bool = False  # a Roman numeral ("siglo XV", "Louis XIV"), read as an ordinal

    def values(self) -> tuple[Decimal, ...]:
        return (self.value,) if self.alt is None else (self.value, self.alt)


def _split(q: Quantity) -> tuple[int, Hashable]:
    start = q.start
    # a value written with a multiplier or joined from feet and inches may equal another one
    # written otherwise (1E+6, 1000000): its exact form is part of the shape
    exact = None if q.multiplier is None and q.unit != "length-foot" else (str(q.value), str(q.alt))
    shape = (q.end - start, q.digits_end - start, q.text, q.value, q.alt, q.reading, q.multiplier)
    return start, (*shape, q.unit, q.code, q.ordinal, q.suffix, q.version, q.roman, exact)


def _join(start: int, s: tuple[Any, ...]) -> Quantity:
    return Quantity(start, start + s[0], start + s[1], *s[2:13])


QUANTITY_SHAPE: Shape[Quantity] = Shape(_split, _join)

_ORDINAL_AFTER = re.compile(
    r"(?:st|nd|rd|th|er|e|ème|º|ª|-?[йяегою]{1,2}|\.(?=\s+[^\W\d_]*[a-zæøåäöüéèàç]))(?![^\W\d_])"
)


def _inflected(word: str, table: dict[str, Decimal]) -> Decimal | None:
    """The value of an inflected multiplier (``millioners``)."""
    return next((v for w, v in sorted(table.items(), key=lambda i: -len(i[0])) if word.startswith(w)), None)


def _code_like(text: str, start: int) -> bool:
    """Digits glued to a word before them: ``A380``, ``COVID-19``, ``F-16``."""
    if start == 0:
        return False
    before = text[start - 1]
    if before.isalpha() and not ("\u2e80" <= before <= "\u9fff"):
        return True
    return before == "-" and start >= 2 and text[start - 2].isalpha() and text[start - 2].isupper()


_DIGIT = re.compile(r"\d")
_RANGE_GAP = re.compile(r"[\s\u00a0]*(?:[-–—/]|[^\W\d_]{1,5})?[\s\u00a0]*")


def find_quantities(text: str, lang: str, money: bool = False) -> Sequence[Quantity]:
    """Every number written with digits in ``text``, in order, and the Roman numerals that stand
    for numbers (``siglo XV``; see :mod:`tcheck.recognise.roman`). Many numbers are returned
    packed (:mod:`tcheck.recognise.packed`).

    In a range (``1 to 4 inches``, ``5–10 cm``) the first number takes the unit of the second.
    """
    if _DIGIT.search(text) is None:
        return tuple(_roman(r, text) for r in find_roman(text, lang))
    found: Packer[Quantity] = Packer(QUANTITY_SHAPE)
    decimal = number_symbols(lang)[0]
    with_unit = False  # no number has a unit: the pass over ranges and feet changes nothing
    for match in _TOKEN.finditer(text):
        if match.group("pd") == "," != decimal and (items := list_items(text, match, lang)):
            for start, end in items:  # "Sections 2,3 and 4"
                item = _plain(text, start, end, lang)
                with_unit = with_unit or item.unit is not None
                found.append(item)
            continue
        quantity = quantity_at(text, match, lang, money)
        if quantity is not None:
            with_unit = with_unit or quantity.unit is not None
            found.append(quantity)
    numbers = _ranges(text, found.done(), lang) if with_unit else found.done()
    numerals = [_roman(r, text) for r in find_roman(text, lang)]
    if numerals:
        merged: Packer[Quantity] = Packer(QUANTITY_SHAPE)
        merged.extend(heapq.merge(numbers, numerals, key=_start))
        return merged.done()
    return numbers


def _start(q: Quantity) -> int:
    return q.start


def _ranges(text: str, found: Sequence[Quantity], lang: str) -> Sequence[Quantity]:
    """Feet and inches joined (``6-foot-6``, ``6 ft 6``); the first number of a range takes the
    unit of the second (``1 to 4 inches``), from the last number back to the first."""
    if not found:
        return found
    kept: Packer[Quantity] = Packer(QUANTITY_SHAPE)  # in reverse order
    second = found[-1]
    for i in range(len(found) - 2, -1, -1):
        first = found[i]
        gap = text[first.end : second.start]
        feet_inches = first.unit == "length-foot" and (
            second.unit == "length-inch" or gap.strip(" -").isalpha()
        )
        if feet_inches and len(gap) <= 8 and unit_at(text, first.end, lang) == "length-foot":
            # 6-foot-6, 6 ft 6: feet and inches
            value = first.value + second.value / 12
            end = unit_end_at(text, second.end, lang) if second.unit == "length-inch" else None
            second = replace(first, end=end or second.end, value=value, alt=None)
            continue
        if first.unit is None and second.unit and _RANGE_GAP.fullmatch(text, first.end, second.start):
            first = replace(first, unit=second.unit)
        kept.append(second)
        second = first
    kept.append(second)
    return kept.done(sort=True, start=_start)


def _roman(numeral: Roman, text: str) -> Quantity:
    value = Decimal(numeral.value)
    reading = Reading(value, None, False, None, None, len(str(numeral.value)))
    shown = text[numeral.start : numeral.letters_end]
    return Quantity(
        numeral.start,
        numeral.end,
        numeral.letters_end,
        shown,
        value,
        None,
        reading,
        None,
        None,
        False,
        True,
        roman=True,
    )


def quantity_at(text: str, match: re.Match[str], lang: str, money: bool = False) -> Quantity | None:
    token, reading = shared_reading(match, lang)
    start, digits_end = match.span()
    if match.group("g") == " " and not _space_grouping_plausible(text, start, digits_end):
        return None
    end = digits_end
    multiplier: Decimal | None = None
    suffix = glued_suffix(text, digits_end)
    if suffix is not None:
        letter, multiplier = suffix
        end = digits_end + len(letter)
    mult_re = multiplier_regex(lang) if suffix is None and _word_may_follow(text, digits_end) else None
    if mult_re is not None:
        m = mult_re.match(text, digits_end)
        unit_end = unit_end_at(text, digits_end, lang)
        if m is not None and (money or unit_end is None or unit_end < m.end() or m.group("mult") == "k"):
            word = m.group("mult").lower()
            # one ASCII letter counts after money, or "k" (thousand: "100 k people"; "K" is kelvin)
            if money or not (word.isascii() and len(word.rstrip(".")) < 2) or m.group("mult") == "k":
                table = multipliers(lang)
                multiplier = table.get(word) or table.get(word.rstrip(".")) or _inflected(word, table)
                end = m.end()
    value = reading.value * multiplier if multiplier else reading.value
    alt = reading.alt * multiplier if (reading.alt is not None and multiplier) else reading.alt
    if suffix is not None and multiplier and alt is None:
        alt = reading.value  # "1M" may be one megabyte ("1 MB"), "600M" 600 mebibytes
    ordinal = bool(_ORDINAL_AFTER.match(text, digits_end)) and reading.decimal is None and multiplier is None
    if start > 0 and text[start - 1] == "第":
        ordinal = True
    if (ordinal and text[digits_end : digits_end + 1].isalpha()) or not _word_may_follow(text, end):
        unit = None
    else:
        unit = unit_at(text, end, lang)
    return Quantity(
        start,
        end,
        digits_end,
        token,
        value,
        alt,
        reading,
        multiplier,
        unit,
        _code_like(text, start) or text.startswith(_name_suffixes(lang), digits_end),
        ordinal,
        suffix[0] if suffix else None,
        reading.decimal == "." and reading.group is None and version_like(text, start, digits_end, lang),
    )


def _plain(text: str, start: int, end: int, lang: str) -> Quantity:
    """The integer ``text[start:end]`` as a quantity of its own (an item of a list)."""
    digits = text[start:end]
    reading = Reading(Decimal(digits), None, False, None, None, len(digits))
    unit = unit_at(text, end, lang) if _word_may_follow(text, end) else None
    return Quantity(start, end, end, digits, reading.value, None, reading, None, unit, False, False)


@cache
def _name_suffixes(lang: str) -> tuple[str, ...]:
    """Words after which digits name something (``16진수``: hexadecimal), from numbers.toml."""
    return tuple(lang_data(lang).get("name-suffixes", ()))


def _word_may_follow(text: str, pos: int) -> bool:
    """False when no unit or multiplier word can start at ``pos`` (after one optional space or
    hyphen): the next character is a digit, a space, a comma or the end (a cheap pre-test)."""
    if pos < len(text) and text[pos] in _GAP:
        pos += 1
    if pos >= len(text):
        return False
    following = text[pos]
    return not (following.isdigit() or following.isspace() or following in ",;")


_GAP = " \u00a0\u202f-"


def _space_grouping_plausible(text: str, start: int, end: int) -> bool:
    """``2 300`` with a plain space is one number unless it reads as two (``in 2016 200``)."""
    head = text[start:end].split(" ", 1)[0]
    return not (len(head) == 4 or head.startswith("0"))
