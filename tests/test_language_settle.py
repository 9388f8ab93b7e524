"""TC401/TC403/TC405: what the raw text of a sentence settles (settled_text, nothing_left) is
what its words settle."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.checks import _codemix
from tcheck.checks._codemix import Source, WordSettings, judge_for, leftovers
from tcheck.checks._evidence import Settings
from tcheck.checks._settle import nothing_left, settled, settled_text, telling_words
from tcheck.checks._tokens import scan
from tcheck.language.scripts import LATIN, char_script

NORWEGIAN = ("nb", "en", "de", "fr", "es", "it", "nl", "pt", "fi", "pl")
RUSSIAN = ("ru", "en", "de", "fr")

# Pieces of sentences, the tricky ones included: telling words of the other languages, a word
# glued to a printf placeholder (``%(name)sthe``), combining marks, superscripts, Cyrillic,
# Greek, emoji, markup, hyphens, apostrophes and digits.
PIECES = [
    "Regjeringen",
    "sendte",
    "soldater",
    "til",
    "Almaty",
    "og",
    "er",
    "på",
    "snøfokk",
    "Østlandet",
    "the",
    "The",
    "of",
    "und",
    "les",
    "de",
    "el",
    "het",
    "ja",
    "się",
    "%(name)sthe",
    "%s",
    "{count}",
    "<b>",
    "</b>",
    "$HOME",
    "{{ .Values }}",
    "cafe\u0301",
    "the\u0301",
    "x²",
    "ªthe",
    "Президент",
    "и",
    "в",
    "Ελλάδα",
    "🙂",
    "e\u0308",
    "f.eks.",
    "values.yaml",
    "--set",
    "camelCase",
    "snake_case",
    "HELM",
    "NATO",
    "don't",
    "l'homme",
    "e-post",
    "1990-tallet",
    "v1.2.3",
    "a/b",
    "—",
    ",",
    ".",
    "(",
    ")",
    "«",
    "»",
    "ſthe",
    "aꞵa",
    "Ａthe",
    "theꞵ",
    "a\u0250a",
    "ﬁnd",
    "İstanbul",
    "Straße",
    "ǅemal",
    "THE",
    "thé",
    "und",
    "Ðe",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\u00a0", ", "]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=12))
    return "".join(piece + sep for piece, sep in parts)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(sentences())
def test_what_the_text_settles_the_words_settle_latin(text: str) -> None:
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None
    if settled_text(text, telling, LATIN):
        assert settled(scan(text), telling, LATIN), text


@settings(max_examples=500, deadline=None, derandomize=True)
@given(sentences())
def test_what_the_text_settles_the_words_settle_cyrillic(text: str) -> None:
    telling = telling_words(RUSSIAN, Settings(), Settings())
    assert telling is not None
    if settled_text(text, telling, "CYRILLIC"):
        assert settled(scan(text), telling, "CYRILLIC"), text


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_what_the_text_settles_the_words_settle_any_characters(text: str) -> None:
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None
    for own in (LATIN, "CYRILLIC", "GREEK"):
        if settled_text(text, telling, own):
            assert settled(scan(text), telling, own), (own, text)


def test_plain_norwegian_is_settled_by_its_text() -> None:
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None
    sentence = "Politiet stengte veien over fjellet på grunn av snøfokk."
    assert settled_text(sentence, telling, LATIN)
    assert settled_text("Regjeringen sendte flere soldater til Almaty onsdag kveld.", telling, LATIN)


def test_what_the_text_cannot_settle() -> None:
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None
    # an English clause: a telling word
    assert not settled_text(
        "Ministeren sa at planen var klar, but nobody knows who will pay.", telling, LATIN
    )
    # a Cyrillic word: not the target's script
    assert not settled_text("Han sa Президент i går.", telling, LATIN)
    # a placeholder: the words differ from the runs of letters, read word by word
    assert not settled_text("Du har %(count)s nye meldinger.", telling, LATIN)
    assert not settled_text("Trykk <b>Lagre</b> for å lagre.", telling, LATIN)
    # a combining mark (decomposed é): read word by word
    assert not settled_text("Vi drakk kaffe pa\u0301 kafe\u0301en.", telling, LATIN)
    # any ASCII letter in a Cyrillic target's sentence
    russian = telling_words(RUSSIAN, Settings(), Settings())
    assert russian is not None
    assert settled_text("Президент выступил в среду.", russian, "CYRILLIC")
    assert not settled_text("Президент выступил в среду в Helm.", russian, "CYRILLIC")
    assert char_script("П") == "CYRILLIC"


def test_the_text_settles_most_sentences_of_a_norwegian_page() -> None:
    """Most sentences of ordinary prose are settled by their text alone, as by their words."""
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None
    page = [
        "Regjeringen sendte flere soldater til Almaty onsdag kveld.",
        "Politiet stengte veien over fjellet på grunn av snøfokk.",
        "Han sa at situasjonen var under kontroll, men at det kunne ta tid.",
        "Statsministeren møtte pressen i Oslo etter møtet i Brussel.",
        "Det er fortsatt uklart hvem som skal betale for den nye veien.",
        "The opposition says the plan relies on far too optimistic forecasts.",
    ]
    by_text = [settled_text(s, telling, LATIN) for s in page]
    by_words = [settled(scan(s), telling, LATIN) for s in page]
    assert by_text == by_words
    assert sum(by_text) >= 4 and not by_text[-1]


# TC405: sentences the raw text shows nothing is left in are those the words show.
ENGLISH_PIECES = [
    "The",
    "minister",
    "said",
    "the",
    "plan",
    "was",
    "ready",
    "Partei",
    "barnehage",
    "sind",
    "parlement",
    "de",
    "la",
    "politique",
    "Regjeringen",
    "regjeringen",
    "og",
    "Almaty",
    "Oslo",
    "kindergarten",
    "café",
    "lebensgefährliche",
    "values.yaml",
    "camelCase",
    "--set",
    "HELM",
    "x1",
    "1990-tallet",
    "%(name)s",
    "{count}",
    "\u00e9",
    "e\u0301",
    "отношения",
    "ВИЧ",
    "三聚氰胺",
    "Straße",
    "Barnehage",
    '"',
    "(",
    ")",
    ",",
    ".",
    "—",
    "'",
    "*",
]


@st.composite
def english_sentences(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.tuples(st.sampled_from(ENGLISH_PIECES), st.sampled_from(SEPARATORS)), max_size=10)
    )
    return "".join(piece + sep for piece, sep in parts)


SOURCES = {
    "nb": "Regjeringen vil bygge en ny barnehage ved skolen, sa ministeren i Oslo og Almaty.",
    "de": "Die Partei sagte, die Minister sind bereit; lebensgefährliche Straße in Almaty.",
    "fr": "Le parlement a dit que la fin de la politique était proche.",
}


@pytest.mark.parametrize("source_lang", list(SOURCES))
def test_what_the_text_clears_the_words_clear(source_lang: str) -> None:
    """Where nothing_left says so, leftovers finds nothing reading the words either."""
    judge = judge_for("en", (source_lang,), WordSettings(), lexical=True)
    cleared = 0

    @settings(max_examples=250, deadline=None, derandomize=True)
    @given(english_sentences(), st.booleans())
    def check(text: str, with_source: bool) -> None:
        nonlocal cleared
        source = Source.of(SOURCES[source_lang]) if with_source else None
        if nothing_left(text, judge, source):
            cleared += 1
            with patch.object(_codemix, "nothing_left", lambda *_: False):
                assert leftovers(text, judge, source) == [], text

    check()
    assert cleared >= 20


def test_a_left_over_word_is_not_cleared() -> None:
    judge = judge_for("en", ("nb",), WordSettings(), lexical=True)
    source = Source.of(SOURCES["nb"])
    text = "It voted to build a new barnehage next to the school."
    assert not nothing_left(text, judge, source)
    assert [text[x.start : x.end] for x in leftovers(text, judge, source)] == ["barnehage"]
    # the first word is capitalised and the source writes it in lower case: not a name, even
    # behind an identifier, which is no word (a test of the start of the text)
    for start in ("Barnehage", "values.yaml Barnehage", "--set Barnehage", "x1 Barnehage"):
        text = f"{start} was what the plan said."
        assert not nothing_left(text, judge, source), text
        assert [text[x.start : x.end] for x in leftovers(text, judge, source)] == ["Barnehage"]
    plain_text = "It voted to build a new school next to the church."
    assert nothing_left(plain_text, judge, source)
