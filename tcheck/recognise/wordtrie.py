"""A regular expression for a set of words, built as a trie.

A plain alternation (``three|thirteen|thirty|...``) is tried word by word at every position of
the text; with a few hundred number words or date names per language that made the prefilters
of the recognisers cost as much as the recognisers. The trie factors out shared beginnings
(``th(?:ree|irt(?:een|y))``), so each position costs about one comparison per letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern (no groups) that matches any of ``words``, preferring the longest at a position
    like an alternation sorted longest first; ``(?!)`` (never matches) when there are none."""
    root: _Node = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) if root else "(?!)"


def _emit(node: _Node) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?"
    return body
