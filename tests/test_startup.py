"""Start-up cost: a run imports only what the checks it selects need (issue 12, "one small file").

Each run happens in a fresh interpreter (``sys.modules`` of this test process holds everything
the other tests imported); the child prints the modules it ended with.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tcheck import gcutil, registry
from tcheck.services import mt

# Runs ``tcheck`` in-process, then prints the names of the imported modules as JSON on stdout
# (from an exit handler: the command line ends its process without returning, once its exit
# handlers have run).
_CHILD = """
import atexit, json, runpy, sys
printed = []
def modules():
    if not printed:
        printed.append(1)
        print("\\nMODULES " + json.dumps(sorted(sys.modules)), flush=True)
atexit.register(modules)
sys.argv = ["tcheck", *sys.argv[1:]]
try:
    runpy.run_module("tcheck", run_name="__main__")
except SystemExit:
    pass
modules()
"""

GLOSSARY = """\
# languages: nb -> en
source,target,forbidden
Organisasjonen for kollektiv sikkerhet,Collective Security Treaty Organization | CSTO,CTSO
"""
TEXT_EN = (
    "The Russian-led alliance CTSO sent 2,300 troops to Almaty on Wednesday, January 19.\n\n"
    "President Kassym-Jomart Tokayev said the situation was under control.\n"
)
TEXT_NB = "Drivstoffprisene steg med 4,5 prosent i desember, og regjeringen satte et tak på 50 tenge.\n"


def imported(args: list[str], cwd: Path, **env: str) -> tuple[set[str], str]:
    """The modules a fresh ``tcheck`` run ends with, and its output."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr  # 1: findings at or above --fail-on
    report, _, names = out.stdout.rpartition("\nMODULES ")
    return set(json.loads(names)), report


def roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_forbidden_term_alone_loads_no_model_nor_other_checks(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "article.md").write_text(TEXT_EN, encoding="utf-8")
    modules, report = imported(
        ["check", "article.md", "--select", "TC101", "--glossary", "terms.csv", "--target-lang", "en"],
        tmp_path,
        TCHECK_ROUND_TRIP="auto",
    )
    assert "TC101" in report and "CTSO" in report  # the check ran
    assert not roots(modules) & {"argostranslate", "numpy", "langdetect", "wordfreq", "simplemma"}
    checks = {m for m in modules if m.startswith("tcheck.checks.") and not m.startswith("tcheck.checks._")}
    assert checks == {"tcheck.checks.forbidden_term"}
    assert "tcheck.recognise.datefind" not in modules  # dates are for TC2xx
    assert "snowballstemmer" not in roots(modules)  # an acronym's hit stems no word
    # the other commands, baselines and changed lines: only for the runs that use them
    assert not modules & {"tcheck.cli.glossary", "tcheck.cli.models", "tcheck.cli.init"}
    assert not modules & {"tcheck.ci.baseline", "tcheck.ci.diff"}
    # no configuration file: its reader (and TOML's) is not imported
    assert not modules & {"tcheck.structured", "tomllib"}


def test_forbidden_term_in_a_content_repository_loads_no_language_model(tmp_path: Path) -> None:
    """The layout names the language (``content/en/`` beside ``content/nb/``): nothing detects it."""
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    for lang, text in (("en", TEXT_EN), ("nb", TEXT_NB)):
        (tmp_path / "content" / lang).mkdir(parents=True)
        (tmp_path / "content" / lang / "unrest.md").write_text(text, encoding="utf-8")
    modules, report = imported(
        ["check", "content", "--select", "TC101", "--glossary", "terms.csv"],
        tmp_path,
        TCHECK_ROUND_TRIP="auto",
    )
    assert "content/en/unrest.md:1:" in report and "CTSO" in report
    assert not roots(modules) & {"argostranslate", "numpy", "langdetect", "wordfreq", "simplemma"}


def test_all_checks_load_what_they_run(tmp_path: Path) -> None:
    """The counterpart: the default selection imports the checks that run and what they need."""
    (tmp_path / "article.md").write_text(TEXT_EN, encoding="utf-8")
    modules, _ = imported(["check", "article.md", "--target-lang", "en"], tmp_path)
    assert {
        "tcheck.checks.weekday_date",
        "tcheck.checks.term_variant",
        "tcheck.checks.untranslated",
    } <= modules
    assert "tcheck.recognise.datefind" in modules


