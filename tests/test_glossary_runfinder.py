"""RunFinder: a text can hold a key only when every run of letters of the key stands in it, at
the key's distances around its longest run."""

from __future__ import annotations

import pickle

from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.runfinder import RunFinder, places
from tcheck.glossary.words import lower_same_length


def finder(*terms: str, lang: str = "de") -> RunFinder:
    matcher: TermMatcher[str] = TermMatcher()
    for term in terms:
        matcher.add(term, term, lang=lang)
    found = matcher.run_finder()
    assert found is not None
    return found


def test_places_of_runs() -> None:
    assert places("\x01nnonm\x01ilitary\x01service") == [
        (1, "nnonm", True),
        (7, "ilitary", True),
        (15, "service", True),
    ]
    assert places("\x01\x01") == []
    assert places("集安组织") == [(0, "集安组织", False)]
    assert places("\x01snake_case\x01") == [(1, "snake", True), (7, "case", True)]
    assert places("\x01σπίτις") == [(1, "σπίτισ", True)]  # final sigma as the texts are searched


def test_every_run_of_a_key_must_occur() -> None:
    found = finder("nnonm-ilitary service", "EU-Commission", lang="en")
    text = "The civil service and the EU agreed on Thursday."
    assert not found.occurs(lower_same_length(text))  # 'service', 'eu' alone: no key
    assert found.occurs(lower_same_length("The **EU-Commission** met."))  # markup around the term
    assert found.occurs(lower_same_length("Two nnonm-ilitary services ..."))  # inflected
    # the matcher searches the segment 'The   EU  -Commission': its key is not there either
    assert not found.occurs(lower_same_length("The **EU**-Commission met."))


def test_runs_must_stand_at_the_keys_distances() -> None:
    """A page with each word of a forbidden phrase somewhere is not a page with the phrase."""
    found = finder("the Great Thing", "United Nation", lang="en")
    page = "The thing is, the parliament met. A great day: the nation stood united, said one."
    assert not found.occurs(lower_same_length(page))
    assert found.occurs(lower_same_length("Thanks to the United Nations."))  # maybe an inflection
    assert found.occurs(lower_same_length("They called the Storting «the great thing»."))
    # the matcher searches 'the  great  thing' there, with two spaces where its key has one
    assert not found.occurs(lower_same_length("the *great* thing"))
    assert found.occurs(lower_same_length("The Great\nThing and the United Nation."))
    assert found.occurs(lower_same_length("the great-thing"))  # any character between words
    assert not found.occurs(lower_same_length("the great  thing"))  # two: not the key's spacing
    assert not found.occurs(lower_same_length("bathe great thing"))  # 'the' must start a word
    assert found.occurs(lower_same_length("united nation"))  # at the very start and end
    assert not found.occurs(lower_same_length("united natio"))


def test_words_that_inflect_are_looked_for_from_their_beginning() -> None:
    # German terms are also found by a trigger (the start of their first long word), so a page
    # with that start may hold one: it is read
    found = finder("Grenz-Überwachungsdienst")
    assert found.occurs("die grenzpolizei")
    assert not found.occurs("die polizei")


def test_a_run_that_starts_a_word_must_start_one() -> None:
    found = finder("Kommission")
    assert not found.occurs("eu-unterkommission")
    assert found.occurs("die eu-kommission")
    assert found.occurs("siehe _kommission_")  # an underscore of markup is a boundary
    assert found.occurs("«kommission»") and found.occurs("kommission")  # after a quote, at the start
    assert not found.occurs("überkommission") and not found.occurs("2kommission")


def test_spaceless_scripts_and_pickling() -> None:
    found = finder("集安组织", lang="zh")
    assert found.occurs("俄罗斯领导的集安组织周四派兵")
    again = pickle.loads(pickle.dumps(found))
    assert again.occurs("俄罗斯领导的集安组织周四派兵")
    assert not again.occurs("托卡耶夫总统周三表示局势已得到控制")


def test_what_cannot_rule_out_anything() -> None:
    assert RunFinder.build(["a"]) is None  # a single letter inside words
    assert RunFinder.build(["\x01\x01"]) is None  # no run at all
    assert RunFinder.build(["\x01a"]) is not None  # a one-letter word
    assert RunFinder.build(None) is None
    empty = RunFinder.build([])
    assert empty is not None and not empty.occurs("anything at all")
