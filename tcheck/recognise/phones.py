"""Telephone numbers that one side writes for callers at home and the other for callers abroad.

A translation often gives a phone number in international form: the source's ``0800 555 111``
becomes ``+44 (0) 800 555 111``, ``22 33 44 55`` becomes ``+47 22 33 44 55``, ``030 1234567``
becomes ``+49 (0)30 1234567``. Read as numbers, the translation then has ``44``, ``0`` and
``800 555 111``, none of them in the source, yet it is the same number: only the country code
was added and the trunk ``0`` put in parentheses or dropped. :func:`same_phones` finds such
pairs; a number that differs in any digit of its national part is not one.

A phone number here is a run of digit groups joined by the separators phone numbers are written
with (a space, a hyphen, a dot, a slash, parentheses); the international one starts with ``+``
and its country code (one to three digits). Its national part is what follows the country code,
without one leading ``0``; the other side's number is a run whose digits,
without one leading ``0``, are the same (seven digits or more, fifteen at most as ITU-T E.164
allows, so that ``+1 234`` is never taken for a phone number beside ``234``). Both numbers are
whole runs: ``+33 1 23 45 67 88`` is not ``01 23 45 67 89`` for having ``1 23 45 67`` in common.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["same_phones"]

_GROUP = re.compile(r"\d+")
# what may stand between two digit groups of one phone number: "0800 555", "(0) 800", "(0)30"
_JOIN = re.compile(r"[ \u00a0\u202f]?\)?[ \u00a0\u202f.\-/\u2011]?\(?")
MAX_GROUPS = 8  # groups of one phone number (+33 1 23 45 67 89 has six)
MIN_NATIONAL = 7  # digits of the national part
MAX_DIGITS = 15  # ITU-T E.164

Span = tuple[int, int]


def _runs(text: str) -> Iterator[tuple[bool, list[Span]]]:
    """Runs of ASCII digit groups joined as phone numbers are: ``(international, groups)``,
    ``international`` when a ``+`` comes right before the first group."""
    groups: list[Span] = []
    for match in _GROUP.finditer(text):
        start, end = match.span()
        if groups:
            gap = text[groups[-1][1] : start]
            if len(gap) <= 4 and _JOIN.fullmatch(gap) is not None:
                groups.append((start, end))
                continue
            yield _international(text, groups[0][0]), groups
        groups = [(start, end)]
    if groups:
        yield _international(text, groups[0][0]), groups


def _international(text: str, start: int) -> bool:
    return text[start - 1 : start] == "+" and (start < 2 or not text[start - 2].isalnum())


def _national(digits: str) -> str:
    return digits[1:] if digits.startswith("0") else digits


def _digits(text: str, groups: list[Span]) -> str | None:
    """The digits of a run that may be one phone number (None: too many for one)."""
    if len(groups) > MAX_GROUPS:
        return None
    digits = "".join(text[start:end] for start, end in groups)
    return digits if len(digits) <= MAX_DIGITS else None


def _abroad(text: str) -> dict[str, list[Span]]:
    """National parts of the international numbers of ``text`` (each way the digits may split
    into a country code and the rest) and where each such number is written."""
    found: dict[str, list[Span]] = {}
    for international, groups in _runs(text):
        digits = _digits(text, groups) if international else None
        if digits is None:
            continue
        first = groups[0][1] - groups[0][0]
        for code in (first,) if first <= 3 else (1, 2, 3):
            national = _national(digits[code:])
            if len(national) >= MIN_NATIONAL:
                found.setdefault(national, []).append((groups[0][0] - 1, groups[-1][1]))
    return found


def _at_home(text: str, wanted: dict[str, list[Span]]) -> Iterator[tuple[str, Span]]:
    """Numbers of ``text`` written without a country code whose digits are one of the
    ``wanted`` national parts."""
    for international, groups in _runs(text):
        digits = None if international else _digits(text, groups)
        if digits is not None and _national(digits) in wanted:
            yield _national(digits), (groups[0][0], groups[-1][1])


def _one_way(home: str, abroad: str) -> tuple[list[Span], list[Span]]:
    wanted = _abroad(abroad)
    if not wanted:
        return [], []
    home_spans: list[Span] = []
    matched: set[str] = set()
    for national, span in _at_home(home, wanted):
        home_spans.append(span)
        matched.add(national)
    return home_spans, sorted(span for national in matched for span in wanted[national])


def same_phones(source: str, target: str) -> tuple[list[Span], list[Span]]:
    """Where ``source`` and ``target`` write one phone number, one side with a country code
    and the other without: the spans of those numbers in ``source`` and in ``target``.

    >>> same_phones("Call 0800 555 111.", "Ring +44 (0) 800 555 111.")
    ([(5, 17)], [(5, 24)])
    >>> same_phones("Call 0800 555 111.", "Ring +44 (0) 800 555 112.")
    ([], [])
    """
    if "+" not in source and "+" not in target:
        return [], []
    source_home, target_abroad = _one_way(source, target)
    target_home, source_abroad = _one_way(target, source)
    return source_home + source_abroad, target_abroad + target_home
