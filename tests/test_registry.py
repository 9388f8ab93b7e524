"""Registry: code and name rules, selection by prefix where the most specific wins."""

from __future__ import annotations

import pytest

from tcheck.model import Severity
from tcheck.registry import all_rules, is_selected, register


def test_codes_are_unique_and_well_formed() -> None:
    rules = all_rules()
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))
    assert codes == sorted(codes)


@pytest.mark.parametrize(
    ("code", "select", "ignore", "expected"),
    [
        ("TC202", (), (), True),
        ("TC202", ("TC2",), (), True),
        ("TC101", ("TC2",), (), False),
        ("TC205", ("TC2",), ("TC205",), False),
        ("TC201", ("TC2",), ("TC205",), True),
        ("TC205", ("TC205",), ("TC2",), True),
        ("TC202", (), ("TC2",), False),
        ("TC202", ("TC2",), ("TC2",), False),
    ],
)
def test_selection(code: str, select: tuple[str, ...], ignore: tuple[str, ...], expected: bool) -> None:
    assert is_selected(code, select, ignore) is expected


def test_bad_registrations_rejected() -> None:
    with pytest.raises(ValueError):
        register("TC1", "x", Severity.INFO)
    with pytest.raises(ValueError):
        register("TC999", "Not_Kebab", Severity.INFO)
    with pytest.raises(ValueError):
        register("TC998", "needs-thing", Severity.INFO, needs=("internet",))
