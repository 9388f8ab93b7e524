"""A folder's listing as pairing asks it: its names, and its names by their loose stem.

An original may be named another way than its translation (``cloud native apps.md`` ↔
``cloud-native-apps.md``, ``.md`` ↔ ``.mdx``): :meth:`Listing.loose` finds it through an index of
the folder's names built once, where comparing each name of the folder would cost a pass over
it for every translation without an exact original.
"""

from __future__ import annotations

import re

from tcheck.formats import name_suffix

JOINERS = re.compile(r"[\s_-]+")


def loose_stem(name: str) -> str:
    """A file name's stem lower-cased, without spaces, ``_`` or ``-``: ``Cloud_Native apps``
    → ``cloudnativeapps``."""
    end = name_suffix(name)
    return JOINERS.sub("", (name[: len(name) - len(end)] if end else name).lower())


class Listing:
    """A folder's names (files and folders), sorted, and its names by :func:`loose_stem`."""

    __slots__ = ("_loose", "names")

    def __init__(self, names: list[str]) -> None:
        self.names = dict.fromkeys(names)  # an ordered set
        self._loose: dict[str, list[tuple[str, str]]] | None = None

    def loose(self, key: str) -> list[tuple[str, str]]:
        """(name, lower-cased suffix) of the names whose :func:`loose_stem` is ``key``, in name
        order (the index is built at the first question)."""
        if self._loose is None:
            self._loose = {}
            for name in self.names:
                self._loose.setdefault(loose_stem(name), []).append((name, name_suffix(name).lower()))
        return self._loose.get(key, [])
