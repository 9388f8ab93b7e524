"""Digests of large files remembered by the file's identity: an unchanged termbase is not read
again to find its parsed form or to key a run's results; any change is seen."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from tcheck import glossary
from tcheck.services import cache

CSV = (
    "# languages: nb -> en\n"
    "source,target,forbidden\n"
    "Organisasjonen for kollektiv sikkerhet,Collective Security Treaty Organization | CSTO,CTSO\n"
    "Stortinget,Storting,Norwegian Parliament\n"
)


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose bytes were hashed, in order."""
    seen: list[str] = []
    real = hashlib.file_digest

    def counting(handle: object, digest: str) -> object:
        seen.append(getattr(handle, "name", "?"))
        return real(handle, digest)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "file_digest", counting)
    monkeypatch.setattr(cache, "_DIGESTS", {})
    return seen


def _settled(path: Path) -> None:
    """As if the file had been written a minute ago."""
    past = time.time() - 60
    os.utime(path, (past, past))


def test_an_unchanged_file_is_hashed_once(tmp_path: Path, hashed: list[str]) -> None:
    path = tmp_path / "termer.csv"
    path.write_text(CSV, encoding="utf-8")
    _settled(path)
    first = cache.file_digest(str(path), tmp_path / "cache")
    assert first == hashlib.blake2b(path.read_bytes()).digest()
    cache._DIGESTS.clear()  # another run: what the cache folder remembers
    assert cache.file_digest(str(path), tmp_path / "cache") == first
    assert len(hashed) == 1
    assert cache.file_digest(str(path), None) == first and len(hashed) == 2  # no cache: always read


def test_a_change_of_the_same_size_and_time_is_seen(tmp_path: Path, hashed: list[str]) -> None:
    path = tmp_path / "termer.csv"
    path.write_text(CSV, encoding="utf-8")
    _settled(path)
    first = cache.file_digest(str(path), tmp_path / "cache")
    stamp = path.stat().st_mtime_ns
    path.write_text(CSV.replace("CTSO", "OTSC"), encoding="utf-8")  # same size
    os.utime(path, ns=(stamp, stamp))  # and the same modification time: the change time differs
    again = cache.file_digest(str(path), tmp_path / "cache")
    assert again != first and again == hashlib.blake2b(path.read_bytes()).digest()


def test_a_file_hashed_right_after_a_change_is_hashed_again(tmp_path: Path, hashed: list[str]) -> None:
    path = tmp_path / "termer.csv"
    path.write_text(CSV, encoding="utf-8")  # modified now: its time stamp may hide a later edit
    cache.file_digest(str(path), tmp_path / "cache")
    cache.file_digest(str(path), tmp_path / "cache")
    assert len(hashed) == 2
    _settled(path)
    cache.file_digest(str(path), tmp_path / "cache")
    cache.file_digest(str(path), tmp_path / "cache")
    assert len(hashed) == 3


def test_an_unreadable_file_has_no_digest(tmp_path: Path, hashed: list[str]) -> None:
    assert cache.file_digest(str(tmp_path / "absent.csv"), tmp_path / "cache") is None


def test_a_stored_glossary_is_found_without_reading_the_file(
    tmp_path: Path, hashed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "termer.csv"
    path.write_text(CSV, encoding="utf-8")
    _settled(path)
    folder = tmp_path / "cache"
    first = glossary.load(str(path), folder)
    reads: list[Path] = []
    real = Path.read_bytes

    def reading(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", reading)
    cache._DIGESTS.clear()
    again = glossary.load(str(path), folder)
    assert again.entries == first.entries and again.sha256 == first.sha256
    assert path not in reads and len(hashed) == 1
    stamp = path.stat().st_mtime_ns
    path.write_text(CSV.replace("CTSO", "OTSC"), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    changed = glossary.load(str(path), folder)
    assert [t.text for t in changed.entries[0].target_terms if t.status == "forbidden"] == ["OTSC"]
