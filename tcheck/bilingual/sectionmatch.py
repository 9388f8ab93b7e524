"""Which section of a translated page translates which section of its original.

A translated page keeps its original's headings far more faithfully than its sentences, but not
always all of them: an outdated translation lacks a chapter added to the original since, and a
translation may keep a section that the original dropped. Aligning the sentences of the whole
page through such a gap lets every sentence after it pair with the wrong partner, so the
outlines (:func:`tcheck.bilingual.sections.outline`) are matched first
(:func:`match_sections`), and the sentences are aligned inside each match
(:func:`align_sections`).

Headings are in two languages, so they are matched by what translation keeps
(:meth:`_Evidence.score`):

- a heading's number: equal numbers are strong evidence, different ones as strong against; a
  numbered heading facing an unnumbered one is evidence against;
- an explicit heading id, which translators add so that links keep working: it matches the
  original's id, or the id the original's heading text gives;
- the heading's level (``##``, ``###``), and whether subsections follow it;
- words of the heading left in the original language (a product name, ``Title``) and cognates
  (``Involuntary`` / ``involuntaria``);
- what the section's text carries untranslated: link targets, code spans, numbers and names,
  each weighed by how few sections hold it (links and code spans most);
- the section's length, against the length ratio of the sections matched (the pages' own ratio
  is no guide when a long chapter is missing on one side).

A small dynamic programme over the two outlines keeps the order of both sides, with a price for
every section left without a partner (cheaper when it continues a run: a missing chapter is one
event, not one per subsection), and lets two sections of one side match one of the other (a
heading the translator dropped or added) at a price.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence

from tcheck.bilingual.align import Bead, align, length_ratio
from tcheck.bilingual.anchors import longest_chain
from tcheck.bilingual.sections import Section, outline, section_starts, slug_equal, slug_words
from tcheck.bilingual.units import Unit
from tcheck.model import Document

__all__ = ["Match", "align_sections", "match_sections"]

_MIN_SECTIONS = 3  # fewer sections on either side: the page is aligned sentence by sentence
# Evidence weights (log-odds, roughly): positive for "these two sections translate each other".
_SAME_LEVEL, _OTHER_LEVEL = 0.5, 2.0
_SAME_NUMBER, _OTHER_NUMBER, _ONE_NUMBER = 4.0, 4.0, 2.0
_SAME_ID, _OTHER_ID = 6.0, 2.0
_HEADING_WORD = 3.0
_BODY_KEY, _LINK_KEY, _BODY_CAP = 1.5, 3.0, 6.0
_PARENT = 1.5
_LENGTH_WEIGHT, _LENGTH_CAP = 1.5, 4.0
# The price of a section without a partner: the first of a run, and each further one.
_OPEN_GAP, _EXTEND_GAP = 3.0, 1.0
_SMOOTHING = 50  # characters added to each side's length before the ratio of two is taken
_SURE = 3.0  # evidence that pairs two sections without a search, at the start or end of pages
_BAND = 8  # sections the matching may stray from the diagonal, beyond the difference in counts
_MERGE = 4.0  # two sections of one side matched with one of the other


Match = tuple[int, int, int, int]  # source sections i..i+di translate target sections j..j+dj


def _merged(sections: Sequence[Section], i: int, di: int) -> Section:
    """Sections ``i``..``i+di`` as one: the first's heading, the keys and lengths of all."""
    if di == 1:
        return sections[i]
    head, last = sections[i], sections[i + di - 1]
    keys = frozenset().union(*(s.keys for s in sections[i : i + di]))
    length = sum(s.length for s in sections[i : i + di])
    return head._replace(end=last.end, keys=keys, length=length)


