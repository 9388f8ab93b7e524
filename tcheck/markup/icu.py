"""ICU MessageFormat plural, selectordinal and select arguments, and the CLDR plural categories
a language needs (from Babel).

``{count, plural, one {# Datei} other {# Dateien}}``: the argument ``count``, its type and its
branches ``one`` and ``other`` with their positions. A Russian translation needs ``one``,
``few``, ``many`` and ``other``; Japanese ``other`` only; explicit values (``=0``) are extra
branches a translator may add or drop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HEAD = re.compile(r"\{\s*(\w[\w.]*)\s*,\s*(plural|select|selectordinal)\s*,")
_SELECTOR = re.compile(r"\s*(offset:\s*\d+\s*)?(=?[\w-]+)\s*\{")


@dataclass(frozen=True, slots=True)
class Branch:
    keyword: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Argument:
    """One plural/select argument: ``name``, ``type``, its span and its branches."""

    name: str
    type: str
    start: int
    end: int
    branches: tuple[Branch, ...]

    @property
    def keywords(self) -> set[str]:
        return {b.keyword for b in self.branches}


def arguments(text: str) -> list[Argument]:
    """Every plural/select argument of ``text`` (nested ones too), in order."""
    out: list[Argument] = []
    for head in _HEAD.finditer(text):
        branches: list[Branch] = []
        pos = head.end()
        end = len(text)
        while pos < len(text):
            match = _SELECTOR.match(text, pos)
            if match is None:
                close = text.find("}", pos)
                end = close + 1 if close >= 0 else len(text)
                break
            branches.append(Branch(match.group(2), match.start(2), match.end(2)))
            depth, i = 1, match.end()
            while i < len(text) and depth:
                if text[i] == "{":
                    depth += 1
                elif text[i] == "}":
                    depth -= 1
                i += 1
            pos = i
        out.append(Argument(head.group(1), head.group(2), head.start(), end, tuple(branches)))
    return out


@lru_cache(maxsize=256)
def categories(lang: str, ordinal: bool = False) -> frozenset[str]:
    """The CLDR plural categories of ``lang`` (cardinal, or ordinal), ``other`` always included;
    empty when Babel does not know the language."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    form = locale.ordinal_form if ordinal else locale.plural_form
    return frozenset(form.tags) | {"other"}
