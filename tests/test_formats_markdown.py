"""Markdown reader: exact offsets, what is not prose, front matter, suppressions."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text
from tcheck.formats import markdown
from tcheck.model import LineIndex

DOC = """---
title: "Uro i Kasakhstan"
date: 2022-01-19
lang: nb
---
# Uro i Kasakhstan

Presidenten ba **CSTO** om hjelp, skriver [NTB](https://www.ntb.no/nyheter "NTB").
Se `CTSO_CONFIG` og <https://example.org/ctso> for detaljer.

- Første punkt om Almaty.
- Andre punkt med ![bilde av CTSO](ctso.png).

> Sitat fra Interfax.

```python
CTSO = "kode, ikke tekst"
```

<!-- en HTML-kommentar om CTSO -->

| By | Antall |
|----|--------|
| Almaty | 2 300 |
"""


def test_front_matter_becomes_metadata() -> None:
    doc = markdown.read("a.md", DOC)
    assert doc.metadata["date"] == "2022-01-19"
    assert doc.metadata["title"] == "Uro i Kasakhstan"
    assert doc.lang == "nb"
    assert all("title:" not in s.text for s in doc.segments)


def test_segments_keep_offsets_and_kinds() -> None:
    doc = markdown.read("a.md", DOC)
    kinds = [s.kind for s in doc.segments]
    assert kinds == [
        "front-matter",
        "heading",
        "paragraph",
        "list_item",
        "list_item",
        "blockquote",
        "table",  # one segment per cell: By, Antall, Almaty, 2 300
        "table",
        "table",
        "table",
    ]
    for seg in doc.segments:
        original = DOC[seg.span.start : seg.span.end]
        assert len(original) == len(seg.text)
        for i, ch in enumerate(seg.text):
            if ch != " ":
                assert original[i] == ch
    heading = doc.segments[1]
    assert heading.text == "Uro i Kasakhstan"
    assert LineIndex(DOC).position(heading.span.start) == (6, 3)


def test_code_urls_comments_and_images_are_masked() -> None:
    doc = markdown.read("a.md", DOC)
    prose = "\n".join(s.text for s in doc.segments)
    assert "CTSO" not in prose
    assert "https" not in prose and "ntb.no" not in prose
    assert "CSTO" in prose and "NTB" in prose and "Interfax" in prose
    assert "kode, ikke tekst" not in prose


def test_sentences_are_split() -> None:
    doc = markdown.read("a.md", DOC)
    para = doc.segments[2]
    sentences = [t for _, _, t in para.sentence_texts()]
    assert len(sentences) == 2
    assert sentences[0].startswith("Presidenten ba")


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeffWednesday, January 19\n\nIt happened earlier on Thursday.\n".encode())
    result = run_text(tmp_path, path.read_text(encoding="utf-8-sig"), "bom2.md", target_lang="en")
    assert [f["line"] for f in findings(result, "TC202")] == [3]
    from tcheck.formats import read_document

    doc = read_document(str(path))
    assert doc.text.startswith("Wednesday")


def test_suppression_block_and_next_line(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text(
        "# languages: nb -> en\nsource,target,forbidden,case_sensitive\nCSTO,CSTO,CTSO,yes\n",
        encoding="utf-8",
    )
    text = (
        "The CTSO met.\n\n"
        "<!-- tcheck-disable TC101 -->\n"
        "The CTSO met again.\n\n"
        "And again, CTSO.\n"
        "<!-- tcheck-enable -->\n\n"
        "<!-- tcheck-disable-next-line TC1 -->\n"
        "CTSO once more.\n\n"
        "<!-- tcheck-disable-next-line TC2 -->\n"
        "CTSO, last time.\n"
    )
    result = run_text(tmp_path, text, "s.md", target_lang="en", source_lang="nb", glossary=[str(glossary)])
    assert [f["line"] for f in findings(result, "TC101")] == [1, 13]