class _Evidence:
    """What scores a pair of sections, prepared once per pair of outlines."""

    def __init__(self, src: Sequence[Section], tgt: Sequence[Section], ratio: float) -> None:
        self.src, self.tgt, self.ratio = src, tgt, ratio
        s_df = Counter(k for s in src for k in s.keys)
        t_df = Counter(k for t in tgt for k in t.keys)
        self.weight = {
            k: (_LINK_KEY if k.startswith(("link:", "code:")) else _BODY_KEY) * 2.0 / (s_df[k] + t_df[k])
            for k in s_df.keys() & t_df.keys()
        }
        s_words = Counter(w for s in src for w in s.words)
        t_words = Counter(w for t in tgt for w in t.words)
        self.word_weight = {w: 2.0 / (s_words[w] + t_words[w]) for w in s_words.keys() & t_words.keys()}
        # each section, and each with the one after it
        self.s_runs = (list(src), [_merged(src, i, 2) for i in range(len(src) - 1)])
        self.t_runs = (list(tgt), [_merged(tgt, j, 2) for j in range(len(tgt) - 1)])

    def score(self, i: int, di: int, j: int, dj: int) -> float:
        """How strongly the evidence says that source sections ``i``..``i+di`` translate target
        sections ``j``..``j+dj`` (positive: they do; one side has a single section)."""
        s, t = self.s_runs[di - 1][i], self.t_runs[dj - 1][j]
        score = 0.0 if di == dj else -_MERGE  # a heading of one side left out by the other
        if s.level and t.level:
            score += _SAME_LEVEL if s.level == t.level else -_OTHER_LEVEL * abs(s.level - t.level)
            if s.parent != t.parent:
                score -= _PARENT  # subsections follow one heading and not the other
        elif (s.level == 0) != (t.level == 0) and (i == 0 or j == 0):
            score -= _OTHER_LEVEL  # the first section (before any heading) against a headed one
        if s.number and t.number:
            score += _SAME_NUMBER if s.number == t.number else -_OTHER_NUMBER
        elif s.number or t.number:
            score -= _ONE_NUMBER
        if t.ident and s.slug:
            if slug_equal(s.slug, slug_words(t.ident)):
                score += _SAME_ID
            elif s.ident:
                score -= _OTHER_ID
        shared_words = s.words & t.words
        if shared_words:
            score += _HEADING_WORD * min(2.0, sum(self.word_weight[w] for w in shared_words))
        shared = s.keys & t.keys
        if shared:
            score += min(_BODY_CAP, sum(self.weight[k] for k in shared))
        deviation = math.log((t.length + 60) / (self.ratio * (s.length + 60)))
        score -= min(_LENGTH_CAP, _LENGTH_WEIGHT * deviation * deviation)
        return score


_MOVES = ((1, 1), (2, 1), (1, 2))  # the shapes of a match: one section each, or two against one


def _search(evidence: _Evidence, i0: int, i1: int, j0: int, j1: int) -> list[Match]:
    """The matches of the best order-keeping matching of source sections ``i0``..``i1`` with
    target sections ``j0``..``j1``: the total of the matches' scores less the price of the
    sections left alone, highest. At the start of the pages, the first match takes the first
    section of both (a page's title and introduction)."""
    n, m = i1 - i0, j1 - j0
    if not (n and m):
        return []
    free = 1 if i0 or j0 else 2  # from which row (column) a section may be left alone
    neg = -math.inf
    # three tables: the best total with sections up to (i, j) done, the last move a match (0), a
    # source section alone (1), a target section alone (2); back: the state and shape before
    best = [[[neg] * (m + 1) for _ in range(n + 1)] for _ in range(3)]
    back: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    best[0][0][0] = 0.0
    width = abs(n - m) + _BAND
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre - width)), min(m, int(centre + width) + 1) + 1):
            top, how = neg, (0, 0, 0)
            for di, dj in _MOVES:
                if di > i or dj > j:
                    continue
                prev = max(range(3), key=lambda s: best[s][i - di][j - dj])
                if best[prev][i - di][j - dj] > neg:
                    value = best[prev][i - di][j - dj] + evidence.score(i0 + i - di, di, j0 + j - dj, dj)
                    if value > top:
                        top, how = value, (prev, di, dj)
            if top > neg:
                best[0][i][j], back[0, i, j] = top, how
            if i >= free and j >= free - 1:
                options = [best[s][i - 1][j] - (_EXTEND_GAP if s == 1 else _OPEN_GAP) for s in range(3)]
                prev = max(range(3), key=options.__getitem__)
                if options[prev] > neg:
                    best[1][i][j], back[1, i, j] = options[prev], (prev, 1, 0)
            if j >= free and i >= free - 1:
                options = [best[s][i][j - 1] - (_EXTEND_GAP if s == 2 else _OPEN_GAP) for s in range(3)]
                prev = max(range(3), key=options.__getitem__)
                if options[prev] > neg:
                    best[2][i][j], back[2, i, j] = options[prev], (prev, 0, 1)
    state = max(range(3), key=lambda s: best[s][n][m])
    matches = []
    i, j = n, m
    while i or j:
        prev, di, dj = back[state, i, j]
        if state == 0:
            matches.append((i0 + i - di, di, j0 + j - dj, dj))
        i, j, state = i - di, j - dj, prev
    return matches[::-1]


