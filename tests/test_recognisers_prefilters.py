"""The recognisers' prefilters: a cheap search decides which words are looked at, and it must
never pass over a word that the full lookup would have read."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.locale import numberwords as numbers
from tcheck.locale.numberwords import cardinal_values, word_values
from tcheck.recognise import numwords
from tcheck.recognise.numtables import WORD
from tcheck.recognise.numwords import find_number_words
from tcheck.recognise.wordtrie import trie_pattern

SENTENCES = [
    ("en", "Forty-two people, three million dollars and the fifteenth century; an un-seven thing."),
    ("en", "One hundred and twenty-one passengers, two decades later, a seven-year-old."),
    ("nb", "Hun har sju barn og tjueen barnebarn, og en trettenåring kom i fjor."),
    ("nn", "Det kom fire hundre menneske, og tretti av dei var born."),
    ("de", "Er hat sieben Kinder, einundzwanzig Enkel und wurde im siebten Jahr Zweiundvierzigster."),
    ("fr", "Elle a vingt et un ans, quatre-vingts amis et l'onze de départ."),
    ("es", "Un hombre de treinta y dos años vio cuatro millones de personas."),
    ("ru", "Погибли трое из двадцати пяти пассажиров, ещё сорока человек ранены."),
    ("ru", "ΣΟΦΙΑ и İstanbul: двадцать один человек."),
    ("pl", "Dwudziestu pięciu żołnierzy i trzy tysiące cywilów."),
    ("ar", "قتل خمسة و عشرون شخصا في الهجوم."),
    ("sv", "Tjugoett barn och femtio vuxna kom till mötet."),
]


def _every_word(text: str, lang: str) -> list[int]:
    return [m.start() for m in WORD.finditer(text)]


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_number_words_found_as_if_every_word_were_tried(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = [find_number_words(text, lang), word_values(text, lang), cardinal_values(text, lang)]
    assert any(fast), "each sentence has a number word"
    monkeypatch.setattr(numwords, "_candidates", _every_word)
    monkeypatch.setattr(numbers, "_lexicon_words", lambda t, _lang: numbers._WORD_RE.finditer(t))
    numwords._readings.cache_clear()  # what the fast path read is kept per text
    assert [find_number_words(text, lang), word_values(text, lang), cardinal_values(text, lang)] == fast


def test_a_number_word_inside_another_word_is_not_one() -> None:
    text = "an un-seven thing and a seven-year-old"
    assert [(text[w.start : w.end], w.value) for w in find_number_words(text, "en")] == [
        ("seven", Decimal(7))
    ]


def test_lexicon_words_start_only_where_a_number_word_can() -> None:
    text = "Trettenåringen og hans venn så fjorten fly i går."
    assert [m.group(0) for m in numbers._lexicon_words(text, "nb")] == ["Trettenåringen", "fjorten"]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["three", "thirteen", "thirty", "th"], "thirteen", "thirteen"),
        (["three", "thirteen", "thirty", "th"], "thirsty", "th"),
        (["a.b", "a-b"], "a.b", "a.b"),
        (["jan", "jan."], "jan.", "jan."),
        ([], "anything", None),
    ],
)
def test_trie_matches_the_longest_word(words: list[str], text: str, expected: str | None) -> None:
    found = re.compile(trie_pattern(words)).match(text)
    assert (found.group(0) if found else None) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abcé.-ø", min_size=1, max_size=5), max_size=12),
    st.text(alphabet="abcé.-ø ", max_size=12),
)
def test_trie_agrees_with_an_alternation_sorted_longest_first(words: list[str], text: str) -> None:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    for start in range(len(text) + 1):
        expected = re.compile(alternation).match(text, start)
        found = re.compile(trie_pattern(words)).match(text, start)
        assert (found and found.group(0)) == (expected and expected.group(0))


DATED = [
    ("en", "On Wednesday, January 19, 2022 the² summit opened; ① May 3 was a Tuesday. Mar"),
    ("nb", "Onsdag 19. januar 2022 kom de, og 3. mai var en tirsdag. Den 12-Jun-2026 kom stempelet."),
    ("de", "Am Mittwoch, 19. Januar 2022, und am 19.01.2022 um 15 Uhr."),
    ("fr", "Le mercredi 19 janvier 2022, et le 2022-01-19 à 15 h."),
    ("ru", "В среду, 19 января 2022 года, ΣΟΦΙΑ и İstanbul."),
    ("es", "El miércoles 19 de enero de 2022 y el martes."),
]


@pytest.mark.parametrize(("lang", "text"), DATED)
def test_dates_found_as_if_every_word_were_tried(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tcheck.recognise import datefind

    fast = datefind.find_dates(text, lang)
    assert fast, "each sentence has a date"
    # every word start, as _starts_regex gives them: the character before each word, in " " + text
    every_word = re.compile(r"[\W_](?=[^\W_])")
    monkeypatch.setattr(datefind, "_starts_regex", lambda _heads: every_word)
    assert datefind.find_dates(text, lang) == fast


def test_digits_that_are_not_decimal_are_word_starts_for_dates() -> None:
    from tcheck.recognise.datefind import DIGIT_CLASS

    allowed = re.compile(f"[{DIGIT_CLASS}]")
    assert all(allowed.match(ch) for ch in "0²①⑴٣")
    assert not allowed.match("a")


def test_sentences_without_numbers_compare_empty_at_once() -> None:
    from tcheck.recognise import recognise
    from tcheck.recognise.compare import NumberDiff, compare_numbers

    plain = compare_numbers(
        recognise("Toppmøtet åpner i morgen.", "nb", "en"),
        recognise("The summit opens tomorrow.", "en", "nb"),
    )
    assert plain == NumberDiff((), ())
    added = compare_numbers(
        recognise("Toppmøtet åpner i morgen.", "nb", "en"),
        recognise("The summit opens at 2,300 sites.", "en", "nb"),
    )
    assert [q.text for q in added.target] == ["2,300"]


def test_dates_and_times_alone_are_what_recognise_finds() -> None:
    from tcheck.recognise import dates_of, recognise, times_of

    text = "Onsdag 19. januar 2022 kl. 15.00 betalte de 5000 kroner for tjue billetter."
    mentions = recognise(text, "nb")
    assert dates_of(text, "nb") == mentions.dates and len(mentions.dates) == 1
    assert times_of(text, "nb") == mentions.times and len(mentions.times) == 1


def test_tc201_and_tc205_alone_read_no_numbers_or_amounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tcheck.recognise as recognisers
    from helpers import findings, run_text

    def refuse(*_args: object) -> None:
        raise AssertionError("amounts read for a check that needs only dates or times")

    recognisers.clear_caches()
    monkeypatch.setattr(recognisers, "find_amounts", refuse)
    monkeypatch.setattr(recognisers, "word_values", refuse)
    text = "The summit opens on Thursday, January 19, 2022, at 14 Norwegian time, for 5,000 kroner.\n"
    found = findings(run_text(tmp_path, text, "doc.txt", select=["TC201", "TC205"], target_lang="en"))
    assert sorted(f["code"] for f in found) == ["TC201", "TC205"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="abcé-ø", min_size=1, max_size=5), max_size=12),
    st.text(alphabet="abcé-ø xyz", max_size=12),
)
def test_trie_with_endings_agrees_with_the_alternation(words: list[str], text: str) -> None:
    def ending(word: str) -> str:  # an inflection and a boundary for long words, as units have
        return r"[a-zé]{0,2}(?![^\W\d_])" if len(word) >= 3 else r"(?![^\W\d_])"

    ordered = sorted(set(words), key=len, reverse=True)
    alternation = re.compile("|".join(re.escape(w) + ending(w) for w in ordered) or "(?!)", re.IGNORECASE)
    trie = re.compile(trie_pattern(words, ending), re.IGNORECASE)
    for start in range(len(text) + 1):
        expected, found = alternation.match(text, start), trie.match(text, start)
        assert (found and found.group(0)) == (expected and expected.group(0))
