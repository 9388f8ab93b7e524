"""The routes of a Hugo or Docusaurus site, read from its files (tcheck.bilingual.routes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.bilingual.routes import front_matter, normalise, site_routes
from tcheck.bilingual.site import read_site


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    read_site.cache_clear()
    return root


HUGO = """\
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.ja]
contentDir = "content/ja"
[languages.ar]
contentDir = "content/ar"
[taxonomies]
tag = "tags"
series = "series"
"""


def test_normalise() -> None:
    assert normalise("/Bn/Scalable/index.html#why") == "/bn/scalable"
    assert normalise("/zh/docs/topics/charts.md?x=1") == "/zh/docs/topics/charts"
    assert normalise("/ja/%E3%83%81%E3%83%A3%E3%83%BC%E3%83%88/") == "/ja/チャート"
    assert normalise("/") == "/"


def test_hugo_pages_bundles_sections_and_front_matter(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "config.toml": HUGO,
            "content/en/_index.md": "# Glossary\n",
            "content/en/cloud-computing.md": "# Cloud computing\n",
            "content/ja/docs/_index.md": "# ドキュメント\n",
            "content/ja/docs/クラウド.md": "---\ntitle: クラウド\n---\n\n# クラウド\n",
            "content/ja/post/index.md": "---\nslug: 投稿\n---\n\n# 投稿\n",
            "content/ja/post/diagram.png": "png",
            "content/ar/about.md": '+++\ntitle = "حول"\nurl = "/ar/من-نحن/"\naliases = ["/ar/old-about/"]\n+++\n',
            "static/img/logo.svg": "<svg/>",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    assert routes.find("/cloud-computing/") is True  # the default language has no prefix
    assert routes.find("/en/cloud-computing/") is False
    assert routes.find("/ja/docs/クラウド/") is True
    assert routes.find("/ja/docs/") is True  # a section
    assert routes.find("/ja/post/") is True  # a bundle is its folder
    assert routes.find("/ja/post/diagram.png") is True  # and its resources are served beside it
    assert routes.find("/ja/%E6%8A%95%E7%A8%BF/") is True  # slug, percent-encoded in the link
    assert routes.find("/ar/من-نحن/") is True  # url
    assert routes.find("/ar/old-about") is True  # alias
    assert routes.find("/ar/about/") is True
    assert routes.find("/ar/cloud-computing/") is False  # Hugo does not fall back to English
    assert routes.find("/img/logo.svg") is True
    assert routes.find("/ja/series/kubernetes/") is None  # a taxonomy: Hugo makes those pages
    assert routes.find("/ja/missing.pdf") is None  # not a page: unknown


def test_hugo_languages_by_file_name(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.nb]\n[languages.de]\n',
            "content/budget.md": "# Budget\n",
            "content/budget.nb.md": "# Budsjett\n",
            "content/om-oss.nb.md": "# Om oss\n",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    assert (routes.find("/budget/"), routes.find("/nb/budget/"), routes.find("/nb/om-oss/")) == (
        True,
        True,
        True,
    )
    assert routes.find("/de/budget/") is False


def test_docusaurus_docs_versions_locales_and_blog(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "docusaurus.config.js": (
                "module.exports = {\n  i18n: { defaultLocale: 'en', locales: ['en', 'ko', 'ar'] },\n"
                "  presets: [['classic', { docs: { lastVersion: 'current' } }]],\n};\n"
            ),
            "versions.json": '["2"]',
            "docs/01-intro.md": "# Intro\n",
            "docs/topics/topics.md": "# Topics\n",
            "docs/topics/charts.mdx": "---\nid: chart-basics\n---\n\n# Charts\n",
            "docs/faq/index.md": "---\nslug: /questions\n---\n\n# FAQ\n",
            "docs/_partials/warning.mdx": "Careful.\n",
            "docs/_draft-v4.mdx": "# Helm 4\n",
            "versioned_docs/version-2/intro.md": "# Intro\n",
            "blog/2021-03-04-helm-4.md": "# Helm 4\n",
            "i18n/ko/docusaurus-plugin-content-docs/current/topics/차트.md": "# 차트\n",
            "i18n/ar/docusaurus-plugin-content-docs/current/intro.md": "---\nslug: مقدمة\n---\n\n# مقدمة\n",
            "i18n/ar/docusaurus-plugin-content-docs-community/current/meet.md": "# اجتماع\n",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    assert routes.find("/docs/intro") is True  # the number prefix is dropped
    assert routes.find("/docs/topics") is True  # a file named like its folder is the folder
    assert routes.find("/docs/topics/chart-basics") is True  # id
    assert routes.find("/docs/questions") is True  # an absolute slug
    assert routes.find("/docs/2/intro") is True  # an older version
    assert routes.find("/blog/2021/03/04/helm-4") is True
    assert routes.find("/ko/docs/topics/charts") is True  # untranslated: served from English
    assert routes.find("/ko/docs/topics/차트") is True
    assert routes.find("/ar/docs/مقدمة") is True
    assert routes.find("/ar/docs/topics/installation") is False
    assert routes.find("/ar/community/meet") is True  # a docs plugin translated here
    assert routes.find("/ar/community/agenda") is None  # and whose own files are not here
    assert routes.find("/ko/docs/tags/helm") is None  # generated
    assert routes.find("/ko/docs/category/guides") is None  # a generated category index
    assert routes.find("/docs/_draft-v4") is False  # a partial is not a page
    assert routes.find("/docs/_partials/warning") is False


def test_docusaurus_latest_version_by_default(tmp_path: Path) -> None:
    """Without ``lastVersion``, the newest version of ``versions.json`` is served at ``/docs/``
    and the files of ``docs/`` at ``/docs/next/``."""
    root = write(
        tmp_path,
        {
            "docusaurus.config.js": "module.exports = { i18n: { defaultLocale: 'en', locales: ['en', 'de'] } };\n",
            "versions.json": '["3", "2"]',
            "docs/upgrade.md": "# Upgrade\n",
            "versioned_docs/version-3/install.md": "# Install\n",
            "versioned_docs/version-2/install.md": "# Install\n",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    found = [
        routes.find(r)
        for r in ("/docs/install", "/docs/next/upgrade", "/docs/2/install", "/de/docs/3/install")
    ]
    assert found == [True, True, True, False]


def test_not_a_site(tmp_path: Path) -> None:
    write(tmp_path, {"notes/fr/brief.md": "# Note\n"})
    assert site_routes(tmp_path) is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "---\nslug: mikrotjenester\naliases: [/nb/old/, /nb/older/]\n---\n",
            {"slug": ["mikrotjenester"], "aliases": ["/nb/old/", "/nb/older/"]},
        ),
        ('+++\nurl = "/de/über-uns/"\n+++\n', {"url": ["/de/über-uns/"]}),
        (
            "---\naliases:\n  - /fr/ancien/\n  - '/fr/vieux/'\ntitle: Guide\n---\n",
            {"aliases": ["/fr/ancien/", "/fr/vieux/"]},
        ),
        ("# No front matter\n\nslug: not-this\n", {}),
    ],
)
def test_front_matter(tmp_path: Path, head: str, expected: dict[str, list[str]]) -> None:
    path = tmp_path / "page.md"
    path.write_text(head, encoding="utf-8")
    assert front_matter(path) == expected


def test_hugo_permalinked_sections_are_unknown(tmp_path: Path) -> None:
    """A section placed by a ``[permalinks]`` pattern is served elsewhere than its files say."""
    root = write(
        tmp_path,
        {
            "config.toml": HUGO + '\n[permalinks]\nblog = "/:section/:year/:month/:day/:slug/"\n',
            "content/ja/blog/リリース.md": "---\ndate: 2024-05-01\n---\n\n# リリース\n",
            "content/ja/guide.md": "# ガイド\n",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    assert routes.find("/ja/blog/2024/05/01/リリース/") is None
    assert routes.find("/ja/guide/") is True
    assert routes.find("/ja/handbook/") is False


def test_docusaurus_docs_only_site(tmp_path: Path) -> None:
    """``routeBasePath: '/'``: the docs are the site's root."""
    root = write(
        tmp_path,
        {
            "docusaurus.config.js": (
                "module.exports = {\n  i18n: { defaultLocale: 'en', locales: ['en', 'zh'] },\n"
                "  presets: [['classic', { docs: { routeBasePath: '/' } }]],\n};\n"
            ),
            "docs/install.md": "# Install\n",
            "i18n/zh/docusaurus-plugin-content-docs/current/install.md": "# 安装\n",
        },
    )
    routes = site_routes(root)
    assert routes is not None
    assert (routes.find("/zh/install"), routes.find("/zh/upgrade")) == (True, False)
