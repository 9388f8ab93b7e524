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
    real: str | None = None
    for path, what in inputs:
        # An input that exists is the destination only if it is the same file (one stat each);
        # one that does not may be the destination's path written another way.
        identity = _identity(path)
        if identity is None and real is None:
            real = os.path.realpath(destination)
        if (identity is not None and identity == target) or (
            identity is None and os.path.realpath(path) == real
        ):
            raise UsageError(f"{option} {destination}: is {what} ({path}); refusing to overwrite it")
