"""Markdown reader: HTML, links, code, emphasis, tables, definition lists, footnotes, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.formats import markdown
from tcheck.model import Document

MARKUP = Path(__file__).resolve().parent / "fixtures" / "markup"
FIXTURES = sorted(p.name for p in MARKUP.iterdir())


def read(name: str, text: str | None = None) -> Document:
    body = (MARKUP / name).read_text(encoding="utf-8") if text is None else text
    return markdown.read(name, body)


def prose(doc: Document, kind: str | None = None) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.segments if kind is None or s.kind == kind]


@pytest.mark.parametrize("name", FIXTURES)
def test_segments_are_the_file_text_with_markup_blanked(name: str) -> None:
    doc = read(name)
    assert doc.segments
    for seg in doc.segments:
        original = doc.text[seg.span.start : seg.span.end]
        assert len(original) == len(seg.text)
        assert seg.text == seg.text.strip()
        for mine, theirs in zip(seg.text, original, strict=True):
            assert mine == theirs or (mine == " " and theirs != "\n")


@pytest.mark.parametrize("name", FIXTURES)
def test_crlf_files_read_like_lf_files(name: str) -> None:
    lf = read(name)
    crlf = read(name, lf.text.replace("\n", "\r\n"))
    assert prose(crlf) == prose(lf)
    for seg in crlf.segments:
        assert crlf.text[seg.span.start] == seg.text[0]
        assert "\r" not in seg.text


def test_html_links_images_and_code_in_an_arabic_page() -> None:
    doc = read("html_ar.md")
    assert [(s.kind, " ".join(s.text.split())) for s in doc.segments] == [
        ("front-matter", "دليل التثبيت"),
        ("heading", "دليل التثبيت"),
        ("paragraph", "اضغط + للخروج من البرنامج. ثم أعد التشغيل مرة أخرى."),
        ("paragraph", "راجع الوثائق الرسمية أو أو للمزيد."),
        ("paragraph", "راسلنا على أو استخدم مع هنا."),
        ("paragraph", "نص مائل و عريض و محذوف و snake_case_name و *نجمة *."),
    ]
    text = " ".join(prose(doc))
    for markup in (
        "Ctrl",
        "nbsp",
        "br",
        "تعليق",
        "نص داخل كتلة",
        "helm.sh",
        "example",
        "العنوان",
        "support@",
        "helm install",
        "صورة الشاشة",
        "screen.png",
        "مثال",
        "indented",
        "الوثائق]",
    ):
        assert markup not in text, markup


def test_kbd_and_code_elements_hold_no_prose() -> None:
    doc = read("x.md", "Drücken Sie <kbd>Strg</kbd> und <code>helm lint</code>, dann <b>fett</b>.\n")
    assert prose(doc) == ["Drücken Sie und , dann fett ."]


def test_emphasis_markers_but_not_underscores_inside_words() -> None:
    doc = read("x.md", "Le *mot* __fort__ et my_var_name et 2 * 3 * 4 et ~~barré~~.\n")
    assert prose(doc) == ["Le mot fort et my_var_name et 2 * 3 * 4 et barré ."]


def test_link_text_is_prose_and_targets_are_not() -> None:
    doc = read(
        "x.md",
        'Voir [la doc](https://helm.sh "Titre"), [le guide][g], [court] et <https://a.example>.\n\n'
        "[g]: https://helm.sh/guide\n[court]: /court\n",
    )
    assert prose(doc) == ["Voir la doc , le guide , court et ."]


def test_image_alt_text_is_not_prose() -> None:
    doc = read("x.md", "Avant ![Capture de l'écran d'accueil](accueil.png) après.\n")
    assert prose(doc) == ["Avant après."]


def test_tables_give_one_segment_per_cell() -> None:
    doc = read("tables_he.md")
    assert prose(doc, "table") == [
        "פקודה",
        "תיאור",
        "מתקין חבילה חדשה",
        "משדרג גרסה קיימת",
        "תא ריק מימין",
        "ציטוט",
        "טבלה",
        "שורה",
        "בתוך ציטוט",
    ]
    cell = next(s for s in doc.segments if s.text == "בתוך ציטוט")
    assert doc.text[cell.span.start - 2 : cell.span.end + 2] == "| בתוך ציטוט |"
    assert not any(set(s.text) <= set("|-: ") for s in doc.segments)


def test_table_cells_with_escaped_pipes_and_code() -> None:
    doc = read("hugo_zh.md")
    assert prose(doc, "table") == [
        "术语",
        "说明",
        "Pod",
        "最小的部署单元",
        "命令行工具，见 文档",
        "管道 | 符号",
        "转义的竖线",
    ]


def test_definition_lists_and_footnotes() -> None:
    doc = read("hugo_zh.md")
    assert prose(doc, "term") == ["服务网格", "边车代理"]
    assert prose(doc, "definition") == ["服务网格管理服务之间的通信。", "与应用一起部署的代理。"]
    assert prose(doc, "footnote") == ["脚注的正文内容。"]
    assert prose(doc, "paragraph") == ["这是一个带有脚注的句子 ，另一个引用 。"]  # [^note] has no definition


def test_footnotes_in_lists_keep_document_order() -> None:
    doc = read("tables_he.md")
    assert [s.kind for s in doc.segments][-2:] == ["list_item", "footnote"]
    assert [s.span.start for s in doc.segments] == sorted(s.span.start for s in doc.segments)


def test_sentences_split_inside_a_masked_paragraph() -> None:
    doc = read("x.md", "Erster Satz mit `code`. Zweiter Satz mit [Link](https://x.example).\n")
    assert [t for _, _, t in doc.segments[0].sentence_texts()] == [
        "Erster Satz mit       .",
        "Zweiter Satz mit  Link                    .",
    ]


_PIECES = st.sampled_from(
    [
        "#",
        "## ",
        "{#id}",
        "{",
        "}",
        "{{<",
        ">}}",
        "{{%",
        "%}}",
        "{%",
        "%}",
        "{/*",
        "*/}",
        "<",
        ">",
        "</",
        "<Tabs x={1}>",
        "</Tabs>",
        "<kbd>",
        "</kbd>",
        "<!--",
        "-->",
        ":::",
        ":::note ",
        "|",
        "---",
        "+++",
        "\n",
        "\n\n",
        "  ",
        "    ",
        "\t",
        "> ",
        "- ",
        "1. ",
        "*",
        "_",
        "~~",
        "`",
        "```",
        "[",
        "]",
        "(",
        ")",
        "![",
        "[^1]",
        "[^1]: ",
        ": ",
        "\\",
        "&nbsp;",
        "import x from 'y'",
        "export const a = 1",
        "title: ",
        "\r\n",
        "日本語",
        "Text",
        "مرحبا",
        "é",
        "https://a.example",
        "a@b.example",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from(["x.md", "x.mdx"]))
def test_any_input_keeps_exact_offsets(pieces: list[str], name: str) -> None:
    text = "".join(pieces)
    doc = markdown.read(name, text)
    for seg in doc.segments:
        original = text[seg.span.start : seg.span.end]
        assert len(original) == len(seg.text) and seg.text.strip() == seg.text
        assert all(
            mine == theirs or (mine == " " and theirs != "\n")
            for mine, theirs in zip(seg.text, original, strict=True)
        )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Führen Sie helm install <release_name> aus.", "Führen Sie helm install aus."),
        ("Это <имя_репозитория>/<имя_чарта>, если чарт не загружен.", "Это / , если чарт не загружен."),
        ("Wenn a <b gilt.", "Wenn a <b gilt."),
    ],
)
def test_angle_bracket_placeholders_in_any_script_are_markup(line: str, expected: str) -> None:
    assert prose(read("x.md", line + "\n")) == [expected]
