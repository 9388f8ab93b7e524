"""Start-up cost: ``tcheck check`` on one small file of each kind, in fresh processes.

For each case the table shows the best of ``--repeat`` runs (3 by default) of the wall time, the
CPU time (user + sys of that child alone, from ``os.wait4``) and the child's peak RSS: the fixed
cost of a run, for each kind of file (the issue-15 memory goal leaves 80 MB for it). One
untimed run per case comes first, so that Python's bytecode cache is written and the shipped
glossary's parsed form is stored; the timed runs use ``--no-cache`` (no result cache), so each
one checks its file from scratch. The issue-12 goal is 0.3 s wall on an idle machine::

    python bench/startup.py                     # every case, best of 3
    python bench/startup.py --repeat 5 --cases text-nb,tc101
    python bench/startup.py --pythonpath /tmp/old-checkout   # another tree of tcheck, to compare
    python bench/startup.py --cold              # each timed run with an empty cache folder

The cache folder keeps what a run derives from the installed code and libraries (per-language
tables, compiled patterns), as an installed tool's later runs find it; ``--cold`` times the
first run on a machine instead (each timed run gets an empty ``XDG_CACHE_HOME`` of its own).

When the environment sets ``PYTHONDONTWRITEBYTECODE`` (as some containers do), every run would
compile tcheck's sources again, which an installed tool never does: the runs get a bytecode cache
of their own under the temporary folder (``--no-bytecode`` keeps the environment as it is).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TEXT_NB = (
    "Oslo, onsdag 19. januar 2022\n\n"
    "Organisasjonen for kollektiv sikkerhet (CSTO) sendte 2300 soldater til Almaty onsdag.\n"
    "President Kassym-Jomart Tokajev sa at situasjonen var under kontroll, ifølge NTB.\n"
)
MARKDOWN_DE = """\
---
title: Unruhen in Kasachstan
date: 2022-01-19
---

# Unruhen in Kasachstan

Die Treibstoffpreise stiegen im Dezember um 4,5 Prozent; die Regierung deckelte sie bei 50 Tenge.
Mindestens 164 Menschen wurden getötet, teilte das Gesundheitsministerium am Sonntag, 9. Januar, mit.

Siehe [den Bericht](https://example.org/bericht) und `kubectl get pods`.
"""
PO_FR = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Delete %d files?"
msgstr "Supprimer %d fichiers ?"

msgid "The meeting starts at 2:30 PM on Wednesday, January 19."
msgstr "La réunion commence à 14 h 30 le mercredi 19 janvier."

msgid "Open the {name} settings"
msgstr "Ouvrir les paramètres de {name}"
"""
XLIFF_NB_EN = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="nb" target-language="en" datatype="plaintext" original="a">
<body>
<trans-unit id="1"><source>Organisasjonen sendte 2300 soldater til Almaty onsdag.</source>
<target>The organisation sent 2,300 troops to Almaty on Wednesday.</target></trans-unit>
<trans-unit id="2"><source>Drivstoffprisene steg med 4,5 prosent i desember.</source>
<target>Fuel prices rose by 4.5 percent in December.</target></trans-unit>
</body></file></xliff>
"""
TMX_DE_EN = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en"
 o-tmf="x" creationtool="bench" creationtoolversion="1"/>
<body>
<tu tuid="1"><tuv xml:lang="de"><seg>Die Regierung schickte am Mittwoch 2300 Soldaten.</seg></tuv>
<tuv xml:lang="en"><seg>The government sent 2,300 soldiers on Wednesday.</seg></tuv></tu>
</body></tmx>
"""
HTML_FR = """\
<!DOCTYPE html><html lang="fr"><head><title>Troubles</title></head><body>
<h1>Troubles au Kazakhstan</h1>
<p>Le gouvernement a envoyé 2 300 soldats à Almaty le mercredi 19 janvier 2022.</p>
<p>Les prix du carburant ont augmenté de 4,5 % en décembre, selon l'agence <a href="https://example.org">NTB</a>.</p>
</body></html>
"""
TEXT_EN = (
    "The Russian-led alliance CTSO sent 2,300 troops to Almaty on Wednesday, January 19.\n\n"
    "President Kassym-Jomart Tokayev said the situation was under control, according to NTB.\n"
)
GLOSSARY = """\
# languages: nb -> en
source,target,forbidden
Organisasjonen for kollektiv sikkerhet,Collective Security Treaty Organization | CSTO,CTSO
"""


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: str
    options: tuple[str, ...] = ()


CASES = (
    Case("text-nb", "artikkel.nb.txt", TEXT_NB),
    Case("markdown-de", "unruhen.md", MARKDOWN_DE),
    Case("po-fr", "messages.fr.po", PO_FR),
    Case("xliff-nb-en", "messages.xlf", XLIFF_NB_EN),
    Case("tmx-de-en", "memory.tmx", TMX_DE_EN),
    Case("html-fr", "troubles.html", HTML_FR),
    Case("tc101", "unrest.md", TEXT_EN, ("--select", "TC101", "--glossary", "terms.csv")),
)


def run_once(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + sys) and peak RSS (MB) of one child, and its exit status."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: Popen must not wait again
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def _cold(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` with a new, empty cache folder inside ``folder`` (a first run on a machine)."""
    return {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cold-cache-", dir=folder)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per case (default 3; best shown)")
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--pythonpath", default="", help="a tcheck tree to run instead of the installed one")
    parser.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as set")
    parser.add_argument("--cold", action="store_true", help="an empty cache folder for each timed run")
    args, extra = parser.parse_known_args()
    wanted = {c.strip() for c in args.cases.split(",") if c.strip()}
    unknown = wanted - {c.name for c in CASES}
    if unknown:
        parser.error(f"unknown cases {sorted(unknown)}; known: {', '.join(c.name for c in CASES)}")
    with tempfile.TemporaryDirectory(prefix="tcheck-startup-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        if args.pythonpath:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.pythonpath, env.get("PYTHONPATH", "")]))
        if not args.no_bytecode and env.get("PYTHONDONTWRITEBYTECODE"):
            env.pop("PYTHONDONTWRITEBYTECODE")
            env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "tcheck-startup-pyc"))
        (folder / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
        print(f"{'case':<12} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}  (best of {args.repeat})")
        for case in CASES:
            if wanted and case.name not in wanted:
                continue
            (folder / case.file).write_text(case.content, encoding="utf-8")
            command = [sys.executable, "-m", "tcheck", "check", case.file, *case.options, *extra]
            run_once(command, folder, env)  # bytecode and the glossary store written, not timed
            runs = [
                run_once([*command, "--no-cache"], folder, _cold(env, folder) if args.cold else env)
                for _ in range(args.repeat)
            ]
            codes = {code for *_, code in runs}
            note = "" if codes <= {0, 1} else f"  exit {sorted(codes)}"
            wall, cpu, rss = (min(r[i] for r in runs) for i in range(3))
            print(f"{case.name:<12} {wall:7.2f} {cpu:7.2f} {rss:8.0f}{note}", flush=True)


if __name__ == "__main__":
    main()
