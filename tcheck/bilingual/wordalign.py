"""Word alignment learned from a run's own segment pairs (for TC107 and ``glossary extract``).

Method: co-occurrence association (the Dice coefficient over segment pairs) with competitive
linking (Melamed, 2000), plus two tie-breakers: words written alike on both sides (names,
acronyms, loan words) and similar relative positions. Why this and not IBM Model 1: the
statistics are plain counts, so each document's share is computed where it is read and added in
the parent (counts of two halves of a run sum to the counts of the run); EM would need every
segment pair kept for several passes. Competitive linking also makes each target word the
rendering of at most one source word, which is what "explains away" the other words of a
sentence: with a few hundred segment pairs the words that repeat (the terms we care about) are
already linked reliably, and more text makes every count better.

Words are lemmatised with simplemma (inflections of one word share a key), lower-cased, and
function words are left out. Chinese and Japanese, written without spaces, are cut into
overlapping character bigrams of their Han runs (a single Han character stays a unigram) and
katakana runs are kept whole; hiragana (mostly particles and endings) is left out.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tcheck.glossary.stemming import stemmer_for
from tcheck.language.function_words import function_words

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PART = re.compile(r"[^\W\d_'’]+(?:-[^\W\d_'’]+)*")
_STOP = re.compile(r"[.!?:;。！？：；]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KATAKANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_SIMPLEMMA = {"no": "nb"}
# Languages that write compounds as one word: a rendering inside a compound is the same term.
# Languages that capitalise every noun (their lemmatiser gives nouns capitalised lemmas).
NOUN_CAPITALISING = frozenset({"de", "lb", "gsw"})
COMPOUNDING = frozenset({"de", "nl", "sv", "nb", "nn", "no", "da", "is", "fi", "et", "lb", "af", "fo"})


@dataclass(frozen=True, slots=True)
class Token:
    """A content word of a segment: offsets in the segment's text, its surface and its key."""

    start: int
    end: int
    surface: str
    key: str
    initial: bool = False  # the first word of a sentence (its capital says nothing)


@lru_cache(maxsize=256)
def _base(lang: str | None) -> str:
    return (lang or "").replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=64)