PO_NB_EN = """\
msgid ""
msgstr ""
"Language: en\\n"
"X-Source-Language: nb\\n"

msgid "Regjeringen sendte flere soldater til Almaty onsdag."
msgstr "The government sent more soldiers to Almaty on Wednesday."

msgid "Drivstoffprisene steg med 4,5 prosent i desember."
msgstr "Fuel prices rose by 4.5 percent in December."
"""


def test_bilingual_run_on_a_warm_cache_loads_no_word_list_library(tmp_path: Path) -> None:
    """The word lists, lemma tables and language profiles a PO file needs come from the cache
    folder: once they are stored, a run neither imports wordfreq (with langcodes, ftfy, msgpack:
    about 10 MB) nor builds a table, and its findings are those of the first run."""
    (tmp_path / "messages.po").write_text(PO_NB_EN, encoding="utf-8")
    args = ["check", "messages.po", "--format", "json", "--no-cache", "--no-default-glossaries"]
    cache = str(tmp_path / "cache")
    first_modules, first = imported(args, tmp_path, XDG_CACHE_HOME=cache)
    modules, again = imported(args, tmp_path, XDG_CACHE_HOME=cache)
    assert "tcheck.checks.untranslated_word" in modules and "simplemma" in roots(modules)
    assert "wordfreq" in roots(first_modules)  # the first run built the tables
    assert not roots(modules) & {"wordfreq", "langcodes", "ftfy", "msgpack"}
    assert json.loads(again)["findings"] == json.loads(first)["findings"]


def test_no_model_installed_means_no_translation_library(tmp_path: Path) -> None:
    """With the round trip on ``auto`` and no package installed, the run says so without
    importing argostranslate's package manager (and numpy with it)."""
    (tmp_path / "artikkel.md").write_text(TEXT_NB, encoding="utf-8")
    empty = tmp_path / "packages"
    empty.mkdir()
    modules, _ = imported(
        ["check", "artikkel.md", "--target-lang", "nb", "--select", "TC5"],
        tmp_path,
        TCHECK_ROUND_TRIP="auto",
        ARGOS_PACKAGES_DIR=str(empty),
    )
    assert "argostranslate.package" not in modules
    assert "ctranslate2" not in roots(modules)


def test_packages_present_reads_the_folders_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argostranslate import settings

    monkeypatch.setattr(settings, "package_dirs", [tmp_path / "missing", tmp_path])
    (tmp_path / "stray").mkdir()  # a folder that is no package
    assert not mt.packages_present()
    assert mt.installed_packages() == []
    package = tmp_path / "translate-nb_en-1_9"
    package.mkdir()
    (package / "metadata.json").write_text('{"from_code": "nb", "to_code": "en"}', encoding="utf-8")
    assert mt.packages_present()


