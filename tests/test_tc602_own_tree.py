"""TC602: a link into the translation's own tree, looked up among the site's pages after the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import findings, run_paths
from tcheck.cli import main

HUGO = """\
baseURL = "https://glossary.example.org/"
defaultContentLanguage = "en"

[languages.en]
contentDir = "content/en"
[languages.ko]
contentDir = "content/ko"
[languages.ar]
contentDir = "content/ar"
[languages.de]
contentDir = "content/de"
[languages.nb]
contentDir = "content/nb"
"""

FIREWALL = {
    "en": (
        "---\ntitle: Firewall\n---\n\n"
        "In a [microservices](/microservices-architecture/) app, services talk over the network.\n"
    ),
    "ko": "---\ntitle: 방화벽\n---\n\n[마이크로서비스](/ko/microservices/) 앱에서는 서비스끼리 네트워크로 통신한다.\n",
    "ar": (
        "---\ntitle: جدار الحماية\n---\n\n"
        "في تطبيق [الخدمات المصغرة](/ar/microservices/)، تتواصل الخدمات عبر الشبكة.\n"
    ),
    "de": (
        "---\ntitle: Firewall\n---\n\n"
        "In einer [Microservices](/de/microservices/)-Anwendung sprechen die Dienste über das Netz.\n"
    ),
    "nb": (
        "---\ntitle: Brannmur\n---\n\n"
        "I en app av [mikrotjenester](/nb/mikrotjenester/) snakker tjenestene over nettverket.\n"
    ),
}
MICRO = {
    "en": "---\ntitle: Microservices architecture\n---\n\nMicroservices split an application into small services.\n",
    "ko": "---\ntitle: 마이크로서비스\n---\n\n마이크로서비스는 애플리케이션을 작은 서비스로 나눈다.\n",
    # the German page keeps the English file name and declares its route by slug
    "de": "---\ntitle: Microservices\nslug: microservices\n---\n\nMicroservices teilen eine Anwendung in kleine Dienste.\n",
    # the Norwegian page moved: its old name stays a route through aliases
    "nb": (
        "---\ntitle: Mikrotjenester\naliases:\n  - /nb/mikrotjenester/\n---\n\n"
        "Mikrotjenester deler et program i små tjenester.\n"
    ),
}
MICRO_AR = "---\ntitle: الخدمات المصغرة\n---\n\nتقسم الخدمات المصغرة التطبيق إلى خدمات صغيرة.\n"


def hugo(root: Path) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "config.toml").write_text(HUGO, encoding="utf-8")
    for lang, text in FIREWALL.items():
        (root / "content" / lang).mkdir()
        (root / "content" / lang / "firewall.md").write_text(text, encoding="utf-8")
    names = {"en": "microservices-architecture.md", "de": "microservices-architecture.md"}
    for lang, text in MICRO.items():
        (root / "content" / lang / names.get(lang, "microservices.md")).write_text(text, encoding="utf-8")
    return root


def own_tree(result_findings: list[dict[str, object]]) -> list[tuple[str, int, str, str]]:
    return [
        (str(f["path"]).split("content/")[-1], int(str(f["line"])), str(f["severity"]), str(f["message"]))
        for f in result_findings
        if f["code"] == "TC602"
    ]


def test_hugo_pages_that_exist_pass_and_a_missing_one_is_a_warning(tmp_path: Path) -> None:
    """Korean (same route, another file name), German (slug), Norwegian (alias) exist; the Arabic
    page does not."""
    root = hugo(tmp_path / "site")
    found = own_tree(findings(run_paths([root / "content"], source_lang="en", select=["TC602"]), "TC602"))
    assert found == [
        (
            "ar/firewall.md",
            5,
            "warning",
            "'/ar/microservices/' is not a page of the site: the source links '/microservices-architecture/'",
        )
    ]


def test_hugo_single_file_checked_still_sees_the_site(tmp_path: Path) -> None:
    root = hugo(tmp_path / "site")
    assert (
        own_tree(
            findings(
                run_paths([root / "content/ko/firewall.md"], source_lang="en", select=["TC602"]), "TC602"
            )
        )
        == []
    )
    found = own_tree(
        findings(run_paths([root / "content/ar/firewall.md"], source_lang="en", select=["TC602"]), "TC602")
    )
    assert [(f[2], f[3].split(":")[0]) for f in found] == [
        ("warning", "'/ar/microservices/' is not a page of the site")
    ]


def test_configured_severity_applies_to_the_missing_page(tmp_path: Path) -> None:
    root = hugo(tmp_path / "site")
    result = run_paths(
        [root / "content/ar/firewall.md"], source_lang="en", select=["TC602"], severity={"TC602": "error"}
    )
    found = findings(result, "TC602")
    assert [(f["severity"], f["message"].split(":")[0]) for f in found] == [
        ("error", "'/ar/microservices/' is not a page of the site")
    ]


def test_outside_a_site_the_link_stays_info(tmp_path: Path) -> None:
    """No Hugo or Docusaurus configuration: the pages cannot be listed, the info stays."""
    src = tmp_path / "firewall.md"
    src.write_text(FIREWALL["en"], encoding="utf-8")
    page = tmp_path / "firewall.ko.md"
    page.write_text(FIREWALL["ko"].replace("/ko/microservices/", "/ko/missing/"), encoding="utf-8")
    found = findings(run_paths([page], source=src, source_lang="en", target_lang="ko"), "TC602")
    assert [(f["severity"], "own tree" in f["message"], "data" in f) for f in found] == [
        ("info", True, False)
    ]


DOCS_EN = "# Charts\n\nRead [the chart guide](/docs/topics/charts) before you start.\n"
DOCS = {
    # the French page of the guide is served under its slug
    "fr": "# Charts\n\nLisez [le guide des charts](/fr/docs/topics/guide-des-charts) avant de commencer.\n",
    # the Chinese link names an untranslated page: Docusaurus serves the English one under /zh/
    "zh": "# Chart\n\n开始之前请阅读[Chart 指南](/zh/docs/topics/install)。\n",
    # the Japanese link names a page that exists in no language
    "ja": "# チャート\n\n始める前に[チャートガイド](/ja/docs/topics/chart-guide)を読んでください。\n",
}


def docusaurus(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "docusaurus.config.js").write_text(
        "module.exports = {\n  i18n: { defaultLocale: 'en', locales: ['en', 'fr', 'zh', 'ja'] },\n};\n",
        encoding="utf-8",
    )
    (root / "docs" / "topics").mkdir(parents=True)
    (root / "docs" / "intro.md").write_text(DOCS_EN, encoding="utf-8")
    (root / "docs" / "topics" / "charts.md").write_text(
        "# Charts\n\nA chart is a package.\n", encoding="utf-8"
    )
    (root / "docs" / "topics" / "install.md").write_text(
        "# Install\n\nRun the installer.\n", encoding="utf-8"
    )
    for lang, text in DOCS.items():
        folder = root / "i18n" / lang / "docusaurus-plugin-content-docs" / "current"
        (folder / "topics").mkdir(parents=True)
        (folder / "intro.md").write_text(text, encoding="utf-8")
    (root / "i18n/fr/docusaurus-plugin-content-docs/current/topics/charts.md").write_text(
        "---\nslug: guide-des-charts\n---\n\n# Charts\n\nUn chart est un paquet.\n", encoding="utf-8"
    )
    return root


def test_docusaurus_slug_and_fallback_pass_and_a_missing_page_is_a_warning(tmp_path: Path) -> None:
    root = docusaurus(tmp_path / "docs-site")
    found = findings(run_paths([root], source_lang="en", select=["TC602"]), "TC602")
    assert [(Path(f["path"]).parts[-4], f["severity"], f["message"]) for f in found] == [
        (
            "ja",
            "warning",
            "'/ja/docs/topics/chart-guide' is not a page of the site: the source links '/docs/topics/charts'",
        )
    ]


@pytest.fixture
def cached_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = hugo(tmp_path / "site")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "on")
    monkeypatch.chdir(root)
    return root


def _run(*args: str) -> list[tuple[str, int, str, str]]:
    result = CliRunner().invoke(
        main,
        ["check", ".", "--jobs", "1", "--select", "TC602", "--format", "json", "--fail-on", "never", *args],
    )
    assert result.exit_code == 0, result.output
    return own_tree(json.loads(result.stdout)["findings"])


def test_rerun_with_the_cache_sees_a_page_added_and_removed(cached_site: Path) -> None:
    first = _run()
    assert [f[0] for f in first] == ["ar/firewall.md"]
    page = cached_site / "content/ar/microservices.md"
    page.write_text(MICRO_AR, encoding="utf-8")  # the Arabic page now exists
    assert _run() == [] == _run("--no-cache")
    page.unlink()  # and is gone again
    assert _run() == first == _run("--no-cache")


def test_diff_run_resolves_against_the_whole_site(cached_site: Path) -> None:
    """``--diff`` narrows the report, not what the site serves: the Arabic page, just added, is
    checked against every page of the site."""
    new_file = (
        "diff --git a/content/ar/firewall.md b/content/ar/firewall.md\nnew file mode 100644\n"
        "--- /dev/null\n+++ b/content/ar/firewall.md\n@@ -0,0 +1,5 @@\n"
        + "".join("+" + line + "\n" for line in FIREWALL["ar"].splitlines())
    )
    result = CliRunner().invoke(
        main,
        ["check", ".", "--select", "TC602", "--format", "json", "--fail-on", "never", "--diff", "-"],
        input=new_file,
    )
    assert result.exit_code == 0, result.output
    found = own_tree(json.loads(result.stdout)["findings"])
    assert [(f[0], f[2]) for f in found] == [("ar/firewall.md", "warning")]
    korean = new_file.replace("content/ar/firewall.md", "content/ko/firewall.md")
    result = CliRunner().invoke(
        main,
        ["check", ".", "--select", "TC602", "--format", "json", "--fail-on", "never", "--diff", "-"],
        input=korean,
    )
    assert own_tree(json.loads(result.stdout)["findings"]) == []


# The source's own link, localised the way the site wants (``/devops/`` → ``/ko/devops/``): fine
# where the language has the page, a dead link where it does not (Hugo serves no fallback).
DEVOPS_EN = "---\ntitle: DevOps\n---\n\nDevOps joins development and operations.\n"
LOCALISED = {
    "ko": "---\ntitle: 보안\n---\n\n[DevOps](/ko/devops/)와 [방화벽](/ko/firewall/)을 함께 다룬다.\n",
    "ar": "---\ntitle: الأمن\n---\n\nيتناول [DevOps](/ar/devops/) و[جدار الحماية](/ar/firewall/) معًا.\n",
    "de": "---\ntitle: Sicherheit\n---\n\nBehandelt [DevOps](/de/devops/) und die [Firewall](/de/firewall/).\n",
    "nb": "---\ntitle: Sikkerhet\n---\n\nOmhandler [DevOps](/nb/devops/) og [brannmuren](/nb/firewall/).\n",
}
SECURITY_EN = "---\ntitle: Security\n---\n\nCovers [DevOps](/devops/) and the [firewall](/firewall/).\n"


def localised_site(root: Path, with_devops: frozenset[str]) -> Path:
    hugo(root)
    (root / "content/en/devops.md").write_text(DEVOPS_EN, encoding="utf-8")
    (root / "content/en/security.md").write_text(SECURITY_EN, encoding="utf-8")
    for lang, text in LOCALISED.items():
        (root / "content" / lang / "security.md").write_text(text, encoding="utf-8")
        if lang in with_devops:
            (root / "content" / lang / "devops.md").write_text(DEVOPS_EN, encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", sorted(LOCALISED))
def test_a_localised_link_to_a_page_the_language_lacks_is_a_warning(tmp_path: Path, lang: str) -> None:
    """Every ``/xx/firewall/`` exists; ``/xx/devops/`` only where the language has the page."""
    root = localised_site(tmp_path / "lacking", frozenset(LOCALISED) - {lang})
    found = [
        f
        for f in own_tree(
            findings(run_paths([root / "content"], source_lang="en", select=["TC602"]), "TC602")
        )
        if f[0].endswith("security.md")
    ]
    assert found == [
        (
            f"{lang}/security.md",
            5,
            "warning",
            f"'/{lang}/devops/' is not a page of the site: the source's '/devops/' has no page in this language",
        )
    ]
    root = localised_site(tmp_path / "complete", frozenset(LOCALISED))
    result = run_paths([root / "content" / lang / "security.md"], source_lang="en", select=["TC602"])
    assert own_tree(findings(result, "TC602")) == []


def test_a_localised_link_outside_a_site_is_no_finding(tmp_path: Path) -> None:
    """Without a site whose pages can be listed, a localised link is taken as it is."""
    src, page = tmp_path / "security.en.md", tmp_path / "security.ko.md"
    src.write_text(SECURITY_EN, encoding="utf-8")
    page.write_text(LOCALISED["ko"], encoding="utf-8")
    assert findings(run_paths([page], source=src, source_lang="en", target_lang="ko"), "TC602") == []
