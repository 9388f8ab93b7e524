"""The scored words of one sentence, the raw material of the TC4xx language evidence.

Words come from :func:`tcheck.checks._tokens.scan` (technical strings removed, runs broken where
they stood). Each word is scored once (cached) under the character n-gram profiles of the
plausible languages; a capitalised word inside a sentence (probably a name) and a quoted word
count less. Each word also carries its script, so that a language is never credited with words
of a script it is not written in.
"""

from __future__ import annotations

import re
from typing import Any

from tcheck.checks._tokens import Scan, scan
from tcheck.language.scripts import LATIN, char_script, lang_script, wide

NAME_WEIGHT = 0.25  # a capitalised word inside a sentence is probably a name
QUOTED_WEIGHT = 0.3  # quoted words (titles, quotations) may rightly be in another language
# Quote marks and brackets. A single quote counts only at a word's edge (not the apostrophe of
# "don't"): it opens after a space and closes after anything else. Brackets hold glosses and originals:
# "약속(promise of the cloud)".
_MARKS = re.compile(r"[\"“”„«»「」『』()（）]|(?<![^\W\d_])['‘’‹›]|['‘’‹›](?![^\W\d_])")
_OPEN = frozenset("「『(（")
_CLOSE = frozenset("」』)）")
_SINGLE = frozenset("'‘’‹›")


class Words:
    """The scored words of one sentence.

    Per word: offsets, a weight (names and quoted words count less), its n-gram count, its script
    and ``gap``: the most any other language gains over the target on it. Summed, the gaps bound
    what any one language can gain over the whole sentence, so clear cases are settled from these
    floats alone; the words × (languages + 1) matrix of log-likelihoods is built only when needed.
    ``breaks`` marks the words that a number or a technical string separates from the word before.
    ``own``/``foreign`` are the letters in the target's script and in other scripts (a character
    of a script written without spaces, such as CJK, counts three).
    """

    __slots__ = (
        "_bounds",
        "_matrix",
        "_row",
        "breaks",
        "ends",
        "foreign",
        "gaps",
        "grams",
        "own",
        "quotes",
        "scripts",
        "starts",
        "tokens",
        "weights",
    )

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.weights: list[float] = []
        self.gaps: list[float] = []
        self.grams: list[float] = []
        self.breaks: list[bool] = []
        self.tokens: list[str] = []
        self.scripts: list[str] = []
        self.quotes: list[tuple[int, int]] = []  # quoted and bracketed stretches (offsets)
        self.own = 0
        self.foreign = 0
        self._row: Any = None  # the scorer's words -> matrix function
        self._matrix: Any = None
        self._bounds = (0.0, 0.0, 0.0)  # summed while the words are read (see :func:`words`)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def scores(self) -> Any:
        """The words × (languages + 1) matrix; the last column is the n-gram count."""
        if self._matrix is None:
            self._matrix = self._row(self.tokens)
        return self._matrix

    def bound(self) -> tuple[float, float]:
        """An upper bound of any other language's weighted gain over the target, and the n-grams."""
        return self._bounds[0], self._bounds[1]

    def run_bound(self) -> float:
        """An upper bound of the best run's gain (maximum subarray of the weighted gaps; a run
        starts again after a break)."""
        return self._bounds[2]

    def main_script(self, other_than: str) -> str | None:
        """The script, other than ``other_than``, with the most letters in the sentence, or None."""
        letters: dict[str, int] = {}
        for token, script in zip(self.tokens, self.scripts, strict=True):
            if script != other_than:
                letters[script] = letters.get(script, 0) + len(token)
        return max(letters, key=lambda s: letters[s]) if letters else None


def _quoted(text: str) -> list[tuple[int, int]]:
    """Quoted and bracketed stretches of ``text``.

    Double quotes alternate between opening and closing; a single quote opens after a space and
    closes after anything else; brackets and CJK quotes nest. A quote still open at the end of the text runs
    to its end (the sentence splitter may cut a quotation after "Nov."), and a CJK closing quote
    with no opening one closes a quotation begun before the text.
    """
    spans: list[tuple[int, int]] = []
    double: int | None = None
    single: int | None = None
    nested: list[int] = []
    for match in _MARKS.finditer(text):
        mark = match.group(0)
        at = match.start()
        if mark in _OPEN:
            nested.append(at)
        elif mark in _CLOSE:
            spans.append((nested.pop() if nested else (0 if mark in "」』" else at), at))
        elif mark in _SINGLE:
            opening = at == 0 or text[at - 1].isspace() or text[at - 1] in "([{"
            if single is None and opening:
                single = at
            elif single is not None and not opening:
                spans.append((single, at))
                single = None
        elif double is None:
            double = at
        else:
            spans.append((double, at))
            double = None
    end = len(text)
    spans += [(at, end) for at in (double, single, *nested) if at is not None]
    return spans


def words(text: str, langs: tuple[str, ...], offset: int = 0, scanned: Scan | None = None) -> Words:
    """The scored words of one sentence (offsets shifted by ``offset``); ``scanned``: the
    sentence's :func:`~tcheck.checks._tokens.scan`, when the caller has it already. Words the
    scorer has not seen are scored one by one: a caller with many sentences primes the scorer
    with all their words first (:meth:`~tcheck.language.profiles.Scorer.prime`)."""
    from tcheck.services.langid import scorer

    scoring = scorer(langs)
    entry = scoring.entry
    cached = scoring.cached_entry
    quotes = _quoted(text) if _MARKS.search(text) else []
    # A quotation that is most of the sentence is judged like any other text.
    most = 0.8 * len(text.strip())
    quoted = [(a, b) for a, b in quotes if b - a < most]
    target_script = lang_script(langs[0]) or LATIN
    out = Words()
    out._row = scoring.matrix
    starts, ends, weights, gaps, grams, tokens, scripts = (
        out.starts,
        out.ends,
        out.weights,
        out.gaps,
        out.grams,
        out.tokens,
        out.scripts,
    )
    own = foreign = 0
    gain = total = run = best = 0.0  # the bounds of :meth:`Words.bound` and :meth:`Words.run_bound`
    if scanned is None:
        scanned = scan(text)
    first = True
    for (start, end, word), cut in zip(scanned.words, scanned.breaks, strict=True):
        if first:
            weight = 1.0
            first = False
        else:
            weight = NAME_WEIGHT if word[0].isupper() else 1.0
        if quoted and any(a < start < b for a, b in quoted):
            weight *= QUOTED_WEIGHT
        if word.isascii():
            script = LATIN
            size = len(word)
        else:
            script = char_script(word[0])
            size = len(word) * 3 if wide(script) else len(word)
        if script == target_script:
            own += size
        else:
            foreign += size
        found = cached(word)
        gap, count = entry(word) if found is None else found
        weighted = weight * gap
        gain += weighted
        total += weight * count
        # As ``(0.0 if cut else max(run, 0.0)) + weighted``: a run starts again after a break.
        run = weighted if cut or run <= 0.0 else run + weighted
        if run > best:
            best = run
        starts.append(start + offset)
        ends.append(end + offset)
        weights.append(weight)
        gaps.append(gap)
        grams.append(count)
        tokens.append(word)
        scripts.append(script)
    out.breaks = scanned.breaks
    out.quotes = [(a + offset, b + offset) for a, b in quotes]
    out.own = own
    out.foreign = foreign
    out._bounds = (gain, total, best)
    return out
