"""Compiled regular expressions kept between command-line runs (tcheck/services/regexstore.py).

The store replaces ``re``'s compiler for the whole process, so every test runs in a child
interpreter of its own: a first child compiles and saves, a second reads the programs back. A
pattern made from a stored program must be the pattern ``re`` makes (same code, flags, groups,
matches), and anything wrong with the file must only mean compiling as usual.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tcheck.services import regexstore

# Patterns of the kinds tcheck compiles: named groups, inline flags, Unicode classes, lookbehinds,
# alternations of CLDR names in several scripts (and one bytes pattern, which re compiles itself).
PATTERNS: list[tuple[str, int]] = [
    (r"(?<![^\W\d_])(?P<wd>onsdag|torsdag|mandag)[,.]?\s*(?P<d>\d{1,2})\.\s*(?P<m>januar|februar)", 2),
    (r"(?i)(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(?P<dec>\d+))?\s*(?P<cur>kroner|kr\.?|NOK)", 0),
    (r"(?<!\d)(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?:Uhr|h|heures?)(?![^\W\d_])", 0),
    (r"(?:среду|четверг|пятницу)\s+(\d{1,2})\s+(января|февраля)", 2),
    (r"[\u3040-\u30ff\u4e00-\u9fff]+|(?P<latin>[A-Za-z]+)", 0),
    (r"^#{1,6}[ \t]+(?P<title>.+?)(?:[ \t]+\{#(?P<anchor>[\w-]+)\})?[ \t]*$", 8),
    (r"  (?P<key>\w+)  # a key \n = (?P<value>.*)", 64),
]

_CHILD = """
import json, re, sys
from pathlib import Path
from tcheck.services import regexstore
folder = Path(sys.argv[1])
regexstore.SAVE_AFTER = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
installed = regexstore.install(folder)
import re._compiler
patterns = json.loads(sys.argv[2])
texts = json.loads(sys.argv[3])
out = []
for source, flags in patterns:
    p = re.compile(source, flags)
    out.append([p.pattern, p.flags, p.groups, sorted(p.groupindex.items()),
                [[m.span(), m.groupdict() if p.groupindex else m.groups()] for t in texts for m in p.finditer(t)]])
b = re.compile(rb"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][\\w.-]*);")
out.append([b.pattern.decode(), b.flags, [m.span() for m in b.finditer(b"a &amp; b &#233;")]])
store = regexstore._STORE[0] if regexstore._STORE else None
print(json.dumps({"installed": installed, "out": out,
                  "reused": len(store.used) if store else 0, "new": len(store.new) if store else 0}))