def _anchors(src: Sequence[Section], tgt: Sequence[Section]) -> list[tuple[int, int]]:
    """Pairs of sections whose headings are the same words, at the same level, once on each
    side (a function's name in a reference page, an untranslated product name), in the same
    order on both sides."""

    def once(sections: Sequence[Section]) -> dict[tuple[str, int], int]:
        seen: dict[tuple[str, int], int] = {}
        for k, section in enumerate(sections):
            if section.title:
                key = (section.title, section.level)
                seen[key] = -1 if key in seen else k
        return {key: k for key, k in seen.items() if k >= 0}

    s_once, t_once = once(src), once(tgt)
    return longest_chain(sorted((i, t_once[key]) for key, i in s_once.items() if key in t_once))


def _matching(evidence: _Evidence) -> list[Match]:
    """The best matching of the two outlines (:func:`_search`), searched only between the
    sections that plainly pair: those at the start and at the end with the same level and
    number and evidence above :data:`_SURE`, and those with the same heading
    (:func:`_anchors`)."""
    src, tgt = evidence.src, evidence.tgt
    n, m = len(src), len(tgt)

    def alone(i: int, j: int) -> bool:
        """Whether the two sections pair better alone than either with the one after it (a
        title kept over a heading the translation added above the introduction)."""
        score = evidence.score(i, 1, j, 1)
        merges = [evidence.score(i, 1, j, 2)] if j + 1 < m else []
        merges += [evidence.score(i, 2, j, 1)] if i + 1 < n else []
        return all(score >= other for other in merges)

    def sure(i: int, j: int) -> bool:
        s, t = src[i], tgt[j]
        same = s.level == t.level and s.number == t.number
        return same and evidence.score(i, 1, j, 1) > _SURE and alone(i, j)

    head = 0
    while head < min(n, m) and sure(head, head):
        head += 1
    tail = 0
    while tail < min(n, m) - head and sure(n - 1 - tail, m - 1 - tail):
        tail += 1
    inner = [
        (i, j) for i, j in _anchors(src[head : n - tail], tgt[head : m - tail]) if alone(i + head, j + head)
    ]
    cuts = [(head - 1, head - 1), *((i + head, j + head) for i, j in inner), (n - tail, m - tail)]
    matches: list[Match] = [(k, 1, k, 1) for k in range(head)]
    for (i0, j0), (i1, j1) in itertools.pairwise(cuts):
        matches += _search(evidence, i0 + 1, i1, j0 + 1, j1)
        if i1 < n - tail:
            matches.append((i1, 1, j1, 1))
    matches += [(n - tail + k, 1, m - tail + k, 1) for k in range(tail)]
    return matches


def _ratio(s_len: int, t_len: int, smoothing: int) -> float:
    """A length ratio, drawn towards 1 by ``smoothing`` characters on each side."""
    return min(max((t_len + smoothing) / (s_len + smoothing), 0.2), 5.0)


