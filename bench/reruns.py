"""Reruns with the result cache on a real site: the CPU of each against the first run's, and
whether each report is the one a run without the cache gives.

The site is copied into a temporary git repository (nothing is written where it lies), then:
a first run with an empty result cache, an unchanged rerun, a rerun after one page is edited,
and a ``--diff HEAD`` run after a second edit. Each cached report's findings are compared with
those of a run without the cache (``TCHECK_RESULT_CACHE=off``) on the same files. CPU is user +
sys of the child (``os.wait4``). As in ``bench/startup.py``, an environment that sets
``PYTHONDONTWRITEBYTECODE`` gets a bytecode cache of its own under the temporary folder, since an
installed tool never compiles its sources on each run::

    python bench/reruns.py ../shared/data/content-repos/helm-www \\
        --page i18n/de/docusaurus-plugin-content-docs/version-3/intro/quickstart.md
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

EDIT = "\nEine weitere Zeile, hinzugefügt am Mittwoch, 19. Januar 2022 ({}).\n"


def run(site: Path, cache: Path, env: dict[str, str], *extra: str) -> tuple[float, list[Any]]:
    """(CPU seconds, findings) of one ``tcheck check .`` in ``site``."""
    out = site.parent / "report.json"
    command = [sys.executable, "-m", "tcheck", "check", ".", "--format", "json", "--output", str(out)]
    command += ["--fail-on", "never", "--quiet", "--cache-dir", str(cache), *extra]
    child = subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"tcheck failed: {err.decode(errors='replace')[-1000:]}")
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return usage.ru_utime + usage.ru_stime, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="a content repository (copied, never changed)")
    parser.add_argument("--page", required=True, help="the page to edit, relative to the site")
    parser.add_argument("--jobs", default="1", help="--jobs N for tcheck (default 1)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tcheck-reruns-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site, ignore=shutil.ignore_patterns(".git"))
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "site"]):
            subprocess.run([*git, *command], cwd=site, check=True, capture_output=True)
        env = {**os.environ, "TCHECK_ROUND_TRIP": "off", "TCHECK_RESULT_CACHE": "on"}
        if env.pop("PYTHONDONTWRITEBYTECODE", None):
            env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "tcheck-reruns-pyc"))
        cache, jobs = Path(tmp) / "cache", ("--jobs", args.jobs)
        off = {**env, "TCHECK_RESULT_CACHE": "off"}
        run(site, cache, off, *jobs)  # tables and bytecode written, as for any installed tool
        first, full = run(site, cache, env, *jobs)
        rows = [("first run", first, full == run(site, cache, off, *jobs)[1])]
        again, found = run(site, cache, env, *jobs)
        rows.append(("unchanged rerun", again, found == full))
        page = site / args.page
        text = page.read_text(encoding="utf-8")
        page.write_text(text + EDIT.format(1), encoding="utf-8")
        edited, found = run(site, cache, env, *jobs)
        rows.append(("one page edited", edited, found == run(site, cache, off, *jobs)[1]))
        page.write_text(text + EDIT.format(1) + EDIT.format(2), encoding="utf-8")
        diffed, found = run(site, cache, env, *jobs, "--diff", "HEAD")
        rows.append(
            (
                "--diff HEAD after another edit",
                diffed,
                found == run(site, cache, off, *jobs, "--diff", "HEAD")[1],
            )
        )
        for name, cpu, same in rows:
            share = f"{cpu / first:6.1%}" if name != "first run" else "      "
            print(f"{name:32} {cpu:7.2f} s CPU {share}  findings {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
