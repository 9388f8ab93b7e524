"""The SQLite translation cache: keys, persistence, two processes, broken files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tcheck.services.cache import FILE_NAME, TranslationCache, default_cache_dir


def test_entries_are_keyed_by_model_direction_and_text(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / FILE_NAME)
    cache.put_many("m1", "en>nb", [("Hello.", "Hei."), ("Yes.", "Ja.")])
    cache.put_many("m2", "en>nb", [("Hello.", "Hallo.")])
    cache.put_many("m1", "nb>en", [("Hello.", "Hello!")])
    assert cache.get_many("m1", "en>nb", ["Hello.", "No.", "Hello."]) == {"Hello.": "Hei."}
    assert cache.get_many("m2", "en>nb", ["Hello."]) == {"Hello.": "Hallo."}
    assert cache.get_many("m1", "nb>en", ["Hello.", "Yes."]) == {"Hello.": "Hello!"}
    cache.close()
    again = TranslationCache(tmp_path / FILE_NAME)
    assert len(again) == 4 and again.warnings == []


def test_many_texts_are_looked_up_in_chunks(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path / FILE_NAME)
    pairs = [(f"Sentence {i}.", f"Setning {i}.") for i in range(1500)]
    cache.put_many("m", "en>nb", pairs)
    found = cache.get_many("m", "en>nb", [p[0] for p in pairs])
    assert len(found) == 1500 and found["Sentence 1499."] == "Setning 1499."


WRITER = """
import sys
from pathlib import Path
from tcheck.services.cache import TranslationCache
cache = TranslationCache(Path(sys.argv[1]))
name = sys.argv[2]
for batch in range(40):
    cache.put_many("m", "en>nb", [(f"{name} {batch} {i}", f"x{i}") for i in range(10)])
    assert len(cache.get_many("m", "en>nb", [f"{name} {batch} 0"])) == 1
assert not cache.warnings, cache.warnings
print("ok")
"""


def test_two_processes_can_fill_one_cache_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared" / FILE_NAME
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for name in ("first", "second")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert out.strip() == b"ok"
    assert len(TranslationCache(path)) == 800


def test_corrupt_file_is_moved_aside_and_rebuilt_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(b"this is not a database" * 100)
    cache = TranslationCache(path)
    [warning] = cache.warnings
    assert "was unusable" in warning and "started a new one" in warning
    assert any(p.name.startswith(f"{FILE_NAME}.broken-") for p in tmp_path.iterdir())
    cache.put_many("m", "en>nb", [("a", "b")])
    assert cache.get_many("m", "en>nb", ["a"]) == {"a": "b"}
    assert cache.path == path


def test_other_schema_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema', '0')")
    cache = TranslationCache(path)
    assert "schema 0" in cache.warnings[0]
    assert len(cache) == 0


def test_unusable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = TranslationCache(blocker / "cache" / FILE_NAME)
    assert cache.path is None and "using a cache in memory" in cache.warnings[0]
    cache.put_many("m", "en>nb", [("a", "b")])
    assert cache.get_many("m", "en>nb", ["a"]) == {"a": "b"}


def test_default_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "tcheck"
