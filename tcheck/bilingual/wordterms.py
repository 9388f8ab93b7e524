"""The renderings of repeated source words, from linked segment pairs (TC107, glossary extract).

Each kept segment pair is linked with the run's counts (:func:`tcheck.bilingual.wordalign.link`);
the target words linked to each occurrence of a source word are then grouped into renderings:
one group per target word, inflections, derivations and compounds of one word put together
(:func:`tcheck.bilingual.wordalign.same_term`). An occurrence whose target sentence holds the
most frequent rendering counts for it, whatever word the link chose (the alignment of one
sentence is the least reliable evidence). A minority rendering must be the word left over once
the sentence's other words are explained away (see :func:`_unexplained`), and mostly seen where
the source word is (:data:`MIN_ASSOCIATION`); otherwise it is alignment noise.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from tcheck.bilingual.keptpair import Kept, WordTable
from tcheck.bilingual.phraseterms import PHRASE_MINIMUM, cover, phrase_rendering, repeated, runs
from tcheck.bilingual.termgroups import Group, Occurrence, Rendering
from tcheck.bilingual.wordalign import Counts, Token, link, same_term, tokens
from tcheck.model import Document

__all__ = ["Digest", "Kept", "digest_document", "renderings_of"]

MIN_ASSOCIATION = 0.5  # of a minority rendering: the share of its segment pairs that hold the term
HAPAX = 0.5  # the most a link seen once in the run can be trusted
MIN_ALIGNED = 0.6  # least confidence of a sentence pair that tcheck aligned itself
MIN_OCCURRENCES = 3  # a term must be seen (and aligned) this often in its scope
MIN_KEY = 3  # source words shorter than this (in letters) are no terms, except in CJK
SOURCE_MEMO = 4096  # source texts whose words are kept while a document is read (then forgotten)


@dataclass
class Digest:
    """One document's share: its co-occurrence counts and the segment pairs that hold a term
    repeated in it (all pairs when the scope is the run)."""

    path: str
    pair: tuple[str, str]
    counts: Counts = field(default_factory=Counts)
    kept: list[Kept] = field(default_factory=list)


def digest_document(doc: Document, run_wide: bool) -> Digest:
    """Tokenise every paired segment of ``doc`` and count its co-occurrences (pure). Runs of
    words repeated in the document (candidate multi-word terms) are counted as source keys too."""
    source_lang = doc.source_lang or (doc.source.lang if doc.source is not None else None)
    found = Digest(doc.path, (source_lang or "", doc.lang or ""))
    pairs: list[Kept] = []
    table = WordTable()  # the document's distinct words, numbered (see tcheck.bilingual.keptpair)
    seen: dict[str, int] = {}
    # a file of many languages repeats each source text once per language: its words are found once
    memo: dict[str, list[Token]] = {}
    for seg in doc.segments:
        source = seg.counterpart
        if source is None or (seg.confidence is not None and seg.confidence < MIN_ALIGNED):
            continue  # a sentence tcheck paired with little confidence teaches nothing reliable
        src = memo.get(source.text)
        if src is None:
            if len(memo) >= SOURCE_MEMO:
                memo.clear()
            src = memo[source.text] = tokens(source.text, source_lang)
        tgt = tokens(seg.text, doc.lang)
        if not src or not tgt:
            continue
        spans = [seg.file_span(t.start, t.end) for t in tgt]
        placed = tuple(
            (t.key, span.start, span.end, t.surface, t.initial) for t, span in zip(tgt, spans, strict=True)
        )
        keys = tuple(t.key for t in src)
        for key in set(keys):
            seen[key] = seen.get(key, 0) + 1
        joined = tuple(_joined(source.text, a.end, b.start) for a, b in pairwise(src))
        source_words = [(t.key, t.surface) for t in src]
        pairs.append(Kept.make(seg.path or doc.path, table, source_words, placed, joined))
    phrases = repeated(((p.source, p.joined) for p in pairs), PHRASE_MINIMUM)
    for pair in pairs:
        keys = pair.source
        runs_here = {key for _, _, key in runs(keys, pair.joined) if key in phrases}
        found.counts.add_pair((*keys, *runs_here), pair.target_keys())
        if run_wide or any(seen[k] >= MIN_OCCURRENCES for k in keys):
            found.kept.append(pair)
    found.counts.add_document([*seen, *phrases])
    return found


def _joined(text: str, end: int, start: int) -> bool:
    """Whether two words are written next to each other: only spaces between them."""
    return start > end and text[end:start].isspace()


def _cjk(key: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" for ch in key)


def renderings_of(
    docs: Sequence[Sequence[Kept]],
    counts: Counts,
    target_lang: str,
    run_wide: bool,
    min_occurrences: int,
    names_kept: bool = False,
    min_main: float = 0.0,
) -> Iterator[Rendering]:
    """The renderings of every source word and multi-word term seen at least
    ``min_occurrences`` times in its scope (a document: one item of ``docs``, or the run).

    ``names_kept``: a capitalised word copied as it is counts as a rendering; by default it is
    left out, as a name kept beside its translation (``Welsh Parliament``/``walisisch``). A word
    inside a multi-word term is judged with the term, not alone; the term's renderings are
    whole renderings (:mod:`tcheck.bilingual.phraseterms`).

    ``min_main``: a word whose most frequent rendering is tied to it less than this (Dice over
    the run) is given no rendering at all (its renderings would be thrown away by a caller that
    requires as much; working them out is most of the cost on a file of many languages)."""
    # per source word: (pair, word, linked target word) triples; per term: (pair, first word)
    # couples, and the links of the pairs that hold a term (arrays: one run's words add up)
    found: dict[tuple[int, str], array[int]] = {}
    phrases: dict[tuple[int, str], array[int]] = {}
    links_of: dict[int, array[int]] = {}
    kept = [pair for doc in docs for pair in doc]
    scopes: list[int] = []
    for number, doc in enumerate(docs):
        scopes += [0 if run_wide else number] * len(doc)
    terms = _terms(docs, run_wide, min_occurrences)
    for k, pair in enumerate(kept):
        source = pair.source
        links = array("i", link(source, pair.target_keys(), counts))
        scope = scopes[k]
        covered: set[int] = set()
        for i, n, key in cover(source, pair.joined, terms[scope]):
            if not counts.general(key):
                phrases.setdefault((scope, key), array("i")).extend((k, i))
                links_of[k] = links
                covered.update(range(i, i + n))
        for i, j in enumerate(links):
            key = source[i]
            if i in covered or (len(key) < MIN_KEY and not _cjk(key)) or counts.general(key):
                continue
            found.setdefault((scope, key), array("i")).extend((k, i, j))
    for (scope, key), numbers in found.items():
        if len(numbers) < 3 * min_occurrences:
            continue
        places = list(zip(numbers[0::3], numbers[1::3], numbers[2::3], strict=True))
        rendering = _group(key, scope, places, kept, counts, target_lang, names_kept, min_main)
        if rendering is not None:
            yield rendering
    for (scope, key), numbers in phrases.items():
        if len(numbers) >= 2 * min_occurrences:
            occurrences: list[tuple[int, int, Sequence[int]]] = [
                (k, i, links_of[k]) for k, i in zip(numbers[0::2], numbers[1::2], strict=True)
            ]
            phrase = phrase_rendering(key, scope, occurrences, kept, counts, target_lang, _unexplained)
            if phrase is not None:
                yield phrase


def _terms(docs: Sequence[Sequence[Kept]], run_wide: bool, minimum: int) -> list[Counter[str]]:
    """The multi-word terms of each scope (runs repeated ``minimum`` times)."""
    if run_wide:
        return [repeated(((p.source, p.joined) for doc in docs for p in doc), minimum)]
    return [repeated(((p.source, p.joined) for p in doc), minimum) for doc in docs]


def _place(pair: Kept, j: int) -> Occurrence:
    _, start, end, surface, initial = pair.token(j)
    return Occurrence(pair.path, start, end, surface, initial)


def _group(
    key: str,
    scope: int,
    places: list[tuple[int, int, int]],
    kept: Sequence[Kept],
    counts: Counts,
    lang: str,
    names_kept: bool,
    min_main: float = 0.0,
) -> Rendering | None:
    if not names_kept:  # a name kept as it is (``Welsh Parliament``) beside its translation
        places = [(k, i, j) for k, i, j in places if j < 0 or not _copied_name(kept[k], i, j, lang)]
    tally = Counter(kept[k].token(j)[0] for k, _, j in places if j >= 0)
    if not tally:
        return None
    main_key = min(tally, key=lambda t: (-tally[t], t))
    association = counts.dice(key, main_key)
    if association < min_main:
        return None
    main = Group(main_key, association=association)
    groups = [main]
    is_main: dict[str, bool] = {}  # target key -> whether it is the main rendering (asked per word)
    for k, i, j in places:
        pair = kept[k]
        if j >= 0 and main.matches(pair.token(j)[0], pair.token(j)[3].casefold(), lang):
            main.places.append(_place(pair, j))
            continue
        there = None
        for x, t in enumerate(pair.target_keys()):
            found = is_main.get(t)
            if found is None:
                found = is_main[t] = same_term(t, main_key, lang)
            if found:
                there = x
                break
        if there is not None:  # the usual rendering is in the sentence: the link chose another word
            main.places.append(_place(pair, there))
            continue
        j, strength = _unexplained(pair, i, counts)
        if j < 0:
            continue
        target, written = pair.token(j)[0], pair.token(j)[3].casefold()
        if main.matches(target, written, lang):
            main.places.append(_place(pair, j))
            continue
        group = next((g for g in groups[1:] if g.matches(target, written, lang)), None)
        if group is None:
            group = Group(target, association=counts.given_target(key, target), strength=0.0)
            groups.append(group)
        group.places.append(_place(pair, j))
        group.strength = max(group.strength, strength)
    kept_groups = [main, *sorted(_strong(groups[1:]), key=lambda g: (-g.count, g.key))]
    source_written = Counter(kept[k].surfaces[i] for k, i, _ in places)
    surface = min(source_written, key=lambda w: (-source_written[w], w))
    return Rendering(key, surface, scope, kept_groups, len(places))


def _unexplained(
    pair: Kept, i: int, counts: Counts, others: frozenset[str] = frozenset(), unit: range = range(0)
) -> tuple[int, float]:
    """The target word that renders source word ``i`` when its usual rendering is missing (-1
    when none), and how sure that is.

    Words are explained away first: a source word whose usual rendering (its best partner over
    the run, seen together at least twice) is in the target sentence claims it, and a target
    word written like a source word (a name) is that word's, and so are ``others`` (the renderings
    of the other words of a multi-word term). The words left on both sides are
    linked competitively, most tied first (the share of the target word's pairs that hold the
    source word), then most often seen together, then nearest in relative position. The source word's partner there is the
    candidate. The certainty is the share of the candidate's pairs that hold the source word,
    divided by one plus the number of other source words left without a partner that are tied
    to it as much (a word seen once beside a word seen once share the blame; the words of a
    multi-word term, positions ``unit``, are no rivals of each other); when the two
    words were seen together only once, it is halved and falls further with the distance
    between their relative positions.
    """
    usual = counts.usual()
    source, target = pair.source, pair.target
    target_keys = {t[0] for t in target}
    s = source[i]
    claimed: set[str] = {t for t in target_keys if t in source or t in others}
    free_source: list[int] = []
    for position, x in enumerate(source):
        partner = usual.get(x)
        if position != i and partner is not None and partner in target_keys:
            claimed.add(partner)
        elif position == i or x != s:
            free_source.append(position)
    taken = [j for j, t in enumerate(target) if t[0] in claimed]
    covered = {(target[j][1], target[j][2]) for j in taken}
    # a character bigram that overlaps a claimed one is part of the same word (CJK)
    free_target = [
        j
        for j, t in enumerate(target)
        if t[0] not in claimed and not any(a < t[2] and t[1] < b for a, b in covered)
    ]
    n, m = len(source), len(target)
    scored = []
    joint, seen_target = counts.joint, counts.target
    rows = [(a, row) for a in free_source if (row := joint.get(source[a]))]  # counts.both, unrolled
    for b in free_target:
        t = target[b][0]
        seen = seen_target.get(t, 0)
        if not seen:
            continue
        for a, row in rows:
            together = row.get(t, 0)
            if together:  # tied: the share of the pairs holding t that hold the source word
                scored.append((-together / seen, -together, abs((a + 0.5) / n - (b + 0.5) / m), a, b))
    scored.sort()
    linked: dict[int, int] = {}
    used: set[int] = set()
    for *_, a, b in scored:
        if a not in linked and b not in used:
            linked[a] = b
            used.add(b)
    best = linked.get(i, -1)
    if best < 0:
        return -1, 0.0
    t = target[best][0]
    own = counts.given_target(s, t)
    rivals = {source[a] for a in free_source if a != i and a not in linked and a not in unit}
    tied = sum(1 for x in rivals if x != s and counts.given_target(x, t) >= own)
    strength = own / (1 + tied)
    if counts.both(s, t) < 2:  # seen together once: only its place speaks for the link
        strength *= HAPAX * max(0.0, 1 - 2.5 * abs((i + 0.5) / n - (best + 0.5) / m))
    return best, strength


def _copied_name(pair: Kept, i: int, j: int, lang: str) -> bool:
    return not pair.surfaces[i].islower() and same_term(pair.token(j)[0], pair.source[i], lang)


def _strong(groups: Iterable[Group]) -> Iterator[Group]:
    return (g for g in groups if g.association >= MIN_ASSOCIATION)
