"""Errors that end in a one-line message instead of a traceback."""

from __future__ import annotations


class TcheckError(Exception):
    """Base of tcheck's own errors; ``str(exc)`` is the one-line message shown to the user."""


class UsageError(TcheckError):
    """The invocation cannot be carried out (bad option, unknown language, bad config): exit 2."""


class InputError(TcheckError):
    """One input file cannot be read; the run reports it and goes on with the other files."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class EmptyInput(InputError):
    """A file that holds no text: not unreadable, just nothing to check (an untranslated stub)."""
