"""Standard input: ``tcheck check - --stdin-filename NAME`` reads the document from stdin as the
file NAME would be read (format, language, pairing) and reports NAME; without a name it is plain
text called ``<stdin>``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from article_formats import docx_bytes, html_page, w_paragraph
from click.testing import CliRunner, Result

from tcheck.cli import main

NORWEGIAN_MD = """---
title: Uro i Kasakhstan
---

# Uro i Kasakhstan

Politiet arresterte 2400 personer i Almaty, melder `Interfax`.
"""
ENGLISH_MD = """---
title: Unrest in Kazakhstan
---

# Unrest in Kazakhstan

Police arrested 2300 people in Almaty, reports `Interfax`.
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo-like site with the English original on disk; the Norwegian page is not saved yet."""
    (tmp_path / "hugo.toml").write_text('defaultContentLanguage = "en"\n', encoding="utf-8")
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "uro.en.md").write_text(ENGLISH_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(args: list[str], stdin: bytes | str | None) -> Result:
    return CliRunner().invoke(main, ["check", *args, "--no-cache", "-q"], input=stdin)


def test_translation_on_stdin_pairs_with_its_original_on_disk(site: Path) -> None:
    result = check(["-", "--stdin-filename", "content/posts/uro.nb.md", "--format", "json"], NORWEGIAN_MD)
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["summary"]["pairing"] == {"nb": {"paired": 1, "unpaired": []}}
    codes = {(f["code"], f["path"], f["line"]) for f in data["findings"]}
    assert ("TC301", "content/posts/uro.nb.md", 7) in codes  # 2400 against the original's 2300


def test_the_name_gives_the_format(site: Path) -> None:
    # as Markdown, the code span is not prose; as plain text it is
    text = "# Held\n\nPolice held 1,000 people. Run `tcheck --limit 2300` to see them.\n"
    as_md = check(["-", "--stdin-filename", "notes.en.md", "--select", "TC302", "--format", "json"], text)
    as_text = check(["-", "--select", "TC302", "--format", "json", "--target-lang", "en"], text)
    assert json.loads(as_md.output)["findings"] == []
    (found,) = json.loads(as_text.output)["findings"]
    assert (found["path"], found["line"], found["column"]) == (
        "<stdin>",
        3,
        text.split("\n")[2].index("2300") + 1,
    )


def test_every_output_format_reports_the_name(site: Path) -> None:
    text = "Wednesday, January 19\n\nThe agency reported earlier on Thursday that 2300 people were held.\n"
    name = "drafts/held.en.txt"
    out = check(["-", "--stdin-filename", name], text).output
    assert f"{name}:3:32: TC202" in out
    sarif = json.loads(check(["-", "--stdin-filename", name, "--format", "sarif"], text).output)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert uris == {name}
    github = check(["-", "--stdin-filename", name, "--format", "github"], text).output
    assert f"file={name},line=3,col=32" in github
    page = check(["-", "--stdin-filename", name, "--format", "html"], text).output
    assert "drafts/held.en.txt" in page and "Thursday" in page


def test_html_and_docx_on_stdin(site: Path) -> None:
    page = html_page(["Wednesday, January 19", "Russia’s CTSO troops arrived in Almaty."])
    out = check(["-", "--stdin-filename", "cms/export.html", "--select", "TC101"], page).output
    line = page[: page.index("CTSO")].count("\n") + 1
    column = page.index("CTSO") - page.rfind("\n", 0, page.index("CTSO"))
    assert f"cms/export.html:{line}:{column}: TC101" in out
    word = docx_bytes(w_paragraph("Troops of the CTSO arrived."))
    out = check(["-", "--stdin-filename", "desk/article.en.docx", "--select", "TC101"], word).output
    assert "desk/article.en.docx:1:15: TC101" in out


def test_stdin_beside_files(site: Path) -> None:
    result = check(
        ["content/posts/uro.en.md", "-", "--select", "TC3", "--format", "json"], "Sum: 2300 and 1,000."
    )
    paths = {f["path"] for f in json.loads(result.output)["findings"]}
    assert paths == {"<stdin>"}
    assert json.loads(result.output)["summary"]["files"] == 2


def test_bad_input_on_stdin_is_tc001_on_its_name(site: Path) -> None:
    result = check(["-", "--stdin-filename", "broken.txt", "--format", "json"], b"Hei\x00du")
    (found,) = json.loads(result.output)["findings"]
    assert (found["code"], found["path"]) == ("TC001", "broken.txt")
    result = check(["-", "--stdin-filename", "broken.docx", "--format", "json"], b"no zip here")
    (found,) = json.loads(result.output)["findings"]
    assert found["code"] == "TC001" and "not a Word document" in found["message"]
    empty = check(["-", "--format", "json"], b"")
    assert empty.exit_code == 0 and json.loads(empty.output)["findings"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "'-' (standard input) may be given only once"),
        (["notes.txt", "--stdin-filename", "x.md"], "give '-' as a path"),
        (["-", "--diff", "-"], "cannot hold both a document"),
        (["-", "--stdin-filename", " "], "--stdin-filename is empty"),
    ],
)
def test_usage_errors(site: Path, args: list[str], message: str) -> None:
    (site / "notes.txt").write_text("Hei.\n", encoding="utf-8")
    result = check(args, "Hei.\n")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_results_cache_never_answers_for_the_file_on_disk(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an editor pipes its unsaved buffer: the page saved on disk under that name must not be used
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "on")
    saved = site / "draft.en.txt"
    saved.write_text("Police held 1,000 people.\n", encoding="utf-8")
    cache = ["--cache-dir", str(site / "cache"), "--select", "TC302", "--format", "json", "-q"]
    for text, expected in (("Police held 2300 people and 1,000 more.\n", 1), ("Police held 1,000.\n", 0)):
        result = CliRunner().invoke(
            main, ["check", "-", "--stdin-filename", "draft.en.txt", *cache], input=text
        )
        assert len(json.loads(result.output)["findings"]) == expected, result.output


def test_stdin_with_an_explicit_source(site: Path) -> None:
    (site / "kilde.nb.txt").write_text("Politiet arresterte 2400 personer i Almaty.\n", encoding="utf-8")
    args = ["-", "--stdin-filename", "utkast.en.txt", "--source", "kilde.nb.txt", "--source-lang", "nb"]
    result = check([*args, "--select", "TC301"], "Police arrested 2300 people in Almaty.\n")
    assert "utkast.en.txt:1:17: TC301" in result.output
