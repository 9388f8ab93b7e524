"""Whether a translation holds a term in some form: TC102's test that a rendering is there.

The term matcher (:mod:`tcheck.glossary.matcher`) finds a term where the text starts with it, so
it misses forms that change the term's ending and terms inside longer words. Saying "this term is
missing" when it is there is the worse mistake for TC102, so before reporting a term as missing,
its renderings are looked for again, word by word, with the rules of the *translation's* language
(never those of another language):

- a word is a form of a term's word when both have the same lemma (simplemma: ``виды`` → ``вид``,
  ``категории`` → ``категория``, ``Restablece`` → ``restablecer``, ``Indikatoren`` →
  ``Indikator``), or, for words of four letters or more, the same Snowball stem or the term
  word with an ending of one or two letters; a shorter term word also takes an ending of up to
  three letters that its stemmer removes (``тип`` in ``типа``);
- in languages that write closed compounds (German, Dutch, the Scandinavian languages, Finnish,
  Icelandic ...), a term word of four letters or more may also be the head or the modifier of a
  longer word, the rest of which has at least three letters (``Indikator`` in
  ``Auslastungsindikatoren``, ``Beschränkung`` in ``Datenbeschränkungen``, ``Start`` in
  ``Startdatum``, ``komité`` in ``komitésystemet``);
- in languages that turn a noun into an adjective to use it as a modifier (Slavic, Baltic and
  Romance languages: ``торговая война`` and ``guerra comercial`` for "trade war",
  ``полицейские`` for "police officers"), a word that shares all of a term word but its last
  three letters (and at least four letters, five in Romance languages) is a form of it
  (``торговля`` in ``торговой``, ``школа`` in ``школьной``, ``comercio`` in ``comercial``);
- a term of several words needs them all, in order, next to each other (each in some form).

Scripts written without spaces (Chinese, Japanese, Thai) are left to the matcher, which finds
terms anywhere in them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tcheck.glossary.inflection import MAX_ENDING, MIN_STEMMED
from tcheck.glossary.model import primary
from tcheck.glossary.stemming import stemmer_for
from tcheck.glossary.words import spaceless
from tcheck.language.lemmas import lemmatiser_for

# Languages that write compounds closed (Startdatum, komitésystemet, tietojärjestelmä).
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "nb", "nn", "fi", "is", "fo", "af", "lb", "et", "fy", "gsw"})
# Languages that make relational adjectives of nouns to use them as modifiers, and the letters an
# adjective must share with its noun at least: Slavic and Baltic (торговля -> торговой войны,
# школа -> школьной, szkoła -> szkolny) and Romance (comercio -> guerra comercial, where a shorter
# beginning would join comité and comisión).
RELATIONAL = {
    **dict.fromkeys(("ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk", "lt", "lv"), 4),
    **dict.fromkeys(("es", "pt", "it", "fr", "ca", "gl", "ro"), 5),
}
MAX_DERIVED = 3  # letters at the end of a term word that a relational adjective may change
MAX_SHORT_ENDING = 3  # letters an ending may add to a short word (under four letters)
PREFIX_REACH = 3  # a form starts with the term's first letter within its first three letters
MIN_PART = 3  # letters the other part of a compound needs
KEPT = 200_000  # (term word, text word) judgements remembered per language
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The words of ``text``, in order (their case kept: lemmas of German nouns need it)."""
    return _WORD.findall(text)


class Words:
    """The words of a translation, in order and once each (a term is compared with each
    distinct word once, however often the text repeats it)."""

    def __init__(self, text: str) -> None:
        self.seq = words_of(text)
        self.distinct = list(dict.fromkeys(self.seq))


