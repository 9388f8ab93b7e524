"""A TC101-only run does not read pages in which no forbidden term can occur, and reports exactly
what a run that reads every page reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck import loader, pipeline
from tcheck.cli import main

GLOSSARY = (
    "# languages: en -> de\n"
    "id,source,target,forbidden\n"
    "ec,European Commission,Europäische Kommission,EU-Kommission\n"
    "un,United Nations,Vereinte Nationen,Vereinigte Nationen\n"
    "border,border control,Grenzkontrolle,Grenzüberwachung\n"
)
PAGES = {
    "plain.md": "# Haushalt\n\nDer Bundestag beriet am Mittwoch über den Haushalt für 2023.\n",
    "exact.md": "# Brüssel\n\nDie EU-Kommission legte am Dienstag einen Vorschlag vor.\n",
    "inflected.md": "Die Sprecherin der Vereinigten Nationen lobte die Grenzüberwachungen.\n",
    "emphasis.md": "Laut _Grenzüberwachung_ und **EU**-Kommission gab es keine Einigung.\n",
    "notes.txt": "Ein Bericht ohne Glossarbegriffe, geschrieben am 19. Januar 2022.\n",
    "front.md": "---\ntitle: Vereinigte Nationen\n---\n\nEin Text über die Vereinigten Nationen.\n",
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "off")
    return tmp_path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the run read and parsed."""
    seen: list[str] = []
    real = loader.read_documents

    def reading(path: str, *args: object, **kwargs: object) -> object:
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_documents", reading)
    return seen


