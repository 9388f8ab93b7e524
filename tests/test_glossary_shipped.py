"""Every glossary shipped with tcheck loads, lints clean and does what its rows say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.glossary import default_glossaries, lint, load

SHIPPED = default_glossaries()


def test_there_are_shipped_glossaries() -> None:
    assert SHIPPED and all(Path(p).is_file() for p in SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=[Path(p).name for p in SHIPPED])
def test_shipped_glossary_is_clean(path: str) -> None:
    assert lint(path) == []
    glossary = load(path)
    assert glossary.target_lang and glossary.source_lang
    assert len(glossary.entries) >= 10
    ids = [e.id for e in glossary.entries]
    assert len(ids) == len(set(ids))
    for entry in glossary.entries:
        assert entry.preferred is not None, entry.id


def test_news_glossary_knows_csto() -> None:
    glossary = load(next(p for p in SHIPPED if Path(p).name == "nb-en-news.csv"))
    csto = next(e for e in glossary.entries if e.id == "csto")
    assert csto.preferred is not None and csto.preferred.text == "CSTO"
    assert "CTSO" in [t.text for t in csto.forbidden]