def match_sections(src: Sequence[Section], tgt: Sequence[Section]) -> tuple[list[Match], float | None]:
    """The matches of sections that translate each other, in order, and the length ratio of the
    two languages taken from the sections matched (None when every section is matched: the
    pages' ratio is theirs).

    The outlines are matched under the pages' length ratio first, then once more under the ratio
    of the sections matched when it differs much: a missing chapter makes the pages' ratio say
    that the language is terser (or wordier) than it is."""
    ratio = _ratio(sum(s.length for s in src), sum(t.length for t in tgt), _SMOOTHING)
    evidence = _Evidence(src, tgt, ratio)
    if len(src) == len(tgt) and all(
        s.level == t.level and s.number == t.number and evidence.score(k, 1, k, 1) > -2 * _OPEN_GAP
        for k, (s, t) in enumerate(zip(src, tgt, strict=True))
    ):
        return [(k, 1, k, 1) for k in range(len(src))], None  # the same outline
    matches = _matching(evidence)
    s_len = sum(src[i + k].length for i, di, _, _ in matches for k in range(di))
    t_len = sum(tgt[j + k].length for _, _, j, dj in matches for k in range(dj))
    if s_len == sum(s.length for s in src) and t_len == sum(t.length for t in tgt):
        return matches, None
    paired = _ratio(s_len, t_len, _SMOOTHING)
    if abs(math.log(paired / ratio)) > 0.15:
        matches = _matching(_Evidence(src, tgt, paired))
        s_len = sum(src[i + k].length for i, di, _, _ in matches for k in range(di))
        t_len = sum(tgt[j + k].length for _, _, j, dj in matches for k in range(dj))
    return matches, _ratio(s_len, t_len, 300)  # as :func:`tcheck.bilingual.align.length_ratio`


def align_sections(
    source: Document, target: Document, src: Sequence[Unit], tgt: Sequence[Unit]
) -> list[Bead]:
    """The sentence beads of ``target`` (units ``tgt``) against ``source`` (units ``src``):
    sections first (:func:`match_sections`), then the sentences of each match.

    A section on one side only, between two matches, leaves its sentences without a partner
    (TC002 reports it once, as a section); sections on both sides between the same two matches
    are aligned together, sentence by sentence. Pages with fewer than three sections on either
    side are aligned sentence by sentence as a whole."""
    if len(section_starts(src)) < _MIN_SECTIONS or len(section_starts(tgt)) < _MIN_SECTIONS:
        return align(src, tgt)
    s_out, t_out = outline(source, src), outline(target, tgt)
    matches, paired = match_sections(s_out, t_out)
    ratio = length_ratio(src, tgt) if paired is None else paired
    beads: list[Bead] = []

    def add(s_first: int, s_end: int, t_first: int, t_end: int) -> None:
        if s_first == s_end or t_first == t_end:
            beads.extend(Bead((i,), (), 0.0) for i in range(s_first, s_end))
            beads.extend(Bead((), (j,), 0.0) for j in range(t_first, t_end))
            return
        for bead in align(src[s_first:s_end], tgt[t_first:t_end], ratio=ratio):
            beads.append(
                Bead(
                    tuple(i + s_first for i in bead.source),
                    tuple(j + t_first for j in bead.target),
                    bead.confidence,
                )
            )

    s_done = t_done = 0  # units covered so far
    for i, di, j, dj in [*matches, (len(s_out), 0, len(t_out), 0)]:
        s_first = s_out[i].first if i < len(s_out) else len(src)
        t_first = t_out[j].first if j < len(t_out) else len(tgt)
        add(s_done, s_first, t_done, t_first)  # the sections between two matches
        if di:
            s_done, t_done = s_out[i + di - 1].end, t_out[j + dj - 1].end
            add(s_first, s_done, t_first, t_done)
    return beads
