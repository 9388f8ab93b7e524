"""Run checks that do not split the run (TC106, TC107) on a rerun after an edit: their findings
come from the result cache by their digests' hashes, or from every digest, read back, when one
changed; the report is always that of a run without the cache."""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest

from helpers import cached_site
from helpers import check_here as run
from tcheck.pipeline import cache as result_cache
from tcheck.pipeline import runparts, runwhole, serial

HEADER = 'msgid ""\nmsgstr ""\n"Language: {}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
UI_NB = HEADER.format("nb") + (
    'msgid "Save changes"\nmsgstr "Lagre endringene"\n\n'
    'msgid "The CSTO sent 2,300 soldiers to Almaty on Wednesday."\n'
    'msgstr "CSTO sendte 2300 soldater til Almaty onsdag."\n\n'
    'msgid "Kassym-Jomart Tokayev asked for help."\nmsgstr "Kassym-Jomart Tokajev ba om hjelp."\n'
)
HELP_NB = HEADER.format("nb") + (
    'msgid "Save changes"\nmsgstr "Ta vare på endringene"\n\n'
    'msgid "Open the settings"\nmsgstr "Åpne innstillingene"\n\n'
    'msgid "Kasym-Jomart Tokayev spoke again on Thursday."\nmsgstr "Kasym-Jomart Tokajev talte igjen torsdag."\n'
)
UI_DE = HEADER.format("de") + (
    'msgid "Save changes"\nmsgstr "Änderungen speichern"\n\n'
    'msgid "Open the settings"\nmsgstr "Einstellungen öffnen"\n'
)
FILES = {"locale/ui.nb.po": UI_NB, "locale/help.nb.po": HELP_NB, "locale/ui.de.po": UI_DE}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_site(tmp_path, monkeypatch, FILES)


def _rows(site: Path) -> dict[bytes, object]:
    conn = sqlite3.connect(site.parent / "cache" / "tcheck" / result_cache.FILE_NAME)
    try:
        return {
            bytes(k): pickle.loads(zlib.decompress(v))
            for k, v in conn.execute("SELECT key, value FROM results")
        }
    finally:
        conn.close()


def _drop(site: Path, keys: list[bytes]) -> None:
    conn = sqlite3.connect(site.parent / "cache" / "tcheck" / result_cache.FILE_NAME)
    with conn:
        conn.executemany("DELETE FROM results WHERE key = ?", [(k,) for k in keys])
    conn.close()


def _kinds(site: Path) -> tuple[list[bytes], list[bytes], list[bytes], list[bytes]]:
    """(first parts, second parts, run checks' hits by digests, the index) in the cache."""
    rows = _rows(site)
    firsts = [k for k in rows if result_cache.second_key(k) in rows]
    checks = [k for k, v in rows.items() if isinstance(v, runwhole.CheckEntry)]
    index = [k for k, v in rows.items() if isinstance(v, dict) and k != result_cache.IDENTITIES]
    return firsts, [result_cache.second_key(k) for k in firsts], checks, index


class Reads:
    """The keys every ``ResultCache.get_many`` found, and the inputs checked, since the last take."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.keys: list[bytes] = []
        self.checked: list[str] = []
        real = result_cache.ResultCache.get_many
        check = serial.check_input  # type: ignore[attr-defined]

        def recording(cache: result_cache.ResultCache, keys: list[bytes]) -> dict[bytes, object]:
            found = real(cache, keys)
            self.keys.extend(found)
            return found

        monkeypatch.setattr(result_cache.ResultCache, "get_many", recording)

        def counting(item: Any, job: Any) -> Any:
            self.checked.append(item.shown)
            return check(item, job)

        monkeypatch.setattr(serial, "check_input", counting)

    def take(self, seconds: list[bytes]) -> tuple[int, list[str]]:
        read = len(set(self.keys) & set(seconds))
        checked, self.keys, self.checked = self.checked, [], []
        return read, checked


def test_an_edit_that_changes_a_digest_feeds_every_digest(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The help file's 'Save changes' made consistent: TC106's digest of it changed, so the other
    files' digests are read back and fed in order; the finding is gone, as without the cache."""
    first = run()
    assert "Ta vare på endringene" in first[1]  # TC106 across the two nb files
    _, seconds, checks, index = _kinds(site)
    assert len(checks) == 2 and len(index) == 1  # TC106 and TC107
    reads = Reads(monkeypatch)
    page = site / "locale/help.nb.po"
    page.write_text(HELP_NB.replace("Ta vare på endringene", "Lagre endringene"), encoding="utf-8")
    edited = run()
    assert reads.take(seconds) == (2, ["locale/help.nb.po"])  # the others' digests, not checked
    assert edited == run("--no-cache") and "TC106" not in edited[1]
    reads.take(seconds)
    page.write_text(HELP_NB, encoding="utf-8")  # back as it was: every finding from the cache
    assert run() == first and reads.take(seconds) == (0, [])


def test_lost_hashes_are_read_from_the_digests(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the index, an edit reads the unchanged files' digests to hash them; the hits of
    TC106 and TC107 are still found under those hashes, and the index is stored again."""
    first = run()
    _, seconds, _, index = _kinds(site)
    _drop(site, index)
    reads = Reads(monkeypatch)
    page = site / "locale/ui.de.po"
    page.write_text(UI_DE.replace("Einstellungen öffnen", "Die Einstellungen öffnen"), encoding="utf-8")
    edited = run()
    read, checked = reads.take(seconds)
    assert read == 2 and checked == ["locale/ui.de.po"]
    assert edited == run("--no-cache") and "TC106" in edited[1] and "TC106" in first[1]
    assert len(_kinds(site)[3]) == 1


def test_lost_hits_are_found_again_from_the_digests(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run()
    firsts, seconds, checks, _ = _kinds(site)
    rows = _rows(site)
    split = {result_cache.part_key(k, runparts.digests_name("TC103")) for k in firsts}
    kept = {*firsts, *seconds, *checks, *split, result_cache.IDENTITIES}
    whole = [k for k, v in rows.items() if k not in kept and isinstance(v, list)]
    assert len(whole) == 1
    _drop(site, [*checks, *whole])  # the run checks' findings, by digests and over the whole set
    reads = Reads(monkeypatch)
    page = site / "locale/ui.nb.po"
    page.write_text("# Norsk brukerflate\n" + UI_NB, encoding="utf-8")  # every line moves down
    edited = run()
    assert reads.take(seconds) == (2, ["locale/ui.nb.po"])
    assert edited == run("--no-cache") and "TC106" in edited[1] and edited != first


def test_a_lost_digest_entry_checks_its_file_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run()
    firsts, seconds, _, _ = _kinds(site)
    rows = _rows(site)
    ui_de = next(k for k in firsts if any(part.path == "locale/ui.de.po" for part in rows[k]))  # type: ignore[attr-defined]
    _drop(site, [result_cache.second_key(ui_de)])
    reads = Reads(monkeypatch)
    page = site / "locale/help.nb.po"
    page.write_text(HELP_NB.replace("Åpne innstillingene", "Åpne oppsettet"), encoding="utf-8")
    edited = run()
    assert sorted(reads.take(seconds)[1]) == ["locale/help.nb.po", "locale/ui.de.po"]
    assert edited == run("--no-cache")
    assert result_cache.second_key(ui_de) in _rows(site)  # stored again
