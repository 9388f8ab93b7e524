"""The result cache on reruns: what a rerun reads, writes and checks, and concurrent runs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import cached_site
from tcheck.cli import main
from tcheck.pipeline import cache as result_cache
from tcheck.pipeline import serial

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


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", ".", "--jobs", "1", "--format", "json", *args])
    return result.exit_code, result.stdout


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
    edited = run()
    assert reads.seconds() == len(PAGES) - 1  # every unchanged page's digests feed the run checks
    assert edited == run("--no-cache") and edited != first
    assert "TC103" in edited[1]  # found again from the English page's stored digest


def test_a_lost_digest_entry_checks_its_page_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run()
    conn = sqlite3.connect(_cache_file(site))
    keys = [bytes(k) for (k,) in conn.execute("SELECT key FROM results")]
    seconds = [result_cache.second_key(k) for k in keys if result_cache.second_key(k) in keys]
    assert len(seconds) == len(PAGES)
    whole = [k for k in keys if k not in seconds and result_cache.second_key(k) not in keys]
    assert len(whole) == 1  # the run checks' findings over the whole set
    with conn:  # one page's digests lost (e.g. trimmed away), and the run checks must run again
        conn.execute("DELETE FROM results WHERE key IN (?, ?)", (seconds[0], whole[0]))
    conn.close()
    checked: list[str] = []
    real = serial.check_input  # type: ignore[attr-defined]
    monkeypatch.setattr(
        serial, "check_input", lambda item, job: checked.append(item.shown) or real(item, job)
    )
    again = run()
    assert len(checked) == 1  # that page alone is checked again, for its digests
    assert again == first and "TC103" in first[1]


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
