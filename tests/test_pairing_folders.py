"""Pairing works out a folder's place once and reuses it for every file in it: the answers must
be the same as for a file looked at alone, in any order, across two sites in one run, with
originals named another way, and for paths given relative to the working folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tcheck.bilingual.pairing import Repository, pair_inputs
from tcheck.engine import Input, discover

EN = "The ferry to Bergen leaves at nine every morning.\n"
NB = "Ferja til Bergen går klokka ni hver morgen.\n"
DE = "Die Fähre nach Bergen fährt jeden Morgen um neun.\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def two_sites(tmp_path: Path) -> Path:
    """A Hugo site in English and a plain repository whose originals are Norwegian."""
    _write(
        tmp_path,
        {
            "news/hugo.toml": 'defaultContentLanguage = "en"\n',
            "news/content/en/ferry-times.md": EN,
            "news/content/en/Harbour_News.md": EN,
            "news/content/nb/ferry times.md": NB,  # the original joins its words with a hyphen
            "news/content/nb/harbour-news.markdown": NB,  # another case, joiner and extension
            "news/content/nb/only-here.md": NB,
            "news/content/de/ferry-times.md": DE,
            "manual/tcheck.toml": "",
            "manual/nb/guide.md": NB,
            "manual/de/guide.md": DE,
            "manual/post.de.md": DE,
            "manual/post.nb.md": NB,
        },
    )
    return tmp_path


def _pairs(inputs: list[Input], root: Path) -> dict[str, tuple[str | None, str | None]]:
    return {
        Path(i.path).relative_to(root).as_posix(): (
            i.lang,
            i.source and Path(i.source).relative_to(root).as_posix(),
        )
        for i in inputs
    }


def test_each_folder_pairs_its_files_with_the_originals_of_its_site(two_sites: Path) -> None:
    inputs = discover([str(two_sites)])
    pairs = _pairs(pair_inputs(inputs, None, {}), two_sites)
    assert pairs["news/content/nb/ferry times.md"] == ("nb", "news/content/en/ferry-times.md")
    assert pairs["news/content/nb/harbour-news.markdown"] == ("nb", "news/content/en/Harbour_News.md")
    assert pairs["news/content/nb/only-here.md"] == ("nb", None)
    assert pairs["news/content/de/ferry-times.md"] == ("de", "news/content/en/ferry-times.md")
    assert pairs["news/content/en/ferry-times.md"] == ("en", None)
    # no site default: English is the source language, so neither folder has its original
    assert pairs["manual/de/guide.md"] == ("de", None)
    assert pairs["manual/post.de.md"] == ("de", None)


def test_the_source_language_given_applies_to_every_site(two_sites: Path) -> None:
    pairs = _pairs(pair_inputs(discover([str(two_sites)]), "nb", {}), two_sites)
    assert pairs["manual/de/guide.md"] == ("de", "manual/nb/guide.md")
    assert pairs["manual/post.de.md"] == ("de", "manual/post.nb.md")
    assert pairs["news/content/en/ferry-times.md"] == ("en", "news/content/nb/ferry times.md")
    assert pairs["news/content/nb/only-here.md"] == ("nb", None)


def test_a_file_alone_is_located_as_among_all_files(two_sites: Path) -> None:
    inputs = discover([str(two_sites)])
    together = Repository(inputs, None, {})
    answers = {i.path: together.locate(os.path.abspath(i.path)) for i in inputs}
    for item in reversed(inputs):  # a new repository per file, and the folders in another order
        alone = Repository(inputs, None, {})
        assert alone.locate(os.path.abspath(item.path)) == answers[item.path]


def test_relative_paths_pair_and_show_as_given(two_sites: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(two_sites / "news")
    inputs = discover(["content/nb", "content/de/ferry-times.md"])
    paired = {i.shown: i for i in pair_inputs(inputs, None, {})}
    item = paired["content/nb/ferry times.md"]
    assert item.path == os.path.join("content", "nb", "ferry times.md")  # as found, not made absolute
    assert item.source == str(two_sites / "news/content/en/ferry-times.md")
    assert item.source_shown == "content/en/ferry-times.md"  # not an input: shown from here
    assert paired["content/de/ferry-times.md"].source_shown == "content/en/ferry-times.md"


def test_a_custom_layout_is_tried_only_in_folders_it_can_match(two_sites: Path) -> None:
    _write(two_sites, {"manual/po/de/guide.txt": DE, "manual/src/guide.txt": EN})
    options = {"layouts": [{"localized": "po/{lang}/{name}.txt", "default": "src/{name}.txt"}]}
    pairs = _pairs(pair_inputs(discover([str(two_sites / "manual")]), "en", options), two_sites)
    assert pairs["manual/po/de/guide.txt"] == ("de", "manual/src/guide.txt")
    assert pairs["manual/de/guide.md"] == ("de", None)  # a language folder, not the layout