class Forms:
    """Word forms of one language: lemmas, stems and (where written) closed compounds."""

    def __init__(self, lang: str | None) -> None:
        code = primary(lang) if lang else ""
        self.lang = code
        self.compounds = code in COMPOUNDING
        self.relational = RELATIONAL.get(code, 0)  # letters shared at least; 0: no such adjectives
        self._lemma = lemmatiser_for(code)
        self._stem = stemmer_for(code)
        self._known: dict[tuple[str, str], bool] = {}

    def same(self, term_word: str, word: str) -> bool:
        """Whether ``word`` is ``term_word`` in some form, or (in a compounding language) holds it
        as the head or the modifier of a compound; case is ignored."""
        key = (term_word, word)
        known = self._known.get(key)
        if known is None:
            low_term, low = term_word.lower(), word.lower()
            # Forms of a word start with its first letter, or soon after it where an article or
            # a particle is written on (Arabic الحكومة for حكومة); suppletive forms (люди for
            # человек) are not looked for. Other words are never looked up in the lemma table,
            # which is the slow part of this test.
            known = (
                low_term == low
                or (
                    low_term[:1] in low[:PREFIX_REACH]
                    and (
                        self._inflected(low_term, low)
                        or self._lemmas(term_word) & self._lemmas(word) != set()
                        or (self.relational > 0 and _derived(low_term, low, self.relational))
                    )
                )
                or (self.compounds and self._compound(low_term, low))
            )
            if len(self._known) >= KEPT:
                self._known.clear()
            self._known[key] = known
        return known

    def _lemmas(self, word: str) -> set[str]:
        """The word's lemmas as written and in lower case (``Arten`` is a form of ``Art``,
        ``arten`` a verb), and the word itself; all in lower case."""
        low = word.lower()
        lemma = self._lemma
        if lemma is None:
            return {low}
        return {low, lemma(word), lemma(low)}

    def _inflected(self, term_word: str, word: str) -> bool:
        """Same lemma (lower case, as the text's word is) or, from four letters, same stem."""
        lemma = self._lemma
        if lemma is not None:
            found = lemma(word)
            if found == term_word or found == lemma(term_word):
                return True
        stem = self._stem
        if stem is None:
            return False
        if len(term_word) >= MIN_STEMMED and len(word) >= MIN_STEMMED:
            if word.startswith(term_word) and len(word) - len(term_word) <= MAX_SHORT_ENDING - 1:
                return True  # a short ending the stemmer keeps (sv tryck/trycket)
            return stem(word) == stem(term_word)
        # a short word: its form with an ending stems to the word itself (тип/типа, Art/Arten)
        return len(word) <= len(term_word) + MAX_SHORT_ENDING and stem(word) == term_word

    def _compound(self, term_word: str, word: str) -> bool:
        size = len(term_word)
        if size < MIN_STEMMED or len(word) < size + MIN_PART - 1:
            return False
        # modifier: the term (or its stem, when the stem is a beginning of it) starts the word
        stem = self._stem(term_word) if self._stem is not None else term_word
        for lead in {term_word, stem}:
            if len(lead) >= MIN_STEMMED and term_word.startswith(lead) and word.startswith(lead):
                if len(word) - len(lead) >= MIN_PART:
                    return True
        # head: a form of the term ends the word, after a modifier of at least MIN_PART letters;
        # a form is at most MAX_ENDING letters longer and two shorter, so only a few places of
        # the word can start it, and of those only the ones with the term's first letter (one
        # letter: a plural may change the next, Markt/Energiemärkte)
        first = term_word[0]
        end = len(word)
        for at in range(max(MIN_PART, end - size - MAX_ENDING), end - max(MIN_STEMMED, size - 2) + 1):
            if word[at] == first:
                head = word[at:]
                if head == term_word or self._inflected(term_word, head):
                    return True
        return False


def _derived(term_word: str, word: str, shared: int) -> bool:
    """Whether ``word`` may be an adjective made of ``term_word``: it shares all of the term
    word but its last ``MAX_DERIVED`` letters, and at least ``shared`` (see :data:`RELATIONAL`)."""
    size = len(term_word)
    lead = max(shared, size - MAX_DERIVED)
    if size < lead or len(word) < size:
        return False
    return word[:lead] == term_word[:lead]


@lru_cache(maxsize=64)
def forms_for(lang: str | None) -> Forms:
    """The (cached) :class:`Forms` of a language; an unknown language compares words exactly."""
    return Forms(lang)


def holds(forms: Forms, term: str, words: Words) -> bool:
    """Whether ``words`` hold ``term`` in some form (see the module)."""
    if any(spaceless(c) for c in term):
        return False  # the matcher finds these anywhere; words of such text are not words
    wanted = words_of(term)
    if not wanted:
        return False
    first, rest = wanted[0], wanted[1:]
    starts = {w for w in words.distinct if forms.same(first, w)}
    if not starts or not rest:
        return bool(starts)
    seq = words.seq
    n = len(wanted)
    for i in range(len(seq) - n + 1):
        if seq[i] in starts and all(forms.same(rest[k], seq[i + 1 + k]) for k in range(n - 1)):
            return True
    return False
