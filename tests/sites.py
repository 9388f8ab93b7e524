"""Small multilingual content sites written for tests (Hugo and Docusaurus layouts)."""

from __future__ import annotations

from pathlib import Path

HUGO_CONFIG = """\
baseURL = "https://example.org/"
defaultContentLanguage = "en"

[languages.en]
weight = 1
[languages.nb]
weight = 2
[languages.de]
weight = 3
[languages.ja]
weight = 4
[languages.ar]
weight = 5
"""

# page -> language -> body. The Norwegian and German budget pages change a number (TC301).
PAGES: dict[str, dict[str, str]] = {
    "budget.md": {
        "en": "---\ntitle: Budget\n---\n\nThe council approved 5,000 dollars for the new library on Monday.\n",
        "nb": "---\ntitle: Budsjett\n---\n\nKommunestyret godkjente 5 300 dollar til det nye biblioteket mandag.\n",
        "de": "---\ntitle: Haushalt\n---\n\nDer Rat bewilligte am Montag 5.300 Dollar für die neue Bibliothek.\n",
        "ja": "---\ntitle: 予算\n---\n\n議会は月曜日、新しい図書館のために5,000ドルを承認した。\n",
        "ar": "---\ntitle: الميزانية\n---\n\nوافق المجلس يوم الاثنين على 5,000 دولار للمكتبة الجديدة.\n",
    },
    "about.md": {
        "en": "---\ntitle: About\n---\n\nWe publish local news from Norway every day since 1998.\n",
        "nb": "---\ntitle: Om oss\n---\n\nVi publiserer lokale nyheter fra Norge hver dag siden 1998.\n",
        "de": "---\ntitle: Über uns\n---\n\nWir veröffentlichen seit 1998 jeden Tag lokale Nachrichten aus Norwegen.\n",
    },
    "history.md": {  # a translation without its English original
        "nb": "---\ntitle: Historie\n---\n\nAvisen ble grunnlagt i 1998 i Tromsø.\n",
    },
}


def hugo_site(root: Path, pages: dict[str, dict[str, str]] | None = None) -> Path:
    """A Hugo site by folder (``content/{lang}/``) with a ``hugo.toml`` naming its languages."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, versions in (pages or PAGES).items():
        for lang, body in versions.items():
            path = root / "content" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    return root


def docusaurus_site(root: Path) -> Path:
    """A Docusaurus site: ``docs/`` in English, ``i18n/{de,ja}/...`` translations."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "docusaurus.config.js").write_text(
        "module.exports = {\n  i18n: { defaultLocale: 'en', locales: ['en', 'de', 'ja'] },\n};\n",
        encoding="utf-8",
    )
    docs = {
        "en": "# Install\n\nDownload version 3.2 and run it on 4 servers.\n",
        "de": "# Installation\n\nLaden Sie Version 3.2 herunter und führen Sie sie auf 5 Servern aus.\n",
        "ja": "# インストール\n\nバージョン3.2をダウンロードし、4台のサーバーで実行します。\n",
    }
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "install.md").write_text(docs["en"], encoding="utf-8")
    for lang in ("de", "ja"):
        folder = root / "i18n" / lang / "docusaurus-plugin-content-docs" / "current"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "install.md").write_text(docs[lang], encoding="utf-8")
    return root
