"""Surface forms of names, acronyms and compounds, and how two forms can be the same (TC103).

Kept apart from the rule so that the decisions can be tested and read on their own.
"""

from __future__ import annotations

import re
import string
import unicodedata
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import and_, not_

# A word: letters/digits with inner hyphens and inner apostrophes before a capital (O'Brien);
# a possessive "'s" ends the word. Runs of word characters are one repeat of a single class
# (``\w*``): a group repeated per character kept a backtracking record per character in the
# regex engine, ~120 bytes each, so '1' * 1_000_000 needed 120 MB. The repeats are possessive
# (``*+``): what follows a word never needs its characters back, and the search keeps no record.
TOKEN = re.compile(r"[^\W_]\w*+(?:(?:['’](?=[A-ZÀ-Þ])|[-‐‑](?=\w))\w*+)*+")
_OPENERS = set("\"“”«»‘’'(–—-•:*[")
MAX_SPANS = 40
BATCH = 4096  # words of one sentence that split_tokens holds at a time
MIN_NAME = 5
MAX_ACRONYM = 6  # longer all-capital words are shouted words (ПРИМІТКИ/ПРИМІТКА), not acronyms
ONE_LETTER = "one changed letter"

# Transliteration: spellings that stand for one sound in romanised names (Tokayev/Tokaev/Tokajev,
# Nazarbayev/Nazarbaev, Kazakhstan/Qazaqstan, Aleksandr/Alexandr). Applied in order.
_TRANSLIT = (
    ("kh", "h"),
    ("zh", "j"),
    ("ck", "k"),
    ("ph", "f"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("y", "i"),
    ("j", "i"),
)
_VOWEL_I = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")


def letters(form: str) -> str:
    """Case-folded letters and digits only (hyphens, spaces, apostrophes dropped)."""
    folded = form.casefold()
    return folded if folded.isalnum() else "".join(c for c in folded if c.isalnum())


def strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def transliterated(form: str) -> str:
    """A form with transliteration variants folded (kh/h, zh/j, y/j/i, a glide i between
    vowels ...), doubled letters kept."""
    s = letters(form)
    if not s.isascii():  # ASCII has no marks to strip
        s = strip_marks(s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return _VOWEL_I.sub("", s)


def skeleton(form: str) -> str:
    """A form reduced to what transliteration, doubled letters and punctuation cannot change."""
    return _DOUBLE.sub(r"\1", transliterated(form))


def is_acronym(form: str) -> bool:
    return form.isupper() and sum(map(str.isalpha, form)) >= 2


def is_capitalised(form: str) -> bool:
    return form[:1].isupper() and not form.isupper()


class Form:
    """One surface form across the run: how often, in which documents, its first ``MAX_SPANS``
    places, and whether it was seen mid-sentence.

    Kept per distinct form of the run, so it is packed: its places end to end in one array
    (document, start, end, sentence: 32 bytes a place) and its documents in another (4 bytes a
    document), about 400 bytes a form with a few places, where a dataclass with a list of place
    tuples and a set of sentence numbers cost about 1,100."""

    __slots__ = ("count", "defined", "docs", "mid", "places", "spaced", "text")

    def __init__(self, text: str, spaced: bool = False) -> None:
        self.text = text
        self.count = 0
        self.mid = 0
        self.docs: array[int] = array("i")  # the documents holding it, in order
        self.places: array[int] = array("q")  # (document, start, end, sentence) per place
        self.spaced = spaced  # a two-word form ("Kassym Jomart"), only compared with joined forms
        self.defined = False  # seen with its own expansion in brackets: "MWP (Member of ...)"

    def __repr__(self) -> str:
        return f"Form({self.text!r}, count={self.count}, docs={len(self.docs)})"

    @property
    def spans(self) -> list[tuple[int, int, int]]:
        """``(document, start, end)`` of the first ``MAX_SPANS`` occurrences."""
        p = self.places
        return [(p[i], p[i + 1], p[i + 2]) for i in range(0, len(p), 4)]

    @property
    def sentences(self) -> set[int]:
        """The run's sentence numbers of those occurrences (-1: not known)."""
        return set(self.places[3::4])

    def add(self, doc: int, start: int, end: int, initial: bool, sentence: int = -1) -> None:
        self.count += 1
        self.mid += not initial
        self.add_doc(doc)
        if len(self.places) < 4 * MAX_SPANS:
            self.places.extend((doc, start, end, sentence))

    def add_doc(self, doc: int) -> None:
        """Note that document ``doc`` holds the form (documents come in the run's order): four
        bytes a document, not a dictionary entry."""
        if not self.docs or self.docs[-1] != doc:
            self.docs.append(doc)


def contrasted(a: Form, b: Form) -> bool:
    """Whether two forms are set against each other: in one sentence, or each defined."""
    return bool(a.sentences & b.sentences - {-1}) or (a.defined and b.defined)


def is_defined(text: str, start: int, end: int) -> bool:
    """An acronym in brackets after its expansion, or followed by its expansion in brackets."""
    before = text[max(0, start - 8) : start]
    return text[end : end + 2] == " (" or ("(" in before and ")" not in before.split("(")[-1])


def _mostly_caps(text: str) -> bool:
    """Whether a sentence is shouted: at least 8 capitals, more than 60% of its letters."""
    # ASCII capitals and letters counted by deleting them from the UTF-8 bytes (where every
    # other character is written with bytes of 0x80 and over), the other characters one by one
    raw = text.encode()
    other = "" if len(raw) == len(text) else "".join(_NON_ASCII.findall(text))
    upper = len(raw) - len(raw.translate(None, _ASCII_UPPER)) + sum(map(str.isupper, other))
    if upper < 8:
        return False
    return upper > 0.6 * (len(raw) - len(raw.translate(None, _ASCII_LETTERS)) + sum(map(str.isalpha, other)))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_UPPER = string.ascii_uppercase.encode("ascii")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def _cased_part(word: str) -> tuple[int, str]:
    """``(offset, part)``: the run of a cased script (Latin, Cyrillic, Greek) in a word that
    also holds an uncased one. In Korean, Japanese or Bengali a particle or suffix is written
    onto a Latin name (``YAML과``, ``API를``, ``しばしばCI``, ``API-গুলির``): the name is only
    its Latin part. An ASCII word is all one part."""
    return (0, word) if word.isascii() else _mixed_part(word)


@lru_cache(maxsize=4096)
def _mixed_part(word: str) -> tuple[int, str]:
    first = next((i for i, ch in enumerate(word) if ch.isupper() or ch.islower()), None)
    if first is None:
        return 0, word
    if first and word[:first].isalpha():
        word = word[first:]
    else:
        first = 0
    for i, ch in enumerate(word):
        if ch.isalpha() and not (ch.isupper() or ch.islower()):
            return first, word[:i].rstrip("-‐‑")
    return first, word


def is_label(text: str, end: int) -> bool:
    """A word followed by a colon at the start of a sentence: ``NOTE:``, ``**Tipp:**`` (an
    admonition label, whose capitals are typography, not spelling)."""
    return text[end : end + 3].lstrip(" \u00a0*_")[:1] in (":", "：")


def tokens(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """``(start, end, word, initial)`` of the words of one sentence (not of shouted ones).
    ``initial`` (the word starts the sentence, or follows a quote, a bracket, a dash ...) is
    told only for words that are not in lower case: False for the others."""
    if _mostly_caps(text):
        return
    first = True
    for m in TOKEN.finditer(text):
        word = m.group()
        if word.islower() and word.isascii():  # the common case: an ordinary word
            yield m.start(), m.end(), word, False
            first = False
            continue
        found = _marked(text, m.start(), word, first)
        if found is not None:
            yield found
        first = False


def split_tokens(
    text: str, batch: int = BATCH
) -> Iterator[tuple[list[str], list[tuple[int, int, str, bool]]]]:
    """The words of :func:`tokens` in batches of about ``batch`` words, each batch in two lists:
    the plain words (``plain``, only the words: lower-case words whose letters are all of a cased
    script, ``rain``, ``дождь``), and the others in order, as :func:`tokens` gives them, less the
    words of digits alone (``2022``, ``000``), which never name anything (two names with a word
    between them are no pair anyway). In batches (stretches of about ``2 * batch`` characters cut
    between words), so that one long sentence (``'1,000 ' * N``, a file on one line) is never held as
    a tuple per word.

    The words and the text between them come from one ``re.split`` and their offsets from summed
    lengths, so that the plain words, most of any text, cost no Python work of their own."""
    if _mostly_caps(text):
        return
    size = len(text)
    stretch = 2 * batch
    pos = 0
    opening = True  # no word yet: the next is the sentence's first
    while pos < size:
        cut = _CUT.search(text, pos + stretch) if size - pos > stretch else None
        end = size if cut is None else cut.start()
        parts = WORDS.split(text[pos:end] if pos or end < size else text)
        if len(parts) > 1:
            yield _split(text, pos, parts, opening)
            opening = False
        pos = end


# Text between words, a word, text, a word ... text: the words of TOKEN.finditer
WORDS = re.compile("(" + TOKEN.pattern + ")")
# Where a stretch of a long sentence may end: a character that is in no word (a word may hold
# apostrophes and hyphens).
_CUT = re.compile(r"[^\w'’\-‐‑]")


def _split(
    text: str, pos: int, parts: list[str], opening: bool
) -> tuple[list[str], list[tuple[int, int, str, bool]]]:
    """The plain and the other words of ``parts`` (the stretch of ``text`` from ``pos`` split
    by :data:`WORDS`); ``opening``: whether its first word is the sentence's first."""
    words = parts[1::2]
    plain_ascii = list(map(and_, map(str.islower, words), map(str.isascii, words)))
    plain = list(compress(words, plain_ascii))
    marked: list[tuple[int, int, str, bool]] = []
    if all(plain_ascii):
        return plain, marked
    offsets = list(accumulate(map(len, parts), initial=pos))
    for i in compress(range(len(words)), map(not_, plain_ascii)):
        word = words[i]
        if word.isdigit():
            continue
        start = offsets[2 * i + 1]
        first = i == 0 and opening  # the sentence's first word
        if not word.isascii():
            shift, part = _mixed_part(word)
            if not part:
                continue
            if shift:  # a particle before the name: what precedes the name is a letter
                marked.append((start + shift, start + shift + len(part), part, first))
                continue
            if len(part) == len(word) and word.islower():
                plain.append(word)  # a plain word of another cased script: дождь
                continue
            word = part
        gap = parts[2 * i].rstrip(" ")
        # after only spaces, the character before is the last of the word before (a letter or
        # digit), or for a stretch's first word one before the stretch
        initial = first or (gap[-1] in _OPENERS if gap else i == 0 and _opened(text, start))
        marked.append((start, start + len(word), word, initial))
    return plain, marked


def _opened(text: str, start: int) -> bool:
    """Whether the first non-space character before ``start`` opens something (a quote ...)."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] in _OPENERS


def _marked(text: str, start: int, word: str, first: bool) -> tuple[int, int, str, bool] | None:
    """A word that is not plain lower-case ASCII, as :func:`tokens` gives it (its cased part, and
    whether it starts a sentence or a quotation), or None when it has no cased part."""
    if not word.isascii():
        shift, word = _mixed_part(word)
        start += shift
        if not word:
            return None
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return start, start + len(word), word, first or (j >= 0 and text[j] in _OPENERS)


@dataclass(frozen=True)
class Relation:
    """Why two forms are taken for one: a label for the message, and whether it needs one doc."""

    label: str
    same_doc_only: bool = False


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def relate(a: str, b: str, stem: Callable[[str], str] | None, lowercase: set[str]) -> Relation | None:
    """Whether forms ``a`` and ``b`` are almost surely one name/term written two ways."""
    from rapidfuzz.distance import OSA

    la, lb = letters(a), letters(b)
    if la == lb:
        return _punctuation_or_case(a, b, lowercase)
    if is_acronym(a) and is_acronym(b):
        return _acronyms(la, lb)
    if is_acronym(a) or is_acronym(b) or not (is_capitalised(a) and is_capitalised(b)):
        return None
    if min(len(la), len(lb)) < MIN_NAME or la in lowercase or lb in lowercase:
        return None
    if _common_suffix(la, lb) < 2 or la.startswith(lb) or lb.startswith(la):
        return None  # an ending: inflection or derivation (Swedes/Sweden, Russia/Russian)
    if stem is not None and stem(la) == stem(lb):
        return None
    distance = OSA.distance(la, lb)
    if distance > 2:
        return None
    if sorted(la) == sorted(lb) and distance == 1 and la[0] == lb[0]:
        return Relation("swapped letters")
    if skeleton(a) == skeleton(b):
        if _DOUBLE.sub(r"\1", la) == _DOUBLE.sub(r"\1", lb):
            return Relation("a doubled letter")
        if transliterated(a) == transliterated(b) or distance == 1:  # Continous; not Daten/Dateien
            return Relation("a transliteration variant")
    return None


def _punctuation_or_case(a: str, b: str, lowercase: set[str]) -> Relation | None:
    if a.casefold() == b.casefold():
        if a[1:] == b[1:]:
            return None  # only the first letter: sentence start or title use
        if letters(a) in lowercase:
            return None  # an ordinary word shouted (THE/The, IT/It)
        if is_acronym(a) != is_acronym(b) and not 3 <= len(letters(a)) <= 4:
            return None  # a shouted name (NIGEL/Nigel) or a two-letter word (UN/Un)
        return Relation("different capitals")
    if "".join(c for c in a if c.isalnum()) != "".join(c for c in b if c.isalnum()):
        return None  # capitals differ too (Nur-Sultan/Nursultan): another name, not a spelling
    lower_a, lower_b = a == a.lower(), b == b.lower()
    if lower_a and lower_b and (" " in a or " " in b):
        return None  # "well known" / "well-known": grammar, not spelling
    return Relation("a hyphen or space variant")


def _acronyms(a: str, b: str) -> Relation | None:
    from rapidfuzz.distance import OSA, Hamming

    if len(a) != len(b) or len(a) < 3:
        return None
    if any(x != y and (x.isdigit() or y.isdigit()) for x, y in zip(a, b, strict=True)):
        return None  # codes: HIP-0023/HIP-0026, TC401/TC410
    if sorted(a) == sorted(b):
        if OSA.distance(a, b) <= (1 if len(a) == 3 else 2):
            return Relation("transposed letters")
        return None
    if MAX_ACRONYM >= len(a) >= 4 and Hamming.distance(a, b) == 1 and a[0] == b[0]:
        return Relation(ONE_LETTER, same_doc_only=True)
    return None


def blocking_keys(form: str) -> Iterator[str]:
    """Keys under which forms that may relate meet (each pair shares at least one)."""
    la = letters(form)
    yield "s:" + skeleton(form)
    yield "l:" + la
    if is_acronym(form):
        yield "a:" + "".join(sorted(la))
        for i in range(1, len(la)):
            yield f"h:{len(la)}:{la[:i]}?{la[i + 1 :]}"
    elif len(la) >= MIN_NAME:
        yield "t:" + "".join(sorted(la))
