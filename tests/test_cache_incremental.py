"""The result cache on reruns: what a rerun reads, writes and checks, and concurrent runs."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from helpers import cached_site
from helpers import check_here as run
from tcheck.pipeline import cache as result_cache
from tcheck.pipeline import runparts, runwhole, serial

PAGES = {
    "content/en/news/unrest.md": (
        "---\ntitle: Unrest\ndate: 2022-01-19\n---\n\n# Unrest in Kazakhstan\n\n"
        "President Kassym-Jomart Tokayev asked the CSTO for help on Wednesday, January 19.\n\n"
        "The alliance sent 2,300 soldiers to Almaty.\n\n"
        "Kasym-Jomart Tokayev spoke again on Thursday. Kassym-Jomart Tokayev has led the country since 2019.\n"
    ),
    "content/nb/news/unrest.md": (
        "---\ntitle: Uro\ndate: 2022-01-19\n---\n\n# Uro i Kasakhstan\n\n"
        "President Kassym-Jomart Tokajev ba CSTO om hjelp onsdag 19. januar.\n\n"
        "Alliansen sendte 2300 soldater til Almaty.\n"
    ),
    "content/de/news/unrest.md": (
        "---\ntitle: Unruhen\ndate: 2022-01-19\n---\n\n# Unruhen in Kasachstan\n\n"
        "Präsident Kasym-Jomart Tokajew bat die OVKS am Mittwoch, dem 19. Januar, um Hilfe.\n\n"
        "Das Bündnis schickte 2.300 Soldaten nach Almaty.\n"
    ),
    "content/fr/news/unrest.md": (
        "---\ntitle: Troubles\ndate: 2022-01-19\n---\n\n# Troubles au Kazakhstan\n\n"
        "Le président Kassym-Jomart Tokaïev a demandé l'aide de l'OTSC le mercredi 19 janvier.\n\n"
        "L'alliance a envoyé 2 300 soldats à Almaty.\n"
    ),
    "content/ja/news/unrest.md": (
        "---\ntitle: 騒乱\ndate: 2022-01-19\n---\n\n# カザフスタンの騒乱\n\n"
        "トカエフ大統領は1月19日水曜日、CSTOに支援を求めた。\n\n"
        "同盟は2,300人の兵士をアルマトイに派遣した。\n"
    ),
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_site(tmp_path, monkeypatch, PAGES)


class Reads:
    """Records the keys every ``ResultCache.get_many`` of a run found."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.keys: list[bytes] = []
        real = result_cache.ResultCache.get_many

        def recording(cache: result_cache.ResultCache, keys: list[bytes]) -> dict[bytes, object]:
            found = real(cache, keys)
            self.keys.extend(found)
            return found

        monkeypatch.setattr(result_cache.ResultCache, "get_many", recording)

    def seconds(self) -> int:
        """How many second parts (the run checks' digests) were read since the last call."""
        found = set(self.keys)
        read = sum(1 for key in found if result_cache.second_key(key) in found)
        self.keys = []
        return read


def _cache_file(site: Path) -> Path:
    return site.parent / "cache" / "tcheck" / result_cache.FILE_NAME


