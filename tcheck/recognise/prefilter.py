"""Which recognisers a text needs, from a few searches of it: most sentences need none.

Every recogniser starts with a cheap search of its own (a digit, the first letters of a month
or weekday name, a number word's beginning, a Roman numeral, a time zone): when it finds
nothing, the recogniser finds nothing. :func:`needs` makes those searches once per text, the
word-start ones as one search of the lower-cased text for a language's pattern (the union of
the date names' and number words' beginnings), and tells :func:`tcheck.recognise.recognise`
which recognisers can find anything. A sentence of news prose without a digit, a date
name or a number word (four in ten NTREX sentences) is then read by three searches instead of
seven recognisers. Each flag is true whenever the recogniser it stands for could find something
(it may be true when it finds nothing): a flag never hides a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from tcheck.locale.numberwords import _word_starts, cjk_regex, word_lexicon
from tcheck.recognise.datelexicon import date_lexicon
from tcheck.recognise.numtables import tables
from tcheck.recognise.numwords import start_words
from tcheck.recognise.roman import _TOKEN as _ROMAN
from tcheck.recognise.timefind import _hour_chars, _zone_regex
from tcheck.recognise.wordtrie import first_letters, trie_pattern
from tcheck.services import regexes

_DIGIT = re.compile(r"\d")


class Needs(NamedTuple):
    """What a text may hold: ``digits`` (quantities, amounts, numeric dates, times), ``names``
    (a date or weekday name or a number word may start somewhere: dates are looked for when
    either is true, number words only for this one), ``roman`` (a Roman numeral: not searched
    for, and true, when there are digits, as the numbers are read then anyway), ``zone`` (a time
    zone is named: exact)."""

    digits: bool
    names: bool
    roman: bool
    zone: bool

    @property
    def nothing(self) -> bool:
        """No recogniser can find anything in the text."""
        return not (self.digits or self.names or self.roman or self.zone)


@dataclass(frozen=True, slots=True)
class _Searches:
    """The searches of one language (None: that search cannot decide, the recognisers run)."""

    words: re.Pattern[str] | None  # in the lower-cased text: a date name or a number word
    hours: re.Pattern[str] | None  # a character an hour starts with, if not only a digit (CJK numerals)
    zone: re.Pattern[str] | None


@cache
def _searches(lang: str) -> _Searches:
    lex = date_lexicon(lang)
    words: re.Pattern[str] | None = None
    if lex.heads is not None and cjk_regex(lang) is None:
        # the word starts the recognisers look for (but digits), as one search: the beginnings
        # of date names, of number words (datefind._starts_regex, numwords._starts) and of the
        # words of numbers.toml (numberwords._word_starts) in one trie, which is tried once at
        # each place instead of once for each recogniser (a third less time than three tries).
        # Each recogniser's own search may ask more (a date name not right after a digit): the
        # trie is true wherever one of them is, and maybe in a few more places, as a flag may be
        heads = lex.heads
        short = [h for h in heads if len(h) < 3]
        starts = {h for h in heads if len(h) >= 3}
        t = tables(lang)
        if t.cardinals or t.ordinals:
            starts |= start_words(lang)
        if _word_starts(lang) is not None:
            starts |= set(word_lexicon(lang).exact)
        body = trie_pattern(starts)
        if short:  # as in datefind._starts_regex
            body += rf"|(?:{trie_pattern(short)})\Z"
        # searched only from the first letters of the words (see wordtrie.first_letters), after
        # a character that is no letter: the search, of " " + the text, tries the trie only
        # after the spaces and punctuation (which the regular expression engine skips to)
        # instead of at every letter
        words = regexes.compile(rf"[\W\d_]{first_letters(starts | set(short))}(?:{body})")
    hours = _hour_chars(lang)
    return _Searches(words, None if hours.pattern == _DIGIT.pattern else hours, _zone_regex(lang))


def needs(text: str, lang: str) -> Needs:
    """What recognisers ``text`` (written in ``lang``) needs (see the module's docstring)."""
    s = _searches(lang)
    digits = _DIGIT.search(text) is not None or (s.hours is not None and s.hours.search(text) is not None)
    if s.words is None:
        names = True
    else:
        lowered = text.lower()
        # lower-casing not one to one (İ, Σ): the recognisers try every word
        names = len(lowered) != len(text) or "\u03a3" in text or s.words.search(" " + lowered) is not None
    return Needs(
        digits,
        names,
        digits or _ROMAN.search(text) is not None,
        s.zone is not None and s.zone.search(text) is not None,
    )
