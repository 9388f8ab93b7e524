"""One line and exit status 2 for every error a command meets (a traceback only with TCHECK_DEBUG)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from tcheck.errors import TcheckError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> None:
    click.echo(f"tcheck: error: {message}", err=True)
    sys.exit(2)


def closed_pipe() -> None:
    """The reader of standard output went away (``tcheck check . | head``): stop without a word.

    Nothing more can be written there, so the rest of the output is sent nowhere (Python would
    otherwise complain again when it flushes at exit) and the status is 141, as for a program
    ended by SIGPIPE, which is what a shell's ``pipefail`` expects.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)


def guarded(func: F) -> F:
    """Turn tcheck's own errors into a one-line message and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TcheckError as exc:
            fail(str(exc))
        except BrokenPipeError:
            closed_pipe()
        except OSError as exc:
            fail(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
        except Exception as exc:  # a bug in tcheck: still one line, unless debugging
            if os.environ.get("TCHECK_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set TCHECK_DEBUG=1 for details)")

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]
