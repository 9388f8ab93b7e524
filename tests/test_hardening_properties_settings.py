"""Property-based hardening of glossaries, configuration, baselines and diffs: any mutation of a
realistic file loads, or fails with tcheck's own one-line error naming the file (exit 2)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hardening_strategies import (
    DELIMITED,
    DIFF,
    HARDENING,
    JSON,
    TOML,
    XML,
    XML_CONTENT,
    as_bytes,
    fixture_text,
    mutated,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck import glossary
from tcheck.ci import baseline
from tcheck.ci.diff import changed_lines
from tcheck.cli import main
from tcheck.config import resolve
from tcheck.errors import InputError, UsageError

CSV = [
    fixture_text("glossaries", "synonyms.csv"),
    "# languages: nb -> en\nsource,target,forbidden,case_sensitive,dnt,note\n"
    'statsbudsjett,national budget,state budget,no,no,"Finans, budsjett"\nCSTO,CSTO,CTSO | CTOS,yes,yes,\n',
]
TSV = [fixture_text("glossaries", "de-zh.tsv")]
TOMLS = [fixture_text("glossaries", "house.toml")]
TBX = [fixture_text("glossaries", "basic-v3.tbx"), fixture_text("glossaries", "basic-v2.tbx")]
GLOSSARIES = {
    ".csv": mutated(CSV, DELIMITED),
    ".tsv": mutated(TSV, DELIMITED),
    ".toml": mutated(TOMLS, TOML),
    ".tbx": mutated(TBX, XML, XML_CONTENT),
}
CONFIG = (
    'source-lang = "nb"\ntarget-lang = "en"\nglossary = ["g.csv"]\ndefault-glossaries = false\n'
    'select = ["TC1", "TC2"]\nignore = ["TC205"]\nexclude = ["drafts/**"]\nfail-on = "warning"\n'
    'format = "json"\nround-trip = "off"\ncache = false\njobs = 1\nbaseline = "base.json"\n\n'
    '[severity]\nTC3 = "error"\nTC303 = "info"\n\n[options.TC303]\nassumed-currencies = ["USD", "EUR"]\n\n'
    "[options.po]\ninclude-fuzzy = true\n\n[options.TC002]\nmin-confidence = 0.4\n"
)
BASELINE = (
    '{\n  "tcheck_baseline": 1,\n  "tool_version": "0.1.0",\n  "findings": [\n    {\n      "path": "a.txt",\n'
    '      "code": "TC101",\n      "fingerprint": "0f3a9c2b11d4e5f60718",\n      "count": 2,\n'
    '      "text": "CTSO",\n      "message": "\'CTSO\' is a forbidden term"\n    }\n  ]\n}\n'
)
PATCH = (
    "diff --git a/a.txt b/a.txt\nindex 1111111..2222222 100644\n--- a/a.txt\n+++ b/a.txt\n"
    "@@ -1,2 +1,3 @@\n Regjeringen la fram budsjettet.\n-Gammel linje.\n+Ny linje onsdag.\n+Enda en.\n"
    '--- /dev/null\n+++ "b/m\\303\\270te.md"\n@@ -0,0 +1 @@\n+# Møte\n'
)
ARTICLE = "Regjeringen la fram statsbudsjettet onsdag 19. januar 2022. Finansministeren var fornøyd.\n"


def _one_line(exc: Exception, name: str) -> None:
    message = str(exc)
    assert message and "\n" not in message and name in message, message


@settings(HARDENING, max_examples=200)
@given(st.sampled_from(sorted(GLOSSARIES)).flatmap(lambda s: st.tuples(st.just(s), as_bytes(GLOSSARIES[s]))))
def test_glossaries_load_or_name_their_problem(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / f"terms{suffix}")
        Path(path).write_bytes(data)
        problems = glossary.lint(path)
        assert all(p.message and "\n" not in p.message for p in problems)
        try:
            loaded = glossary.load(path)
        except InputError as exc:
            _one_line(exc, "terms")
            assert any(p.level == "error" for p in problems)
            return
        assert all(t.text.strip() for e in loaded.entries for t in e.all_terms)
        for target in (".csv", ".toml", ".tbx"):
            with contextlib.suppress(UsageError):  # a multilingual termbase fits only TBX
                glossary.convert(path, str(Path(folder) / f"out{target}"))


@settings(HARDENING, max_examples=120)
@given(as_bytes(mutated([CONFIG], TOML)))
def test_configuration_loads_or_names_file_and_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "tcheck.toml").write_bytes(data)
        try:
            config = resolve({}, None, Path(folder))
        except UsageError as exc:
            _one_line(exc, "tcheck.toml")
            return
        for code, key, default, kind in (
            ("TC303", "assumed-currencies", ["USD"], list),
            ("TC002", "min-confidence", 0.3, float),
            ("TC402", "min-words", 3, int),
            ("TC106", "ignore-case", False, bool),
            ("TC302", "mode", "mixed", str),
        ):
            try:
                value = config.option(code, key, default, kind)
            except UsageError as exc:
                _one_line(exc, "tcheck.toml")
                continue
            assert isinstance(value, kind)


@settings(HARDENING, max_examples=120)
@given(as_bytes(mutated([BASELINE], JSON)))
def test_baselines_load_or_name_file_and_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.json"
        path.write_bytes(data)
        try:
            entries = baseline.load(path)
        except UsageError as exc:
            _one_line(exc, "base.json")
            return
        assert all(entry.count >= 1 and isinstance(entry.count, int) for entry in entries)


@settings(HARDENING, max_examples=150)
@given(mutated([PATCH], DIFF))
def test_diffs_parse_or_fail_with_one_line(text: str) -> None:
    try:
        changed = changed_lines("-", text, Path("/tmp"))
    except UsageError as exc:
        _one_line(exc, "--diff")
        return
    for lines in changed.files.values():
        assert all(isinstance(n, int) for n in lines)


FILES = {
    "tcheck.toml": mutated([CONFIG], TOML),
    "g.csv": mutated(CSV, DELIMITED),
    "base.json": mutated([BASELINE], JSON),
}


@settings(HARDENING, max_examples=30)
@given(st.sampled_from(sorted(FILES)).flatmap(lambda name: st.tuples(st.just(name), as_bytes(FILES[name]))))
def test_the_command_line_exits_0_1_or_2_without_internal_errors(broken: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "tcheck.toml").write_text(CONFIG, encoding="utf-8")
        (folder / "g.csv").write_text(CSV[1], encoding="utf-8")
        (folder / "base.json").write_text(BASELINE, encoding="utf-8")
        (folder / broken[0]).write_bytes(broken[1])  # one of the three files is mutated
        (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
        with contextlib.chdir(folder):
            result = CliRunner().invoke(main, ["check", "a.txt", "--jobs", "1"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1, 2)
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("tcheck: error: ") and result.stderr.count("\n") == 1
        assert broken[0] in result.stderr
