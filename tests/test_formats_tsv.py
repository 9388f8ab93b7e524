"""Bilingual TSV reader: languages header, offsets, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, findings, run_paths
from tcheck.errors import InputError
from tcheck.formats import read_documents
from tcheck.formats.tsv import read

TSV = FIXTURES / "bilingual" / "release-notes.en-nb.tsv"


def test_language_header_and_pairs() -> None:
    (doc,) = read_documents(str(TSV))
    assert (doc.lang, doc.source_lang) == ("nb", "en")
    assert doc.source is not None and doc.source.lang == "en"
    first = doc.segments[0]
    assert first.counterpart is not None
    assert first.counterpart.text == "The update fixes a crash when the app starts offline."
    assert first.text.startswith("Oppdateringen retter en feil")
    assert len(doc.segments) == 5


def test_offsets_point_into_the_file() -> None:
    (doc,) = read_documents(str(TSV))
    for seg in doc.segments:
        assert seg.offsets is None
        span = seg.file_span(0, len(seg.text))
        assert doc.text[span.start : span.end] == seg.text
        assert seg.counterpart is not None
        cspan = seg.counterpart.file_span(0, len(seg.counterpart.text))
        assert doc.text[cspan.start : cspan.end] == seg.counterpart.text
        assert doc.text[cspan.end] == "\t"


def test_plain_header_and_comments() -> None:
    doc = read("x.tsv", "source\ttarget\n# a comment\nGood morning\tGuten Morgen\n")
    assert [s.text for s in doc.segments] == ["Guten Morgen"]
    assert doc.lang is None


def test_line_without_tab_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"x.tsv:2: expected source<TAB>target"):
        read("x.tsv", "Hello\tHei\nno tab here\n")


def test_copied_line_found_at_its_place() -> None:
    result = run_paths([TSV], select="TC402")
    (found,) = findings(result, "TC402")
    text = TSV.read_text(encoding="utf-8")
    assert found["line"] == 5
    assert text[found["offset"] : found["end_offset"]] == "The export now includes the date of every entry."
    assert found["side"] == "target"


def test_tsv_in_a_folder_is_not_searched(tmp_path: Path) -> None:
    (tmp_path / "terms.tsv").write_text("a\tb\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("A short note about nothing at all.\n", encoding="utf-8")
    result = run_paths([tmp_path], target_lang="en")
    assert result.files_checked == 1
