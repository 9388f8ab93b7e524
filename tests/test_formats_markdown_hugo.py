"""Markdown reader on Hugo pages: front matter, heading attributes, shortcodes, template actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.formats import markdown, read_document, read_documents
from tcheck.model import Document

MARKUP = Path(__file__).resolve().parent / "fixtures" / "markup"


def read(name: str, text: str | None = None, **options: object) -> Document:
    body = (MARKUP / name).read_text(encoding="utf-8") if text is None else text
    return markdown.read(name, body, **options)  # type: ignore[arg-type]


def prose(doc: Document, kind: str | None = None) -> list[str]:
    """Each segment's prose with its blanked markup squeezed, optionally of one kind."""
    return [" ".join(s.text.split()) for s in doc.segments if kind is None or s.kind == kind]


def line_of(doc: Document, text: str) -> int:
    seg = next(s for s in doc.segments if " ".join(s.text.split()) == text)
    return doc.text.count("\n", 0, seg.span.start) + 1


def test_yaml_front_matter_values_are_prose_at_their_lines() -> None:
    doc = read("hugo_ja.md")
    assert prose(doc, "front-matter") == [
        "クラウドネイティブ技術",
        "技術",
        "クラウドネイティブ技術の概要と その利点について説明します。",
        "コンテナと 'マイクロサービス '",  # '' escapes: the first quote of each pair is markup
    ]
    assert [line_of(doc, t) for t in prose(doc, "front-matter")] == [2, 3, 5, 7]
    first = doc.segments[0]
    assert doc.text[first.span.start - 1] == '"' and doc.text[first.span.end] == '"'


def test_front_matter_metadata_is_kept() -> None:
    doc = read("hugo_ja.md")
    assert doc.metadata["date"] == "2023-05-01"
    assert doc.metadata["draft"] == "false"
    assert doc.metadata["summary"] == "コンテナと'マイクロサービス'"
    assert doc.metadata["title"] == "クラウドネイティブ技術"


def test_nested_and_untranslatable_keys_are_not_prose() -> None:
    doc = read("hugo_ja.md")
    text = " ".join(prose(doc))
    assert "メニュー" not in text  # menu.main.title is not a top-level key
    assert "cloud" not in text and "2023" not in text


def test_toml_front_matter_before_the_first_table() -> None:
    doc = read("hugo_zh.md")
    assert prose(doc, "front-matter") == ["服务网格", "服务网格是一种 基础设施层。", "网格"]
    assert "不是顶层键" not in " ".join(prose(doc))  # [params] summary
    assert doc.metadata["weight"] == "20"
    assert doc.metadata["date"] == "2022-11-03"


def test_prose_keys_are_configurable() -> None:
    default = read("docusaurus_de.mdx")
    assert "Installation" not in prose(default, "front-matter")
    doc = read("docusaurus_de.mdx", prose_keys=["title", "sidebar_label"])
    assert prose(doc, "front-matter") == ["Helm installieren", "Installation"]


def test_prose_keys_reach_the_reader_through_options(tmp_path: Path) -> None:
    path = tmp_path / "seite.md"
    path.write_text("---\ntitle: Seite\nsidebar_label: Seitenleiste\n---\nText.\n", encoding="utf-8")
    [doc] = read_documents(str(path), options={"prose-keys": ["sidebar_label"]})
    assert prose(doc, "front-matter") == ["Seitenleiste"]
    assert prose(read_document(str(path)), "front-matter") == ["Seite"]


def test_quoted_values_and_escapes() -> None:
    doc = markdown.read(
        "x.md", "---\ntitle: \"Sag \\\"Hallo\\\" zur Welt\"\nsummary: 'l''été arrive'\n---\nText.\n"
    )
    assert prose(doc, "front-matter") == ['Sag "Hallo " zur Welt', "l 'été arrive"]
    assert doc.metadata["title"] == 'Sag "Hallo" zur Welt'
    assert doc.metadata["summary"] == "l'été arrive"


