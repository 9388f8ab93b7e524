"""The result cache's keys without reading unchanged files: each file hashed once per run, and
not at all while its identity is the one an earlier run recorded; any change is seen."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path
from typing import Any

import pytest

from helpers import cached_site
from helpers import check_here as run
from tcheck.pipeline import filekeys

EN = (
    "# Unrest in Kazakhstan\n\nPresident Kassym-Jomart Tokayev asked the CSTO for help on Wednesday, January 19.\n\n"
    "Kasym-Jomart Tokayev spoke again on Thursday. Kassym-Jomart Tokayev has led the country since 2019.\n"
)
NB = "# Uro i Kasakhstan\n\nPresident Kassym-Jomart Tokajev ba CSTO om hjelp onsdag 19. januar.\n"
DE = "# Unruhen in Kasachstan\n\nPräsident Kasym-Jomart Tokajew bat die OVKS am Mittwoch, dem 19. Januar, um Hilfe.\n"
PAGES = {"content/en/news/unrest.md": EN, "content/nb/news/unrest.md": NB, "content/de/news/unrest.md": DE}


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files :mod:`tcheck.pipeline.filekeys` opened, in order."""
    seen: list[str] = []

    def counting(path: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(path).name)
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(filekeys, "open", counting, raising=False)
    return seen


def _pages(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in PAGES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out[name.split("/")[1]] = path
    return out


def test_a_source_is_hashed_once_in_a_run(tmp_path: Path, opened: list[str]) -> None:
    pages = _pages(tmp_path)
    files = filekeys.FileDigests()
    for lang in ("nb", "de"):  # two translations of one original
        files.digest(str(pages[lang]))
        files.digest(str(pages["en"]))
    assert opened.count("unrest.md") == 3 and files.read == 3
    assert files.digest(None) == b"-"


def test_an_unchanged_file_is_not_read_by_the_next_run(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filekeys, "SETTLED", 0.0)
    page = _pages(tmp_path)["nb"]
    first = filekeys.FileDigests()
    digest = first.digest(str(page))
    assert first.changed
    second = filekeys.FileDigests(first.table())
    assert second.digest(str(page)) == digest and second.read == 0 and not second.changed
    assert len(opened) == 1


def test_a_change_of_the_same_size_and_time_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same length, modification time put back: the change time (and the content) tells."""
    monkeypatch.setattr(filekeys, "SETTLED", 0.0)
    page = _pages(tmp_path)["nb"]
    first = filekeys.FileDigests()
    digest = first.digest(str(page))
    stat = page.stat()
    page.write_text(NB.replace("onsdag", "torsdag").replace("CSTO", "CST"), encoding="utf-8")
    assert page.stat().st_size == stat.st_size
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = filekeys.FileDigests(first.table())
    assert again.digest(str(page)) != digest and again.read == 1 and again.changed


def test_a_file_hashed_right_after_a_change_is_hashed_again(tmp_path: Path, opened: list[str]) -> None:
    """Hashed within ``SETTLED`` seconds of its last change: a write of the same size in that
    time could keep its identity, so the digest is not trusted, and not stored again either."""
    page = _pages(tmp_path)["de"]
    first = filekeys.FileDigests()
    digest = first.digest(str(page))
    second = filekeys.FileDigests(first.table())
    assert second.digest(str(page)) == digest and second.read == 1
    assert not second.changed  # nothing worth a write: a rerun soon after writes nothing


def test_a_touched_file_is_read_and_recorded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filekeys, "SETTLED", 0.0)
    page = _pages(tmp_path)["en"]
    first = filekeys.FileDigests()
    digest = first.digest(str(page))
    os.utime(page)
    second = filekeys.FileDigests(first.table())
    assert second.digest(str(page)) == digest and second.read == 1 and second.changed
    assert filekeys.FileDigests(second.table()).digest(str(page)) == digest


def test_an_unreadable_file_never_matches(tmp_path: Path) -> None:
    files = filekeys.FileDigests()
    missing = str(tmp_path / "content/nb/news/gone.md")
    assert files.digest(missing) == files.digest(missing)  # one value in a run
    assert filekeys.FileDigests().digest(missing) != files.digest(missing)
    assert not files.changed


def test_the_table_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filekeys, "MAX_FILES", 1)
    pages = _pages(tmp_path)
    old = filekeys.FileDigests()
    old.digest(str(pages["en"]))
    old.digest(str(pages["de"]))
    run = filekeys.FileDigests(old.table())
    run.digest(str(pages["nb"]))
    assert set(run.table()) == {os.path.abspath(pages["nb"])}


def test_a_tree_is_read_only_when_a_file_of_it_changed(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filekeys, "SETTLED", 0.0)
    tree = tmp_path / "code"
    for name, text in PAGES.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, encoding="utf-8")
    (tree / "__pycache__").mkdir()
    (tree / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0" * 8)
    store = tmp_path / "cache" / "fingerprint.pickle"
    digest = filekeys.tree_digest(tree, b"seed", store)
    assert len(opened) == 3  # the bytecode cache is left out
    assert filekeys.tree_digest(tree, b"seed", store) == digest and len(opened) == 3
    assert filekeys.tree_digest(tree, b"other", store) != digest  # another seed (library versions)
    page = tree / "content/de/news/unrest.md"
    stat = page.stat()
    page.write_text(DE.replace("Mittwoch", "Dienstag"), encoding="utf-8")  # same length
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    changed = filekeys.tree_digest(tree, b"seed", store)
    assert changed != digest and changed == filekeys.tree_digest(tree, b"seed", None)
    (tree / "content/fr.md").write_text("# Troubles au Kazakhstan\n", encoding="utf-8")
    assert filekeys.tree_digest(tree, b"seed", store) not in (digest, changed)


def test_a_rerun_reads_no_page_and_reports_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = cached_site(tmp_path, monkeypatch, PAGES)
    monkeypatch.setattr(filekeys, "SETTLED", 0.0)
    made: list[filekeys.FileDigests] = []
    real = filekeys.FileDigests.__init__

    def recording(self: filekeys.FileDigests, known: Any = None) -> None:
        real(self, known)
        made.append(self)

    monkeypatch.setattr(filekeys.FileDigests, "__init__", recording)
    first = run()
    assert json.loads(first[1])["findings"] and made[-1].read == len(PAGES)
    assert run() == first and made[-1].read == 0
    page = site / "content/en/news/unrest.md"  # the original of both translations
    page.write_text(EN.replace("Kasym-", "Kassym-"), encoding="utf-8")
    edited = run()
    assert made[-1].read == 1  # hashed once for its own key and those of its translations
    assert edited == run("--no-cache") and "TC103" not in edited[1]
