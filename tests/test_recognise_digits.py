"""The digit class the date recogniser starts words with is every character ``str.isdigit`` accepts."""

from __future__ import annotations

import re

from tcheck.recognise import dates_of
from tcheck.recognise.datefind import DIGIT_CLASS


def test_digit_class_is_exactly_what_isdigit_accepts() -> None:
    pattern = re.compile(f"[{DIGIT_CLASS}]")
    wrong = [hex(c) for c in range(0x110000) if (pattern.fullmatch(chr(c)) is not None) != chr(c).isdigit()]
    assert wrong == []


def test_superscript_and_circled_digits_start_a_word_but_make_no_date() -> None:
    # "²" and "①" are digits to str.isdigit but not to int(): the date recogniser must pass
    # over them (as before) and still read the dates around them
    text = "Areal 12 km² ① den 19. januar 2022, og ② onsdag."
    found = [(d.kind, d.day, d.month, d.year) for d in dates_of(text, "nb")]
    assert found == [("date", 19, 1, 2022), ("weekday", None, None, None)]
    assert all(d.text[:1] not in "²①②" for d in dates_of(text, "nb"))
