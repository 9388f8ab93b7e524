"""tcheck never writes over a file it reads: reports, baselines and converted glossaries go elsewhere.

A destination is refused (a usage error, exit 2) when it is the same file as one of the run's
inputs, by path or through a symbolic or hard link: a checked file, a source, a glossary, the
configuration, the baseline read, or another file the same run writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from tcheck.errors import UsageError


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def refuse_overwrite(destination: str | None, option: str, inputs: Iterable[tuple[str, str]]) -> None:
    """Raise a usage error when ``destination`` is one of ``inputs`` (``(path, what it is)`` pairs)."""
    if not destination:
        return
    target = _identity(destination)
    real = os.path.realpath(destination)
    for path, what in inputs:
        if (target is not None and _identity(path) == target) or os.path.realpath(path) == real:
            raise UsageError(f"{option} {destination}: is {what} ({path}); refusing to overwrite it")
