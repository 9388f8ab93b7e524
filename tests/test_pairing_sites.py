"""Pairing on real site layouts: the outermost language folder, config-declared languages, one
language folder or a staged file checked alone, Docusaurus versions, renamed extensions, resource
files by key, and the pairing summary in every output format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import findings, run_paths
from tcheck.bilingual.pairing import summarise
from tcheck.cli import main
from tcheck.config import Config
from tcheck.engine import discover

EN_PAGE = """---
title: Getting started
---

# Getting started

Install the command-line tool before you create your first project.

The tool reads its settings from a file in your home folder.
"""
JA_PAGE = """---
title: はじめに
---

# はじめに {#getting-started}

最初のプロジェクトを作成する前に、コマンドラインツールをインストールしてください。

ツールはホームフォルダーにあるファイルから設定を読み込みます。
"""
DE_PAGE = """---
title: Erste Schritte
---

# Erste Schritte

Installieren Sie das Kommandozeilenwerkzeug, bevor Sie Ihr erstes Projekt anlegen.

Das Werkzeug liest seine Einstellungen aus einer Datei in Ihrem Home-Ordner.
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _hugo(root: Path) -> None:
    (root / ".git").mkdir()
    _write(
        root,
        {
            "config.toml": "[languages]\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n"
            "[languages.de]\nweight = 3\n",
            "content/en/docs/go/start.md": EN_PAGE,
            "content/en/docs/js/start.md": EN_PAGE,
            "content/ja/docs/go/start.md": JA_PAGE,
            "content/ja/docs/js/start.md": JA_PAGE,
            "content/de/docs/go/start.md": DE_PAGE,
            "content/de/only-here.md": DE_PAGE,
        },
    )


def _by_path(root: Path, paths: list[str], **config: object) -> dict[str, tuple[str | None, str | None]]:
    inputs = discover([str(root / p) for p in paths], (), Config(**config))  # type: ignore[arg-type]
    return {
        Path(i.path).resolve().relative_to(root).as_posix(): (
            i.lang,
            i.source and Path(i.source).resolve().relative_to(root).as_posix(),
        )
        for i in inputs
    }


def test_outermost_language_folder_decides(tmp_path: Path) -> None:
    """``go`` and ``js`` under ``content/ja/docs`` are folders, not languages."""
    _hugo(tmp_path)
    pairs = _by_path(tmp_path, ["content"])
    assert pairs["content/ja/docs/go/start.md"] == ("ja", "content/en/docs/go/start.md")
    assert pairs["content/ja/docs/js/start.md"] == ("ja", "content/en/docs/js/start.md")
    assert pairs["content/de/docs/go/start.md"] == ("de", "content/en/docs/go/start.md")
    assert pairs["content/en/docs/go/start.md"] == ("en", None)  # the original: checked alone
    assert pairs["content/de/only-here.md"] == ("de", None)


def test_one_language_folder_finds_its_sources_in_the_repository(tmp_path: Path) -> None:
    _hugo(tmp_path)
    assert _by_path(tmp_path, ["content/ja"]) == {
        "content/ja/docs/go/start.md": ("ja", "content/en/docs/go/start.md"),
        "content/ja/docs/js/start.md": ("ja", "content/en/docs/js/start.md"),
    }
    staged = _by_path(tmp_path, ["content/de/docs/go/start.md"])
    assert staged == {"content/de/docs/go/start.md": ("de", "content/en/docs/go/start.md")}


def test_declared_languages_limit_the_folders(tmp_path: Path) -> None:
    """A site that declares en and ja only: a ``de`` folder is not one of its languages."""
    _write(
        tmp_path,
        {
            "hugo.toml": 'defaultContentLanguage = "en"\n[languages.en]\n[languages.ja]\n',
            "content/en/a.md": EN_PAGE,
            "content/ja/a.md": JA_PAGE,
            "content/ja/de/a.md": DE_PAGE,
        },
    )
    pairs = _by_path(tmp_path, ["content"])
    assert pairs["content/ja/a.md"] == ("ja", "content/en/a.md")
    assert pairs["content/ja/de/a.md"] == ("ja", None)


def test_docusaurus_versions_plugins_and_extensions(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "docusaurus.config.js": "module.exports = { i18n: { defaultLocale: 'en', locales: ['en', 'ja'] } };",
            "docs/intro.mdx": EN_PAGE,
            "versioned_docs/version-3/intro.md": EN_PAGE,
            "community/history.md": EN_PAGE,
            "i18n/ja/docusaurus-plugin-content-docs/current/intro.md": JA_PAGE,
            "i18n/ja/docusaurus-plugin-content-docs/version-3/intro.md": JA_PAGE,
            "i18n/ja/docusaurus-plugin-content-docs-community/current/history.md": JA_PAGE,
            "i18n/ja/docusaurus-plugin-content-blog/post.md": JA_PAGE,
        },
    )
    pairs = _by_path(tmp_path, ["i18n"])
    base = "i18n/ja/docusaurus-plugin-content-"
    assert pairs[f"{base}docs/current/intro.md"] == ("ja", "docs/intro.mdx")
    assert pairs[f"{base}docs/version-3/intro.md"] == ("ja", "versioned_docs/version-3/intro.md")
    assert pairs[f"{base}docs-community/current/history.md"] == ("ja", "community/history.md")
    assert pairs[f"{base}blog/post.md"] == ("ja", None)


