"""Repository pairing: language folders, suffixes, Docusaurus, custom layouts, defaults kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, findings, run_paths
from tcheck.bilingual.pairing import compile_template, pair_inputs
from tcheck.config import Config
from tcheck.engine import Input, discover
from tcheck.errors import UsageError
from tcheck.locale import language_code

REPO = FIXTURES / "repo"


def _pairs(inputs: list[Input]) -> dict[str, str | None]:
    return {
        Path(i.shown).relative_to(REPO).as_posix(): i.source_shown
        and Path(i.source_shown).relative_to(REPO).as_posix()
        for i in inputs
    }


def test_repository_layouts_are_paired() -> None:
    pairs = _pairs(discover([str(REPO)], (), Config(source_lang="en")))
    assert pairs == {
        "blog/launch.md": None,  # originals are checked as monolingual documents
        "docs/intro.md": None,
        "site/content/en/news/ferry.md": None,
        "blog/launch.nb.md": "blog/launch.md",
        "i18n/nb/docusaurus-plugin-content-docs/current/intro.md": "docs/intro.md",
        "site/content/en/news/only-english.md": None,
        "site/content/nb/news/ferry.md": "site/content/en/news/ferry.md",
    }


def test_languages_come_from_the_layout() -> None:
    inputs = {Path(i.shown).name: i for i in discover([str(REPO)], (), Config())}
    assert (inputs["ferry.md"].lang, inputs["ferry.md"].source_lang) == ("nb", "en")
    assert inputs["launch.nb.md"].lang == "nb"


def test_without_config_discovery_is_unchanged() -> None:
    inputs = discover([str(REPO)])
    assert len(inputs) == 7 and all(i.source is None for i in inputs)


def test_exclude_still_applies() -> None:
    pairs = _pairs(discover([str(REPO)], ("blog/*",), Config(source_lang="en")))
    assert "blog/launch.nb.md" not in pairs and "blog/launch.md" not in pairs


def test_source_language_decides_the_direction() -> None:
    pairs = _pairs(discover([str(REPO)], (), Config(source_lang="nb")))
    assert pairs["site/content/en/news/ferry.md"] == "site/content/nb/news/ferry.md"
    assert pairs["site/content/nb/news/ferry.md"] is None


def test_custom_layout_and_switch() -> None:
    items = [Input("/r/po/nb/guide.txt", "po/nb/guide.txt"), Input("/r/src/guide.txt", "src/guide.txt")]
    options = {"layouts": [{"localized": "po/{lang}/{name}.txt", "default": "src/{name}.txt"}]}
    paired, original = pair_inputs(items, "en", options)
    assert original == items[1]
    assert paired.source == "/r/src/guide.txt" and paired.lang == "nb"
    assert pair_inputs(items, "en", {**options, "enabled": False}) == items
    with pytest.raises(UsageError, match="unknown field"):
        compile_template("{language}/{path}")
    # a layout's pattern is compiled when a path first holds its pieces; its fields are checked
    # at once, on either side, even when no path ever fits it
    for bad in (
        {"localized": "po/{language}/{name}.txt"},
        {"localized": "po/{lang}/{name}.txt", "default": "{file}"},
    ):
        with pytest.raises(UsageError, match="unknown field"):
            pair_inputs([Input("/r/docs/guide.md", "docs/guide.md")], "en", {"layouts": [bad]})


def test_language_codes_are_strict() -> None:
    assert language_code("nb") == "nb"
    assert language_code("pt-BR") == "pt_BR"
    assert language_code("src") is None
    assert language_code("docs") is None


def test_findings_in_a_paired_repository_point_at_the_translation() -> None:
    result = run_paths([REPO], source_lang="en", select=["TC4", "TC002"])
    (found,) = findings(result)
    assert found["code"] == "TC401" and found["path"].endswith("content/nb/news/ferry.md")
    text = (REPO / "site/content/nb/news/ferry.md").read_text(encoding="utf-8")
    assert text[found["offset"] : found["end_offset"]] == (
        "Passengers are advised to follow the updates on the company's website."
    )
    assert found["line"] == 8
