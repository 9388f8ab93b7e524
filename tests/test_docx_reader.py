"""Word documents: paragraphs, tables, headers, footers, notes and comments, one line per
paragraph; the core properties' date and language; pairing; hostile archives refused (TC001)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from article_formats import SEED, W, docx_article, docx_bytes, paragraphs, placed, read, w_paragraph
from click.testing import CliRunner

from helpers import findings, run_paths
from tcheck.cli import main
from tcheck.formats import docx


def note_part(root: str, element: str, notes: list[str]) -> str:
    body = f'<w:{element} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{element}>'
    for n, text in enumerate(notes, 1):
        body += f'<w:{element} w:id="{n}">{w_paragraph(text)}</w:{element}>'
    return f'<w:{root} xmlns:w="{W}">{body}</w:{root}>'


def header(text: str, root: str = "hdr") -> str:
    return f'<w:{root} xmlns:w="{W}">{w_paragraph(text)}</w:{root}>'


GERMAN_BODY = (
    w_paragraph("Unruhen in Kasachstan", "Heading1")
    + w_paragraph("Mittwoch, 19. Januar")
    + "<w:p/>"  # an empty paragraph still counts
    + '<w:p><w:r><w:t xml:space="preserve">Die </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>OV</w:t></w:r>'
    + '<w:r><w:t xml:space="preserve">KS-Truppen</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
    + '<w:del w:id="9"><w:r><w:delText>gelöscht </w:delText></w:r></w:del>'
    + '<w:r><w:t xml:space="preserve"> sind da.</w:t></w:r><w:r><w:tab/><w:t>Spalte</w:t><w:br/>'
    + "<w:t>Zeile</w:t></w:r>"
    + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>versteckt</w:t></w:r>"
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r></w:p>'
    + "<w:tbl><w:tr><w:tc>"
    + w_paragraph("Stadt")
    + "</w:tc><w:tc>"
    + w_paragraph("Festnahmen")
    + "</w:tc></w:tr><w:tr><w:tc>"
    + w_paragraph("Almaty")
    + "</w:tc><w:tc>"
    + w_paragraph("2300")
    + "</w:tc></w:tr></w:tbl>"
    + "<w:p><w:r><w:t>Mit Textfeld</w:t></w:r><w:r><mc:AlternateContent xmlns:mc='urn:mc'><mc:Choice>"
    + "<w:drawing><w:txbxContent>"
    + w_paragraph("Im Kasten")
    + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
    + w_paragraph("Im Kasten")
    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)
GERMAN_PARTS = {
    "word/header1.xml": header("Agenturmeldung – nur intern"),
    "word/footer1.xml": header("Seite 1", "ftr"),
    "word/footnotes.xml": note_part(
        "footnotes", "footnote", ["OVKS: Organisation des Vertrags über kollektive Sicherheit."]
    ),
    "word/comments.xml": note_part("comments", "comment", ["Bitte CSTO prüfen"]),
}


def test_paragraphs_tables_notes_and_comments_one_line_each() -> None:
    doc = docx.read("meldung.de.docx", docx_bytes(GERMAN_BODY, parts=GERMAN_PARTS, language="de-DE"))
    assert doc.lang == "de-DE"
    assert doc.metadata["file-date"] == "2022-01-19"
    assert doc.text.split("\n") == [
        "Unruhen in Kasachstan",
        "Mittwoch, 19. Januar",
        "",
        "Die OVKS-Truppen sind da.\tSpalte\u2028Zeile7",
        "Stadt",
        "Festnahmen",
        "Almaty",
        "2300",
        "Mit Textfeld",
        "Im Kasten",
        "Agenturmeldung – nur intern",
        "Seite 1",
        "OVKS: Organisation des Vertrags über kollektive Sicherheit.",
        "Bitte CSTO prüfen",
    ]
    assert [s.kind for s in doc.segments] == [
        *("heading", "paragraph", "paragraph"),
        *("table", "table", "table", "table"),
        *("paragraph", "paragraph", "header", "footer", "footnote", "comment"),
    ]
    for seg in doc.segments:
        assert doc.text[seg.span.start : seg.span.end] == seg.text


def test_positions_are_paragraph_and_character_in_every_format(tmp_path: Path) -> None:
    # "CTSO" split over two runs with different formatting, in the third paragraph
    body = (
        w_paragraph("Wednesday, January 19")
        + w_paragraph("Troops arrived.")
        + '<w:p><w:r><w:t xml:space="preserve">Russia sent </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>CT</w:t></w:r>'
        + '<w:r><w:t>SO</w:t></w:r><w:r><w:t xml:space="preserve"> troops.</w:t></w:r></w:p>'
    )
    path = tmp_path / "news.en.docx"
    path.write_bytes(docx_bytes(body))
    runner = CliRunner()
    common = [str(path), "--select", "TC101", "--no-cache", "-q"]
    text = runner.invoke(main, ["check", *common])
    assert f"{path}:3:13: TC101" in text.output
    data = json.loads(runner.invoke(main, ["check", *common, "--format", "json"]).output)
    (found,) = data["findings"]
    assert (found["line"], found["column"], found["end_line"], found["end_column"]) == (3, 13, 3, 17)
    sarif = json.loads(runner.invoke(main, ["check", *common, "--format", "sarif"]).output)
    (result,) = sarif["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 13, "endLine": 3, "endColumn": 17}  # no byte offsets
    assert "fixes" not in result  # a text replacement cannot be applied to a zip archive


def test_core_date_dates_the_document(tmp_path: Path) -> None:
    body = w_paragraph("Police said earlier on Thursday that shots were fired.")
    (tmp_path / "a.en.docx").write_bytes(docx_bytes(body, created="2022-01-19T08:00:00Z"))
    (tmp_path / "b.en.docx").write_bytes(docx_bytes(body, created=None))
    result = run_paths([tmp_path / "a.en.docx", tmp_path / "b.en.docx"], select="TC202", target_lang="en")
    assert [(f["path"].rsplit("/", 1)[-1], f["line"], f["column"]) for f in findings(result)] == [
        ("a.en.docx", 1, 24)
    ]


def test_the_texts_dateline_wins_over_the_files_date(tmp_path: Path) -> None:
    # made on Thursday from a template, the piece is dated Wednesday in its text
    body = w_paragraph("Wednesday, January 19") + w_paragraph(
        "Police said earlier on Thursday that shots were fired."
    )
    (tmp_path / "c.en.docx").write_bytes(docx_bytes(body, created="2022-01-20T07:00:00Z"))
    (found,) = findings(run_paths([tmp_path / "c.en.docx"], select="TC202", target_lang="en"))
    assert (found["line"], found["column"]) == (2, 24) and "Wednesday, January 19" in found["message"]


def test_language_from_styles_japanese_and_arabic_rtl() -> None:
    styles = (
        f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="ja-JP" w:eastAsia="ja-JP"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults></w:styles>"
    )
    doc = docx.read(
        "a.docx",
        docx_bytes(w_paragraph("東京で会議が開かれた。"), parts={"word/styles.xml": styles}, language=None),
    )
    assert doc.lang == "ja-JP" and doc.segments[0].text == "東京で会議が開かれた。"
    arabic = "<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>اعتقال 2300 شخص في ألماتي</w:t></w:r></w:p>"
    doc = docx.read("b.docx", docx_bytes(arabic, language="ar-SA"))
    assert doc.lang == "ar-SA" and doc.text == "اعتقال 2300 شخص في ألماتي"


def test_translation_pairs_with_its_original(tmp_path: Path) -> None:
    (tmp_path / "artikkel.en.docx").write_bytes(
        docx_bytes(w_paragraph("Police arrested 2300 people in Almaty."))
    )
    (tmp_path / "artikkel.nb.docx").write_bytes(
        docx_bytes(w_paragraph("Politiet arresterte 2400 personer i Almaty."), language="nb-NO")
    )
    result = run_paths([tmp_path], select="TC301", source_lang="en")
    assert result.pairing == {"nb": {"paired": 1, "unpaired": []}}
    (found,) = findings(result, "TC301")
    assert found["path"].endswith("artikkel.nb.docx") and (found["line"], found["column"]) == (1, 21)


def test_seed_as_docx_gives_the_text_findings(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "seed.en.txt").write_text(text, encoding="utf-8")
    (tmp_path / "seed.en.docx").write_bytes(docx_article(paragraphs(text)))
    as_text = run_paths([tmp_path / "seed.en.txt"], source_lang="nb", default_glossaries=True)
    as_docx = run_paths([tmp_path / "seed.en.docx"], source_lang="nb", default_glossaries=True)
    expected = placed(as_text, read(tmp_path / "seed.en.txt"))
    assert len(expected) >= 10 and {"TC101", "TC202", "TC205", "TC302"} <= {c for c, _, _ in expected}
    assert placed(as_docx, read(tmp_path / "seed.en.docx")) == expected


def _tc001(tmp_path: Path, data: bytes, name: str = "bad.docx") -> str:
    (tmp_path / name).write_bytes(data)
    (found,) = findings(run_paths([tmp_path / name]), "TC001")
    return str(found["message"])


def _zip(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_not_a_zip_and_password_protected(tmp_path: Path) -> None:
    assert "not a Word document (not a valid zip archive" in _tc001(tmp_path, b"Dette er ren tekst.")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert "password-protected" in _tc001(tmp_path, ole)
    assert "no word/document.xml" in _tc001(tmp_path, _zip({"xl/workbook.xml": "<workbook/>"}))


def test_zip_bomb_and_oversized_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = docx_bytes(w_paragraph("x" * 3 * 2**20))  # 3 MiB of one letter packs into a few KiB
    assert "compressed" in _tc001(tmp_path, bomb) and "refused" in _tc001(tmp_path, bomb)
    monkeypatch.setattr(docx, "MAX_PART", 2000)
    message = _tc001(tmp_path, docx_bytes(w_paragraph("Ein ganz normaler Absatz. " * 100)), "big.docx")
    assert "word/document.xml in the archive is" in message and "refused" in message
    monkeypatch.setattr(docx, "MAX_MEMBERS", 3)
    assert "members (over 3)" in _tc001(tmp_path, docx_bytes(w_paragraph("Hei")), "many.docx")


def test_encrypted_member_and_corrupt_data(tmp_path: Path) -> None:
    flagged = bytearray(docx_bytes(w_paragraph("Bonjour")))
    at = 0
    while (at := flagged.find(b"PK\x01\x02", at)) >= 0:  # set the "encrypted" bit of every member
        flagged[at + 8] |= 0x1
        at += 4
    assert "is encrypted; refused" in _tc001(tmp_path, bytes(flagged), "enc.docx")
    content = _zip(
        {
            "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{w_paragraph("Bonjour " * 50)}</w:body></w:document>'
        }
    )
    broken = bytearray(content)
    start = broken.find(b"word/document.xml") + len("word/document.xml")
    broken[start + 10 : start + 30] = bytes(20)  # damage the compressed stream
    assert "cannot be read" in _tc001(tmp_path, bytes(broken), "crc.docx")


def test_hostile_and_malformed_xml(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    message = _tc001(tmp_path, _zip({"word/document.xml": laughs}))
    assert "word/document.xml in the archive" in message and "entity" in message
    message = _tc001(tmp_path, _zip({"word/document.xml": "<w:document><w:body><w:p>"}), "cut.docx")
    assert "not well-formed XML" in message


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    (tmp_path / "tom.docx").write_bytes(b"")
    assert findings(run_paths([tmp_path / "tom.docx"]), "TC001") == []


def test_directories_are_searched_for_pages_and_documents(tmp_path: Path) -> None:
    (tmp_path / "side.htm").write_text("<p>Police held 2300 people and 1,000 more.</p>", encoding="utf-8")
    (tmp_path / "notat.docx").write_bytes(docx_bytes(w_paragraph("Police held 2300 people and 1,000 more.")))
    result = run_paths([tmp_path], select="TC302", target_lang="en")
    assert result.files_checked == 2
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in findings(result)) == ["notat.docx", "side.htm"]
