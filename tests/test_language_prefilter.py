"""TC401/TC403: sentences settled by their function words alone are those the scores would settle."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_text
from tcheck.checks._evidence import Settings
from tcheck.checks._language import settled, telling_words
from tcheck.checks._runs import foreign_run
from tcheck.checks._tokens import scan
from tcheck.checks._words import words
from tcheck.language.scripts import LATIN

NORWEGIAN = ("nb", "en", "de", "fr", "es", "it", "nl", "pt", "fi", "pl")
ENGLISH = ("en", "nb", "de", "fr", "es", "it", "nl", "pt", "fi", "pl")

SENTENCES = {
    NORWEGIAN: [
        "Regjeringen sendte flere soldater til Almaty onsdag kveld.",
        "Politiet stengte veien over fjellet på grunn av snøfokk.",
        "Han sa at situasjonen var under kontroll, men at det kunne ta tid.",
        "Statsministeren møtte pressen i Oslo etter møtet i Brussel.",
        "The opposition says the plan relies on far too optimistic forecasts.",
        "Ministeren sa at planen var klar, but nobody knows who will pay for it in the end.",
        "Die Regierung hat am Dienstag den Haushalt für das kommende Jahr vorgestellt.",
        "Le gouvernement a envoyé mercredi d'autres soldats au Kazakhstan.",
        "Helm chart, service mesh og Kubernetes er ord mange bruker.",
        "Президент выступил в среду.",
        "Kasakhstans president Kassym-Jomart Tokajev ba om hjelp fra CSTO.",
        "Det er fortsatt uklart hvem som skal betale for den nye veien.",
    ],
    ENGLISH: [
        "Police closed the road over the mountain on Monday because of drifting snow.",
        "Saken er fortsatt under etterforskning, og politiet vil ikke si noe mer.",
        "The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale.",
        "Drivers were asked to wait in Haugastøl until the convoy could leave.",
        "The minister spoke for an hour and answered every question from the press.",
        "El Gobierno envió el miércoles más soldados a Kazajistán.",
        "It rained all day in Bergen, and the ferries were cancelled.",
        "Der Bundestag berät im Herbst darüber.",
    ],
}


def test_a_sentence_without_telling_words_is_settled() -> None:
    telling = telling_words(NORWEGIAN, Settings(), Settings())
    assert telling is not None and "the" in telling and "und" in telling
    assert "og" not in telling and "er" not in telling  # the target's own function words
    assert settled(scan(SENTENCES[NORWEGIAN][0]), telling, LATIN)
    assert not settled(scan(SENTENCES[NORWEGIAN][4]), telling, LATIN)  # English
    assert not settled(scan(SENTENCES[NORWEGIAN][9]), telling, LATIN)  # Cyrillic: not the target's script


def test_no_settling_without_lists_or_when_no_function_word_is_asked() -> None:
    assert telling_words(("en", "nb", "ja"), Settings(), None) is None  # no list for Japanese
    assert telling_words(ENGLISH, Settings(min_function_words=0), None) is None
    assert telling_words(ENGLISH, Settings(), Settings(min_function_words=0)) is None
    assert telling_words(ENGLISH, Settings(), None) is not None


@pytest.mark.parametrize("langs", list(SENTENCES))
def test_settled_sentences_are_those_the_scores_settle(langs: tuple[str, ...]) -> None:
    """Every sentence settled without scores gets no TC401 verdict and no TC403 run from them;
    the others include sentences and runs that do."""
    from tcheck.checks._language import judge

    settings = Settings()
    telling = telling_words(langs, settings, settings)
    assert telling is not None
    quiet = found = 0
    for sentence in SENTENCES[langs]:
        scanned = scan(sentence)
        items = words(sentence, langs, 0, scanned)
        verdict = judge(sentence, items, langs, settings)
        run = foreign_run(sentence, 0, items, langs, settings) if verdict is None else None
        if settled(scanned, telling, LATIN):
            quiet += 1
            assert verdict is None and run is None, sentence
        found += verdict is not None or run is not None
    assert quiet >= 3 and found >= 2


def test_findings_of_a_page_with_settled_sentences(tmp_path: Path) -> None:
    text = " ".join(SENTENCES[ENGLISH][:4]) + "\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC401", "TC403"])
    spans = {f["code"]: text[f["offset"] : f["end_offset"]] for f in findings(result)}
    assert spans["TC401"] == SENTENCES[ENGLISH][1]
    assert spans["TC403"].startswith("men det er fortsatt uklart")
