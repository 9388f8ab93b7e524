"""Numbers of technical and web text (glued magnitudes, factors, versions, lists), CJK clock
minutes and fractions, and the recognisers' linear matching."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from tcheck.locale.currency import find_amounts
from tcheck.recognise import recognise
from tcheck.recognise.compare import _pair
from tcheck.recognise.quantities import Quantity, find_quantities
from tcheck.recognise.spans import SpanSet
from tcheck.recognise.technical import has_version


def _numbers(text: str, lang: str) -> list[tuple[str, Decimal, str | None, bool]]:
    return [(text[q.start : q.end], q.value, q.suffix, q.version) for q in recognise(text, lang).numbers]


def test_glued_magnitudes_and_factors() -> None:
    assert _numbers("Das Projekt hat 7.3K Sterne, 2M Downloads und ist 10x schneller.", "de") == [
        ("7.3K", Decimal("7300"), "K", False),
        ("2M", Decimal("2000000"), "M", False),
        ("10x", Decimal("10"), "x", False),
    ]
    # a unit or a word after the letter: not a glued magnitude
    assert [s for *_, s, _ in _numbers("A 4GB disk and a 5xl shirt.", "en")] == [None, None]


@pytest.mark.parametrize(
    ("text", "lang", "versions"),
    [
        ("Requires version 3.10 or later.", "en", [True]),
        ("Erfordert Version 3.10 oder neuer.", "de", [True]),
        ("バージョン1.2以降が必要です。", "ja", [True]),
        ("A comparison that is >= 1.2 and < 3.0.0 or >= 4.2.3.", "en", [True]),
        ("größer oder gleich 1.2 und kleiner als 3.0.0", "de", [True]),
        ("The rate rose by 1.2 percent.", "en", [False]),
        ("Die Quote stieg um 1,2 Prozent.", "de", [False]),
    ],
)
def test_versions(text: str, lang: str, versions: list[bool]) -> None:
    assert [v for *_, v in _numbers(text, lang)] == versions


def test_has_version() -> None:
    assert has_version("Helm v3.2.1 and 3.0.0")
    assert has_version("tag v1.2")
    assert not has_version("The rate rose by 1.2 percent in 2022.")


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("See sections 2,3 and 4 of the guide.", "en", ["2", "3", "4"]),
        ("Read chapters 2,3, 5 and 6.", "en", ["2", "3", "5", "6"]),
        ("Voir les sections 2,3 et 4.", "fr", ["2,3", "4"]),  # the French decimal comma
        ("The rate was 2,5 and then 3 percent.", "en", ["2,5", "3"]),  # not rising: a decimal
        ("Between 1,5 and 2 million.", "en", ["1,5", "2 million"]),
    ],
)
def test_number_lists(text: str, lang: str, values: list[str]) -> None:
    assert [shown for shown, *_ in _numbers(text, lang)] == values


@pytest.mark.parametrize(
    ("text", "lang", "shown", "minutes"),
    [
        ("매주 목요일 오전 9시 30분에 만나요.", "ko", "오전 9시 30분", 570),
        ("오후 3시 반에 만나요.", "ko", "오후 3시 반", 930),
        ("毎週木曜日の午前9時30分に。", "ja", "午前9時30分", 570),
        ("午後3時半に始まります。", "ja", "午後3時半", 930),
    ],
)
def test_cjk_clock_minutes(text: str, lang: str, shown: str, minutes: int) -> None:
    (time,) = recognise(text, lang).times
    assert (text[time.start : time.end], time.minutes) == (shown, minutes)
    assert recognise(text, lang).numbers == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [("リスクは 15 分の 1 です。", "ja"), ("风险是15分之1。", "zh"), ("위험은 15분의 1입니다.", "ko")],
)
def test_cjk_fractions_are_not_clock_times(text: str, lang: str) -> None:
    mentions = recognise(text, lang)
    assert mentions.times == ()
    assert [q.value for q in mentions.numbers] == [15, 1]


def test_common_words_that_name_a_currency() -> None:
    # Ukrainian "вона" is the won and "she": an amount only at the end of a clause
    assert not find_amounts("У Helm 2 вона зберігалась в тому ж просторі імен.", "uk")
    assert [a.text for a in find_amounts("Це коштує 5 000 вона.", "uk")] == ["5 000 вона"]


def test_span_set() -> None:
    spans = SpanSet([(10, 20), (0, 3), (12, 14)])
    assert spans.overlaps(2, 5) and spans.overlaps(19, 30) and spans.overlaps(13, 13 + 1)
    assert not spans.overlaps(3, 10) and not spans.overlaps(20, 25)
    assert not SpanSet().overlaps(0, 10)


def _brute_pair(source: list[Quantity], target: list[Quantity]) -> tuple[list[int], list[int]]:
    """The quadratic matching the indexed one replaces (strict units, both passes)."""
    from tcheck.recognise.compare import _same_unit

    left, right = list(source), list(target)
    src_size = max((q.end for q in source), default=1) or 1
    tgt_size = max((t.end for t in target), default=1) or 1
    for primary in (True, False):
        remaining = []
        for q in left:
            values = (q.value,) if primary else q.values()
            hits = [
                t
                for t in right
                if any(v in ((t.value,) if primary else t.values()) for v in values) and _same_unit(q, t)
            ]
            if not hits:
                remaining.append(q)
                continue
            where = q.start / src_size
            right.remove(min(hits, key=lambda t: abs(t.start / tgt_size - where)))
        left = remaining
    return [q.start for q in left], [t.start for t in right]


@pytest.mark.parametrize("seed", range(30))
def test_indexed_pairing_equals_pairwise_comparison(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["2 inches", "2 cm", "2,300", "2.3", "5", "5 km", "7", "1,000", "3 miles", "12"]

    def text() -> str:
        return " and ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))

    source, target = find_quantities(text(), "en"), find_quantities(text(), "nb")
    left, right = _pair(source, target)
    assert ([q.start for q in left], [t.start for t in right]) == _brute_pair(source, target)


def test_program_date_stamps_are_dates_not_numbers() -> None:
    mentions = recognise("###### Automatisch generiert von spf13/cobra am 14-Jan-2026", "de")
    (stamp,) = mentions.dates
    assert (stamp.kind, stamp.day, stamp.month, stamp.year) == ("stamp", 14, 1, 2026)
    assert all(q.value not in (14, 2026) for q in mentions.numbers)


def test_glued_magnitude_may_be_a_size() -> None:
    (q,) = recognise("Charts must be smaller than 1M.", "en").numbers
    assert q.values() == (Decimal("1000000"), Decimal("1"))  # one million, or 1 MB


def test_dependency_updates_are_versions_not_clock_times() -> None:
    assert recognise("Upgrade kstatus to 1.2 and controller-runtime to 0.24", "en").times == ()
    assert recognise("bump golang.org/x/net from 0.23 to 0.24", "en").times == ()
    assert [t.minutes for t in recognise("The meeting moved to 10.30 on Monday.", "en").times] == [630]


def test_a_marker_inside_a_word_is_no_marker() -> None:
    assert recognise("水平スケーリングはRAM 4GBのマシン4台で対応します。", "ja").times == ()


@pytest.mark.parametrize(
    ("text", "lang"),
    [("16진수 표기법과 10진수", "ko"), ("16進数の表記と10進数", "ja"), ("16进制表示法", "zh")],
)
def test_digits_that_name_a_number_base_are_codes(text: str, lang: str) -> None:
    assert all(q.code for q in recognise(text, lang).numbers)
    assert not any(q.code for q in recognise("290개의 PR", "ko").numbers)
