"""Objects kept between runs as pickles in the cache folder: written atomically (a concurrent run
reads the old file or the new, never half of one), and any trouble reading or writing only means
computing the object again."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


class _Pickler(pickle.Pickler):
    def __init__(self, handle: Any, refs: Mapping[int, Any]) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._refs = refs

    def persistent_id(self, obj: Any) -> Any:
        return self._refs.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle: Any, resolve: Callable[[Any], Any]) -> None:
        super().__init__(handle)
        self._resolve = resolve

    def persistent_load(self, pid: Any) -> Any:
        return self._resolve(pid)


def load(path: Path, resolve: Callable[[Any], Any] | None = None) -> Any | None:
    """The object stored at ``path``, or None when it is missing or damaged.

    ``resolve`` turns the references :func:`store` wrote (see its ``refs``) back into objects of
    this process (an exception there is damage too)."""
    try:
        with open(path, "rb") as handle:
            if resolve is None:
                return pickle.load(handle)
            return _Unpickler(handle, resolve).load()
    except Exception:  # missing, truncated, from another version: compute it again
        return None


def store(path: Path, value: Any, refs: Mapping[int, Any] | None = None) -> None:
    """Keep ``value`` at ``path``; a folder that cannot be written is no error.

    ``refs`` (``id(obj)`` -> a small picklable reference) stores those objects as references only,
    for objects the reader has already (a matcher's payloads point into a loaded glossary)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                if refs is None:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                else:
                    _Pickler(handle, refs).dump(value)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass  # an object that does not pickle is computed again next time