def test_a_rerun_reads_no_digests_and_an_edit_reads_them(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    first = run()
    assert "TC103" in first[1]  # Kasym-Jomart against Kassym-Jomart: a run check's finding
    reads.seconds()
    assert run() == first
    assert reads.seconds() == 0  # the run checks' findings are known: their digests are not read
    page = site / "content/ja/news/unrest.md"
    page.write_text(page.read_text(encoding="utf-8").replace("水曜日", "木曜日"), encoding="utf-8")
    split = set(Stored(site).split)
    edited = run()
    assert not split & set(reads.keys)  # TC103: the edited page's language alone, fed its fresh digests
    # TC106 and TC107: the edited page's digests hash as before (its prose is not compared), so
    # their findings come from the cache, and no unchanged page's digests are read
    assert reads.seconds() == 0
    assert edited == run("--no-cache") and edited != first
    assert "TC103" in edited[1]  # found again from the English page's stored digest


class Stored:
    """The result cache's entries after a run, by kind."""

    def __init__(self, site: Path) -> None:
        conn = sqlite3.connect(_cache_file(site))
        rows = {bytes(k): v for k, v in conn.execute("SELECT key, value FROM results")}
        conn.close()
        keys = set(rows)
        self.firsts = sorted(k for k in keys if result_cache.second_key(k) in keys)
        self.seconds = [result_cache.second_key(k) for k in self.firsts]
        name = runparts.digests_name("TC103")
        self.split = [key for k in self.firsts if (key := result_cache.part_key(k, name)) in keys]
        rest = keys - {*self.firsts, *self.seconds, *self.split, result_cache.IDENTITIES}
        values = {k: pickle.loads(zlib.decompress(rows[k])) for k in rest}
        self.parts = {k: v for k, v in values.items() if isinstance(v, runparts.PartEntry)}
        self.checks = {k: v for k, v in values.items() if isinstance(v, runwhole.CheckEntry)}
        self.index = [k for k, v in values.items() if isinstance(v, dict)]
        self.whole = [k for k in rest if k not in {*self.parts, *self.checks, *self.index}]
        found = rows.get(result_cache.IDENTITIES)
        self.identities = pickle.loads(zlib.decompress(found)) if found is not None else None

    @staticmethod
    def drop(site: Path, keys: list[bytes]) -> None:
        conn = sqlite3.connect(_cache_file(site))
        with conn:
            conn.executemany("DELETE FROM results WHERE key = ?", [(k,) for k in keys])
        conn.close()


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = serial.check_input  # type: ignore[attr-defined]
    monkeypatch.setattr(
        serial, "check_input", lambda item, job: checked.append(item.shown) or real(item, job)
    )
    return checked


def test_the_cache_holds_each_part_of_the_run(site: Path) -> None:
    """Per page: its results, its run-check digests and its TC103 digests; per language, TC103's
    findings and facts; and the run checks' findings over the whole set."""
    run()
    stored = Stored(site)
    assert len(stored.firsts) == len(stored.split) == len(PAGES)
    assert len(stored.parts) == len({name.split("/")[1] for name in PAGES})  # one per language
    assert len(stored.whole) == len(stored.index) == 1
    assert len(stored.checks) == 2  # TC106 and TC107, by their digests' hashes
    assert stored.identities is not None  # and the pages' identities and digests
    assert {Path(name).relative_to(site).as_posix() for name in stored.identities} == set(PAGES)


def test_a_lost_digest_entry_checks_its_page_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run()
    stored = Stored(site)
    # one page's TC103 digests lost (e.g. trimmed away), and every language must be finished again
    Stored.drop(site, [stored.split[0], *stored.parts, *stored.whole])
    checked = _counting(monkeypatch)
    again = run()
    assert len(checked) == 1  # that page alone is checked again, for its digests
    assert again == first and "TC103" in first[1]
    assert len(Stored(site).parts) == len(stored.parts)  # stored again


def test_a_lost_part_is_finished_again_from_the_stored_digests(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One language's TC103 findings lost: its pages' digests are read back and it is finished
    again; no page is checked, the other languages' TC103 digests are not read."""
    from tcheck.checks import term_variant

    first = run()
    stored = Stored(site)
    english = next(k for k, v in stored.parts.items() if any("content/en/" in (h.path or "") for h in v.hits))
    Stored.drop(site, [english, *stored.whole])
    checked = _counting(monkeypatch)
    finished: list[list[str]] = []
    real = term_variant.TermVariant.finish_groups

    def counting(self: term_variant.TermVariant, ctx: Any, groups: Any, run_facts: Any) -> Any:
        finished.append(list(groups))
        return real(self, ctx, groups, run_facts)

    monkeypatch.setattr(term_variant.TermVariant, "finish_groups", counting)
    reads = Reads(monkeypatch)
    again = run()
    assert checked == [] and finished == [["en"]]
    assert again == first and "Kasym-Jomart" in first[1]
    assert len(set(reads.keys) & set(stored.split)) == 1  # the English page's digests alone


def test_a_rerun_soon_after_writes_nothing(site: Path) -> None:
    run()
    path = _cache_file(site)

    def uses() -> dict[bytes, float]:
        conn = sqlite3.connect(path)
        try:
            return {bytes(k): u for k, u in conn.execute("SELECT key, used FROM results")}
        finally:
            conn.close()

    before = uses()
    run()
    assert uses() == before  # used within the hour: not rewritten
    old = time.time() - 2 * result_cache.USED_EVERY
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE results SET used = ?", (old,))
    conn.close()
    run()
    renewed = uses()
    assert any(u > old + 1 for u in renewed.values())  # entries read again are marked as used now
    assert all(u == old for k, u in renewed.items() if k not in before)


def test_concurrent_runs_share_one_cache(site: Path, tmp_path: Path) -> None:
    """Two processes checking the same site at once, on one cache folder, each report what a run
    without the cache reports, and neither warns about the cache."""
    expected = run("--no-cache")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "shared-cache"), "TCHECK_RESULT_CACHE": "on"}
    command = [sys.executable, "-m", "tcheck", "check", ".", "--jobs", "1", "--format", "json"]
    for _ in range(2):  # an empty cache (both write), then a filled one (both read)
        children = [
            subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for child in children:
            out, err = child.communicate(timeout=300)
            assert (child.returncode, out.decode()) == expected
            assert b"result cache" not in err and b"Traceback" not in err


@pytest.mark.parametrize("few", [True, False])
def test_a_damaged_digest_entry_is_a_lost_one(site: Path, monkeypatch: pytest.MonkeyPatch, few: bool) -> None:
    """A TC103 digest entry that holds something else (here: an empty list) is taken for lost:
    its page is checked again and the report is unchanged, whether the run feeds TC103 only the
    parts that changed (few pages checked again) or every digest (many)."""
    monkeypatch.setattr(runparts, "few_missing", lambda missing, inputs: few)
    first = run()
    stored = Stored(site)
    conn = sqlite3.connect(_cache_file(site))
    with conn:
        damaged = zlib.compress(pickle.dumps([]))
        conn.execute("UPDATE results SET value = ? WHERE key = ?", (damaged, stored.split[0]))
    conn.close()
    Stored.drop(site, [*stored.parts, *stored.whole])
    checked = _counting(monkeypatch)
    assert run() == first
    assert len(checked) == 1


def test_many_edits_feed_every_digest_with_the_same_report(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When many pages are checked again, every digest is fed (none held back) and each
    language's TC103 findings are stored again: the report is that of a run without the cache."""
    run()
    for name in ("content/en/news/unrest.md", "content/de/news/unrest.md", "content/nb/news/unrest.md"):
        page = site / name
        page.write_text(page.read_text(encoding="utf-8").replace("19", "20"), encoding="utf-8")
    monkeypatch.setattr(runparts, "few_missing", lambda missing, inputs: False)
    edited = run()
    assert edited == run("--no-cache") and "TC103" in edited[1]
    monkeypatch.setattr(runparts, "few_missing", lambda missing, inputs: True)
    Stored.drop(site, Stored(site).whole)
    assert run() == edited  # the parts stored by that run
