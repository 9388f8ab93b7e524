"""The language profiles' table is kept in the cache folder and rebuilt when it is damaged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcheck.services import langid


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    langid._table.cache_clear()
    yield tmp_path / "tcheck"
    langid._table.cache_clear()


def _scores(text: str) -> list[float]:
    scorer = langid.Scorer(("nb", "de", "fr"))
    return [round(v, 4) for word in text.split() for v in scorer.word(word)]


def test_table_is_stored_and_reused(fresh_table: Path) -> None:
    built = _scores("Regjeringen sendte soldater til Almaty onsdag")
    stored = list(fresh_table.glob("profiles-langdetect-*.pickle"))
    assert len(stored) == 1
    langid._table.cache_clear()
    assert _scores("Regjeringen sendte soldater til Almaty onsdag") == built


def test_damaged_table_is_rebuilt(fresh_table: Path) -> None:
    built = _scores("Die Regierung schickte Soldaten")
    (file,) = fresh_table.glob("profiles-langdetect-*.pickle")
    file.write_bytes(b"not a pickle")
    langid._table.cache_clear()
    assert _scores("Die Regierung schickte Soldaten") == built
    assert file.read_bytes() != b"not a pickle"


def test_unwritable_cache_folder_still_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a folder: nothing can be written
    langid._table.cache_clear()
    try:
        scores = _scores("Le gouvernement a envoyé des soldats")
    finally:
        langid._table.cache_clear()
    assert scores and any(v != 0 for v in scores)


def test_supported_languages_without_loading_profiles() -> None:
    assert langid.supported("nb") and langid.supported("zh") and langid.supported("de")
    assert not langid.supported("tlh")
