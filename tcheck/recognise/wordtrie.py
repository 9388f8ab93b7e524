"""A regular expression for a set of words, built as a trie.

A plain alternation (``three|thirteen|thirty|...``) is tried word by word at every position of
the text; with a few hundred number words or date names per language that made the prefilters
of the recognisers cost as much as the recognisers. The trie factors out shared beginnings
(``th(?:ree|irt(?:een|y))``), so each position costs about one comparison per letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str], ending: Callable[[str], str] | None = None) -> str:
    """A pattern (no groups) that matches any of ``words``, preferring the longest at a position
    like an alternation sorted longest first; ``(?!)`` (never matches) when there are none.

    ``ending(word)``: a pattern that must follow ``word`` (an inflection, a word boundary), as
    ``word + ending(word)`` in the alternation.
    """
    root: _Node = {}
    ends: dict[int, str] = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
        if ending is not None:
            ends[id(node)] = ending(word)
    return _emit(root, ends) if root else "(?!)"


def _emit(node: _Node, ends: dict[int, str]) -> str:
    branches = [re.escape(ch) + _emit(child, ends) for ch, child in sorted(node.items()) if ch]
    if "" not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    end = ends.get(id(node), "")
    if not branches:
        return end
    if end:  # the longer words first, then this one with what must follow it
        return "(?:" + "|".join(branches) + f"|{end})"
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?"


def first_letters(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``, to put
    before a pattern every match of which starts with one of them: a pattern that starts with
    an assertion (a word boundary's lookbehind) is tried at every position of the text, one
    that starts with a character class is only tried where one of its characters stands (the
    regular expression engine skips to them). ``""`` when there are none."""
    chars = "".join(sorted({re.escape(word[0]) for word in words if word}))
    return f"(?=[{chars}])" if chars else ""
