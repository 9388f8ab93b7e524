"""Word scores without numpy (tcheck.language.purescore) are numpy's, bit for bit."""

from __future__ import annotations

import re
from unittest.mock import patch

import numpy as np
import pytest

from tcheck.checks import _runs
from tcheck.checks._evidence import Settings
from tcheck.checks._words import words
from tcheck.language import profiles, purescore

TEXT = """
Regjeringen sendte flere soldater til Almaty onsdag kveld, og politiet stengte veien over fjellet.
The opposition says the plan relies on far too optimistic forecasts for the coming years.
Die Regierung hat am Dienstag den Haushalt für das kommende Jahr vorgestellt.
Le gouvernement a envoyé mercredi d'autres soldats au Kazakhstan, selon l'agence.
El Gobierno envió el miércoles más soldados a Kazajistán para restablecer el orden.
Rząd wysłał w środę kolejnych żołnierzy do Kazachstanu; sytuacja jest napięta.
Hallitus lähetti keskiviikkona lisää sotilaita Kazakstaniin, kertoi ministeriö.
Президент выступил в среду с обращением к нации. Ελλάδα και Κύπρος συμφώνησαν.
三聚氰胺被发现在奶粉中。 東京で会議が開かれました。 한국어 문장입니다.
NATO iPhone Ærlighet ß Øst a
"""
WORDS = sorted(set(re.findall(r"[^\W\d_]+", TEXT)))
LANGUAGE_SETS = [
    ("en", "nb", "de", "fr", "es", "it", "nl", "pt", "fi", "pl"),
    ("nb", "en"),
    ("ru", "en", "de", "uk"),
    ("ja", "en", "zh", "ko"),
]


@pytest.mark.parametrize("langs", LANGUAGE_SETS)
def test_sums_without_numpy_are_numpys(langs: tuple[str, ...]) -> None:
    scorer = profiles.Scorer(langs)
    sums, counts = scorer._sums(WORDS)
    pure, pure_counts = scorer._pure_sums(WORDS)
    assert pure_counts == counts and sum(counts) > 500
    assert np.array_equal(np.array(pure, dtype=np.float32).view(np.uint32), sums.view(np.uint32))
    for word in WORDS:  # one word at a time, as Scorer.word scores it with numpy
        rows = np.frombuffer(profiles._FOUND[word], dtype="<i4")
        if len(rows):
            assert scorer._logs.take(rows).sum(axis=0).tolist() == scorer._pure_sums([word])[0][0], word


@pytest.mark.parametrize("langs", LANGUAGE_SETS[:2])
def test_entries_without_numpy_are_numpys(langs: tuple[str, ...]) -> None:
    with_numpy = profiles.Scorer(langs)._entries_of(WORDS)
    with patch.object(profiles, "usable", lambda *_: True):
        without = profiles.Scorer(langs)._entries_of(WORDS)
        one_by_one = [profiles.Scorer(langs)._score(w) for w in WORDS[:40]]
    assert without == with_numpy
    assert one_by_one == [profiles.Scorer(langs)._score(w) for w in WORDS[:40]]


def test_the_budget_and_what_needs_numpy() -> None:
    assert not purescore.usable(1, 10)  # one language: numpy sums one column pairwise
    assert not purescore.usable(4, 10)  # numpy is loaded here
    with patch.dict("sys.modules"):
        import sys

        del sys.modules["numpy"]
        with patch.object(purescore, "_spent", 0):
            assert purescore.usable(4, purescore.BUDGET - 10)
            assert not purescore.usable(4, 11)  # past the budget
            assert purescore.usable(4, 10)


SENTENCES = [
    (
        "Regjeringen sendte soldater, but nobody knows who will pay for it in the end.",
        ("nb", "en"),
    ),
    (
        "Ministeren sa at planen var klar, but nobody knows who will pay for it in the end.",
        ("nb", "en", "de"),
    ),
    (
        "The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale.",
        ("en", "nb", "de"),
    ),
    ("The minister spoke for an hour and answered every question from the press.", ("en", "nb", "de")),
    ("Police closed the road, und die Regierung hat am Dienstag nichts gesagt.", ("en", "nb", "de")),
    ("Президент сказал, that the talks will go on next week in Geneva.", ("ru", "en", "de")),
]


@pytest.mark.parametrize(("sentence", "langs"), SENTENCES)
def test_the_best_run_without_numpy_is_numpys(sentence: str, langs: tuple[str, ...]) -> None:
    """_best_gain gives foreign_run's best gain (with numpy), and foreign_run's verdicts are
    the same with and without the check made without numpy."""
    items = words(sentence, langs)
    _, best = _runs.gains_and_best(items, langs)
    rows = profiles.Scorer(langs)._pure_sums(items.tokens)[0]
    assert _runs._best_gain(rows, items, langs) == float(best.max())
    settings = Settings()
    expected = _runs.foreign_run(sentence, 0, items, langs, settings)
    with patch.object(profiles, "usable", lambda *_: True):
        assert _runs.foreign_run(sentence, 0, words(sentence, langs), langs, settings) == expected


def test_some_sentences_have_a_foreign_run() -> None:
    settings = Settings()
    found = [
        _runs.foreign_run(s, 0, words(s, langs), langs, settings) for s, langs in SENTENCES if len(langs) > 2
    ]
    assert sum(v is not None for v in found) >= 2 and sum(v is None for v in found) >= 1
