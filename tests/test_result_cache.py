"""The result cache: a rerun checks only what changed, and reports exactly what a full run does."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from helpers import cached_site
from tcheck.cli import main
from tcheck.engine import Input
from tcheck.pipeline import cache as result_cache
from tcheck.pipeline import serial
from tcheck.pipeline.executor import DocResult, Job

PAGES = {
    "content/en/docs/summit.md": (
        "---\ntitle: Summit\ndate: 2022-01-19\n---\n\n# The summit\n\n"
        "Leaders of the CSTO met in Moscow on Wednesday, January 19.\n\n"
        "The alliance said 2,300 soldiers would leave by Friday.\n"
    ),
    "content/nb/docs/summit.md": (
        "---\ntitle: Toppmøte\ndate: 2022-01-19\n---\n\n# Toppmøtet\n\n"
        "Lederne i CSTO møttes i Moskva onsdag 19. januar.\n\n"
        "Alliansen sa at 2300 soldater ville dra innen fredag.\n"
    ),
    "content/de/docs/summit.md": (
        "---\ntitle: Gipfel\ndate: 2022-01-19\n---\n\n# Der Gipfel\n\n"
        "Die Führer der OVKS trafen sich am Mittwoch, dem 19. Januar, in Moskau.\n\n"
        "Das Bündnis sagte, 2.300 Soldaten würden bis Freitag abziehen.\n"
    ),
    "notes/fr/brief.txt": "Les dirigeants de la CTSO se sont réunis jeudi. La CSTO a confirmé.\n",
    "notes/zh/brief.txt": "集体安全条约组织（CSTO）的领导人周三在莫斯科会面。\n",
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_site(tmp_path, monkeypatch, PAGES)


class Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.checked: list[str] = []
        real = serial.check_input  # type: ignore[attr-defined]

        def counting(item: Input, job: Job) -> list[DocResult]:
            self.checked.append(item.shown)
            return real(item, job)

        monkeypatch.setattr(serial, "check_input", counting)

    def take(self) -> list[str]:
        out, self.checked = sorted(self.checked), []
        return out


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", ".", "--jobs", "1", "--source-lang", "en", *args])
    return result.exit_code, result.stdout


def test_second_run_checks_nothing_and_reports_the_same(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    first = run("--format", "json")
    assert len(counter.take()) == len(PAGES)
    second = run("--format", "json")
    assert counter.take() == []
    assert second == first
    assert (site.parent / "cache" / "tcheck" / result_cache.FILE_NAME).is_file()


def test_an_edited_page_alone_is_checked_again(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    run("--format", "json")
    counter.take()
    page = site / "notes/fr/brief.txt"
    page.write_text("Les dirigeants de la CTSO se sont réunis jeudi. La CTSO a confirmé.\n", encoding="utf-8")
    cached = run("--format", "json")
    assert counter.take() == ["notes/fr/brief.txt"]
    full = run("--format", "json", "--no-cache")
    assert cached == full


def test_a_changed_source_rechecks_its_translations(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    run()
    counter.take()
    source = site / "content/en/docs/summit.md"
    source.write_text(source.read_text(encoding="utf-8").replace("2,300", "2,500"), encoding="utf-8")
    cached = run("--format", "json")
    assert counter.take() == [
        "content/de/docs/summit.md",
        "content/en/docs/summit.md",
        "content/nb/docs/summit.md",
    ]
    assert "TC301" in cached[1]
    assert cached == run("--format", "json", "--no-cache")


def test_run_checks_still_see_cached_documents(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TC103 compares spellings across files: the cached ones take part through their digests."""
    counter = Counter(monkeypatch)
    first = run("--format", "json", "--select", "TC103")
    (site / "notes/zh/brief.txt").write_text(
        "集体安全条约组织（CSTO）的领导人周四在莫斯科会面。\n", encoding="utf-8"
    )
    counter.take()
    second = run("--format", "json", "--select", "TC103")
    assert counter.take() == ["notes/zh/brief.txt"]
    assert "TC103" in first[1] and second == run("--format", "json", "--select", "TC103", "--no-cache")


