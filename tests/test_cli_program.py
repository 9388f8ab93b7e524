"""``tcheck`` as a program: a command-line process ends as soon as its command is done (output
flushed, exit handlers run, objects not freed one by one); called with arguments, it returns."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tcheck.cli import main

# A Norwegian glossary whose forbidden variant the article below writes many times: a report
# larger than a pipe's buffer.
GLOSSARY = (
    "# languages: nb -> en\nsource,target,forbidden\nOrganisasjonen for kollektiv sikkerhet,CSTO,CTSO\n"
)
PARAGRAPH = "The CTSO sent troops to Almaty on Wednesday, and the CTSO said they would stay.\n\n"


def _run(args: list[str], cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TCHECK_RESULT_CACHE": "off"}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "tcheck", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=300, check=False)


def test_a_large_report_comes_whole_with_its_exit_status(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "unrest.en.txt").write_text(PARAGRAPH * 600, encoding="utf-8")
    done = _run(
        ["check", "unrest.en.txt", "--select", "TC101", "--glossary", "terms.csv", "--format", "json"],
        tmp_path,
    )
    assert done.returncode == 1  # forbidden terms are errors
    report = json.loads(done.stdout)  # complete: the whole report was flushed before the end
    assert len(report["findings"]) == 1200 and len(done.stdout) > 65536


def test_usage_errors_and_version(tmp_path: Path) -> None:
    missing = _run(["check", "absent.md"], tmp_path)
    assert missing.returncode == 2 and b"absent.md: no such file or directory" in missing.stderr
    version = _run(["--version"], tmp_path)
    assert version.returncode == 0 and b"tcheck, version" in version.stdout


def test_exit_handlers_run_but_objects_are_not_freed(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "from pathlib import Path\n"
        "class Held:\n"
        "    def __del__(self):\n"
        "        Path('freed').write_text('yes')\n"
        "held = Held()\n"
        "atexit.register(lambda: Path('handler').write_text('ran'))\n"
        "sys.argv = ['tcheck', '--version']\n"
        "from tcheck.cli import main\n"
        "main()\n"
    )
    done = _run([], tmp_path, code)
    assert done.returncode == 0 and b"tcheck, version" in done.stdout
    assert (tmp_path / "handler").read_text() == "ran"
    assert not (tmp_path / "freed").exists()  # the process ended without freeing its objects


def test_under_a_profiler_the_process_ends_the_usual_way(tmp_path: Path) -> None:
    """cProfile and coverage write their results when the interpreter finishes: they must get to.
    A file left open and unflushed shows it: the interpreter's own ending writes it out,
    ``os._exit`` would not."""
    code = (
        "import sys\n"
        "pending = open('written', 'w')\n"
        "pending.write('yes')\n"
        "sys.setprofile(lambda frame, event, arg: None)\n"
        "sys.argv = ['tcheck', '--version']\n"
        "from tcheck.cli import main\n"
        "main()\n"
    )
    done = _run([], tmp_path, code)
    assert done.returncode == 0 and b"tcheck, version" in done.stdout
    assert (tmp_path / "written").read_text() == "yes"
    unobserved = _run([], tmp_path, code.replace("sys.setprofile(", "print("))
    assert unobserved.returncode == 0
    assert (tmp_path / "written").read_text() == ""  # without a profiler: ended at once


def test_called_with_arguments_it_raises_as_click_does() -> None:
    """An embedding program (or a test) gets click's SystemExit back: the process is not ended."""
    try:
        main.main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    else:  # pragma: no cover - click ends a standalone call with SystemExit
        raise AssertionError("expected SystemExit")


def test_a_run_without_diff_does_not_import_subprocess(tmp_path: Path) -> None:
    """Only ``--diff`` starts git: the command line does not pay for importing subprocess."""
    done = _run([], tmp_path, "import sys, tcheck.app, tcheck.cli\nprint('subprocess' in sys.modules)")
    assert done.stdout.strip() == b"False"
