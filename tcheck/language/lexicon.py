"""Word frequencies per language (wordfreq): how common a word is in a language, on the Zipf scale.

The Zipf scale is ``log10`` of a word's frequency per billion words: 7 for the commonest words
(``the``, ``der``), 4 for ordinary words (``Gesellschaft`` in German), 1 for rare ones; 0 means the
list does not hold the word. wordfreq's lists cover about 40 languages, built from subtitles,
news, Wikipedia, books and the web, so they hold names and loanwords as a language uses them:
``kindergarten`` and ``angst`` are ordinary English, ``Merkel`` is common in both English and
German.

A lexicon is loaded once per process and language, on first use: the large list (words down to
Zipf 1) for the language checked, the small one (down to Zipf 3) for the languages it is compared
with. It is held compactly: an 8-byte hash per word, sorted, beside its Zipf value in hundredths
(about 10 bytes a word instead of the ~100 of wordfreq's dictionary: German's large list is 6 MB
instead of 61, so a run over a dozen languages no longer holds half a gigabyte of word lists), and
kept in the cache folder so that later runs load it in milliseconds instead of decoding wordfreq's
lists. Every word is looked up once (cached), so the cost of a check is a dictionary lookup per
word.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from tcheck.locale import primary

# wordfreq names Norwegian Bokmål ``nb`` and folds Serbo-Croatian into ``sh``.
_ALIASES = {"no": "nb", "nn": "nb", "hr": "sh", "bs": "sh", "sr": "sh", "fil": "fil", "tl": "fil"}
_CACHE_LIMIT = 200_000  # words per lexicon kept in the per-word cache


@lru_cache(maxsize=4)
def _available(wordlist: str = "small") -> frozenset[str]:
    """The languages wordfreq has a ``wordlist`` for, from the names of its data files (as
    wordfreq's ``available_languages`` finds them), without importing wordfreq (10 MB of
    libraries: ftfy, langcodes, regex, msgpack)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("wordfreq")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return frozenset()  # the lexicon is optional evidence: without wordfreq there is none
    found = set()
    for folder in spec.submodule_search_locations:
        with contextlib.suppress(OSError):
            for name in os.listdir(os.path.join(folder, "data")):
                if name.endswith(".msgpack.gz") and not name.startswith("_"):
                    kind, _, lang = name.split(".")[0].partition("_")
                    if kind == wordlist and lang and "_" not in lang:
                        found.add(lang)
    return frozenset(found)


# What wordfreq's ``preprocess_text`` does for a language (its ``get_language_info``): the
# Unicode normal form, whether it transliterates (Serbian, Azerbaijani) or removes marks (Arabic,
# Hebrew scripts), folds a dotted and a dotless i (Turkish), and which diacritic goes under s/t.
Form = Literal["NFC", "NFD", "NFKC", "NFKD"]
Normalising = tuple[Form, bool, bool, bool, str | None]


def _normalising(lang: str) -> Normalising:
    from langcodes import Language
    from wordfreq.language_info import get_language_info

    info = get_language_info(Language.get(lang))
    form: Form = "NFC" if info["normal_form"] == "NFC" else "NFKC"  # wordfreq uses these two
    return (
        form,
        info["transliteration"] is not None,
        bool(info["remove_marks"]),
        bool(info["dotless_i"]),
        info["diacritics_under"],
    )


def _all_normalising() -> dict[str, Normalising]:
    """:func:`_normalising` of every language wordfreq has a list for (one stored table)."""
    return {lang: _normalising(lang) for lang in sorted(_available("small"))}


def _preprocess(lang: str) -> Callable[[str], str]:
    """wordfreq's ``preprocess_text`` for ``lang``, as a function of one word. Most languages
    need only Unicode normalisation, case folding and the s/t diacritics: done here, as wordfreq
    does them, without importing it; transliteration and mark removal are wordfreq's own."""
    from tcheck.services.tables import derived

    known = derived("wordfreq-normalising", _all_normalising, ("wordfreq", "langcodes"))
    form, transliterates, marks, dotless, under = known.get(lang) or _normalising(lang)
    if transliterates or marks:
        from langcodes import Language
        from wordfreq.preprocess import preprocess_text

        language = Language.get(lang)
        return lambda word: preprocess_text(word, language)
    swap = _UNDER.get(under or "", ())

    def preprocess(word: str) -> str:
        text = unicodedata.normalize(form, word)
        if dotless:
            text = unicodedata.normalize("NFC", text).replace("İ", "i").replace("I", "ı")
        text = text.casefold()
        for old, new in swap:
            text = text.replace(old, new)
        return text

    return preprocess


