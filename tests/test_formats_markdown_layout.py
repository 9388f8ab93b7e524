"""One parse per page: the reader keeps its block structure, the markup checks read it."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from tcheck.formats import markdown, markdown_parser
from tcheck.formats.markdown_parser import Layout
from tcheck.markup.markdown import page_of, read_page
from tcheck.model import Document

MARKUP = Path(__file__).resolve().parent / "fixtures" / "markup"
FIXTURES = sorted(p.name for p in MARKUP.iterdir())

PAGE_DE = """---
title: Diagramme installieren
---

# Diagramme installieren {#install-charts}

Führen Sie `helm install` aus, siehe [Schnellstart](/de/docs/intro/quickstart/).

| Befehl | Zweck |
|---|---|
| `helm list` | Releases auflisten |

```console
$ helm install mein-release ./chart
```

{{< note >}}Das Repository muss erreichbar sein.{{< /note >}}
"""


class _NoParse:
    """A parser stand-in that fails the test when a page is parsed again."""

    def parse(self, *args: object, **kwargs: object) -> list[object]:
        raise AssertionError("the page was parsed a second time")


@pytest.mark.parametrize("name", FIXTURES)
def test_markup_from_the_readers_parse_equals_a_fresh_parse(name: str) -> None:
    text = (MARKUP / name).read_text(encoding="utf-8")
    doc = markdown.read(name, text)
    assert isinstance(doc.layout, Layout)
    assert page_of(doc) == read_page(text, name.endswith(".mdx"))


def test_read_page_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = markdown.read("install.de.md", PAGE_DE)
    monkeypatch.setattr("tcheck.markup.markdown.parser", lambda mdx: _NoParse())
    page = page_of(doc)
    assert [m.key for m in page.of_kind("code")] == ["helminstall", "helmlist"]
    assert "install-charts" in page.anchors
    # a copy for another language (as the loader makes for a source) shares the same markup
    assert page_of(dataclasses.replace(doc, lang="de")) is page


def test_a_document_without_a_layout_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = markdown.read("install.de.md", PAGE_DE)
    bare = dataclasses.replace(doc, layout=None)
    assert page_of(bare) == page_of(doc)
    monkeypatch.setattr("tcheck.markup.markdown.parser", lambda mdx: _NoParse())
    with pytest.raises(AssertionError, match="parsed a second time"):
        page_of(dataclasses.replace(bare, text=PAGE_DE + "\nNoch ein Absatz.\n"))


def test_other_text_attributes_give_their_own_page() -> None:
    text = '# 安装\n\n<Tabs groupId="os" label="系统">内容</Tabs>\n'
    doc = markdown.read("install.zh.mdx", text)
    default = page_of(doc)
    strict = page_of(doc, text_attributes=())
    assert next(m.key for m in default.of_kind("tag")) == "<Tabs groupId=os>"
    assert next(m.key for m in strict.of_kind("tag")) == "<Tabs groupId=os label=系统>"


def test_pickled_layout_drops_what_was_derived() -> None:
    import tcheck.pipeline.executor  # noqa: F401  (teaches pickle the documents' read-only maps)

    doc = markdown.read("install.ar.md", "# التثبيت\n\nشغّل `helm install` أولاً.\n")
    page_of(doc)
    assert isinstance(doc.layout, Layout) and doc.layout.memo
    copy = pickle.loads(pickle.dumps(doc))
    assert isinstance(copy.layout, Layout)
    assert copy.layout.memo == {} and copy.layout == doc.layout
    assert page_of(copy) == page_of(doc)


def test_layout_of_tokens_names_text_code_and_front_matter() -> None:
    md = markdown_parser.parser(False)
    found = markdown_parser.layout(md.parse(PAGE_DE), False)
    assert (0, 3) in found.apart  # the front matter
    assert [c[2] for c in found.code] == ["console"]
    assert [kind for _, _, kind in found.text][:2] == ["heading", "paragraph"]
    assert "table" in {kind for _, _, kind in found.text}


def test_plain_documents_have_no_layout() -> None:
    assert Document("a.txt", "Hei", "nb", ()).layout is None