def _lemmatiser(lang: str) -> tuple[str, ...]:
    """The simplemma language code for ``lang`` (empty when simplemma does not know it)."""
    code = _SIMPLEMMA.get(lang, lang)
    try:
        import simplemma

        from tcheck.language.lemmas import use_stored_tables

        use_stored_tables()  # the tables built once per machine (tcheck.services.tables)
        simplemma.lemmatize("a", lang=code, low_memory=True)
    except (ValueError, ImportError, KeyError):
        return ()
    return (code,)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The lower-case lemma of ``word`` in ``lang`` (the word itself when unknown)."""
    code = _lemmatiser(lang)
    low = word.casefold()
    if not code:
        return low
    import simplemma

    try:
        found = simplemma.lemmatize(word, lang=code[0], low_memory=True)
    except (ValueError, KeyError):  # pragma: no cover - simplemma's own refusal
        return low
    found = str(found)
    if lang in NOUN_CAPITALISING and word[:1].isupper() and found[:1].islower():
        return low  # a name, or a word starting a sentence (``Holt`` is no form of ``holen``)
    return found.casefold() or low


def _cjk_tokens(text: str, start: int, end: int, out: list[Token]) -> None:
    for run in _HAN.finditer(text, start, end):
        a, b = run.span()
        if b - a == 1:
            out.append(Token(a, b, run.group(), run.group()))
        for i in range(a, b - 1):
            out.append(Token(i, i + 2, text[i : i + 2], text[i : i + 2]))
    for run in _KATAKANA.finditer(text, start, end):
        if run.end() - run.start() > 1:
            out.append(Token(run.start(), run.end(), run.group(), run.group()))


def tokens(text: str, lang: str | None) -> list[Token]:
    """The content words of ``text`` in order (see the module docstring)."""
    base = _base(lang)
    stop = function_words(base) if base else None
    out: list[Token] = []
    previous = -1
    for match in _WORD.finditer(text):
        word = match.group()
        initial = previous < 0 or bool(_STOP.search(text, previous, match.start()))
        previous = match.end()
        if _CJK.search(word):
            _cjk_tokens(text, match.start(), match.end(), out)
            continue
        start = match.start()
        if "'" in word or "’" in word:  # l’année, d'inondation, Holt's: the word is the longest part
            parts = [(m.start(), m.group()) for m in _PART.finditer(word)]
            offset, word = max(parts, key=lambda p: (len(p[1]), -p[0]))
            start += offset
        if (len(word) < 3 and not word.isupper()) or (stop is not None and word.casefold() in stop):
            continue  # short words that are no acronym are particles and prepositions
        key = lemma(word, base)
        if stop is not None and key in stop:
            continue
        out.append(Token(start, start + len(word), word, key, initial))
    return out


@dataclass
class Counts:
    """Co-occurrence counts over segment pairs: how many pairs hold each source key, each target
    key and each (source, target) pair of keys. Counts of two parts of a run add up."""

    pairs: int = 0
    documents: int = 0
    spread: Counter[str] = field(default_factory=Counter)  # source key -> documents holding it
    source: Counter[str] = field(default_factory=Counter)
    target: Counter[str] = field(default_factory=Counter)
    # source key -> target key -> pairs holding both (nested: no tuple per pair of words)
    joint: dict[str, Counter[str]] = field(default_factory=dict)

    def add_pair(self, source: Iterable[str], target: Iterable[str]) -> None:
        src, tgt = set(source), set(target)
        self.pairs += 1
        self.source.update(src)
        self.target.update(tgt)
        joint = self.joint
        for s in src:
            row = joint.get(s)
            if row is None:
                row = joint[s] = Counter()
            row.update(tgt)

    def add_document(self, keys: Iterable[str]) -> None:
        self.documents += 1
        self.spread.update(set(keys))

    def general(self, s: str) -> bool:
        """Whether source key ``s`` is everyday vocabulary rather than a term: in a run of many
        documents, it occurs in more than a tenth of them (``say``, ``people``, ``year``); terms
        cluster in the documents about their subject."""
        return self.documents >= 20 and self.spread.get(s, 0) > max(5, self.documents // 10)

    def merge(self, other: Counts) -> None:
        self.pairs += other.pairs
        self.documents += other.documents
        self.spread.update(other.spread)
        self.source.update(other.source)
        self.target.update(other.target)
        for s, theirs in other.joint.items():
            row = self.joint.get(s)
            if row is None:
                self.joint[s] = Counter(theirs)
            else:
                row.update(theirs)

    def both(self, s: str, t: str) -> int:
        """How many segment pairs hold source key ``s`` and target key ``t``."""
        row = self.joint.get(s)
        return row.get(t, 0) if row is not None else 0

    def given_target(self, s: str, t: str) -> float:
        """The share of the segment pairs holding ``t`` that also hold ``s``."""
        seen = self.target.get(t, 0)
        return self.both(s, t) / seen if seen else 0.0

    def usual(self) -> dict[str, str]:
        """Each source key's best partner (highest Dice among the target keys seen with it at
        least twice). Computed once, when the counts are complete."""
        cached: dict[str, str] | None = getattr(self, "_usual", None)
        if cached is not None and getattr(self, "_usual_at", -1) == self.pairs:
            return cached
        best: dict[str, tuple[float, str]] = {}
        for s, row in self.joint.items():
            for t, both in row.items():
                if both >= 2:
                    score = (self.dice(s, t), t)
                    if s not in best or score > best[s]:
                        best[s] = score
        found = {s: t for s, (_, t) in best.items()}
        self._usual, self._usual_at = found, self.pairs
        return found

    def dice(self, s: str, t: str) -> float:
        both = self.both(s, t)
        if not both:
            return 0.0
        return 2 * both / (self.source[s] + self.target[t])


def _alike(a: str, b: str) -> float:
    """How alike two keys are written (1.0 identical, 0.8 one a long prefix of the other)."""
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short[: max(4, len(short) - 2)]):
        return 0.8
    return 0.0


def link(source: Sequence[str], target: Sequence[str], counts: Counts, minimum: float = 0.05) -> list[int]:
    """Competitive linking of one segment pair: for each source key, the index of its target
    key (``-1``: none). Links are taken best first, each word linked at most once."""
    scored: list[tuple[float, int, int]] = []
    n, m = len(source), len(target)
    seen_target = [counts.target[t] for t in target]
    nothing: Counter[str] = Counter()
    for i, s in enumerate(source):
        seen = counts.source[s]
        row = counts.joint.get(s, nothing)
        for j, t in enumerate(target):
            both = row.get(t, 0)
            alike = _alike(s, t) if s[:1] == t[:1] else 0.0
            if not both and not alike:
                continue
            score = (2 * both / (seen + seen_target[j]) if both else 0.0) + alike  # alike: a name
            if score < minimum:
                continue
            distortion = abs((i + 0.5) / n - (j + 0.5) / m)
            scored.append((score - 0.05 * distortion, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    found = [-1] * n
    used = [False] * m
    for _, i, j in scored:
        if found[i] < 0 and not used[j]:
            found[i] = j
            used[j] = True
    return found


# The answers of same_term, keyed by one string per question (a tuple key and an lru_cache link
# cost about 240 bytes an entry, this about 110: at the limit 29 MB instead of 63). Forgotten all
# at once when full; the answers are the same whenever they are worked out again.
_SAME: dict[str, bool] = {}
SAME_LIMIT = 262_144


def same_term(a: str, b: str, lang: str | None) -> bool:
    """Whether two target keys are one rendering: equal, one stem, a derivation (a long shared
    start), a hyphen or space variant, or, in compounding languages, one inside the other's
    compound (``Klang``/``Klangfarbe``)."""
    if a == b:
        return True
    question = f"{lang or ''}\x00{a}\x00{b}"
    known = _SAME.get(question)
    if known is None:
        if len(_SAME) >= SAME_LIMIT:
            _SAME.clear()
        known = _SAME[question] = _same_term(a, b, lang)
    return known


def _same_term(a: str, b: str, lang: str | None) -> bool:
    base = _base(lang)
    plain_a, stem_a = _shape(a, base)
    plain_b, stem_b = _shape(b, base)
    if plain_a == plain_b:
        return True
    short, long_ = sorted((plain_a, plain_b), key=len)
    if _CJK.search(short):  # character bigrams: sharing a character is sharing the word
        return bool(set(short) & set(long_))
    if stem_a is not None and stem_b is not None:
        if stem_a == stem_b:
            return True
        short_stem, long_stem = sorted((stem_a, stem_b), key=len)
        if base in COMPOUNDING and (
            (len(short_stem) >= 4 and short_stem in long_stem)
            or (len(short_stem) >= 3 and long_stem.endswith(short_stem))
        ):
            return True  # Pumpe/Milchpumpen, Rat/Sportrat: the word inside a compound
    if "-" in a or "-" in b:  # nord-coréen/Nord, FBI-Untersuchung/FBI: one part is the other
        if a in b.split("-") or b in a.split("-"):
            return True
    if len(short) >= 4 and _one_edit(short, long_):
        return True  # Bjorn/Bjørn, Holt/Holts: one name, spelt or inflected (TC103's business)
    common = 0
    for x, y in zip(short, long_, strict=False):
        if x != y:
            break
        common += 1
    if common >= 5 and common >= 0.75 * len(short):
        return True
    if base in COMPOUNDING and len(short) >= 4 and (long_.endswith(short) or long_.startswith(short)):
        return True
    return _shares(short, long_, max(5, math.ceil(0.6 * len(short))))  # angriff/angegriffen: a derivation


@lru_cache(maxsize=65_536)
def _shape(word: str, base: str) -> tuple[str, str | None]:
    """A target key folded (see :func:`_folded`) and the stem of that (None: no stemmer for the
    language), worked out once per word rather than once per pair of words compared."""
    plain = _folded(word)
    stem = stemmer_for(base) if base else None
    return plain, (stem(plain) if stem is not None else None)


def _folded(word: str) -> str:
    """Without hyphens, spaces and diacritics (``e-post`` → ``epost``, ``Bjørn`` → ``bjorn``)."""
    word = word.replace("-", "").replace(" ", "").replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter changed, added or removed."""
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _shares(short: str, long_: str, size: int) -> bool:
    """Whether the two words have a common substring of ``size`` characters (the longest common
    substring is at least that long); each piece of ``short`` is looked for in ``long_``."""
    return any(short[i : i + size] in long_ for i in range(len(short) - size + 1))
