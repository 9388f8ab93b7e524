"""Objects kept between runs as pickles in the cache folder: written atomically (a concurrent run
reads the old file or the new, never half of one), and any trouble reading or writing only means
computing the object again."""

from __future__ import annotations

import contextlib
import copyreg
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def load(path: Path) -> Any | None:
    """The object stored at ``path``, or None when it is missing or damaged."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated, from another version: compute it again
        return None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path`` so that a concurrent reader sees the old file or the new, never
    half of one; a folder that cannot be written is no error (the caller builds it again)."""
    import tempfile  # only a run that writes pays for it (10 ms to import)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


def store(path: Path, value: Any, reducers: Mapping[type, Callable[[Any], Any]] | None = None) -> None:
    """Keep ``value`` at ``path``; a folder that cannot be written is no error.

    ``reducers`` pickle objects of those types their own way (``type -> obj -> (callable, args)``,
    as :mod:`copyreg` does), e.g. as references to objects the reader has already."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                if reducers:
                    pickler.dispatch_table = {**copyreg.dispatch_table, **reducers}
                pickler.dump(value)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # an object that does not pickle is computed again next time
