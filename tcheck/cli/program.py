"""``tcheck`` as a program: how a command-line process ends.

When the command line runs (``tcheck ...`` or ``python -m tcheck ...``: click reads the arguments
from ``sys.argv``), the process ends as soon as the command is done: output is flushed and the
exit handlers run (``atexit``, temporary folders), but the objects of the run are not freed one by
one, which the operating system does at once. A large termbase (hundreds of thousands of terms,
entries and automaton values) or a large run's tables took a quarter of a second of CPU to free
at exit. Called with explicit arguments (tests, ``CliRunner``, a program embedding tcheck),
the command returns or raises as usual.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import click


def _status(code: Any) -> int:
    """The exit status ``sys.exit(code)`` gives (a message is printed on standard error)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    with contextlib.suppress(Exception):
        print(code, file=sys.stderr)
    return 1


def end_now(status: int) -> None:
    """End the process with ``status`` after flushing output and running the exit handlers,
    without freeing every object first."""
    with contextlib.suppress(Exception):
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


def _observed() -> bool:
    """Whether a profiler or tracer (cProfile, coverage, a debugger) watches the process: it
    writes its results at exit, so the process ends the usual way."""
    return sys.getprofile() is not None or sys.gettrace() is not None


class ProgramGroup(click.Group):
    """A click group that ends the process at once when run as the command line (see above).

    Its :attr:`lazy` commands (name -> ``module:attribute``) are imported when asked for (run,
    or listed in ``--help``): ``tcheck check`` does not build the glossary, models and init
    commands' options."""

    lazy: Mapping[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in self.lazy:
            module, _, name = self.lazy[cmd_name].partition(":")
            found = getattr(importlib.import_module(module), name)
            assert isinstance(found, click.Command)
            self.add_command(found, cmd_name)
        return found

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if args is not None or not standalone_mode or _observed():
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        from tcheck.services import regexstore

        if regexstore.install():  # patterns compiled in earlier runs are not compiled again
            atexit.register(regexstore.save)
        try:
            super().main(None, prog_name, complete_var, True, **extra)
        except SystemExit as exc:
            end_now(_status(exc.code))
        end_now(0)  # pragma: no cover - standalone click always raises SystemExit
