"""Objects kept between runs as pickles in the cache folder: written atomically (a concurrent run
reads the old file or the new, never half of one), and any trouble reading or writing only means
computing the object again."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any


def load(path: Path) -> Any | None:
    """The object stored at ``path``, or None when it is missing or damaged."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated, from another version: compute it again
        return None


def store(path: Path, value: Any) -> None:
    """Keep ``value`` at ``path``; a folder that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass
