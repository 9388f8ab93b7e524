"""LineIndex: 1-based line and column of code-point offsets, stored compactly."""

from __future__ import annotations

from tcheck.model import LineIndex

TEXT = (
    "Organisasjonen for kollektiv sikkerhet (CSTO) sendte 2300 soldater til Almaty onsdag.\n"
    "Президент Касым-Жомарт Токаев сказал, что ситуация под контролем.\r\n"
    "\n"
    "集体安全条约组织于星期三向阿拉木图派遣了2300名士兵。\n"
    "Minst 164 mennesker ble drept"
)


def _naive(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_positions_match_counting_the_lines() -> None:
    index = LineIndex(TEXT)
    for offset in range(len(TEXT) + 1):
        assert index.position(offset) == _naive(TEXT, offset)
    assert index.line_count == 5
    assert [index.line_start(n) for n in (0, 1, 4, 9)] == [0, 0, TEXT.index("集"), TEXT.index("Minst")]


def test_line_starts_take_four_bytes_a_line_in_an_ordinary_file() -> None:
    index = LineIndex("a line\n" * 1000)
    assert index._starts.itemsize == 4
    assert index.position(7 * 999 + 3) == (1000, 4)
