"""Markdown reader on MDX and Docusaurus pages: ESM, JSX, expressions, admonitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.formats import markdown
from tcheck.model import Document

MARKUP = Path(__file__).resolve().parent / "fixtures" / "markup"


def read(name: str, text: str | None = None) -> Document:
    body = (MARKUP / name).read_text(encoding="utf-8") if text is None else text
    return markdown.read(name, body)


def prose(doc: Document, kind: str | None = None) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.segments if kind is None or s.kind == kind]


def test_mdx_page_reads_only_prose() -> None:
    doc = read("docusaurus_de.mdx")
    assert [(s.kind, " ".join(s.text.split())) for s in doc.segments] == [
        ("front-matter", "Helm installieren"),
        ("front-matter", "Wie man Helm auf Ihrem Rechner installiert."),
        ("heading", "Voraussetzungen"),
        ("paragraph", "Installieren Sie das Paket mit Helm 3 über die Kommandozeile."),
        ("paragraph", "Helm 2 wird nicht mehr unterstützt."),
        ("admonition", "Wichtiger Hinweis"),
        ("paragraph", "Der Inhalt des Hinweises ist normaler Text."),
        ("admonition", "Guter Rat"),
        ("paragraph", "Verwenden Sie , um ein Repository hinzuzufügen."),
        ("paragraph", "Sichern Sie Ihre Daten vor dem Upgrade."),
        ("paragraph", "Die Version ist und der Rest bleibt Text."),
        ("paragraph", "Grün hervorgehoben und danach."),
    ]


def test_esm_jsx_attributes_and_expressions_are_markup() -> None:
    text = " ".join(prose(read("docusaurus_de.mdx")))
    for markup in (
        "import",
        "export",
        "@theme",
        "Voraussetzungen',",
        "paketmanager",
        "TabItem",
        "label",
        "InstallExampleGo",
        "props",
        "Kommentar",
        "#25c2a0",
        "items",
        ":::",
        "note",
        "tip",
    ):
        assert markup not in text, markup


def test_jsx_children_are_prose_on_their_line() -> None:
    doc = read("docusaurus_de.mdx")
    seg = next(s for s in doc.segments if "Helm 2 wird" in s.text)
    line = doc.text.count("\n", 0, seg.span.start) + 1
    assert line == 21
    assert doc.text[seg.span.start - 1] == ">"  # right after <TabItem ... label="Helm 2">


def test_mdx_comment_anchor_in_a_heading() -> None:
    doc = read("x.mdx", "## 前提条件 {/* #prerequisites */}\n\n### Передумови {/* #prerequisites */}\n")
    assert prose(doc) == ["前提条件", "Передумови"]


def test_indentation_is_not_code_in_mdx() -> None:
    body = '<Tabs>\n  <TabItem value="a">\n\n      Texte indenté dans un onglet.\n\n  </TabItem>\n</Tabs>\n'
    assert prose(read("x.mdx", body)) == ["Texte indenté dans un onglet."]
    assert prose(read("x.md", body)) == []  # CommonMark: an indented code block


def test_expressions_in_markdown_files_stay_prose() -> None:
    doc = read("docusaurus_fr.md")
    assert [(s.kind, " ".join(s.text.split())) for s in doc.segments] == [
        ("front-matter", "Guide de démarrage"),
        ("heading", "Importer les clés"),
        (
            "paragraph",
            "import des clés publiques : cette phrase commence par le mot import et reste du texte.",
        ),
        ("paragraph", "Voici une expression {entre accolades} qui reste du texte dans un fichier Markdown."),
        ("heading", "Prérequis"),
        ("paragraph", "Le composant mis en évidence garde son texte."),
    ]
    same = read("docusaurus_fr.mdx", (MARKUP / "docusaurus_fr.md").read_text(encoding="utf-8"))
    assert "Voici une expression qui reste du texte dans un fichier Markdown." in prose(same)


@pytest.mark.parametrize(
    ("line", "is_markup"),
    [
        ("import DocCardList from '@theme/DocCardList';", True),
        ('import Helm4 from "/docs/_v4-in-progress.mdx"', True),
        ("import {Tabs, TabItem} from '@theme/Tabs';", True),
        ("export const version = '3.14';", True),
        ("export default function Layout() {}", True),
        ("import the keys one time and store them safely.", False),
        ("export your charts before the upgrade.", False),
    ],
)
def test_esm_lines_in_markdown_files(line: str, is_markup: bool) -> None:
    doc = read("x.md", line + "\n\nDer Text danach.\n")
    assert prose(doc) == (["Der Text danach."] if is_markup else [line, "Der Text danach."])


def test_esm_only_at_the_top_level() -> None:
    doc = read("x.mdx", "- import des données\n\n> export vers le cloud\n")
    assert prose(doc) == ["import des données", "export vers le cloud"]


def test_multi_line_jsx_tag_does_not_start_a_quote() -> None:
    doc = read("x.mdx", '<Admonition\n  type="note"\n  title="Achtung"\n>\n\nDer Inhalt.\n\n</Admonition>\n')
    assert prose(doc) == ["Der Inhalt."]


def test_a_lone_angle_bracket_is_prose() -> None:
    doc = read("x.mdx", "Wenn a < b gilt, ist a kleiner.\n")
    assert prose(doc) == ["Wenn a < b gilt, ist a kleiner."]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (":::note Wichtiger Hinweis\nText im Hinweis.\n:::\n", ["Wichtiger Hinweis", "Text im Hinweis."]),
        (":::tip[Guter Rat]\nText.\n:::\n", ["Guter Rat", "Text."]),
        (":::danger\n\nNicht löschen.\n\n:::\n", ["Nicht löschen."]),
        (":::: info Außen\n::: caution Innen\nTief.\n:::\n::::\n", ["Außen", "Innen", "Tief."]),
    ],
)
def test_admonitions(source: str, expected: list[str]) -> None:
    doc = read("x.md", source)
    assert prose(doc) == expected
    assert all(":" not in s.text for s in doc.segments)


def test_admonition_title_has_its_kind_and_place() -> None:
    doc = read("x.md", "Einleitung.\n\n:::note Wichtiger Hinweis\nText.\n:::\n")
    title = next(s for s in doc.segments if s.kind == "admonition")
    assert doc.text[title.span.start : title.span.end] == "Wichtiger Hinweis"


def test_scanning_is_bounded_by_a_budget() -> None:
    from tcheck.formats.inline_marks import Budget
    from tcheck.formats.mdx import scan_braces

    text = "{a: {b: '}'}} Rest"
    assert scan_braces(text, 0, len(text), Budget(100)) == 13
    assert scan_braces(text, 0, len(text), Budget(0)) is None  # spent: read as text
    budget = Budget(1_000)
    assert scan_braces("{ offen " * 10, 0, 80, budget) is None
    assert budget.left == 1_000 - 80  # what a failed search looked at is spent


def test_unclosed_braces_everywhere_are_text() -> None:
    doc = read("x.mdx", "{ offen\n" * 2_000 + "\nEnde.\n")
    assert prose(doc)[-1] == "Ende."
    assert prose(doc)[0].startswith("{ offen { offen")
