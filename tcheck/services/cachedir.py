"""Where tcheck keeps what it stores between runs (derived tables, compiled patterns, results).

A module of its own, with nothing to import: a run that only reads a stored table does not pay
for the SQLite adapter that :mod:`tcheck.services.cache` needs for translations.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/tcheck`` or ``~/.cache/tcheck``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tcheck"
