"""PO reader: header languages, plurals, fuzzy and obsolete entries, contexts, escapes, offsets."""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from tcheck.errors import InputError
from tcheck.formats import read_documents
from tcheck.formats.po import read

PO = FIXTURES / "bilingual" / "app.nb.po"


def test_header_and_entries() -> None:
    (doc,) = read_documents(str(PO))
    assert (doc.lang, doc.source_lang) == ("nb", "en")
    assert doc.metadata["plural-forms"] == "nplurals=2; plural=(n != 1);"
    pairs = [(s.counterpart.text if s.counterpart else None, s.text) for s in doc.segments]
    assert pairs == [
        ("Open file", "Åpne fil"),
        ("%d file was deleted", "%d fil ble slettet"),
        ("%d files were deleted", "%d filer ble slettet"),
        ("Open", "Åpne"),
        (
            "The file could not be saved because the disk is full. Free some space and try again.",
            "Filen kunne ikke lagres fordi disken er full. Frigjør litt plass og prøv på nytt.",
        ),
        ('Say "hello"', "Si «hei»"),
    ]  # fuzzy, untranslated and obsolete entries are not there


def test_context_is_kept_in_the_id() -> None:
    (doc,) = read_documents(str(PO))
    assert [s.id for s in doc.segments if "@" in s.id] == ["e5@menu"]


def test_fuzzy_on_request() -> None:
    doc = read(str(PO), PO.read_text(encoding="utf-8"), include_fuzzy=True)
    assert "Slette alle filer?" in [s.text for s in doc.segments]


def test_offsets_across_continuation_lines_and_escapes() -> None:
    (doc,) = read_documents(str(PO))
    long = doc.segments[4]
    assert long.offsets is not None
    word = long.text.index("Frigjør")
    span = long.file_span(word, word + len("Frigjør"))
    assert doc.text[span.start : span.end] == "Frigjør"
    assert doc.text[: span.start].endswith('"\n"')
    source = doc.segments[5].counterpart
    assert source is not None
    quote = source.text.index('"')
    qspan = source.file_span(quote, quote + 1)
    assert doc.text[qspan.start : qspan.end] == '\\"'


def test_malformed_po_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"x.po:2: not a PO line"):
        read("x.po", 'msgid "a"\nbogus\nmsgstr "b"\n')
    with pytest.raises(InputError, match=r"x.po:1: unterminated"):
        read("x.po", 'msgid "a\n')


def test_indented_crlf_lines_keep_their_offsets() -> None:
    text = (
        'msgid ""\r\nmsgstr ""\r\n"Language: de\\n"\r\n\r\n'
        '#: ntrex:12\r\n  msgid "Welsh AMs worried"  \r\nmsgstr ""\r\n'
        '    "Mitglieder der Nationalversammlung "\r\n"für Wales besorgt\\t"\r\n'
    )
    doc = read("de.po", text)
    (segment,) = doc.segments
    assert segment.text == "Mitglieder der Nationalversammlung für Wales besorgt"
    source = segment.counterpart
    assert source is not None and source.text == "Welsh AMs worried"
    assert text[source.span.start : source.span.end] == "Welsh AMs worried"
    word = segment.text.index("für")
    span = segment.file_span(word, len(segment.text))
    assert text[span.start : span.end] == "für Wales besorgt"
    first = segment.file_span(0, len("Mitglieder"))
    assert text[first.start : first.end] == "Mitglieder"
    assert segment.extent is not None and text[segment.extent.end - 2 : segment.extent.end] == "\\t"


def test_flags_reach_both_sides_and_plural_forms_their_sources() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        "#, c-format\n"
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[1] "%d fichiers"\nmsgstr[0] "%d fichier"\n'
    )
    doc = read("fr.po", text)
    pairs = [(s.id, s.counterpart.text if s.counterpart else None, s.text) for s in doc.segments]
    assert pairs == [("e2[0]", "%d file", "%d fichier"), ("e2[1]", "%d files", "%d fichiers")]
    assert all(
        s.flags == {"c-format"} and s.counterpart and s.counterpart.flags == {"c-format"}
        for s in doc.segments
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', r"x.po:3: duplicate msgstr"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c\n', r"x.po:3: duplicate msgstr"),
        ('msgid "a"\nmsgstr "b" x\n', r"x.po:2: unterminated or malformed"),
        ('# comment\n"orphan"\n', r"x.po:2: not a PO line"),
        ('msgid "a"\nmsgstr "b\\q"\n', r"x.po:2: unknown escape '\\q'"),
        ('msgid"a"\n', r"x.po:1: not a PO line"),
    ],
)
def test_each_malformed_line_says_what_is_wrong(text: str, error: str) -> None:
    with pytest.raises(InputError, match=error):
        read("x.po", text)
