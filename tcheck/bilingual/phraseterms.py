"""Multi-word source terms (``light black hole``, ``Welsh Parliament``) for TC107 and ``glossary extract``.

A multi-word term is a run of two to four content words of the source (function words and
particles are not tokens, so a run never spans them), written next to each other (only spaces
between them, no punctuation), that is repeated: seen in at least as many segment pairs of its
scope as a single-word term must be. Where repeated runs overlap, each place takes the longest
(then the most frequent) one: ``light black hole`` claims its ``black hole``.

Its renderings are found word by word: each word of the term is aligned as a single word is
(:func:`tcheck.bilingual.wordterms.group_places`), but only over the places of the term, so a
word that is ambiguous alone (``light``: ``Licht``, ``leicht``, ``hell``) is compared only with
its own renderings inside the term. A minority rendering must be tied to the whole term (the
share of its segment pairs that hold the term, :data:`tcheck.bilingual.wordterms.MIN_ASSOCIATION`).
The target words of a place, in target order, make the rendering shown to the reader
(``helles schwarzes Loch``); they need not be contiguous, and a compound (``Schwarzloch``) may
render two words of the term.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from tcheck.bilingual.termgroups import Group, Occurrence, Rendering, usual_form
from tcheck.bilingual.termindex import SameTermIndex
from tcheck.bilingual.wordalign import same_term

if TYPE_CHECKING:
    from tcheck.bilingual.keptpair import Kept
    from tcheck.bilingual.wordalign import Counts

Explain = Callable[["Kept", int, "Counts", frozenset[str], range], tuple[int, float]]
MIN_TIED = 0.3  # least Dice of a main word of a term's rendering with the term
MIN_ASSOCIATION = 0.5  # of a minority rendering: the share of its segment pairs that hold the term

MIN_WORDS = 2
MAX_WORDS = 4
PHRASE_MINIMUM = 2  # a run must repeat this often in a document to be counted at all


def runs(keys: Sequence[str], joined: Sequence[bool], cjk: bool = False) -> Iterator[tuple[int, int, str]]:
    """Every run ``(start, length, key)`` of two to four adjacent words (``joined[i]``: word
    ``i`` and word ``i + 1`` are written next to each other). Runs whose words repeat one
    key (``very very``) are left out, and so is every run of a text written without spaces."""
    if cjk:
        return
    for i in range(len(keys)):
        for n in range(MIN_WORDS, MAX_WORDS + 1):
            if i + n > len(keys) or i + n - 2 >= len(joined) or not joined[i + n - 2]:
                break
            words = keys[i : i + n]
            if len(set(words)) == n:
                yield i, n, " ".join(words)


def repeated(pairs: Iterable[tuple[Sequence[str], Sequence[bool]]], minimum: int) -> Counter[str]:
    """The runs seen in at least ``minimum`` segment pairs, with the number of pairs."""
    seen: Counter[str] = Counter()
    for keys, joined in pairs:
        seen.update({key for _, _, key in runs(keys, joined)})
    return Counter({key: n for key, n in seen.items() if n >= minimum})


def cover(keys: Sequence[str], joined: Sequence[bool], terms: Counter[str]) -> list[tuple[int, int, str]]:
    """The places of ``terms`` in one segment, left to right, none overlapping: where two
    overlap, the longer, then the more frequent, then the earlier one."""
    found = [(i, n, key) for i, n, key in runs(keys, joined) if key in terms]
    found.sort(key=lambda r: (-r[1], -terms[r[2]], r[0]))
    taken = [False] * len(keys)
    chosen: list[tuple[int, int, str]] = []
    for i, n, key in found:
        if not any(taken[i : i + n]):
            chosen.append((i, n, key))
            for x in range(i, i + n):
                taken[x] = True
    return sorted(chosen)


def shown(places: Iterable[tuple[int, int, str]]) -> str:
    """The text of target words ``(start, end, surface)`` as a reader sees them: in file order,
    overlapping character bigrams merged, words apart separated by a space."""
    out = ""
    end = -1
    for start, stop, surface in sorted(set(places)):
        if end < 0:
            out = surface
        elif start < end:
            out += surface[end - start :]
        elif start == end:
            out += surface
        else:
            out += " " + surface
        end = max(end, stop)
    return out


def phrase_rendering(
    key: str,
    scope: int,
    occurrences: list[tuple[int, int, Sequence[int]]],
    kept: Sequence[Kept],
    counts: Counts,
    lang: str,
    explain: Explain,
) -> Rendering | None:
    """The renderings of multi-word term ``key`` seen at ``occurrences`` (segment pair, first
    word, the pair's word links): the main rendering is the set of target words (up to one per
    word of the term; one word, inflections and compounds of it together) found in at least half
    of its places, tied to the term and linked to its words more often than to other words; a
    place that lacks one of them holds a minority rendering, the word ``explain``
    (:func:`tcheck.bilingual.wordterms._unexplained`) finds for a word of the term once the main
    words present are explained away. None when the term has no main rendering."""
    n = len(key.split(" "))
    here = _main_candidates(key, occurrences, kept, counts, lang)
    if here is None:
        return None
    coverage = Counter(rep for found in here for rep in found)
    need = max(2, (len(occurrences) + 1) // 2)
    tied = {rep: counts.dice(key, rep) for rep, seen in coverage.items() if seen >= need}
    own = set(key.split(" "))
    linked: Counter[str] = Counter()  # how often each word is linked to a word of the term
    for rep in list(tied):  # a word linked to another word of the sentences (``seek``) is no part
        inside = outside = 0
        for (k, _, links), found in zip(occurrences, here, strict=True):
            source = kept[k].source
            for x, j in enumerate(links):
                if j in found.get(rep, ()):
                    if source[x] in own:  # this place's words, or another place's of the term
                        inside += 1
                    else:
                        outside += 1
        linked[rep] = inside
        if outside >= inside:  # linked to no word of the term, or as often to others
            del tied[rep]
    main_words = sorted(
        (r for r in tied if tied[r] >= MIN_TIED), key=lambda r: (-coverage[r], -linked[r], -tied[r], r)
    )[:n]
    if not main_words:
        return None
    main = Group("", association=min(tied[r] for r in main_words))
    minority: list[tuple[Group, str]] = []  # a minority rendering and the main word it replaces
    for (k, i, links), found in zip(occurrences, here, strict=True):
        pair = kept[k]
        target = pair.target
        present = [_nearest(found[r], links[i : i + n]) for r in main_words if r in found]
        missing = [r for r in main_words if r not in found]
        words = [(target[j][1], target[j][2], target[j][3]) for j in present]
        if not missing:
            start, end = min(w[0] for w in words), max(w[1] for w in words)
            label = shown(words)
            main.places.append(Occurrence(pair.path, start, end, label, target[present[0]][4], label))
            continue
        claimed = frozenset(target[j][0] for j in present)
        best = (-1, 0.0)
        for p in range(i, i + n):
            j, strength = explain(pair, p, counts, claimed, range(i, i + n))
            if j >= 0 and j not in present and strength > best[1]:
                best = (j, strength)
        j, strength = best
        if j < 0 or any(same_term(target[j][0], r, lang) for r in main_words):
            continue
        t, start, end, surface, initial = target[j]
        label = shown([*words, (start, end, surface)])
        place = Occurrence(pair.path, start, end, surface, initial, label)
        group = next((g for g, _ in minority if g.matches(t, surface.casefold(), lang)), None)
        if group is None:
            group = Group(t, association=counts.given_target(key, t), strength=0.0)
            minority.append((group, missing[0]))
        group.places.append(place)
        group.strength = max(group.strength, strength)
    if not main.places:
        return None
    main.key = main.shown
    kept_groups: list[Group] = []
    for group, replaced in minority:
        seen = _main_tokens(replaced, main_words, here, occurrences, kept)
        if group.association >= MIN_ASSOCIATION and not _other_class(group, seen):
            written_as = Counter(t[3] for t in seen)
            group.replaces = min(written_as, key=lambda w: (-written_as[w], w)) if written_as else ""
            kept_groups.append(group)
    surface = usual_form(" ".join(kept[k].surfaces[i : i + n]) for k, i, _ in occurrences)
    groups = [main, *sorted(kept_groups, key=lambda g: (-g.count, g.key))]
    return Rendering(key, surface, scope, groups, len(occurrences), n)


def _main_candidates(
    key: str,
    occurrences: list[tuple[int, int, Sequence[int]]],
    kept: Sequence[Kept],
    counts: Counts,
    lang: str,
) -> list[dict[str, list[int]]] | None:
    """Per place of term ``key``: the words that may be main words of its rendering, each with
    the indices of the place's target tokens that are it (None when no word may be).

    The target words seen in two places or more are taken in order of frequency, each kept unless
    it is one rendering with a word kept before (its inflections and compounds join it; a word
    seen once can only join one: the main rendering is seen in half the places); a target token
    is the first kept word it is one rendering with. Only a kept word tied to the term as much
    as :data:`MIN_TIED` can be a main word, so only those are looked for: the kept words after
    the last of them are not worked out (no token can be theirs before being one of an earlier
    word), and a token is placed only when it is one rendering with one of them."""
    places_of = Counter(t for k, _, _ in occurrences for t in set(kept[k].target_keys()))
    ordered = sorted((t for t, c in places_of.items() if c >= 2), key=lambda t: (-places_of[t], t))
    hopeful = [x for x, t in enumerate(ordered) if counts.dice(key, t) >= MIN_TIED]
    if not hopeful:
        return None  # no word can be a main word (each is one of these, tied to the term as much)
    index = SameTermIndex(lang)  # the words so far, filed so that few are compared with each new one
    for t in ordered[: hopeful[-1] + 1]:
        if index.first(t) is None:
            index.add(t)
    tied = [w for w in index.words if counts.dice(key, w) >= MIN_TIED]
    if not tied:
        return None
    here: list[dict[str, list[int]]] = []  # per place: word -> indices of its target tokens
    rep_of: dict[str, str | None] = {}  # target key -> its tied kept word (asked once per key)
    for k, _, _ in occurrences:
        found: dict[str, list[int]] = {}
        for j, t in enumerate(kept[k].target_keys()):
            if t in rep_of:
                rep = rep_of[t]
            else:
                rep = rep_of[t] = _tied_rep(t, index, tied, lang)
            if rep is not None:
                found.setdefault(rep, []).append(j)
        here.append(found)
    return here


def _tied_rep(word: str, index: SameTermIndex, tied: list[str], lang: str) -> str | None:
    """The kept word of ``index`` that target word ``word`` is, when it is one of ``tied``."""
    if not any(same_term(w, word, lang) for w in tied):
        return None  # the first kept word it is one rendering with is none of them
    rep = index.first(word)
    return rep if rep in tied else None


def _nearest(tokens: list[int], linked: Sequence[int]) -> int:
    """Of the target tokens of one word, the one nearest to the target words linked to the
    term (the first when none is): ``schwarzen Löcher ... ein leichtes schwarzes Loch``."""
    anchors = [j for j in linked if j >= 0]
    if not anchors or len(tokens) == 1:
        return tokens[0]
    return min(tokens, key=lambda j: (min(abs(j - a) for a in anchors), j))


def _main_tokens(
    word: str,
    main_words: list[str],
    here: list[dict[str, list[int]]],
    occurrences: list[tuple[int, int, Sequence[int]]],
    kept: Sequence[Kept],
) -> list[tuple[str, int, int, str, bool]]:
    """The target tokens of main word ``word`` at the places of the main rendering."""
    return [
        kept[k].token(j)
        for (k, _, _), found in zip(occurrences, here, strict=True)
        if all(r in found for r in main_words)
        for j in found.get(word, [])
    ]


def _other_class(group: Group, seen: list[tuple[str, int, int, str, bool]]) -> bool:
    """Whether a minority rendering is written with a capital where the main word it replaces
    (written ``seen``) is not, or the other way round, inside sentences: a name against an
    adjective, a noun against a verb (``Kinas regjering``/``kinesiske regjering``): grammar
    chose the word."""
    capitals = group.capitalised
    inside = [t[3] for t in seen if not t[4]]
    if capitals is None or not inside:
        return False
    return capitals != any(w[:1].isupper() for w in inside)