def test_heading_attributes_are_markup() -> None:
    doc = read("hugo_ja.md")
    assert prose(doc, "heading") == ["次のステップ", "概要", "利点"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## Nächste Schritte {#next-steps}", "Nächste Schritte"),
        ("## Unterstützung ab v3.8.0 {#oci-support-prior-to-v3.8.0}", "Unterstützung ab v3.8.0"),
        ("## Mengen {a, b} in der Mathematik", "Mengen {a, b} in der Mathematik"),
        ("## {#id} Titel am Ende", "{#id} Titel am Ende"),
    ],
)
def test_only_a_closing_attribute_list_is_markup(heading: str, expected: str) -> None:
    assert prose(markdown.read("x.md", heading + "\n"), "heading") == [expected]


def test_block_attributes_on_their_own_line() -> None:
    doc = markdown.read("x.md", "{.warning}\nUn paragraphe avec une classe.\n\nUne suite\n{.note}\n")
    assert prose(doc) == ["Un paragraphe avec une classe.", "Une suite"]


def test_shortcodes_and_template_actions_are_markup() -> None:
    doc = read("hugo_ja.md")
    assert prose(doc, "paragraph") == [
        "この機能はまだ実験段階です。",  # between {{% alert %}} and {{% /alert %}}
        "詳しくは チャートガイド を参照してください。",
        "現在のサイトは です。",
        "テンプレートの説明です。",
        "本文は の使い方を示します。",
    ]
    text = " ".join(prose(doc))
    for markup in ("{{", "}}", "{%", "figure", "クラウドの図", "注意", "インストール", "ref", "charts.md"):
        assert markup not in text


def test_code_shortcode_is_a_code_block() -> None:
    doc = read("hugo_ja.md")
    assert "これは見出しではありません" not in " ".join(prose(doc))
    assert len(prose(doc, "heading")) == 3


def test_link_to_a_shortcode_keeps_its_text() -> None:
    doc = markdown.read("x.md", 'Siehe [die Anleitung]({{< ref "guide.md" >}}#start) hier.\n')
    assert prose(doc) == ["Siehe die Anleitung hier."]
    doc = markdown.read("x.md", "Ein Satz mit [Klammern] (ohne Link).\n")
    assert prose(doc) == ["Ein Satz mit [Klammern] (ohne Link)."]


def test_an_unclosed_action_is_prose() -> None:
    doc = markdown.read("x.md", "Die Vorlage {{ .Title beginnt hier.\n\nUnd {{ endet }} dort.\n")
    assert prose(doc) == ["Die Vorlage {{ .Title beginnt hier.", "Und dort."]


def test_prose_keys_from_the_configuration(tmp_path: Path) -> None:
    from tcheck.config import resolve
    from tcheck.errors import UsageError
    from tcheck.loader import reader_options

    page = tmp_path / "seite.md"
    page.write_text("---\ntitle: Seite\nsidebar_label: Seitenleiste\n---\nText.\n", encoding="utf-8")
    (tmp_path / "tcheck.toml").write_text('[options.markdown]\nprose-keys = ["sidebar_label"]\n')
    [doc] = read_documents(str(page), options=reader_options(resolve({}, None, tmp_path)))
    assert prose(doc, "front-matter") == ["Seitenleiste"]
    (tmp_path / "tcheck.toml").write_text('[options.markdown]\nprose-keys = "title"\n')
    with pytest.raises(UsageError, match="prose-keys must be a list"):
        read_documents(str(page), options=reader_options(resolve({}, None, tmp_path)))


def test_inline_markup_in_front_matter_values() -> None:
    doc = markdown.read(
        "x.md",
        '---\ntitle: "Die `.helmignore`-Datei"\ndescription: Siehe [die Doku](https://helm.sh) und **mehr**\n---\n',
    )
    assert prose(doc, "front-matter") == ["Die -Datei", "Siehe die Doku und mehr"]
    assert doc.metadata["title"] == "Die `.helmignore`-Datei"


def test_only_front_matter() -> None:
    doc = markdown.read("x.md", "---\ntitle: Nur ein Titel\n---\n")
    assert prose(doc) == ["Nur ein Titel"]
    assert markdown.read("x.md", "---\n---\n").segments == ()
