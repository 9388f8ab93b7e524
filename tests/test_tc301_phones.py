"""TC301 and phone numbers: a number given with its country code is the same number."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tc301_spellings import _tc301 as tc301_findings

from tcheck.recognise.phones import same_phones


def _tc301(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[str]:
    """The target texts TC301 reports."""
    found = tc301_findings(tmp_path, source, target, src, tgt)
    return [target[f["column"] - 1 : f["end_column"] - 1] for f in found]


# NTREX-128 (dailymail.co.uk.298732), English source and its Nynorsk translation
NTREX_EN = (
    "Anyone with information is asked to DM @MerPolCC, call 101 or contact Crimestoppers "
    "anonymously on 0800 555 111 quoting log 247 of 30th September."
)
NTREX_NN = (
    "Om nokon har informasjon kan dei sende DM til @MerPolCC, ringe 101 eller kontakte "
    "Crimestoppers anonymt ved å ringe +44 (0) 800 555 111 med referansen «log 247 frå 30. september»."
)


def test_ntrex_number_with_country_code(tmp_path: Path) -> None:
    assert _tc301(tmp_path, NTREX_EN, NTREX_NN, "en", "nn") == []


def test_ntrex_number_with_another_digit(tmp_path: Path) -> None:
    changed = NTREX_NN.replace("800 555 111", "800 555 114")
    assert _tc301(tmp_path, NTREX_EN, changed, "en", "nn") == ["44", "0", "800 555 114"]


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt", "reported"),
    [
        (  # Norway: no trunk prefix, the country code only
            "De 3 avdelingene når du på 22 33 44 55 hele døgnet.",
            "You can reach the 4 departments on +47 22 33 44 55 day and night.",
            "nb",
            "en",
            ["4"],
        ),
        (  # Germany: the trunk 0 kept in parentheses
            "Die 3 Filialen erreichen Sie unter 030 1234567.",
            "You can reach the 4 branches on +49 (0)30 1234567.",
            "de",
            "en",
            ["4"],
        ),
        (  # France: the trunk 0 dropped
            "Les 3 agences sont joignables au 01 23 45 67 89.",
            "The 4 branches can be reached on +33 1 23 45 67 89.",
            "fr",
            "en",
            ["4"],
        ),
        (  # the other way: the source has the international form
            "Call +47 22 33 44 55 for the 3 offices.",
            "Ring 22 33 44 55 for de 4 kontorene.",
            "en",
            "nb",
            ["4"],
        ),
        (  # one digit differs: still a different number
            "Die 3 Filialen erreichen Sie unter 030 1234567.",
            "You can reach the 3 branches on +49 (0)30 1234568.",
            "de",
            "en",
            ["49", "0", "1234568"],
        ),
    ],
)
def test_phone_numbers(
    tmp_path: Path, source: str, target: str, src: str, tgt: str, reported: list[str]
) -> None:
    assert _tc301(tmp_path, source, target, src, tgt) == reported


def test_same_phones_spans() -> None:
    src, tgt = "Tel. 030 1234567", "Tel. +49 (0)30 1234567"
    assert same_phones(src, tgt) == ([(5, 16)], [(5, 22)])
    assert same_phones("Appelez le 01 23 45 67 89.", "Call +33 1 23 45 67 89.") == ([(11, 25)], [(5, 22)])
    assert same_phones("Ring 22334455", "Call +4722334455") == ([(5, 13)], [(5, 16)])


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Appelez le 01 23 45 67 89.", "Call +33 1 23 45 67 88."),  # a digit differs
        ("Appelez le 01 23 45 67 89 12.", "Call +33 1 23 45 67 89."),  # not the whole number
        ("Il y avait 234 567 visiteurs.", "There were +1 234 567 visitors."),  # too short for a phone
        ("Call 0800 555 111.", "Ring 0800 555 111 eller 0800 555 112."),  # no country code
    ],
)
def test_not_the_same_phone(source: str, target: str) -> None:
    assert same_phones(source, target) == ([], [])