def test_names_that_join_words_differently(tmp_path: Path) -> None:
    _hugo(tmp_path)
    _write(tmp_path, {"content/en/cloud-native-apps.md": EN_PAGE, "content/ja/cloud native apps.md": JA_PAGE})
    _write(tmp_path, {"content/en/auto-scaling.md": EN_PAGE, "content/de/autoscaling.md": DE_PAGE})
    pairs = _by_path(tmp_path, ["content"])
    assert pairs["content/ja/cloud native apps.md"] == ("ja", "content/en/cloud-native-apps.md")
    assert pairs["content/de/autoscaling.md"] == ("de", "content/en/auto-scaling.md")


def test_resource_files_named_by_language(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "i18n/en.toml": '[read_more]\nother = "Read more"\n[note]\nother = "Your changes are saved when you leave this page."\n',
            "i18n/de.toml": '[read_more]\nother = "Weiterlesen"\n'
            '[note]\nother = "Your changes are saved when you leave this page."\n',
        },
    )
    (tmp_path / ".git").mkdir()
    pairs = _by_path(tmp_path, ["i18n"])
    assert pairs["i18n/de.toml"] == ("de", "i18n/en.toml")
    result = run_paths([tmp_path / "i18n"], select=["TC402"])
    (copied,) = findings(result, "TC402")
    assert copied["path"].endswith("de.toml") and copied["line"] == 4


def test_exclude_hides_a_source_from_the_report_not_from_pairing(tmp_path: Path) -> None:
    _hugo(tmp_path)
    inputs = discover([str(tmp_path / "content")], ("content/en/*", "en/*"), Config())
    langs = {Path(i.path).resolve().relative_to(tmp_path).as_posix(): i.source for i in inputs}
    assert not any(p.startswith("content/en/") for p in langs)
    assert langs["content/ja/docs/go/start.md"] is not None


def test_summary_counts_paired_and_alone(tmp_path: Path) -> None:
    _hugo(tmp_path)
    summary = summarise(discover([str(tmp_path / "content")], (), Config()))
    assert {k: (v.paired, len(v.unpaired)) for k, v in summary.items()} == {"de": (1, 1), "ja": (2, 0)}


def test_pairing_in_every_output_format(tmp_path: Path) -> None:
    _hugo(tmp_path)
    runner = CliRunner()
    target = str(tmp_path / "content")
    text = runner.invoke(main, ["check", target, "--quiet", "--select", "TC1"])
    assert "pairing: 3 translations paired with their source (de 1, ja 2); 1 without a source" in text.output
    verbose = runner.invoke(main, ["check", target, "--quiet", "--select", "TC1", "--verbose"])
    assert "without a source: " in verbose.output and "only-here.md" in verbose.output
    report = json.loads(
        runner.invoke(main, ["check", target, "-q", "--select", "TC1", "--format", "json"]).output
    )
    assert report["summary"]["pairing"]["ja"] == {"paired": 2, "unpaired": []}
    assert report["summary"]["pairing"]["de"]["unpaired"][0].endswith("only-here.md")
    sarif = json.loads(
        runner.invoke(main, ["check", target, "-q", "--select", "TC1", "--format", "sarif"]).output
    )
    assert sarif["runs"][0]["properties"]["pairing"]["ja"]["paired"] == 2
    github = runner.invoke(main, ["check", target, "-q", "--select", "TC1", "--format", "github"]).output
    assert "::notice title=tcheck pairing::pairing: 3 translations paired" in github


def test_a_run_where_nothing_pairs_says_why(tmp_path: Path) -> None:
    _write(tmp_path, {"content/ja/a.md": JA_PAGE, "content/de/b.md": DE_PAGE})
    (tmp_path / ".git").mkdir()
    out = CliRunner().invoke(main, ["check", str(tmp_path / "content"), "-q", "--select", "TC1"]).output
    assert "no translation found its original" in out


def test_empty_translation_is_a_stub_not_unreadable(tmp_path: Path) -> None:
    _hugo(tmp_path)
    _write(tmp_path, {"content/ja/docs/go/start.md": "---\ntitle: はじめに\n---\n"})
    (tmp_path / "content/de/docs/go/start.md").write_bytes(b"")
    result = run_paths([tmp_path / "content"], select=["TC0", "TC404"])
    codes = sorted((f["code"], Path(f["path"]).parts[-4]) for f in findings(result))
    assert codes == [("TC404", "de"), ("TC404", "ja")]


def test_two_folders_of_one_language(tmp_path: Path) -> None:
    """``zh-cn`` and ``zh-tw`` are two languages of the site, both paired with ``en``."""
    (tmp_path / ".git").mkdir()
    zh_cn = "# 入门\n\n在创建第一个项目之前，请先安装命令行工具。\n"
    zh_tw = "# 入門\n\n在建立第一個專案之前，請先安裝命令列工具。\n"
    _write(tmp_path, {"content/en/a.md": EN_PAGE, "content/zh-cn/a.md": zh_cn, "content/zh-tw/a.md": zh_tw})
    pairs = _by_path(tmp_path, ["content"])
    assert pairs["content/zh-cn/a.md"] == ("zh_Hans_CN", "content/en/a.md")
    assert pairs["content/zh-tw/a.md"] == ("zh_Hant_TW", "content/en/a.md")
