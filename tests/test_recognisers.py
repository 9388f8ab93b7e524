"""Recognisers of dates, weekdays, times, numbers and amounts in several languages (CLDR-driven)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tcheck.locale.currency import find_amounts
from tcheck.locale.numbers import parse_number, read_number
from tcheck.locale.numberwords import cardinal_values, word_values
from tcheck.recognise import recognise
from tcheck.recognise.datefind import find_dates
from tcheck.recognise.quantities import find_quantities
from tcheck.recognise.timefind import find_times, uses_12_hour_clock


def _dates(text: str, lang: str) -> list[tuple[str, int | None, int | None, int | None, int | None]]:
    return [(m.text, m.weekday, m.day, m.month, m.year) for m in find_dates(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Wednesday, January 19", ("Wednesday, January 19", 2, 19, 1, None)),
        ("en", "on the 19th of January 2022", ("19th of January 2022", None, 19, 1, 2022)),
        ("nb", "onsdag 19. januar 2022", ("onsdag 19. januar 2022", 2, 19, 1, 2022)),
        ("de", "Mittwoch, 19. Januar 2022", ("Mittwoch, 19. Januar 2022", 2, 19, 1, 2022)),
        ("fr", "mercredi 19 janvier", ("mercredi 19 janvier", 2, 19, 1, None)),
        ("es", "miércoles, 19 de enero de 2022", ("miércoles, 19 de enero de 2022", 2, 19, 1, 2022)),
        ("ru", "среда, 19 января 2022 г.", ("среда, 19 января 2022 г.", 2, 19, 1, 2022)),
        ("zh", "2022年1月19日星期三", ("2022年1月19日星期三", 2, 19, 1, 2022)),
        ("zh", "1月19日（周三）", ("1月19日（周三）", 2, 19, 1, None)),
        ("en", "2022-01-19", ("2022-01-19", None, 19, 1, 2022)),
        ("en", "1/19/2022", ("1/19/2022", None, 19, 1, 2022)),
        ("nb", "19.01.2022", ("19.01.2022", None, 19, 1, 2022)),
        ("en", "Jan. 19", ("Jan. 19", None, 19, 1, None)),
    ],
)
def test_dates_in_every_language(lang: str, text: str, expected: tuple[object, ...]) -> None:
    assert _dates(text, lang) == [expected]


def test_weekday_forms_from_data() -> None:
    assert _dates("Det skjedde på onsdagen.", "nb") == [("onsdagen", 2, None, None, None)]
    assert _dates("В среду и в январе", "ru") == [
        ("среду", 2, None, None, None),
        ("январе", None, None, 1, None),
    ]
    assert _dates("am Donnerstagmorgen", "de") == [("Donnerstagmorgen", 3, None, None, None)]


def test_names_that_are_not_dates() -> None:
    # a modal verb, a surname, a newspaper, a planet in the middle of a sentence
    assert _dates("It may rain, Theresa May said to The Sunday Telegraph.", "en") == []
    assert _dates("Sonden landet på Mars i fjor.", "nb") == []
    assert _dates("In May the talks resumed.", "en") == [("May", None, None, 5, None)]
    # "11月" is November, not "1月" (January) after a stray digit
    assert _dates("11月6日", "zh") == [("11月6日", None, 6, 11, None)]


@pytest.mark.parametrize(
    ("lang", "text", "shown", "minutes", "kind"),
    [
        ("en", "At 14 Norwegian time, shots", "14 Norwegian time", 14 * 60, None),
        ("en", "at 3 p.m. on Wednesday", "3 p.m.", 15 * 60, "ampm"),
        ("en", "at 3 in the afternoon", "3 in the afternoon", 15 * 60, "period"),
        ("nb", "kl. 15.00 på onsdag", "kl. 15.00", 15 * 60, None),
        ("nb", "klokken 14", "klokken 14", 14 * 60, None),
        ("de", "um 14.30 Uhr", "14.30 Uhr", 14 * 60 + 30, None),
        ("fr", "à 15 heures", "15 heures", 15 * 60, None),
        ("fr", "à 15h30", "15h30", 15 * 60 + 30, None),
        ("es", "a las 3 de la tarde", "3 de la tarde", 15 * 60, "period"),
        ("ru", "около 7 утра", "7 утра", 7 * 60, "period"),
        ("zh", "下午三点", "下午三点", 15 * 60, "period"),
        ("zh", "下午3点30分", "下午3点30分", 15 * 60 + 30, "period"),
    ],
)
def test_times(lang: str, text: str, shown: str, minutes: int, kind: str | None) -> None:
    (found,) = find_times(text, lang)
    assert (found.text, found.minutes, found.marker_kind) == (shown, minutes, kind)


def test_not_times() -> None:
    assert not find_times("48 hours later, 1.5 million people, at 2.25 percent", "en")
    assert not find_times("в течение 48 часов", "ru")
    assert not find_times("周六，选民将投票", "zh")


def test_clock_of_the_locale_comes_from_cldr() -> None:
    assert uses_12_hour_clock("en")
    assert not uses_12_hour_clock("en_GB")
    assert not any(uses_12_hour_clock(lang) for lang in ("nb", "de", "fr", "es", "ru", "zh"))


@pytest.mark.parametrize(
    ("lang", "text", "value", "alt", "foreign"),
    [
        ("en", "2,300", "2300", "2.3", False),
        ("nb", "2 300", "2300", None, False),
        ("nb", "2\u00a0300", "2300", None, False),
        ("fr", "2\u202f300", "2300", None, False),
        ("nb", "1,5", "1.5", None, False),
        ("de", "1.500", "1500", "1.5", False),
        ("de", "1.5", "1.5", None, True),
        ("nb", "2,300", "2.300", "2300", True),
        ("de", "1.234.567", "1234567", None, False),
        ("en", "1.234.567", "1234567", None, True),
    ],
)
def test_number_readings(lang: str, text: str, value: str, alt: str | None, foreign: bool) -> None:
    reading = read_number(text, lang)
    assert reading is not None
    assert reading.value == Decimal(value)
    assert reading.alt == (Decimal(alt) if alt else None)
    assert reading.foreign is foreign
    assert parse_number(text, lang) == Decimal(value)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("nb", "1,5 millioner", "1500000"),
        ("nb", "2,8 millioners marked", "2800000"),
        ("de", "2,5 Mio. Euro", "2500000"),
        ("es", "3 mil millones", "3000000000"),
        ("ru", "3 тыс. наименований", "3000"),
        ("ru", "25-тысячную толпу", "25000"),
        ("zh", "1100 万英镑", "11000000"),
        ("zh", "550多万", "5500000"),
        ("zh", "28亿", "2800000000"),
        ("en", "11million", "11000000"),
    ],
)
def test_multipliers_from_cldr(lang: str, text: str, value: str) -> None:
    (q,) = find_quantities(text, lang)
    assert q.value == Decimal(value)


def test_units_codes_and_ordinals() -> None:
    en = {q.text: q for q in find_quantities("30 yards from A380 on his 21st birthday, 6-foot-6", "en")}
    assert en["30"].unit == "length-yard"
    assert en["380"].code
    assert en["21"].ordinal and en["21"].unit is None
    assert en["6"].value == Decimal("6.5")  # six feet six inches
    ru = find_quantities("в 27 метрах", "ru")
    assert ru[0].unit == "length-meter"
    assert find_quantities("5–10 cm", "nb")[0].unit == "length-centimeter"  # a range shares its unit


def test_number_words() -> None:
    assert [v for _, _, v in word_values("en trettenåring og tre andre", "nb")] == [Decimal(13), Decimal(3)]
    assert [v for _, _, v in cardinal_values("Fifty-eight percent and three million", "en")] == [
        Decimal(58),
        Decimal(3_000_000),
    ]
    assert Decimal(3) in {v for _, _, v in word_values("下午三点", "zh")}


@pytest.mark.parametrize(
    ("lang", "text", "shown", "value", "codes"),
    [
        ("en", "just over 5,000 kroner.", "5,000 kroner", "5000", {"NOK", "DKK"}),
        ("en", "a $3.2bn market", "$3.2bn", "3200000000", {"USD"}),
        ("en", "a £11million deal", "£11million", "11000000", {"GBP"}),
        ("en", "5,000 Norwegian kroner", "5,000 Norwegian kroner", "5000", {"NOK"}),
        ("nb", "for GBP 125 millioner", "GBP 125 millioner", "125000000", {"GBP"}),
        ("nb", "kr 5 000", "kr 5 000", "5000", {"NOK"}),
        ("nb", "2,8 milliarder britiske pund", "2,8 milliarder britiske pund", "2800000000", {"GBP"}),
        ("fr", "11 millions de livres sterling", "11 millions de livres sterling", "11000000", {"GBP"}),
        ("ru", "5 долларов США", "5 долларов США", "5", {"USD"}),
        ("zh", "1100 万英镑", "1100 万英镑", "11000000", {"GBP"}),
        ("da", "120 £ millioner", "120 £ millioner", "120000000", {"GBP"}),
    ],
)
def test_amounts(lang: str, text: str, shown: str, value: str, codes: set[str]) -> None:
    (amount,) = find_amounts(text, lang)
    assert amount.text == shown
    assert amount.quantity.value == Decimal(value)
    assert codes <= set(amount.currencies)


def test_short_currency_words_need_the_end_of_a_clause() -> None:
    assert not find_amounts("med en styrke på 7,5 som rammet", "nb")


def test_recognise_keeps_kinds_apart() -> None:
    m = recognise("At 3 p.m. on Wednesday, January 19, 2022, 2,300 people paid $3.2bn.", "en")
    assert [t.text for t in m.times] == ["3 p.m."]
    assert [d.text for d in m.dates] == ["Wednesday, January 19, 2022"]
    assert [q.text for q in m.numbers] == ["2,300", "3.2"]  # not the hour, the day or the year
    assert [a.text for a in m.amounts] == ["$3.2bn"]
