"""TMX reader: several languages, source language from the header, inline codes, DOCTYPE."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, findings, run_paths
from tcheck.errors import InputError
from tcheck.formats.tmx import read_all

TMX = FIXTURES / "bilingual" / "phrases.tmx"


def test_one_document_per_target_language() -> None:
    docs = read_all(str(TMX), TMX.read_text(encoding="utf-8"))
    assert [(d.lang, d.source_lang, len(d.segments)) for d in docs] == [
        ("nb", "en", 2),
        ("de-DE", "en", 2),
        ("sv", "en", 2),
    ]
    de = docs[1]
    assert [s.text for s in de.segments] == [
        "Die Sitzung beginnt um neun Uhr.",
        "Drücken Sie Start & warten Sie.",
    ]
    assert de.segments[1].counterpart is not None
    assert de.segments[1].counterpart.text == "Press Start & wait."


def test_inline_codes_and_offsets() -> None:
    docs = read_all(str(TMX), TMX.read_text(encoding="utf-8"))
    seg = docs[0].segments[1]
    assert seg.text == "Trykk på Start og vent."
    start = seg.text.index("Start")
    span = seg.file_span(start, start + 5)
    assert docs[0].text[span.start : span.end] == "Start"
    vent = seg.text.index("vent")
    span = seg.file_span(vent, vent + 4)
    assert docs[0].text[span.start : span.end] == "vent"


def test_target_and_source_language_choice() -> None:
    text = TMX.read_text(encoding="utf-8")
    (sv,) = read_all(str(TMX), text, target_lang="sv")
    assert sv.lang == "sv"
    nb_source = read_all(str(TMX), text, source_lang="nb")
    assert [d.lang for d in nb_source] == ["en", "de-DE", "sv"]
    with pytest.raises(InputError, match="no translations in fr"):
        read_all(str(TMX), text, target_lang="fr")


def test_all_languages_are_checked_in_one_run() -> None:
    result = run_paths([TMX], select="TC0")
    assert result.files_checked == 3
    assert not findings(result)