def run(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(
        main,
        [
            "check",
            ".",
            "--jobs",
            "1",
            "--glossary",
            "terms.csv",
            "--no-default-glossaries",
            "--format",
            "json",
            *args,
        ],
    )
    assert result.exit_code in (0, 1), result.output
    out: dict[str, object] = json.loads(result.stdout)
    return out


def _without_prefilter(monkeypatch: pytest.MonkeyPatch, *args: str) -> dict[str, object]:
    with monkeypatch.context() as m:
        m.setattr(pipeline, "term_prefilter", lambda job: None)
        return run(*args)


def test_pages_without_a_forbidden_term_are_not_parsed(
    site: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    options = ("--select", "TC101", "--target-lang", "de", "--source-lang", "en")
    report = run(*options)
    assert sorted(parsed) == ["emphasis.md", "exact.md", "front.md", "inflected.md"]
    found = {(f["path"], f["line"]) for f in report["findings"]}  # type: ignore[index, union-attr]
    assert ("exact.md", 3) in found and ("inflected.md", 1) in found and ("front.md", 5) in found
    assert ("emphasis.md", 1) in found  # a term inside emphasis markers: found, not ruled out
    parsed.clear()
    assert _without_prefilter(monkeypatch, *options) == report
    assert len(parsed) == len(PAGES)  # every page read
    assert report["summary"]["files"] == len(PAGES)  # type: ignore[index]


def test_pages_whose_language_is_not_given_are_not_identified_for_nothing(
    site: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --target-lang a page would be language-identified; it is tested against the terms
    of every language the glossaries have (de, and en for the source side of this one)."""
    identified: list[str] = []
    real = loader.detect_language

    def detecting(doc: object) -> object:
        identified.append(Path(doc.path).name)  # type: ignore[attr-defined]
        return real(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "detect_language", detecting)
    report = run("--select", "TC101")
    assert sorted(parsed) == ["emphasis.md", "exact.md", "front.md", "inflected.md"]
    assert "plain.md" not in identified and "notes.txt" not in identified
    assert report == _without_prefilter(monkeypatch, "--select", "TC101")
    assert len(parsed) == 4 + len(PAGES)  # the second run read every page


def test_other_checks_read_every_page(site: Path, parsed: list[str]) -> None:
    run("--select", "TC101,TC201", "--target-lang", "de", "--source-lang", "en")
    assert len(parsed) == len(PAGES)


ZH_GLOSSARY = (
    "# languages: en -> zh\n"
    "id,source,target,forbidden\n"
    "csto,CSTO,集体安全条约组织,集安组织\n"
    "nato,NATO,北约,北大西洋公约组织_旧称\n"
)
ZH_PAGES = {
    "inside.md": "俄罗斯领导的集安组织周四向阿拉木图派兵。\n",  # a term inside a run of characters
    "plain.md": "托卡耶夫总统周三表示局势已得到控制。\n",
    "underscored.md": "参见 _北大西洋公约组织_旧称_ 一节。\n",
}


def test_terms_without_spaces_and_underscores(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in ZH_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "terms.csv").write_text(ZH_GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "off")
    options = ("--select", "TC101", "--target-lang", "zh", "--source-lang", "en")
    report = run(*options)
    assert sorted(parsed) == ["inside.md", "underscored.md"]
    assert {f["path"] for f in report["findings"]} >= {"inside.md"}  # type: ignore[index, union-attr]
    assert _without_prefilter(monkeypatch, *options) == report


EN_GLOSSARY = (
    "# languages: uk -> en\n"
    "id,source,target,forbidden\n"
    "kcc,Київська міська рада,Kyiv City Council,Kiev City Council\n"
    "dnipro,Дніпро,Dnipro,Dnepr\n"
)
EN_PAGES = {
    "council.md": "The city council of Oslo met on Monday to discuss the budget.\n",
    "kiev.md": "A statement from the Kiev City Council was read out on Tuesday.\n",
    "emphasis.md": "In the **Kiev City Council** minutes, the river is named.\n",
    "river.txt": "The Dnipro rose by two metres; nobody wrote Dnepr any more.\n",
}


def test_a_page_with_only_some_words_of_a_term_is_not_parsed(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in EN_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "terms.csv").write_text(EN_GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "off")
    options = ("--select", "TC101", "--target-lang", "en", "--source-lang", "uk")
    report = run(*options)
    # 'council' and 'city' occur in council.md, 'kiev' does not: it cannot hold the term
    assert sorted(parsed) == ["emphasis.md", "kiev.md", "river.txt"]
    findings = report["findings"]
    assert isinstance(findings, list)
    assert {f["path"] for f in findings} == {"kiev.md", "emphasis.md", "river.txt"}
    assert _without_prefilter(monkeypatch, *options) == report


REPO_GLOSSARY = (
    "# languages: en -> de\nid,source,target,forbidden\ngov,federal government,Bundesregierung,Regierung\n"
)
REPO_PAGES = {
    "content/en/budget.md": "# Budget\n\nThe federal government presented its budget on Wednesday.\n",
    "content/de/budget.md": "# Haushalt\n\nDie Regierung legte am Mittwoch ihren Haushalt vor.\n",
    "content/en/sport.md": "# Sport\n\nThe national team won on Sunday evening in Oslo.\n",
    "content/de/sport.md": "# Sport\n\nDie Nationalmannschaft gewann am Sonntagabend in Oslo.\n",
    "content/en/empty.md": "\n",
    "content/de/empty.md": "# Leer\n\nEin Absatz ohne Begriffe, am Montag geschrieben.\n",
    "content/en/binary.md": "The minister\x00 spoke.\n",
    "content/de/binary.md": "# Binär\n\nDer Minister sprach am Dienstag.\n",
}


def test_translations_in_a_repository_are_tested_with_their_originals_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout pairs content/de/ with content/en/: the source language is the layout's once
    the original is read, so a translation that cannot hold a term is not parsed. Where the
    original cannot be read (empty, binary) the page has no source language: it is read."""
    for name, text in REPO_PAGES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "terms.csv").write_text(REPO_GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TCHECK_RESULT_CACHE", "off")
    read: list[str] = []
    real = loader.read_documents

    def reading(path: str, *args: object, **kwargs: object) -> object:
        read.append("/".join(Path(path).parts[-2:]))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_documents", reading)
    report = run("--select", "TC101")
    assert "de/sport.md" not in read  # neither read nor language-identified
    assert {"de/budget.md", "de/empty.md", "de/binary.md"} <= set(read)
    findings = report["findings"]
    assert isinstance(findings, list)
    assert [(f["path"], f["line"]) for f in findings] == [("content/de/budget.md", 3)]
    assert _without_prefilter(monkeypatch, "--select", "TC101") == report
