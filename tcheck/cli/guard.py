"""One line and exit status 2 for every error a command meets (a traceback only with TCHECK_DEBUG)."""

from __future__ import annotations

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


def guarded(func: F) -> F:
    """Turn tcheck's own errors into a one-line message and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TcheckError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
        except Exception as exc:  # a bug in tcheck: still one line, unless debugging
            if os.environ.get("TCHECK_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set TCHECK_DEBUG=1 for details)")

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]
