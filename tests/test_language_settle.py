"""TC401/TC403: a sentence settled by its raw text (settled_text) is one its words settle."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.checks._evidence import Settings
from tcheck.checks._settle import settled, settled_text, telling_words
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
