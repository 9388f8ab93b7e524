"""Per-language tables kept in the cache folder between runs (issue 12, start-up of one small file).

The recognisers' word lists and pattern sources come from CLDR through Babel; each run used to
derive them again (20-90 ms a language). They are now stored by :func:`tcheck.services.tables.derived`:
a table read back must equal the one built, a damaged file must only mean building it again, and
what the recognisers find must not depend on where the table came from.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tcheck.locale import babel_locale, currency, currency_symbols, memo, numberwords, zones
from tcheck.locale.currency import find_amounts
from tcheck.recognise import datelexicon, stamps, timefind, units
from tcheck.recognise.datefind import find_dates
from tcheck.recognise.timefind import find_times
from tcheck.services import tables

LANGS = ("nb", "fr", "de", "ru", "ja", "en")

_CACHED: tuple[Any, ...] = (
    units._table,
    units.unit_regex,
    units._longest_first,
    currency._table,
    currency.amount_lexicon,
    currency_symbols.local_symbols,
    currency_symbols.current_currencies,
    datelexicon.date_lexicon,
    timefind.time_lexicon,
    numberwords.word_lexicon,
    stamps._stamp,
    timefind.uses_12_hour_clock,
)


def _forget() -> None:
    """Empty the in-process caches (the tables and the mentions found with them), as a new run
    starts with them empty."""
    for function in _CACHED:
        function.cache_clear()
    for kept in memo._CACHES:
        kept.cache_clear()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of its own; the in-process caches emptied before and after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget()
    yield tmp_path / "tcheck" / tables.FOLDER
    _forget()


def _stored(folder: Path, prefix: str) -> list[Path]:
    return sorted(folder.glob(f"{prefix}-*.pickle"))


# (name prefix of the stored table, the table as a run reads it, the table built from CLDR)
TABLES: list[tuple[str, Callable[[str], Any], Callable[[str], Any]]] = [
    ("unit-words", units._table, units._build),
    ("currency-names", currency._table, currency._build),
    ("currency-symbols", currency_symbols.local_symbols, currency_symbols._local_symbols),
    ("date-words", lambda lang: _date_words(lang), datelexicon._build),
    ("time-words", lambda lang: _time_words(lang), timefind._build),
    ("number-lexicon", numberwords.word_lexicon, numberwords._build),
    ("twelve-hour", timefind.uses_12_hour_clock, lambda lang: zones.twelve_hour_locale(babel_locale(lang))),
]


def _date_words(lang: str) -> Any:
    """The stored form of ``date_lexicon(lang)``, read back as the run reads it."""
    datelexicon.date_lexicon(lang)
    return _only(f"date-words-{lang}")


def _time_words(lang: str) -> Any:
    timefind.time_lexicon(lang)
    return _only(f"time-words-{lang}")


def _only(prefix: str) -> Any:
    from tcheck.services.cachedir import default_cache_dir

    (file,) = _stored(default_cache_dir() / tables.FOLDER, prefix)
    name, value = pickle.loads(file.read_bytes())
    assert name == prefix
    return value


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("prefix", "read", "build"), TABLES, ids=[t[0] for t in TABLES])
def test_a_table_read_back_equals_the_table_built(
    folder: Path, prefix: str, read: Callable[[str], Any], build: Callable[[str], Any], lang: str
) -> None:
    first = read(lang)  # built, then stored
    assert len(_stored(folder, f"{prefix}-{lang}")) == 1
    _forget()
    again = read(lang)  # a new run: read from the file
    assert again == first == build(lang)
    assert again is not first or isinstance(first, bool)  # read, not the object kept in memory


@pytest.mark.parametrize("prefix", ["unit-words-nb", "currency-names-nb", "date-words-nb", "time-words-nb"])
def test_a_damaged_table_is_built_again_and_replaced(folder: Path, prefix: str) -> None:
    text = "Møtet 19. januar 2022 kl. 14.30 kostet 5 000 kroner for 30 kilometer."
    dates, times, amounts = find_dates(text, "nb"), find_times(text, "nb"), find_amounts(text, "nb")
    assert dates and times and amounts  # the sentence exercises every table
    (file,) = _stored(folder, prefix)
    good = file.read_bytes()
    file.write_bytes(good[: len(good) // 2])  # a run killed while writing another way, a full disk
    _forget()
    assert find_dates(text, "nb") == dates
    assert find_times(text, "nb") == times
    assert find_amounts(text, "nb") == amounts
    assert pickle.loads(file.read_bytes())[0] == prefix  # stored whole again


@pytest.mark.parametrize("lang", LANGS)
def test_lexicons_made_from_stored_tables_equal_the_built_ones(folder: Path, lang: str) -> None:
    made = (datelexicon.date_lexicon(lang), timefind.time_lexicon(lang), units.unit_regex(lang))
    _forget()
    again = (datelexicon.date_lexicon(lang), timefind.time_lexicon(lang), units.unit_regex(lang))
    assert again == made  # patterns compare by their source and flags
    assert again[0] is not made[0]


def test_a_file_of_another_table_is_not_taken_for_it(folder: Path) -> None:
    units.unit_words("de")
    (file,) = _stored(folder, "unit-words-de")
    file.write_bytes(pickle.dumps(("unit-words-en", ({"meile": "length-mile"}, "meile"))))
    _forget()
    assert units.unit_words("de") == units._build("de")[0]


def test_a_changed_data_file_means_building_again(tmp_path: Path, folder: Path) -> None:
    data = tmp_path / "extra.toml"
    data.write_text("[nb]\nmil = 'length-mile'\n", encoding="utf-8")
    built: list[str] = []

    def build() -> str:
        built.append("x")
        return data.read_text(encoding="utf-8")

    first = tables.derived("probe-extra", build, files=(data,))
    assert tables.derived("probe-extra", build, files=(data,)) == first
    assert len(built) == 1  # the second run read the stored table
    data.write_text("[nb]\nmil = 'length-mile-scandinavian'\n", encoding="utf-8")
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 10**9))
    assert "scandinavian" in tables.derived("probe-extra", build, files=(data,))
    assert len(built) == 2


@pytest.mark.parametrize(
    ("lang", "also", "text"),
    [
        (
            "en",
            "nb",
            "On Wednesday, January 19, 2022 at 2:30 PM the fare rose to 5,000 kroner ($560) for 30 miles.",
        ),
        (
            "fr",
            None,
            "Le mercredi 19 janvier 2022 à 14 h 30, le prix est passé à 5 000 couronnes pour 30 kilomètres.",
        ),
        (
            "de",
            None,
            "Am Mittwoch, 19. Januar 2022, um 14.30 Uhr stieg der Preis auf 5.000 Kronen für 30 Kilometer.",
        ),
        ("ru", None, "В среду, 19 января 2022 года, в 14:30 цена выросла до 5000 рублей за 30 километров."),
    ],
)
def test_recognisers_find_the_same_with_stored_tables(
    folder: Path, lang: str, also: str | None, text: str
) -> None:
    def found() -> tuple[Any, ...]:
        return (
            find_dates(text, lang),
            find_times(text, lang),
            find_amounts(text, lang, also),
            units.unit_at(text, text.rindex("30 ") + 3, lang),
        )

    built = found()
    assert all(built), built
    _forget()
    assert found() == built  # every table read from the cache folder this time


def test_an_unwritable_cache_folder_only_means_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    _forget()
    try:
        assert units.unit_words("nb") == units._build("nb")[0]
        assert stamps.date_stamps("Generert 2-Jan-2006") == [(9, 19, 2, 1, 2006)]
    finally:
        _forget()
