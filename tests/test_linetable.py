"""The run's table of line starts places every offset as a LineIndex of the file would."""

from __future__ import annotations

import pickle

from tcheck.linetable import LineTable
from tcheck.model import LineIndex

NB = "Oslo, onsdag 19. januar\r\n\r\nCSTO sendte 2300 soldater til Almaty.\nDe kom torsdag.\n"
RU = "Москва, среда\n\nОДКБ направила 2300 военных в Алматы.\r\nОни прибыли в четверг."
ZH = "奥斯陆，星期三\n\n集安组织向阿拉木图派出了2300名士兵。\n"


def _table() -> LineTable:
    table = LineTable()
    for path, text in (("nb/a.md", NB), ("ru/a.md", RU), ("zh/a.md", ZH), ("empty.md", "")):
        table.put(path, LineIndex(text))
    return table


def test_positions_are_those_of_each_files_index() -> None:
    table = _table()
    for path, text in (("nb/a.md", NB), ("ru/a.md", RU), ("zh/a.md", ZH), ("empty.md", "")):
        index = LineIndex(text)
        for offset in range(len(text) + 1):
            assert table.position(path, offset) == index.position(offset), (path, offset)
    assert table.position("ru/a.md", RU.index("ОДКБ")) == (3, 1)
    assert table.position("missing.md", 3) is None


def test_a_mapping_of_line_indexes() -> None:
    table = _table()
    assert len(table) == 4 and "zh/a.md" in table and "de/a.md" not in table
    assert list(table) == ["nb/a.md", "ru/a.md", "zh/a.md", "empty.md"]
    assert table["nb/a.md"].starts == LineIndex(NB).starts
    assert table["nb/a.md"].line_count == NB.count("\n") + 1
    assert table.get("de/a.md") is None


def test_put_replaces_and_add_keeps_the_first() -> None:
    table = _table()
    table.add("nb/a.md", LineIndex("one line"))  # already kept: unchanged
    assert table.position("nb/a.md", NB.index("De kom")) == (4, 1)
    table.put("nb/a.md", LineIndex("one line\nand another"))  # the file read again, edited
    assert table.position("nb/a.md", 10) == (2, 2)
    assert table.position("ru/a.md", RU.index("Они")) == (4, 1)
    table.put("nb/a.md", LineIndex("one line\nand another"))  # the same lines: nothing added
    assert len(table) == 4


def test_pickles_as_the_result_cache_and_the_processes_need() -> None:
    table = _table()
    again = pickle.loads(pickle.dumps(table))
    assert dict(again.items()).keys() == dict(table.items()).keys()
    assert again.position("zh/a.md", ZH.index("集安")) == (3, 1)
