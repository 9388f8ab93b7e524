"""The fast Markdown reader (pyromark's events) reads a page exactly as markdown-it does, or
leaves it to markdown-it: the pages here are read both ways and compared field by field."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.formats import markdown, markdown_fast, markdown_fast_pieces
from tcheck.formats.frontmatter import DEFAULT_PROSE_KEYS
from tcheck.formats.markdown_parser import Layout
from tcheck.model import Document

needs_pyromark = pytest.mark.skipif(
    not markdown_fast.available(), reason="pyromark is not installed: every page goes to markdown-it"
)

HARD_BREAK = "  "  # two spaces at the end of a line
GERMAN = """---
title: "Helm installieren"
description: Wie man Helm **schnell** installiert
weight: 20
---

# Helm installieren {#installing-helm}

Diese Anleitung zeigt, wie man die Helm-CLI installiert. Helm kann entweder aus dem Quellcode
oder aus vorgefertigten Binärversionen installiert werden – siehe https://helm.sh/de/docs/ oder
schreiben Sie an helm-maintainers@example.org.

## Aus dem Binärrelease

1. Laden Sie die [gewünschte Version](https://github.com/helm/helm/releases "Releases") herunter
2. Entpacken Sie sie (`tar -zxvf helm-v3.0.0-linux-amd64.tar.gz`)
3. Drücken Sie <kbd>Strg</kbd>+<kbd>C</kbd>, um abzubrechen&nbsp;– fertig!
4. Klicken Sie <Highlight color="#25c2a0">hier</Highlight> (HTML und JSX lesen es gleich).

> **Hinweis:** Die Binärdatei `helm` muss im `$PATH` liegen.
> Sonst findet die Shell sie nicht.

| Befehl | Beschreibung |
|--------|--------------|
| `helm install` | Installiert ein Chart |
| `helm list`    | Zeigt *alle* Releases \\| auch fehlgeschlagene |

```console
$ helm version
version.BuildInfo{Version:"v3.2.1"}
```

    indented code block

Ein Bild: ![Helm-Logo](/img/helm.png) und ein Zeilenumbruch{HARD_BREAK}
am Ende der Zeile. Pfad: C:\\Programme\\helm, Escape: \\*kein Stern\\*.
""".replace("{HARD_BREAK}", HARD_BREAK)

JAPANESE = """+++
title = "クイックスタートガイド"
+++

クイックスタート
================

　このガイドでは、Helm をすばやく使い始める方法を説明します。
**前提条件**を確認してから、`helm repo add` を実行してください。

- Kubernetes クラスター
- ローカルに設定された `kubectl`
  - ネストされた項目：[公式ドキュメント](https://kubernetes.io/ja/docs/)

* * *

<!-- tcheck-disable TC401 -->
詳しくは <a href="https://helm.sh">helm.sh</a> を参照してください。
<!-- tcheck-enable -->
"""

NORWEGIAN = """# Slik oversetter du nettstedet

Helm-dokumentasjonen finnes på flere språk. Hvis du vil bidra, les først
[retningslinjene][guide] og sjekk at språket ditt er støttet.

[guide]: https://helm.sh/docs/community/localization/

1. Lag en gren:

   ```bash
   git checkout -b oversettelse-nb
   ```

2. Oversett filene i `content/nb/`.

   Husk å oppdatere lenkene, for eksempel <https://helm.sh/nb/>.

> Et sitat med _gammel_ og **ny** tekst
> over to linjer.

<div class="note">
Dette er HTML, ikke prosa.
</div>

Siste avsnitt med &copy; 2024 og et tegn: AT&T.
"""

PAGES = {"de/install.md": GERMAN, "ja/quickstart.md": JAPANESE, "nb/oversette.md": NORWEGIAN}

# Each of these needs a plugin of the markdown-it reader: the pre-scan sends it there.
PRE_SCAN = {
    "footnote": "Helm ist ein Paketmanager.[^1]\n\n[^1]: Siehe die Dokumentation.\n",
    "definition list": "Chart\n: Ein Paket von Kubernetes-Ressourcen.\n",
    "admonition": ":::note Hinweis\nDas ist wichtig.\n:::\n",
    "mdx import": "import Tabs from '@theme/Tabs';\n\n# Installation\n",
    "no-break space line end": "Zeile mit geschütztem Leerzeichen\u00a0\nund weiter.\n",
}
# These are seen in pyromark's events: the fast reader gives the page up.
GIVEN_UP = {
    "shortcode": 'Siehe {{< ref "install.md" >}} für Details.\n',
    "template block": "{{% notice tip %}}\nEin Tipp auf Deutsch.\n{{% /notice %}}\n",
    "jsx tag": "Wählen Sie <Tabs.Item>macOS</Tabs.Item> aus.\n",  # a tag only for JSX
    "mdx comment": "## Überschrift {/* #heading-id */}\n",
    "attributes after a link": "[Helm](https://helm.sh){target=_blank} ist toll.\n",
    "double tilde": "Das ist ~~falsch~~ richtig.\n",
    "asterisk and bracket": "Siehe [Abschnitt 5*] und mehr.\n",
    "no link": "Ein Text mit ](Klammern) ohne Link.\n",
    "backslash at the end": "Der Pfad endet mit C:\\\n",
    "unclosed fence": "```bash\nhelm install\n",
}
# Small pages of what the fast reader does read: both readers agree.
TAKEN = {
    "single tilde": "Das ist ~falsch~ richtig, ~ 5 Minuten.\n",  # no strikethrough for markdown-it
    "punctuation beside emphasis": "「**重要**」と書いてあります。**注意**：必ず確認してください。\n",
    "lone asterisks": "5 * 3 = 15, aber 5*3 auch; HELM_*_HOME und (_) sind Text.\n",
    "heading ids": "## Nächste Schritte {#next-steps}\n\n## Version {#support-in-v3.8.0}\n",
    "escaped markup": "Schreiben Sie \\{\\{ nicht \\}\\}, sondern \\`code\\` und \\<b\\>.\n",
    "reference links": 'Lesen Sie [die Anleitung][guide].\n\n[guide]: https://helm.sh/docs/ "Docs"\n',
    "setext heading": "Überschrift über\nzwei Zeilen\n---\n\nText.\n",
}


def both(path: str, text: str) -> tuple[Document, Document]:
    return markdown.read(path, text, fast=False), markdown.read(path, text)


def assert_same(slow: Document, fast: Document) -> None:
    assert [(s.id, s.text, s.span, s.kind, s.sentences) for s in fast.segments] == [
        (s.id, s.text, s.span, s.kind, s.sentences) for s in slow.segments
    ]
    assert fast.layout == slow.layout
    assert fast.metadata == slow.metadata
    assert fast.suppressions == slow.suppressions
    assert fast.lang == slow.lang


def taken(path: str, text: str) -> bool:
    source = text.replace("\r", " ")
    return markdown_fast.may_take(path, source) and (
        markdown._read_fast(path, source, DEFAULT_PROSE_KEYS) is not None
    )


@needs_pyromark
@pytest.mark.parametrize("path", sorted(PAGES))
def test_multilingual_pages_are_read_alike_by_both_readers(path: str) -> None:
    text = PAGES[path]
    assert taken(path, text)
    slow, fast = both(path, text)
    assert_same(slow, fast)
    assert len(fast.segments) >= 5


@needs_pyromark
def test_what_the_fast_reader_reads_on_a_german_page() -> None:
    doc = markdown.read("de/install.md", GERMAN)
    prose = [" ".join(s.text.split()) for s in doc.segments]
    assert "Helm installieren" in prose  # the title and the heading, without its id
    assert "Wie man Helm schnell installiert" in prose
    assert "Laden Sie die gewünschte Version herunter" in prose
    assert "Drücken Sie + , um abzubrechen – fertig!" in prose  # <kbd> keys and the entity
    assert "Entpacken Sie sie ( )" in prose
    assert "Zeigt alle Releases | auch fehlgeschlagene" in prose
    # backslashes are markup (blanked), the escaped stars prose
    assert any(p.endswith("Pfad: C: Programme helm, Escape: *kein Stern *.") for p in prose)
    assert all("https://" not in p and "@example.org" not in p for p in prose)
    assert doc.metadata["weight"] == "20"
    assert isinstance(doc.layout, Layout) and [c[2] for c in doc.layout.code] == ["console", ""]


@needs_pyromark
@pytest.mark.parametrize("crlf", [False, True])
def test_line_endings_and_front_matter_kinds_read_alike(crlf: bool) -> None:
    text = NORWEGIAN.replace("\n", "\r\n") if crlf else NORWEGIAN
    slow, fast = both("nb/oversette.md", text)
    assert_same(slow, fast)
    slow, fast = both("ja/quickstart.md", JAPANESE)
    assert fast.metadata["title"] == "クイックスタートガイド"
    assert fast.suppressions and fast.suppressions == slow.suppressions


@pytest.mark.parametrize("name", sorted(PRE_SCAN))
def test_pages_that_need_a_plugin_go_to_markdown_it(name: str) -> None:
    text = PRE_SCAN[name]
    assert not markdown_fast.may_take("de/seite.md", text)
    assert_same(*both("de/seite.md", text))


@needs_pyromark
@pytest.mark.parametrize("name", sorted(GIVEN_UP))
def test_pages_the_fast_reader_gives_up_are_read_by_markdown_it(name: str) -> None:
    text = GIVEN_UP[name]
    assert markdown_fast.may_take("de/seite.md", text)
    assert markdown._read_fast("de/seite.md", text, DEFAULT_PROSE_KEYS) is None
    assert_same(*both("de/seite.md", text))


@needs_pyromark
@pytest.mark.parametrize("name", sorted(TAKEN))
def test_small_pages_the_fast_reader_takes_read_alike(name: str) -> None:
    text = TAKEN[name]
    assert taken("de/seite.md", text)
    assert_same(*both("de/seite.md", text))


def test_mdx_pages_always_go_to_markdown_it() -> None:
    assert not markdown_fast.may_take("docs/intro.mdx", "# Einführung\n\nText.\n")


def test_without_pyromark_every_page_is_read_by_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyromark", None)  # import fails
    markdown_fast_pieces.pyromark_module.cache_clear()
    try:
        assert not markdown_fast.available()
        assert not markdown_fast.may_take("de/install.md", GERMAN)
        assert_same(*both("de/install.md", GERMAN))
    finally:
        monkeypatch.undo()
        markdown_fast_pieces.pyromark_module.cache_clear()


# Pieces of Markdown, text in several scripts and the white space the two parsers might class
# differently: pages made of them are read both ways.
PIECES = [
    "Helm",
    "Ünïcödé",
    "日本語",
    "Ελληνικά",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "*",
    "**",
    "_",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "<b>",
    "</b>",
    "<kbd>",
    "</kbd>",
    "&amp;",
    "&",
    "\\",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "|",
    " | ",
    "---",
    "===",
    "```",
    "~~",
    "~",
    "https://helm.sh/a",
    "www.helm.sh",
    "jo@example.org",
    "{#id}",
    "{",
    "}",
    "\u3000",
    "\xa0",
    ":",
    ".",
    "!",
    '"',
    "'",
    "<!-- c -->",
    "[x]: /u",
    "[x]",
]


@needs_pyromark
@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_any_page_the_fast_reader_takes_reads_as_with_markdown_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    if taken("x/page.md", text):
        assert_same(*both("x/page.md", text))
