"""Comparing source and target mentions: what counts as a changed number, time, date or amount."""

from __future__ import annotations

import pytest

from tcheck.locale.dates import document_year, year_in_context
from tcheck.model import Document, Segment, Span, frozen_map
from tcheck.recognise import recognise
from tcheck.recognise.compare import compare_amounts, compare_dates, compare_numbers, compare_times
from tcheck.recognise.datefind import find_dates


def _numbers(source: str, target: str, src: str = "en", tgt: str = "nb") -> tuple[list[str], list[str]]:
    diff = compare_numbers(recognise(source, src, tgt), recognise(target, tgt, src))
    if not diff.substituted:
        return [], []
    return [q.text for q in diff.source], [q.text for q in diff.target]


@pytest.mark.parametrize(
    ("source", "target", "tgt"),
    [
        ("More than 2,300 people", "Mer enn 2 300 personer", "nb"),
        ("1.5 million people", "1,5 millioner mennesker", "nb"),
        ("£11 million", "1100 万英镑", "zh"),
        ("a 13-year-old boy", "en trettenåring", "nb"),
        ("about 30 yards out", "примерно в 27 метрах", "ru"),
        ("85 miles per hour", "137 km/t", "nb"),
        ("80 degrees on Tuesday", "26,5 grader på tirsdag", "nb"),
        ("in the 1930s", "в 30-е годы", "ru"),
        ("in the 1930s", "在 20 世纪 30 年代", "zh"),
        ("19th century opinion", "1800-tallets meninger", "nb"),
        ("their SS19 collection", "Sommerkollektion 2019", "de"),
        ("at 5.30pm on a Saturday", "17.30 på lørdager", "nb"),
        ("the 6-foot-6 forward", "身高6英尺6英寸的前锋", "zh"),
        ("Three million people", "300万人", "zh"),
    ],
)
def test_allowed_differences(source: str, target: str, tgt: str) -> None:
    assert _numbers(source, target, tgt=tgt) == ([], [])


@pytest.mark.parametrize(
    ("source", "target", "tgt", "expected"),
    [
        ("More than 2,300 people", "Mer enn 2 030 personer", "nb", (["2,300"], ["2 030"])),
        ("the UK's £2.8bn market", "Storbritannias 2,8 millioners marked", "nb", (["2.8"], ["2,8"])),
        ("killing 300 people", "dödade 600 personer", "sv", (["300"], ["600"])),
        ("Fifty-eight percent of voters", "48 % av velgerne", "nb", ([], ["48"])),
        ("30 meters (100 feet) of water", "31 meter under vannflaten", "nb", (["30"], ["31"])),
        ("2 to 4 inches of rain", "5–11 cm nedbør", "nb", (["4"], ["11"])),
    ],
)
def test_substitutions(source: str, target: str, tgt: str, expected: tuple[list[str], list[str]]) -> None:
    assert _numbers(source, target, tgt=tgt) == expected


def test_a_number_left_out_is_not_a_mismatch() -> None:
    assert _numbers("2,300 people were arrested on day 3", "2 300 personer ble arrestert") == ([], [])


def test_times_and_zones() -> None:
    def unmatched(source: str, target: str, lang: str) -> list[str]:
        t = recognise(target, lang, "en")
        return [x.text for x in compare_times(recognise(source, "en").times, t.times, t.zoned)[1]]

    assert unmatched("at 3 p.m. on Wednesday", "kl. 15.00 på onsdag", "nb") == []
    assert unmatched("at 3 p.m. on Wednesday", "kl. 16.00 på onsdag", "nb") == ["kl. 16.00"]
    assert unmatched("at 3 o'clock", "kl. 15", "nb") == []  # no a.m./p.m.: may be 15:00
    # converted to the readers' zone, and said so
    assert unmatched("as of 5 a.m. Eastern time Sunday", "kl. 10 søndag (dansk tid)", "da") == []
    # the same zone on both sides: a changed time is a change
    assert unmatched("at about 02:30 BST", "rundt 02:20 BST", "nb") == ["02:20 BST"]


def test_dates_part_by_part() -> None:
    def differing(source: str, target: str, lang: str) -> list[tuple[str, list[str]]]:
        found = compare_dates(find_dates(source, "en"), find_dates(target, lang))
        return [(t.text, fields) for t, _, fields in found]

    assert differing("on Wednesday, January 19", "onsdag 19. januar", "nb") == []
    assert differing("on Wednesday, January 19", "torsdag 19. januar", "nb") == [
        ("torsdag 19. januar", ["weekday"])
    ]
    assert differing("on Saturday (September 29)", "lørdag 29. oktober", "nb") == [
        ("29. oktober", ["month"])
    ] or (
        differing("on Saturday (September 29)", "lørdag 29. oktober", "nb")
        == [("lørdag 29. oktober", ["month"])]
    )
    # one source weekday answers one target weekday
    assert differing("on Tuesday and through Wednesday", "på onsdag og hele onsdag", "nb") == [
        ("onsdag", ["weekday"])
    ]
    # a weekday the translation leaves out, or a date it adds, is not a contradiction
    assert differing("on Saturday", "6. oktober", "nb") == []


def test_amounts() -> None:
    def found(source: str, target: str, lang: str) -> list[tuple[str, str]]:
        src = recognise(source, "en", lang).amounts
        return [(t.text, what) for t, _, what in compare_amounts(src, recognise(target, lang, "en").amounts)]

    assert found("worth £11 million", "verdt 11 millioner pund", "nb") == []
    assert found("worth £11 million", "verdt 11 millioner dollar", "nb") == [
        ("11 millioner dollar", "currency")
    ]
    assert found("worth £11 million", "verdt 11 milliarder pund", "nb") == [("11 milliarder pund", "amount")]
    assert found("worth $350,000", "залог в размере 350 тыс. долларов", "ru") == []


def _doc(text: str, metadata: dict[str, str] | None = None) -> Document:
    segments = []
    start = 0
    for n, para in enumerate(text.split("\n\n"), 1):
        segments.append(Segment(f"p{n}", para, Span(start, start + len(para))))
        start += len(para) + 2
    return Document("doc.txt", text, "nb", tuple(segments), metadata=frozen_map(metadata or {}))


def test_year_inference_never_uses_today() -> None:
    assert document_year(_doc("Onsdag 19. januar\n\nTekst fra 2021."), "nb") is None
    hint = document_year(_doc("Tekst", {"date": "2022-01-10"}), "nb")
    assert hint is not None and hint.year == 2022 and "front matter" in hint.source
    hint = document_year(_doc("Onsdag 19. januar 2022\n\nTekst."), "nb")
    assert hint is not None and hint.year == 2022 and "dateline" in hint.source


def test_year_from_an_earlier_date_of_the_paragraph() -> None:
    mentions = find_dates("Fra 28. desember 2021 til onsdag 5. januar", "nb")
    year, why = year_in_context(mentions, 1, None) or (None, "")
    assert year == 2022 and "28. desember 2021" in why