regexstore.save()
"""

TEXTS = [
    "Oslo, onsdag 19. januar 2022: prisen steg til 5 000 kroner (NOK 5 000,50).",
    "Am Mittwoch um 14.30 Uhr; à 14.30 heures; В среду 19 января.",
    "## Overview {#overview}\n東京タワー and Tokyo",
    "  name  # a key \n = value",
]


def _run(folder: Path, **env: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), json.dumps(PATTERNS), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("programs-*.pickle"))


def test_patterns_from_stored_programs_match_as_compiled(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first["installed"] is True
    assert first["new"] == len(PATTERNS) and first["reused"] == 0
    assert len(_stored(tmp_path)) == 1
    again = _run(tmp_path)
    assert again["reused"] == len(PATTERNS) and again["new"] == 0  # nothing compiled again
    assert again["out"] == first["out"]
    off = _run(tmp_path / "unused", TCHECK_REGEX_STORE="off")
    assert off["installed"] is False and off["out"] == first["out"]  # re's own compiler
    assert not (tmp_path / "unused").exists()


def test_programs_equal_what_re_compiles(tmp_path: Path) -> None:
    _run(tmp_path)
    import _sre  # type: ignore[import-not-found]
    import re
    from array import array

    (file,) = _stored(tmp_path)
    programs = pickle.loads(file.read_bytes())
    assert {(p, f) for p, f in PATTERNS} <= set(programs)
    for (source, flags), (full, code, groups, index, names) in programs.items():
        made = _sre.compile(source, full, array("I", code).tolist(), groups, index, names)
        assert made == re.compile(source, flags)  # patterns compare by their code and flags


@pytest.mark.parametrize("damage", ["truncated", "not a mapping", "wrong programs"])
def test_a_damaged_store_only_means_compiling(tmp_path: Path, damage: str) -> None:
    expected = _run(tmp_path)["out"]
    (file,) = _stored(tmp_path)
    if damage == "truncated":
        file.write_bytes(file.read_bytes()[:100])
    elif damage == "not a mapping":
        file.write_bytes(pickle.dumps(["a list", 1]))
    else:  # programs that _sre refuses: each pattern is compiled the usual way
        programs = pickle.loads(file.read_bytes())
        file.write_bytes(pickle.dumps({key: (0, b"\xff\xff\xff\xff", 0, {}, ()) for key in programs}))
    assert _run(tmp_path)["out"] == expected
    assert _run(tmp_path)["out"] == expected  # and the store written again is good


def test_a_full_store_keeps_the_patterns_of_the_run(tmp_path: Path) -> None:
    _run(tmp_path)
    (file,) = _stored(tmp_path)
    old: dict[regexstore.Key, regexstore.Program] = {
        (f"old pattern {i}", 0): (32, b"", 0, {}, ()) for i in range(regexstore.MAX_PROGRAMS)
    }
    file.write_bytes(pickle.dumps({**old, **pickle.loads(file.read_bytes())}))
    _run(tmp_path)  # reuses every pattern; adds none: the file is not written
    assert len(pickle.loads(file.read_bytes())) > regexstore.MAX_PROGRAMS
    more = [*PATTERNS, (r"(?P<new>tirsdag|fredag)\s+\d{1,2}\.", 2)]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path), json.dumps(more), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["new"] == 1
    kept = pickle.loads(file.read_bytes())
    assert len(kept) == len(more)  # the old ones dropped, this run's kept


def test_the_command_line_reuses_its_patterns(tmp_path: Path) -> None:
    page = tmp_path / "artikkel.nb.txt"
    page.write_text(
        "Oslo, onsdag 19. januar 2022\n\nRegjeringen sendte 2300 soldater til Almaty onsdag.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TCHECK_RESULT_CACHE": "off"}
    command = [sys.executable, "-m", "tcheck", "check", str(page), "--format", "json", "--fail-on", "never"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    (file,) = _stored(tmp_path / "cache" / "tcheck" / regexstore.FOLDER)
    stored = pickle.loads(file.read_bytes())
    assert len(stored) > 50  # tcheck's own patterns and its libraries'
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert json.loads(second.stdout)["findings"] == json.loads(first.stdout)["findings"]
    assert first.returncode == second.returncode == 0


def test_a_few_quick_new_patterns_leave_the_file_as_it_is(tmp_path: Path) -> None:
    _run(tmp_path)
    (file,) = _stored(tmp_path)
    before = file.read_bytes()
    one_more = [*PATTERNS, (r"(?P<wd>lørdag|søndag)\s+\d{1,2}\.", 2)]
    args = [sys.executable, "-c", _CHILD, str(tmp_path), json.dumps(one_more), json.dumps(TEXTS)]
    quick = subprocess.run([*args, "60"], capture_output=True, text=True, check=True)
    assert json.loads(quick.stdout)["new"] == 1
    assert file.read_bytes() == before  # one small pattern is not worth writing the store again
    subprocess.run([*args, "0"], capture_output=True, text=True, check=True)
    assert len(pickle.loads(file.read_bytes())) == len(PATTERNS) + 1


def test_a_run_records_a_bounded_number_of_new_patterns(tmp_path: Path) -> None:
    many = [(rf"(?P<term>Kassym-Jomart {i})\b", 0) for i in range(60)]
    script = _CHILD.replace(
        "installed = regexstore.install(folder)",
        "regexstore.MAX_PROGRAMS = 25\ninstalled = regexstore.install(folder)",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(tmp_path),
            json.dumps(many),
            json.dumps(["Kassym-Jomart 7 og Kassym-Jomart 59"]),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["new"] == 25  # the others compiled by re as usual
    spans = [[m[0] for m in entry[4]] for entry in result["out"][:-1]]
    assert spans[7] == [[0, 15]] and spans[59] == [[19, 35]] and spans[30] == []
