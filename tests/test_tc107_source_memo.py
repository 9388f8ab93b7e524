"""TC107's digest finds the words of a source text once when a file repeats it (a multilingual PO
or TMX file holds each English sentence once per language): the same digest as finding them for
every unit, in less work."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.bilingual import wordterms
from tcheck.bilingual.wordalign import Token, tokens
from tcheck.bilingual.wordterms import digest_document
from tcheck.formats import read_document

SOURCES = [
    "The Welsh Parliament met in Cardiff on Tuesday.",
    "Members of the Welsh Parliament voted in Cardiff.",
    "The immune system protects the body against infections.",
]
RENDERINGS = {
    "nb": [
        "Det walisiske parlamentet møttes i Cardiff tirsdag.",
        "Medlemmer av Det walisiske parlamentet stemte i Cardiff.",
        "Immunsystemet beskytter kroppen mot infeksjoner.",
    ],
    "fr": [
        "Le Parlement gallois s'est réuni à Cardiff mardi.",
        "Les membres du Parlement gallois ont voté à Cardiff.",
        "Le système immunitaire protège le corps contre les infections.",
    ],
    "de": [
        "Das walisische Parlament tagte am Dienstag in Cardiff.",
        "Mitglieder des walisischen Parlaments stimmten in Cardiff ab.",
        "Das Immunsystem schützt den Körper vor Infektionen.",
    ],
}


def _multilingual(tmp_path: Path) -> Path:
    """Each source sentence once per language, the languages one after the other (as a PO file
    of ten languages holds them), all read as one target language."""
    rows = [f"{en}\t{text}" for texts in RENDERINGS.values() for en, text in zip(SOURCES, texts, strict=True)]
    path = tmp_path / "ntrex.tsv"
    path.write_text("en\tde\n" + "\n".join(rows * 2) + "\n", encoding="utf-8")
    return path


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def counted(text: str, lang: str | None) -> list[Token]:
        asked.append(text)
        return tokens(text, lang)

    monkeypatch.setattr(wordterms, "tokens", counted)
    return asked


def test_repeated_source_texts_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_document(str(_multilingual(tmp_path)))
    asked = _asked(monkeypatch)
    digest_document(doc, False)
    units = 2 * len(SOURCES) * len(RENDERINGS)
    assert asked.count(SOURCES[0]) == 1
    assert len(asked) == units + len(SOURCES)  # every target text, each source text once


@pytest.mark.parametrize("memo", [1, 2])
def test_same_digest_whatever_is_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memo: int
) -> None:
    doc = read_document(str(_multilingual(tmp_path)))
    expected = digest_document(doc, False)
    monkeypatch.setattr(wordterms, "SOURCE_MEMO", memo)  # forgotten before each repeat comes back
    asked = _asked(monkeypatch)
    found = digest_document(doc, False)
    assert len(asked) > 2 * len(SOURCES) * len(RENDERINGS)  # source texts read again
    assert found.kept == expected.kept
    assert found.counts == expected.counts
    assert len(found.kept) == 2 * len(SOURCES) * len(RENDERINGS)