def test_selected_rules_import_only_their_modules() -> None:
    code = (
        "import json, sys\n"
        "from tcheck.registry import selected_rules, known_codes\n"
        "rules = [r.code for r in selected_rules(['TC2'], ['TC205'])]\n"
        "mods = sorted(m for m in sys.modules if m.startswith('tcheck.checks.') and '._' not in m)\n"
        "print(json.dumps([rules, known_codes(), mods]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    rules, codes, modules = json.loads(out.stdout)
    assert rules == ["TC201", "TC202", "TC203", "TC204"]
    assert codes == [rule.code for rule in registry.all_rules()]  # known without importing them
    assert "tcheck.checks.weekday_date" not in modules  # a document check: imported when it first runs
    assert "tcheck.checks.time_convention" not in modules and "tcheck.checks.forbidden_term" not in modules


def test_deferred_rules_match_the_registered_ones() -> None:
    """The rules read from the modules' sources say what the imported modules register."""
    deferred = registry._deferred_rules()
    real = {rule.code: rule for rule in registry.all_rules()}
    assert set(deferred) <= set(real) and len(deferred) >= len(real) - 5  # run checks are imported
    for code, rule in deferred.items():
        fields = (rule.code, rule.name, rule.severity, rule.needs, rule.uses_source, rule.scope)
        want = real[code]
        assert fields == (want.code, want.name, want.severity, want.needs, want.uses_source, want.scope)
    assert all(real[code].run_factory is not None for code in set(real) - set(deferred))


ARTICLE_DE = """\
---
title: Unruhen in Kasachstan
date: 2022-01-19
---

# Unruhen in Kasachstan

Am Mittwoch, 20. Januar 2022, schickte das Bündnis 2300 Soldaten nach Almaty.
Die Preise stiegen um 4,5 Prozent; siehe [den Bericht](https://example.org/bericht).
"""
SOURCE_EN = """\
---
title: Unrest in Kazakhstan
date: 2022-01-19
---

# Unrest in Kazakhstan

On Wednesday, January 19, 2022, the alliance sent 2,300 troops to Almaty.
Prices rose by 4.5 percent; see [the report](https://example.org/report).
"""


def test_checks_that_need_a_source_are_not_imported_without_one(tmp_path: Path) -> None:
    (tmp_path / "artikel.md").write_text(ARTICLE_DE, encoding="utf-8")
    (tmp_path / "article.md").write_text(SOURCE_EN, encoding="utf-8")
    alone, report = imported(["check", "artikel.md", "--target-lang", "de"], tmp_path)
    assert "TC201" in report  # Wednesday is not 20 January 2022: the document checks ran
    assert "tcheck.checks.link_target" not in alone and "tcheck.checks.number_mismatch" not in alone
    assert "tcheck.checks.weekday_date" in alone
    eager = _CHILD.replace(
        "import atexit,", "from tcheck.registry import all_rules; all_rules()\nimport atexit,"
    )
    assert eager != _CHILD
    out = subprocess.run(
        [sys.executable, "-c", eager, "check", "artikel.md", "--target-lang", "de"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.stdout.rpartition("\nMODULES ")[0] == report  # every check imported first: same report
    paired, report = imported(
        ["check", "artikel.md", "--source", "article.md", "--source-lang", "en", "--target-lang", "de"],
        tmp_path,
    )
    assert "TC301" in report or "TC203" in report  # 2300 and the 20th differ from the source
    assert "tcheck.checks.link_target" in paired and "tcheck.checks.number_mismatch" in paired


def test_run_checks_that_need_a_source_are_imported_when_fed(tmp_path: Path) -> None:
    """TC106 and TC107 compare translations with their sources: a run of one monolingual text
    file neither imports them nor Markdown's parser nor the process pool; the same article with
    its source does, and reports what a run with every check imported first reports."""
    (tmp_path / "artikkel.txt").write_text(TEXT_NB, encoding="utf-8")
    alone, _ = imported(["check", "artikkel.txt", "--target-lang", "nb", "--no-cache"], tmp_path)
    assert "tcheck.checks.term_variant" in alone  # TC103 needs no source: fed every document
    assert "tcheck.checks.inconsistent_term" not in alone
    assert "tcheck.checks.inconsistent_translation" not in alone
    assert "markdown_it" not in roots(alone) and "multiprocessing" not in roots(alone)
    (tmp_path / "artikel.md").write_text(ARTICLE_DE, encoding="utf-8")
    (tmp_path / "article.md").write_text(SOURCE_EN, encoding="utf-8")
    args = ["check", "artikel.md", "--source", "article.md", "--source-lang", "en", "--target-lang", "de"]
    paired, report = imported([*args, "--format", "json", "--no-cache"], tmp_path)
    assert {"tcheck.checks.inconsistent_term", "tcheck.checks.inconsistent_translation"} <= paired
    eager = _CHILD.replace(
        "import atexit,", "from tcheck.registry import all_rules; all_rules()\nimport atexit,"
    )
    out = subprocess.run(
        [sys.executable, "-c", eager, *args, "--format", "json", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert json.loads(out.stdout.rpartition("\nMODULES ")[0])["findings"] == json.loads(report)["findings"]


def test_a_run_check_fed_nothing_finds_nothing() -> None:
    """What lets a run check's module wait until a document is fed to it: a fresh instance of
    every run check finishes with no finding, and a deferred one that was never fed imports
    nothing."""
    from tcheck.config import Config
    from tcheck.context import Context

    ctx = Context(config=Config())
    run_checks = [rule for rule in registry.all_rules() if rule.run_factory is not None]
    assert {"TC103", "TC106", "TC107"} <= {rule.code for rule in run_checks}
    for rule in run_checks:
        assert rule.run_factory is not None
        assert list(rule.run_factory().finish(ctx)) == [], rule.code
    deferred = registry._DeferredRun("tcheck.checks.no_such_module", "TC999")
    assert list(deferred.finish(ctx)) == []  # never fed: the module is not even looked for
    with pytest.raises(ModuleNotFoundError):
        deferred.absorb(None, ctx)


def test_declared_codes_match_the_registered_ones() -> None:
    """The codes read from each module's source are the codes it registers."""
    declared = {code: name for name, codes in registry._check_modules().items() for code in codes or ()}
    for rule in registry.all_rules():
        owner = rule.func if rule.func is not None else rule.run_factory
        assert owner is not None
        module = owner.__module__
        assert declared.get(rule.code) == module, rule.code


def test_result_cache_is_trimmed_only_after_writing(tmp_path: Path) -> None:
    """A run that only reads the result cache does not scan it to enforce the bound."""
    from tcheck.pipeline import cache as result_cache

    path = tmp_path / "r.sqlite3"
    keys = [i.to_bytes(4, "big") for i in range(20)]
    big = result_cache.ResultCache(path, max_bytes=10**9)
    big.put_many([(key, random.Random(key).randbytes(500)) for key in keys])  # incompressible
    big.close()
    reader = result_cache.ResultCache(path, max_bytes=2_000)  # over the bound, but nothing written
    assert len(reader.get_many(keys)) == 20
    reader.close()
    assert len(result_cache.ResultCache(path).get_many(keys)) == 20
    writer = result_cache.ResultCache(path, max_bytes=2_000)
    writer.put_many([(b"new", "Tokajev sa at situasjonen var under kontroll.")])
    writer.close()
    assert 0 < len(result_cache.ResultCache(path).get_many(keys)) < 20


def test_versions_from_the_metadata_folders() -> None:
    from importlib import metadata

    from tcheck.services.versions import version

    for name in ("babel", "Babel", "markdown-it-py", "markdown_it_py", "langdetect", "pyahocorasick"):
        assert version(name) == metadata.version(name)
    assert version("tcheck-no-such-library") is None


def _write_builder(folder: Path, words: str) -> object:
    """A builder function defined in a file of its own (its stat is part of the table's key)."""
    import importlib.util

    file = folder / "builder_months.py"
    file.write_text(
        f"CALLS = []\ndef build():\n    CALLS.append(1)\n    return frozenset({words!r}.split())\n",
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location(f"builder_months_{len(words)}", file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_derived_tables_are_built_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.services.tables import derived

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first: Any = _write_builder(tmp_path, "januar februar mars")
    assert derived("months-test", first.build) == {"januar", "februar", "mars"}
    assert derived("months-test", first.build) == {"januar", "februar", "mars"}
    assert first.CALLS == [1]  # the second time it came from the cache folder
    edited: Any = _write_builder(tmp_path, "Januar Februar März April")  # the builder changed
    os.utime(tmp_path / "builder_months.py", ns=(1, 1))
    assert derived("months-test", edited.build) == {"Januar", "Februar", "März", "April"}
    assert edited.CALLS == [1]


def test_derived_tables_keep_other_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table built by another version of its builder (another installation used by turns) is
    kept beside this one's: neither is built again when the other runs."""
    from tcheck.services.tables import derived

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first: Any = _write_builder(tmp_path, "januar februar")
    derived("months-test", first.build)
    edited: Any = _write_builder(tmp_path, "Januar Februar März")
    os.utime(tmp_path / "builder_months.py", ns=(1, 1))
    assert derived("months-test", edited.build) == {"Januar", "Februar", "März"}
    assert len(list((tmp_path / "cache" / "tcheck" / "tables").glob("months-test-*.pickle"))) == 2


def test_derived_tables_without_a_usable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.services.tables import derived

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    builder: Any = _write_builder(tmp_path, "janvier février")
    assert derived("months-test", builder.build) == {"janvier", "février"}
    assert derived("months-test", builder.build) == {"janvier", "février"}
    assert builder.CALLS == [1, 1]  # built each time, no error


def test_ordinal_months_from_the_cache_are_cldrs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.formats import sentences

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    sentences._month_words.cache_clear()
    built = sentences._month_words()
    sentences._month_words.cache_clear()
    assert sentences._month_words() == built == sentences._derive_month_words()
    assert {"januar", "märz", "stycznia"} <= built
    text = "Avtalen ble signert 19. januar. Den gjelder fra i dag."
    assert [text[a:b] for a, b in sentences.split_sentences(text)] == [
        "Avtalen ble signert 19. januar.",
        "Den gjelder fra i dag.",
    ]


def test_command_line_collects_less_often(tmp_path: Path) -> None:
    """The CLI raises the young generation's threshold; a library user keeps the default."""
    code = (  # printed by an exit handler: the command line ends its process once they have run
        "import atexit, gc, runpy, sys\n"
        "before = gc.get_threshold()\n"
        "atexit.register(lambda: print('THRESHOLDS', before[0], gc.get_threshold()[0], flush=True))\n"
        "sys.argv = ['tcheck', 'rules']\n"
        "runpy.run_module('tcheck', run_name='__main__')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    before, after = out.stdout.rsplit("THRESHOLDS", 1)[1].split()
    assert int(after) == gcutil.COMMAND_LINE_THRESHOLD > int(before)
    import gc

    saved = gc.get_threshold()
    try:
        gc.set_threshold(100_000, *saved[1:])
        gcutil.for_command_line()  # never lowers a higher threshold
        assert gc.get_threshold()[0] == 100_000
    finally:
        gc.set_threshold(*saved)


def test_lemma_tables_come_from_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simplemma.strategies.dictionaries import stream_dictionary_factory

    from tcheck.language import lemmas

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(ValueError):
        lemmas.stored_table("xx")  # a language simplemma does not cover
    built = lemmas.stored_table("nb")
    assert len(list((tmp_path / "tcheck" / "tables").glob("simplemma-nb-*.bin"))) == 1

    def refuse(self: object, code: str) -> None:
        raise AssertionError(f"the {code} table was built again")

    monkeypatch.setattr(stream_dictionary_factory.StreamMap, "__init__", refuse)
    again = lemmas.stored_table("nb")
    for word in ("husene", "soldatene", "regjeringen", "demonstranter", "sikkerhet"):
        assert again.get(word) == built.get(word)
    assert again.get("soldatene") == "soldat"
    assert type(again._data).__name__ == "mmap"  # mapped: untouched pages take no memory


def test_damaged_lemma_table_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lemma table file cut short or overwritten is not read: the table is built again, with
    simplemma's lemmas (every 50th word of its German table compared)."""
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    from tcheck.language import lemmas

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lemmas.stored_table("de")
    (stored,) = (tmp_path / "tcheck" / "tables").glob("simplemma-de-*.bin")
    reference = StreamMap("de")
    words = [w for i, w in enumerate(reference) if i % 50 == 0] + ["Regierungen", "xyzzy", ""]
    for damage in (stored.read_bytes()[:-7], b"TCLEMMA1" * 3):
        stored.write_bytes(damage)
        again = lemmas.stored_table("de")
        assert [again.get(w) for w in words] == [reference.get(w) for w in words]
        assert stored.read_bytes() != damage  # written again


def test_lemmatiser_matches_simplemma() -> None:
    import simplemma

    from tcheck.language.lemmas import lemmatiser_for, vocabulary_for

    lemma, known = lemmatiser_for("de"), vocabulary_for("de")
    assert lemma is not None and known is not None
    for word in ("häuser", "regierungen", "soldaten", "kommission", "treibstoffpreise"):
        assert lemma(word) == simplemma.lemmatize(word, lang="de").lower()
        assert known(word) == simplemma.is_known(word, lang="de")


MONTHS = "januar februar mars april mai juni juli august september oktober november desember"


def _date_pattern() -> str:
    """A pattern of the recognisers' kind: long alternations with named groups (over 1,000 chars)."""
    words = [
        f"{m}{suffix}"
        for m in (MONTHS + " " + MONTHS.title()).split()
        for suffix in ("", "s", "a", "en", "er", "ene")
    ]
    names = "|".join(sorted(words, key=len, reverse=True))
    return rf"(?<![^\W\d_])(?P<d>\d{{1,2}})\.\s*(?P<m>{names})(?:\s+(?P<y>\d{{4}}))?(?!\d)"


def test_large_patterns_compiled_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from tcheck.services import regexes

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pattern = _date_pattern()
    assert len(pattern) >= regexes.MIN_LENGTH
    fresh = regexes.compile(pattern, re.IGNORECASE)
    assert list((tmp_path / "tcheck" / "regex").glob("*.pickle"))

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(regexes, "_program", refuse)
    stored = regexes.compile(pattern, re.IGNORECASE)
    reference = re.compile(pattern, re.IGNORECASE)
    text = "Avtalen ble signert 19. Januar 2022; møtet er 3. mars, ikke 31. desembera 1999 eller 4. juni"
    for compiled in (fresh, stored):
        assert (compiled.pattern, compiled.flags, compiled.groups) == (
            reference.pattern,
            reference.flags,
            reference.groups,
        )
        assert compiled.groupindex == reference.groupindex
        found = [(m.span(), m.groupdict()) for m in compiled.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in reference.finditer(text)]
        assert len(found) == 4


def test_large_patterns_without_a_usable_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from tcheck.services import regexes

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pattern = _date_pattern()
    regexes.compile(pattern)
    [file] = (tmp_path / "tcheck" / "regex").glob("*.pickle")
    file.write_bytes(b"not a pickle")  # damaged: compiled again, and stored again
    again = regexes.compile(pattern)
    assert again.search("Den 7. Juli 2021") is not None
    assert file.read_bytes() != b"not a pickle"
    small = regexes.compile(r"\d+\s*kroner")  # short: no file
    assert small.pattern == re.compile(r"\d+\s*kroner").pattern
    assert len(list((tmp_path / "tcheck" / "regex").glob("*.pickle"))) == 1


def test_derived_tables_follow_their_data_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.services.tables import derived

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = tmp_path / "numbers.toml"
    data.write_text('[nb]\ncardinals = { "tretten" = 13 }\n', encoding="utf-8")
    builder: Any = _write_builder(tmp_path, "tretten fjorten")
    assert derived("words-test", builder.build, (), (data,)) == {"tretten", "fjorten"}
    derived("words-test", builder.build, (), (data,))
    assert builder.CALLS == [1]
    data.write_text('[nb]\ncardinals = { "tretten" = 13, "femten" = 15 }\n', encoding="utf-8")
    derived("words-test", builder.build, (), (data,))
    assert builder.CALLS == [1, 1]  # the data changed: built again


def test_number_word_tables_from_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.recognise import numtables

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    numtables.tables.cache_clear()
    try:
        first = numtables.tables("nb")
        assert first.cardinals["tretten"] == 13 and first == numtables._generate("nb")

        def refuse(lang: str) -> None:
            raise AssertionError(f"the {lang} tables were generated again")

        monkeypatch.setattr(numtables, "_generate", refuse)
        numtables.tables.cache_clear()
        assert numtables.tables("nb") == first
    finally:
        numtables.tables.cache_clear()


def test_stored_patterns_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.services import regexes

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regexes, "MAX_PATTERNS", 2)
    base = _date_pattern()
    for n in range(4):  # four versions of a pattern (as after four upgrades of CLDR data)
        regexes.compile(base + f"(?:v{n})?")
    assert len(list((tmp_path / "tcheck" / "regex").glob("*.pickle"))) == 2


def test_recogniser_patterns_are_the_same_in_every_process() -> None:
    """Built from sets of words, the large patterns list alternatives of one length in a fixed
    order: otherwise each process (another string hash seed) would compile and store its own."""
    code = (
        "import hashlib, re\n"
        "from tcheck.services import regexes\n"
        "seen = []\n"
        "def keep(pattern, flags=0):\n"
        "    seen.append(pattern)\n"
        "    return re.compile(pattern, flags)\n"
        "regexes.compile = keep\n"
        "from tcheck.recognise import datelexicon, timefind, units\n"
        "from tcheck.locale import currency\n"
        "for lang in ('nb', 'de', 'fr', 'ru'):\n"
        "    datelexicon.date_lexicon(lang); timefind.time_lexicon(lang)\n"
        "    units.unit_regex(lang); currency.amount_lexicon(lang)\n"
        "print(len(seen), hashlib.sha256('\\0'.join(seen).encode()).hexdigest())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and int(outputs.pop().split()[0]) == 16
