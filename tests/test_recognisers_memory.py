"""What the recognisers keep in memory: caches bounded by size, shared readings and texts,
numbers among numbers not read as money, large documents forgotten once checked."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import pytest

from tcheck.checks.ambiguous_currency import ambiguous_currency
from tcheck.checks.amount_mismatch import amount_mismatch
from tcheck.checks.number_format import number_format
from tcheck.config import Config
from tcheck.context import Context
from tcheck.locale import currency, memo
from tcheck.locale.currency import find_amounts
from tcheck.locale.memo import HEAVY, SizedCache, document_done, shared
from tcheck.model import Document, Segment, Span
from tcheck.recognise import _core, clear_caches, dates_of, recognise
from tcheck.recognise.quantities import find_quantities


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


def _lengths(text: str) -> int:
    return len(text)


def test_sized_cache_forgets_the_oldest_beyond_its_budget() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    cache = SizedCache(upper, lambda result: 0, budget=10)
    assert cache("tirsdag") == "TIRSDAG"  # 7
    assert cache("onsdag") == "ONSDAG"  # 13 > 10: "tirsdag" goes
    assert len(cache) == 1 and cache.weight == 6
    cache("onsdag")
    cache("tirsdag")
    assert calls == ["tirsdag", "onsdag", "tirsdag"]  # "onsdag" was kept, "tirsdag" read again


def test_sized_cache_keeps_the_newest_entry_even_when_it_is_too_heavy() -> None:
    calls: list[str] = []

    def count(text: str) -> int:
        calls.append(text)
        return len(text.split())

    cache = SizedCache(count, lambda result: 100 * result, budget=50)
    big = "Mittwoch, 19. Januar 2022 " * 20
    assert cache(big) == 80 and cache(big) == 80
    assert calls == [big]  # the checks of one huge segment share one reading
    cache("kort")
    assert len(cache) == 1  # the heavy one made room for the next text


def test_document_done_forgets_heavy_texts_and_keeps_light_ones() -> None:
    light = "Møtet er onsdag 19. januar 2022."
    heavy = "Wednesday, January 19, 2022, " * (HEAVY // 29 + 10)  # heavy by its length alone
    recognise(light, "nb")
    recognise(heavy, "en")
    assert dates_of.weight > HEAVY and recognise.weight > HEAVY
    document_done()
    assert dates_of.weight < HEAVY and recognise.weight < HEAVY
    assert len(dates_of) == 1 and len(recognise) == 1  # the light text stays for the next page


def test_numbers_inside_dates_are_not_kept() -> None:
    text = "Toppmøtet åpner onsdag 19. januar 2022 med 2 300 deltakere."
    assert [q.text for q in find_quantities(text, "nb")] == ["19", "2022", "2 300"]
    assert [q.text for q in _core(text, "nb").quantities] == ["2 300"]
    assert [q.text for q in recognise(text, "nb").numbers] == ["2 300"]


def test_one_reading_and_one_string_for_a_number_written_alike() -> None:
    first, second = find_quantities("Il y a 1 000 personnes et 1 000 voitures.", "fr")
    assert first.start != second.start
    assert first.reading is second.reading and first.text is second.text
    long_token = "1" * 50
    a, b = find_quantities(f"{long_token} og {long_token}", "nb")
    assert a.reading == b.reading and a.reading is not b.reading  # long tokens are not kept


def test_shared_texts() -> None:
    one = "".join(["Wednes", "day"])
    two = "".join(["Wed", "nesday"])
    assert one is not two and shared(one) is shared(two)
    long_text = "x" * 100
    assert shared(long_text) is long_text


def test_numbers_among_numbers_are_not_read_as_money() -> None:
    assert not currency._may_be_money("1,000 1,000 1,000", 6, 11)
    assert not currency._may_be_money("2021, 2022, 2023", 6, 10)
    assert currency._may_be_money("NOK 5 000", 4, 9)
    assert currency._may_be_money("kr\n5", 3, 4)
    assert currency._may_be_money("5 kroner", 0, 1)
    assert currency._may_be_money("$3.2bn", 1, 4)
    assert currency._may_be_money("1100 万英镑", 0, 4)


AMOUNT_TEXTS = [
    ("nb", "Lønnen er NOK 5 000, eller 5 000 kroner i måneden, og 120 £ millioner ble betalt."),
    ("nb", "Prisen var kr\n5 og 2,5 millioner kroner."),
    ("en", "It cost $3.2bn, about 5,000 kroner or USD 3m, in 2021, 2022 and 2023."),
    ("de", "Er zahlte 12,50 € und 3 Mio. Euro, am 19. Januar 2022."),
    ("fr", "Il a reçu 5 millions de dollars et 12,50 € le 19 janvier 2022."),
    ("zh", "他们支付了1100 万英镑和500元。"),
    ("ja", "価格は500円で、2022年1月19日に支払われた。"),
    ("ar", "دفع 500 دولار و 1,000 يورو في 19 يناير 2022."),
    ("uk", "Це коштує 5 000 вона, а у Helm 2 вона зберігалась."),
]


@pytest.mark.parametrize(("lang", "text"), AMOUNT_TEXTS)
def test_the_money_pre_test_finds_the_same_amounts(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = find_amounts(text, lang)
    clear_caches()
    monkeypatch.setattr(currency, "_may_be_money", lambda text, start, end: True)
    assert find_amounts(text, lang) == found
    assert found or lang == "ja"  # all others have amounts: the comparison means something


def test_a_paragraph_of_numbers_keeps_little_per_number() -> None:
    text = "1,000 " * 20_000
    recognise("warm-up 1,000 and 2,000 kroner", "en")
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    mentions = recognise(text, "en")
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(mentions.numbers) == 20_000
    # a Quantity and its two offsets, in two tuples: ~230 bytes; a reading, its value and its
    # text per number, or a second list of the numbers read as money, would be over 400
    assert kept / 20_000 < 300


def test_document_done_keeps_only_the_latest_light_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [
        "Der Gipfel beginnt am Mittwoch, 19. Januar 2022.",
        "Sommet : mercredi 19 janvier 2022, 2 300 participants.",
        "峰会于2022年1月19日星期三开幕。",
    ]
    for page, lang in zip(pages, ("de", "fr", "zh"), strict=True):
        recognise(page, lang)
    assert len(recognise) == 3
    monkeypatch.setattr(memo, "BETWEEN_DOCUMENTS", recognise.weight - 1)
    document_done()
    assert len(recognise) == 2 and recognise.weight <= memo.BETWEEN_DOCUMENTS
    assert (pages[0], "de") not in recognise  # the oldest page was forgotten
    assert (pages[1], "fr") in recognise and (pages[2], "zh") in recognise


def _document(text: str, bilingual: bool) -> Document:
    counterpart = Segment("s1", text, Span(0, len(text)), path="source.txt") if bilingual else None
    source = Document("source.txt", text, "en", (counterpart,)) if counterpart else None
    segment = Segment("p1", text, Span(0, len(text)), counterpart=counterpart)
    return Document("doc.txt", text, "en", (segment,), "en" if bilingual else None, source=source)


@pytest.mark.parametrize("bilingual", [False, True])
def test_the_last_check_reading_numbers_forgets_a_heavy_segment(bilingual: bool) -> None:
    heavy = "It cost 5,000 kroner on Wednesday, January 19, 2022. " * (HEAVY // 50)
    doc = _document(heavy, bilingual)
    ctx = Context(config=Config(default_glossaries=False))
    list(number_format(doc, ctx))
    assert (heavy, "en") in recognise and recognise.weight > HEAVY
    list(ambiguous_currency(doc, ctx))
    assert ((heavy, "en") in recognise) is bilingual  # TC304 still reads it in a bilingual one
    if bilingual:
        list(amount_mismatch(doc, ctx))
        assert (heavy, "en") not in recognise and (heavy, "en", "en") not in recognise
    assert recognise.weight < HEAVY and dates_of.weight < HEAVY
