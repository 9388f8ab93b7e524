"""Parsed glossaries are kept in the cache folder and used again while the file is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck import glossary
from tcheck.errors import InputError

CSV = (
    "# languages: nb -> en\n"
    "id,source,target,forbidden\n"
    "csto,CSTO | Organisasjonen for kollektiv sikkerhet,CSTO,CTSO\n"
    "nato,NATO | Atlanterhavspakten,NATO,OTAN\n"
)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = glossary.parse_text

    def counting(path: str, text: str) -> glossary.Parsed:
        seen.append(path)
        return real(path, text)

    monkeypatch.setattr(glossary, "parse_text", counting)
    return seen


def test_second_load_is_not_parsed(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    first = glossary.load(str(path), tmp_path / "cache")
    second = glossary.load(str(path), tmp_path / "cache")
    assert parses == [str(path)]
    assert second.entries == first.entries and second.sha256 == first.sha256
    assert second.for_pair("nb", "en") is not None


def test_a_copy_elsewhere_reports_its_own_path(tmp_path: Path, parses: list[str]) -> None:
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "b.csv").write_text(CSV, encoding="utf-8")
    glossary.load(str(tmp_path / "a.csv"), tmp_path / "cache")
    again = glossary.load(str(tmp_path / "b.csv"), tmp_path / "cache")
    assert again.path == str(tmp_path / "b.csv") and len(parses) == 1


def test_a_changed_file_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    glossary.load(str(path), tmp_path / "cache")
    path.write_text(CSV + "eu,EU | Den europeiske union,EU,UE\n", encoding="utf-8")
    changed = glossary.load(str(path), tmp_path / "cache")
    assert len(parses) == 2 and len(changed.entries) == 3


def test_a_damaged_store_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    glossary.load(str(path), tmp_path / "cache")
    for stored in (tmp_path / "cache" / "glossaries").iterdir():
        stored.write_bytes(b"\x80\x05garbage")
    again = glossary.load(str(path), tmp_path / "cache")
    assert len(parses) == 2 and len(again.entries) == 2


def test_a_bad_glossary_is_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "feil.csv"
    path.write_text("# languages: nb -> en\nid,source,target,forbidden\nx,CSTO,CSTO,CSTO\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            glossary.load(str(path), tmp_path / "cache")
    assert not list((tmp_path / "cache" / "glossaries").glob("*.pickle"))  # only its digest is kept


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    glossary.load(str(path))
    glossary.load(str(path))
    assert len(parses) == 2 and not list(tmp_path.rglob("*.pickle"))
