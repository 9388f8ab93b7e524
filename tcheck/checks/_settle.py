"""Sentences settled as the target language's before their words are scored, or even read.

TC401 names a language of the target's script for a sentence only when it holds function words of
that language (:func:`~tcheck.checks._language.judge`), and TC403 asks the same of a run
(:func:`~tcheck.checks._runs.foreign_run`). A sentence all in the target's script that holds none
of the *telling* words (the function words of the other plausible languages that the target does
not share) can therefore be neither: three sentences in four of a Norwegian news page.

Two tests of that, the second first:

- :func:`settled` reads the words of the sentence as the checks see them (technical strings set
  apart: :func:`~tcheck.checks._tokens.scan`);
- :func:`settled_text` reads the raw text, without cutting it into words: when every letter of
  the sentence is in the target's script, with no combining mark and none of the characters that
  start markup or placeholders (``<{$%``), the words :func:`~tcheck.checks._tokens.scan` would
  give are some of the text's runs of letters, so a text whose runs of letters hold no telling
  word is settled. A regular-expression search and a set test: about a fifth of what cutting
  the sentence into words costs. When it cannot tell (another script, a mark, markup), the
  sentence is read word by word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tcheck.checks._evidence import Settings
from tcheck.checks._tokens import Scan, plain
from tcheck.language.function_words import distinctive
from tcheck.language.scripts import LATIN, char_script

if TYPE_CHECKING:
    from tcheck.checks._codemix import Source, _Judge

_RUN = re.compile(r"[^\W\d_]+")  # a run of letters, as the words of _tokens are cut


def telling_words(
    langs: tuple[str, ...], settings: Settings, run_settings: Settings | None
) -> frozenset[str] | None:
    """The function words, of any plausible language but the target, that the target does not
    share: a sentence of the target's script holding none of them can be neither a TC401 verdict
    nor a TC403 run (see the module docstring). None when that does not hold: a plausible
    language without a list of function words, or settings that ask for none."""
    needed = [settings] if run_settings is None else [settings, run_settings]
    if any(s.min_function_words < 1 for s in needed):
        return None
    return _telling(langs)


@lru_cache(maxsize=64)
def _telling(langs: tuple[str, ...]) -> frozenset[str] | None:
    found: set[str] = set()
    for lang in langs[1:]:
        own = distinctive(lang, langs[0])
        if own is None:
            return None
        found |= own
    return frozenset(found)


def settled(scanned: Scan, telling: frozenset[str], own: str) -> bool:
    """Whether a sentence (its words ``scanned``) is settled as the target's without scoring it:
    every word in the target's script ``own``, and not one of the ``telling`` function words
    (see :func:`telling_words`)."""
    for _, _, word in scanned.words:
        if word.isascii():
            if own != LATIN:
                return False
        elif char_script(word[0]) != own:
            return False
        if word.lower() in telling:
            return False
    return True


def settled_text(text: str, telling: frozenset[str], own: str) -> bool:
    """Whether the raw ``text`` of a sentence shows it settled (see :func:`settled`) without
    cutting it into words. True only when ``settled(scan(text), telling, own)`` is; False when
    it is not, or when the text alone cannot tell (see :func:`letter_runs`): then ask
    :func:`settled`."""
    runs = letter_runs(text, own)
    return runs is not None and telling.isdisjoint(map(str.lower, runs))


def letter_runs(text: str, own: str) -> list[str] | None:
    """The runs of letters of ``text`` when every word :func:`~tcheck.checks._tokens.scan` gives
    of it is one of them and in the script ``own``; None when the text alone cannot tell that: a
    letter of another script (for a script other than Latin, an ASCII letter too), a combining
    mark, a character beyond the Basic Multilingual Plane, or one of ``<{$%`` (markup and
    placeholders are set apart before the text is cut). Each distinct character is judged once
    a process (:func:`_plain_char`)."""
    if text.isascii():
        if own != LATIN or not _MARKUP.isdisjoint(text):
            return None
    else:
        plain_chars = _plain_chars(own)
        for ch in set(text):
            found = plain_chars.get(ch)
            if found is None:
                found = _plain_char(ch, own)
                if len(plain_chars) < _CHARS_KEPT:
                    plain_chars[ch] = found
            if not found:
                return None
    return _RUN.findall(text)


_MARKUP = frozenset("<{$%")  # the characters _tokens masks markup and placeholders from
_CHARS_KEPT = 50_000


@lru_cache(maxsize=16)
def _plain_chars(own: str) -> dict[str, bool]:
    """:func:`_plain_char` of the characters met so far, for the script ``own``."""
    return {}


def _plain_char(ch: str, own: str) -> bool:
    """Whether ``ch`` leaves a text's runs of letters its words, all in the script ``own``: a
    letter of ``own`` (a character the pattern of a run takes must be one), or anything else but
    a combining mark, one of ``<{$%`` and a character beyond the Basic Multilingual Plane."""
    if ch in _MARKUP or ord(ch) >= 0x10000:
        return False
    if ch.isalnum() and not ch.isdecimal():  # what a run's pattern, [^\W\d_], takes
        if own == LATIN:  # as _tokens tells Latin runs from others: ASCII and two ranges
            return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff")
        return ch.isalpha() and not ch.isascii() and char_script(ch) == own
    import unicodedata

    return unicodedata.category(ch)[0] != "M"


def nothing_left(text: str, judge: _Judge, source: Source | None) -> bool:
    """TC405: whether the raw ``text`` shows that :func:`~tcheck.checks._codemix.leftovers`
    finds nothing in it, without cutting it into words (most sentences of a translation). When
    every letter is in the target's script, the words are some of the text's runs of letters
    (:func:`letter_runs`), so it is enough that no run is marked as a word would be: quiet, or
    no verdict of the lexicons (``_Judge.lexical``). A capitalised word is a name unless it is
    the first word; as the first word may not be the first run (an identifier before it), a
    capitalised run must get no verdict either way, unless the text plainly starts with a word."""
    runs = letter_runs(text, judge.script)
    if runs is None:
        return False
    known = judge.quiet_words.get
    quiet = judge.quiet
    lexical = judge.lexical
    first_is_word = _STARTS_WITH_WORD.match(text) is not None and plain(runs[0])
    for i, run in enumerate(runs):
        if known(run) or quiet(run):
            continue
        if run[0].isupper():
            if lexical(run, True, source) is not None:
                return False
            if (i == 0 or not first_is_word) and lexical(run, False, source) is not None:
                return False
        elif lexical(run, False, source) is not None:
            return False
    return True


# A text whose first run of letters is its first chunk (as _tokens cuts it) all by itself.
_STARTS_WITH_WORD = re.compile(r"[\s\"'“”«»(\[]*[^\W\d_]+(?:[\s,;!?)\]\"'”»]|$)")
