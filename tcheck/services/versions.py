"""Installed libraries' versions, read from their ``.dist-info`` folder names in one pass.

``importlib.metadata.version`` searches every folder of ``sys.path`` again on each call, about
10 ms a name with a large environment; the result cache and the language-profile table ask for
several names on every run. A wheel's metadata folder is named ``<name>-<version>.dist-info``
(names normalised as in PEP 503), so one listing of each folder answers every name; a name not
found that way is asked of ``importlib.metadata``.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache

_SEPARATORS = re.compile(r"[-_.]+")


def _normal(name: str) -> str:
    return _SEPARATORS.sub("_", name).lower()


@cache
def _listed() -> dict[str, str]:
    """``{normalised name: version}`` of every ``.dist-info`` folder on ``sys.path`` (first wins)."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.endswith(".dist-info"):
                name, _, version = entry[: -len(".dist-info")].partition("-")
                if version:
                    found.setdefault(_normal(name), version)
    return found


def version(name: str) -> str | None:
    """The installed version of the distribution ``name``, or None when it is not installed."""
    found = _listed().get(_normal(name))
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
