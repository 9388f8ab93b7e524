"""Parsed glossaries are kept in the cache folder and used again while the file is unchanged."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tcheck import glossary
from tcheck.errors import InputError
from tcheck.glossary.lazyglossary import StoredGlossary

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


def test_a_stored_glossary_reads_its_entries_when_first_used(tmp_path: Path) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    first = glossary.load(str(path), tmp_path / "cache")
    second = glossary.load(str(path), tmp_path / "cache")
    assert isinstance(second, StoredGlossary) and not second.unpacked
    assert second.for_pair("nb", "en") is second and second.facts() == (True, True, True)
    assert glossary.usage_notes([second], [("nb", "en")]) == [] and not second.unpacked
    assert second.entries == first.entries and second.unpacked
    assert second.entries[0].target_terms[1].text == "CTSO"


def test_a_stored_glossary_pickles_packed_or_not(tmp_path: Path) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    first = glossary.load(str(path), tmp_path / "cache")
    packed = glossary.load(str(path), tmp_path / "cache")
    copy = pickle.loads(pickle.dumps(packed))
    assert isinstance(copy, StoredGlossary) and not copy.unpacked and copy.entries == first.entries
    assert packed.entries == first.entries  # now unpacked: pickled with its entries
    assert pickle.loads(pickle.dumps(packed)).entries == first.entries


def test_notes_on_a_stored_glossary_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "tom.csv"
    path.write_text("# languages: nb -> en\n# terms to come\nsource,target\n", encoding="utf-8")
    parsed = glossary.load(str(path), tmp_path / "cache")
    stored = glossary.load(str(path), tmp_path / "cache")
    assert isinstance(stored, StoredGlossary) and stored.facts() == (False, False, False)
    notes = glossary.usage_notes([stored], [("nb", "en")])
    assert notes == glossary.usage_notes([parsed], [("nb", "en")])
    assert len(notes) == 1 and "no entries" in notes[0] and not stored.unpacked


def test_damaged_entries_are_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "nyheter.csv"
    path.write_text(CSV, encoding="utf-8")
    first = glossary.load(str(path), tmp_path / "cache")
    (kept,) = (tmp_path / "cache" / "glossaries").glob("*.pickle")
    form, fields, facts, packed = pickle.loads(kept.read_bytes())
    kept.write_bytes(pickle.dumps((form, fields, facts, packed[: len(packed) // 2])))
    again = glossary.load(str(path), tmp_path / "cache")
    assert isinstance(again, StoredGlossary) and again.entries == first.entries