def test_run_checks_are_not_redone_for_an_unchanged_set_of_documents(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rerun over the same documents takes the run checks' findings (TC103 here) from the cache
    instead of feeding and finishing them again; one changed page makes TC103 finish its
    language again, and only that one: the others' findings come from the cache."""
    from tcheck.checks import term_variant

    finished: list[list[str]] = []
    real = term_variant.TermVariant.finish_groups

    def counting(self: term_variant.TermVariant, ctx: Any, groups: Any, run: Any) -> Any:
        finished.append(list(groups))
        return real(self, ctx, groups, run)

    monkeypatch.setattr(term_variant.TermVariant, "finish_groups", counting)
    first = run("--format", "json", "--select", "TC103")
    assert "CTSO" in first[1] and finished == [["de", "en", "fr", "nb", "zh"]]
    assert run("--format", "json", "--select", "TC103") == first
    assert len(finished) == 1  # taken from the cache
    (site / "notes/fr/brief.txt").write_text(
        "Les dirigeants de la CSTO se sont réunis jeudi. La CSTO a confirmé.\n", encoding="utf-8"
    )
    changed = run("--format", "json", "--select", "TC103")
    assert finished[1:] == [["fr"]] and "CTSO" not in changed[1]
    assert changed == run("--format", "json", "--select", "TC103", "--no-cache")


def test_other_settings_or_glossary_do_not_reuse_results(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    run()
    counter.take()
    run("--ignore", "TC302")
    assert len(counter.take()) == len(PAGES)
    glossary = site.parent / "terms.csv"
    glossary.write_text("# languages: en -> fr\nsource,target,forbidden\nCSTO,CSTO,CTSO\n", encoding="utf-8")
    assert run("--glossary", str(glossary))[0] == 1
    assert len(counter.take()) == len(PAGES)
    run("--glossary", str(glossary))
    assert counter.take() == []
    glossary.write_text("# languages: en -> fr\nsource,target,forbidden\nCSTO,CSTO,OTSC\n", encoding="utf-8")
    run("--glossary", str(glossary))
    assert len(counter.take()) == len(PAGES)


def test_no_cache_neither_reads_nor_writes(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    run("--no-cache")
    run("--no-cache")
    assert len(counter.take()) == 2 * len(PAGES)
    assert not (site.parent / "cache" / "tcheck" / result_cache.FILE_NAME).exists()


def test_a_damaged_cache_is_reported_and_the_run_goes_on(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = site.parent / "cache" / "tcheck"
    folder.mkdir(parents=True)
    (folder / result_cache.FILE_NAME).write_bytes(b"this is not a database" * 100)
    full = run("--format", "json", "--no-cache")
    result = CliRunner().invoke(
        main, ["check", ".", "--jobs", "1", "--source-lang", "en", "--format", "json"]
    )
    assert result.stdout == full[1] and result.exit_code == full[0]
    assert "result cache" in result.stderr and "Traceback" not in result.stderr


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    cache = result_cache.ResultCache(path)
    assert cache.warnings and cache.get_many([b"k"]) == {}
    cache.put_many([(b"k", [1])])
    cache.close()
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["people"]


def test_the_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_cache, "USED_EVERY", -1.0)  # every read renews the time of use
    cache = result_cache.ResultCache(tmp_path / "r.sqlite3", max_bytes=20_000)
    for i in range(40):
        cache.put_many([(i.to_bytes(4, "big"), random.Random(i).randbytes(2000))])  # incompressible
        cache.get_many([b"\x00\x00\x00\x00"])  # the first stays in use
    cache.close()
    again = result_cache.ResultCache(tmp_path / "r.sqlite3", max_bytes=20_000)
    kept = again.get_many([i.to_bytes(4, "big") for i in range(40)])
    assert 0 < len(kept) < 40
    assert b"\x00\x00\x00\x00" in kept and (39).to_bytes(4, "big") in kept


def test_through_cache_keeps_input_order(tmp_path: Path) -> None:
    cache = result_cache.ResultCache(tmp_path / "r.sqlite3")
    cache.put_many([(b"b", "cached b")])
    asked: list[list[str]] = []

    def compute(items: Sequence[str]) -> list[str]:
        asked.append(list(items))
        return [f"fresh {i}" for i in items]

    out = list(result_cache.through_cache(["a", "b", "c"], [b"a", b"b", b"c"], cache, compute))
    assert out == ["fresh a", "cached b", "fresh c"] and asked == [["a", "c"]]
    again = list(result_cache.through_cache(["a", "b", "c"], [b"a", b"b", b"c"], cache, compute))
    assert again == ["fresh a", "cached b", "fresh c"] and len(asked) == 1