# wordfreq's diacritics under s and t: to cedillas (Turkish), to commas (Romanian).
_UNDER = {"cedillas": (("ș", "ş"), ("ț", "ţ")), "commas": (("ş", "ș"), ("ţ", "ț"))}


def code(lang: str) -> str | None:
    """wordfreq's code for ``lang`` (``nb_NO`` → ``nb``), or None when it has no list."""
    base = primary(lang)
    base = _ALIASES.get(base, base)
    return base if base in _available() else None


def _key(word: str) -> int:
    """A word's 64-bit key in a compact lexicon (stable across processes and machines)."""
    return int.from_bytes(
        hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def _compact(lang: str, wordlist: str) -> tuple[bytes, bytes]:
    """wordfreq's ``wordlist`` of ``lang`` as (sorted 64-bit word keys, Zipf values in hundredths)."""
    from wordfreq import get_frequency_dict

    pairs = sorted(
        (_key(word), round(round(math.log10(freq) + 9, 2) * 100))
        for word, freq in get_frequency_dict(lang, wordlist).items()
        if freq > 0
    )
    keys = array("Q", (k for k, _ in pairs))
    values = array("h", (max(-32768, min(32767, v)) for _, v in pairs))
    return keys.tobytes(), values.tobytes()


class Lexicon:
    """The Zipf frequencies of one language's words (see the module docstring)."""

    __slots__ = ("_cache", "_keys", "_norm", "_values", "floor")

    def __init__(self, lang: str, large: bool) -> None:
        from tcheck.services.tables import derived

        wordlist = "large" if large and lang in _available("large") else "small"
        keys, values = derived(f"wordfreq-{wordlist}-{lang}", lambda: _compact(lang, wordlist), ("wordfreq",))
        self._keys, self._values = array("Q"), array("h")
        self._keys.frombytes(keys)
        self._values.frombytes(values)
        # The list holds words down to this Zipf frequency: 1 (large lists) or 3 (small ones,
        # the only ones some languages have). A word it lacks is rarer than that.
        self.floor = 1.0 if wordlist == "large" else 3.0
        self._norm = _preprocess(lang)
        self._cache: dict[str, float] = {}

    def _get(self, word: str) -> float:
        key = _key(word)
        at = bisect_left(self._keys, key)
        if at < len(self._keys) and self._keys[at] == key:
            return self._values[at] / 100
        return 0.0

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (any case); 0.0 when the list does not hold it (the word
        is rarer than :attr:`floor`)."""
        found = self._cache.get(word)
        if found is None:
            found = self._get(self._norm(word)) or self._get(word.lower())
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = found
        return found


@lru_cache(maxsize=64)
def letters(lang: str) -> frozenset[str]:
    """The letters ``lang`` writes its ordinary words with: those found in at least 10 of its
    5,000 commonest words (``en``: a-z; ``de``: a-z, ä, ö, ü; ``nb``: a-z, å, æ, ø). Empty when
    wordfreq has no list for the language."""
    found = code(lang)
    if found is None:
        return frozenset()
    from tcheck.services.tables import derived

    # Kept in the cache folder: reading the list would otherwise hold all of it in wordfreq's
    # own cache (tens of megabytes a language) for a set of thirty letters.
    return derived(f"wordfreq-letters-{found}", lambda: _letters(found), ("wordfreq",))


def _letters(lang: str) -> frozenset[str]:
    from collections import Counter

    from wordfreq import top_n_list

    counts = Counter(ch for word in top_n_list(lang, 5000) if word.isalpha() for ch in set(word))
    return frozenset(ch for ch, n in counts.items() if n >= 10)


_LARGE: dict[str, Lexicon] = {}
_SMALL: dict[str, Lexicon] = {}


def lexicon(lang: str, large: bool = False) -> Lexicon | None:
    """The lexicon of ``lang``, or None when wordfreq has no list for it.

    ``large``: the list down to Zipf 1, needed where rare words must be told from absent ones (the
    language checked); otherwise the small list, down to Zipf 3 (or the large one when this
    process holds it already)."""
    found = code(lang)
    if found is None:
        return None
    hit = _LARGE.get(found)
    if hit is None and large:
        hit = _LARGE[found] = Lexicon(found, True)
    if hit is None:
        hit = _SMALL.get(found)
        if hit is None:
            hit = _SMALL[found] = Lexicon(found, False)
    return hit
