"""Mentions kept as columns: the same mentions as objects would be, in a fraction of the memory."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from decimal import Decimal

import pytest

from tcheck.recognise import clear_caches, dates_of, recognise, times_of
from tcheck.recognise import packed as packed_module
from tcheck.recognise.datefind import DATE_SHAPE, DateMention, find_dates
from tcheck.recognise.packed import Packed, Packer
from tcheck.recognise.quantities import find_quantities
from tcheck.recognise.spans import SpanSet

TEXTS = {
    "en": (
        "On Wednesday, January 19, 2022, at 2:30 PM, 2,300 troops arrived; prices rose 4.5 percent "
        "to $3.2bn, 6 ft 6 in tall, 1 to 4 inches, 5–10 cm, two or three people, siglo XV, A380, "
        "Sections 2,3 and 4, kroner 5,000, 1,000 1,000 1,000 1,000 km and 12-Jun-2026 at 0430."
    ),
    "nb": (
        "Onsdag 19. januar 2022 klokken 14.30 kom 2 300 soldater; prisene steg 4,5 prosent til "
        "1,5 millioner kroner, 30 yards, tretten personer, 19.01.2022 og kl. 18-20."
    ),
    "de": "Am Mittwoch, 19. Januar 2022, um 14 Uhr: 1.500 Euro, 2,5 Millionen, 3 Tausend und 1.000 km.",
    "fr": "Le mercredi 19 janvier 2022 à 14 h 30, 2 300 personnes et 1,5 million d'euros, 10 km.",
    "ja": "2022年1月19日（水曜日）午後3時に1,000人が集まり、5万円を払った。",
    "zh": "2022年1月19日星期三下午3点，1100万英镑和三人。",
    "ar": "يوم الأربعاء 19 يناير 2022 الساعة 14:30 وصل 2,300 جندي ودفعوا 5000 دولار.",
}


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


def _everything(text: str, lang: str) -> tuple[object, ...]:
    found = recognise(text, lang, "en" if lang != "en" else "nb")
    return (
        tuple(found.dates),
        tuple(found.times),
        tuple(found.amounts),
        tuple(found.numbers),
        tuple(found.words),
        tuple(found.cardinals),
        found.zoned,
        tuple(dates_of(text, lang)),
        tuple(times_of(text, lang)),
    )


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_packed_mentions_are_the_objects_found(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (TEXTS[lang] + "\n") * 3
    as_objects = _everything(text, lang)
    assert all(not isinstance(part, Packed) for part in recognise(text, lang).__dict__.values())
    clear_caches()
    monkeypatch.setattr(packed_module, "SMALL", 0)  # every sequence packed
    as_columns = _everything(text, lang)
    assert isinstance(recognise(text, lang).numbers, Packed)
    assert as_columns == as_objects
    assert sum(len(part) for part in as_objects if isinstance(part, tuple)) > 10


def test_positions_and_values_come_back_exactly() -> None:
    text = "".join(f"Wednesday, January {1 + i % 28}, 2022, " for i in range(400))
    dates = find_dates(text, "en")
    assert isinstance(dates, Packed) and len(dates) == 400
    assert dates[0].weekday_at == (0, 9) and dates[0].text.startswith("Wednesday, January 1, 2022")
    for date in (dates[0], dates[-1], *dates[1:3]):
        assert text[date.start : date.end] == date.text and date.year == 2022
        if date.weekday_at is not None:
            assert text[date.weekday_at[0] : date.weekday_at[1]] == "Wednesday"
    assert [d.day for d in dates][:30] == [1 + i % 28 for i in range(30)]
    numbers = find_quantities("1.5 million and 1500000 " * 300, "en")
    assert isinstance(numbers, Packed)
    # equal values written otherwise keep their own form
    assert [str(q.value) for q in numbers[:2]] == [str(Decimal("1.5") * Decimal(1_000_000)), "1500000"]


def test_a_paragraph_of_numbers_costs_bytes_not_objects() -> None:
    text = "1,000 " * 100_000
    tracemalloc.start()
    try:
        found = recognise(text, "en")
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(found.numbers) == 100_000
    assert held < 2_000_000  # 8 bytes a number; as objects about 200 (20 MB)
    assert all(q.value == 1000 and q.text == "1,000" for q in found.numbers[:3])


def test_small_texts_keep_tuples_of_objects() -> None:
    found = find_dates("Wednesday, January 19, 2022 and Thursday", "en")
    assert isinstance(found, tuple) and len(found) == 2


def test_packer_sorts_stably_and_grows_past_32_bits() -> None:
    packer: Packer[DateMention] = Packer(DATE_SHAPE, small=1)
    for start in (30, 10, 20, 10):
        packer.append(DateMention(start, start + 3, "May", "month", month=5))
    packer.append(DateMention(2**33, 2**33 + 3, "May", "month", month=5))
    done = packer.done(sort=True, start=lambda d: d.start)
    assert [d.start for d in done] == [10, 10, 20, 30, 2**33]
    assert done[-1].end == 2**33 + 3


def test_spanset_takes_spans_in_any_order() -> None:
    spans = SpanSet([(10, 20), (0, 5), (30, 40)])
    assert spans.overlaps(4, 6) and spans.overlaps(15, 16) and not spans.overlaps(20, 30)
    assert len(spans) == 3
