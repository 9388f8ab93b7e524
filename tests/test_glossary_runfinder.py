"""RunFinder: a text can hold a key only when every run of letters of the key occurs in it."""

from __future__ import annotations

import pickle

from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.runfinder import RunFinder
from tcheck.glossary.words import key_runs, lower_same_length


def finder(*terms: str, lang: str = "de") -> RunFinder:
    matcher: TermMatcher[str] = TermMatcher()
    for term in terms:
        matcher.add(term, term, lang=lang)
    found = matcher.run_finder()
    assert found is not None
    return found


def test_key_runs_longest_first() -> None:
    assert key_runs("\x01nnonm\x01ilitary\x01service") == (
        ("service", True),  # of two as long, the one that sorts last
        ("ilitary", True),
        ("nnonm", True),
    )
    assert key_runs("\x01\x01") is None
    assert key_runs("集安组织") == (("集安组织", False),)


def test_every_run_of_a_key_must_occur() -> None:
    found = finder("nnonm-ilitary service", "EU-Commission", lang="en")
    text = "The civil service and the EU agreed on Thursday."
    assert not found.occurs(lower_same_length(text))  # 'service', 'eu' alone: no key
    assert found.occurs(lower_same_length("The **EU**-Commission met."))  # markup between runs
    assert found.occurs(lower_same_length("Two nnonm-ilitary services ..."))  # inflected


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
    assert RunFinder.build([(("a", False),)]) is None  # a single letter inside words
    assert RunFinder.build(None) is None
    empty = RunFinder.build([])
    assert empty is not None and not empty.occurs("anything at all")
