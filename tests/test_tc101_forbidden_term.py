"""TC101 forbidden-term: every glossary format, inflection, case, longest match, CJK."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, findings, run_text
from tcheck.glossary.matcher import TermMatcher

G = FIXTURES / "glossaries"


def _glossary(tmp_path: Path, rows: str, langs: str = "nb -> en") -> str:
    path = tmp_path / "g.csv"
    path.write_text(f"# languages: {langs}\nsource,target,forbidden,case_sensitive\n{rows}", encoding="utf-8")
    return str(path)


def _tc101(tmp_path: Path, text: str, glossary: str, source_lang: str, target_lang: str) -> list[dict]:
    result = run_text(tmp_path, text, source_lang=source_lang, target_lang=target_lang, glossary=[glossary])
    return findings(result, "TC101")


def test_inflected_forms_norwegian(tmp_path: Path) -> None:
    glossary = _glossary(
        tmp_path,
        "Nordic Council,Nordisk råd,Nordisk rådet,no\nadviser,rådgiver,konsulentrådgiver,no\n",
        "en -> nb",
    )
    text = "Nordisk rådet møttes. Flere konsulentrådgivere deltok, og konsulentrådgiveren talte.\n"
    found = _tc101(tmp_path, text, glossary, "en", "nb")
    assert [text[f["column"] - 1 : f["end_column"] - 1] for f in found] == [
        "Nordisk rådet",
        "konsulentrådgivere",
        "konsulentrådgiveren",
    ]
    assert found[1]["message"] == (
        "'konsulentrådgivere' is a forbidden term (a form of 'konsulentrådgiver') (g.csv:4); use 'rådgiver'"
    )
    assert all(f["suggestion"] in ("Nordisk råd", "rådgiver") for f in found)


def test_german_compound_and_case_folding(tmp_path: Path) -> None:
    glossary = _glossary(
        tmp_path, "European Commission,Europäische Kommission,Europa-Kommission,no\n", "en -> de"
    )
    text = "Die EUROPA-KOMMISSION und die Europa-Kommissionen? Nein: die Europäische Kommission.\n"
    found = _tc101(tmp_path, text, glossary, "en", "de")
    assert [f["column"] for f in found] == [5, 31]
    assert {f["suggestion"] for f in found} == {"Europäische Kommission"}


def test_case_sensitive_acronym_and_genitive(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, "UN,FN,UN,yes\n", "en -> nb")
    text = "UNs generalsekretær sa at UN må handle. Ordet «un» på fransk er ikke et akronym.\n"
    found = _tc101(tmp_path, text, glossary, "en", "nb")
    assert [(f["column"], f["end_column"]) for f in found] == [(1, 4), (27, 29)]


def test_exact_beats_inflected_and_allowed_wins(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, "EU,European Union,European Unions,no\n")
    text = "The European Union met. European Unions do not exist.\n"
    found = _tc101(tmp_path, text, glossary, "nb", "en")
    assert [text[f["column"] - 1 : f["end_column"] - 1] for f in found] == ["European Unions"]


def test_longest_match_first(tmp_path: Path) -> None:
    glossary = _glossary(
        tmp_path, "FNs sikkerhetsråd,UN Security Council,FN Security Council,no\nFN,UN,FN,yes\n"
    )
    text = "The FN Security Council met. FN said so.\n"
    found = _tc101(tmp_path, text, glossary, "nb", "en")
    assert [(text[f["column"] - 1 : f["end_column"] - 1], f["suggestion"]) for f in found] == [
        ("FN Security Council", "UN Security Council"),
        ("FN", "UN"),
    ]


def test_chinese_substring_and_multilingual_tbx(tmp_path: Path) -> None:
    text = "欧洲委员会周二提出新规定。\n"
    result = run_text(tmp_path, text, source_lang="en", target_lang="zh", glossary=[str(G / "basic-v3.tbx")])
    found = findings(result, "TC101")
    assert [(f["column"], f["end_column"], f["suggestion"]) for f in found] == [(1, 6, "欧盟委员会")]
    assert "basic-v3.tbx:24" in found[0]["message"]


def test_toml_and_tbx_min_glossaries(tmp_path: Path) -> None:
    text = "Generalsekretæren i De Forente Nasjoner sa at Nordisk rådet må samarbeide.\n"
    result = run_text(tmp_path, text, source_lang="en", target_lang="nb", glossary=[str(G / "house.toml")])
    assert [f["suggestion"] for f in findings(result, "TC101")] == ["FN", "Nordisk råd"]
    text = "Das Mobiltelefon klingelte. Zwei Mobiltelefone lagen auf dem Tisch.\n"
    result = run_text(
        tmp_path, text, name="de.txt", source_lang="en", target_lang="de", glossary=[str(G / "min.tbx")]
    )
    assert [f["suggestion"] for f in findings(result, "TC101")] == ["Smartphone", "Smartphone"]


def test_glossary_for_another_language_is_not_used(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path, "FN,UN,FN,yes\n")
    result = run_text(
        tmp_path, "FN møttes i New York.\n", source_lang="en", target_lang="nb", glossary=[glossary]
    )
    assert not findings(result, "TC101")


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        ("en", "Nordic Advice", "the Nordic Advices met", "Nordic Advices"),
        ("de", "Kommission", "der Kommissionen", "Kommissionen"),
        ("nb", "rådgiver", "rådgiveren", "rådgiveren"),
        ("fr", "courriel", "des courriels", "courriels"),
        ("en", "CSTO", "CSTO's troops", "CSTO"),
        ("nb", "FN", "FNs utsending", "FNs"),
        ("zh", "北约", "北约峰会", "北约"),
        ("ja", "Google", "Googleは発表した", "Google"),
    ],
)
def test_matcher_inflection(lang: str, term: str, text: str, found: str) -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add(term, "x", False, lang)
    assert [m.text for m in matcher.find(text)] == [found]


def test_matcher_no_partial_words() -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add("general", "x", False, "en")
    matcher.add("EU", "y", True, "en")
    assert [m.text for m in matcher.find("The generator of EUR and EUROPE")] == []


def test_a_forbidden_term_with_another_ending(tmp_path: Path) -> None:
    # Russian: the forbidden loanword 'девайс' in the plural ('девайсы' extends it) and a
    # forbidden 'компьютерная программа' whose last word changes its ending
    glossary = _glossary(
        tmp_path,
        "device,устройство,девайс,no\nsoftware,программное обеспечение,софтина,no\n",
        "en -> ru",
    )
    text = "Все девайсы подключены, но софтины устарели.\n"
    found = _tc101(tmp_path, text, glossary, "en", "ru")
    assert [f["suggestion"] for f in found] == ["устройство", "программное обеспечение"]
    assert not _tc101(tmp_path, "Все устройства подключены.\n", glossary, "en", "ru")


def test_tc101_alone_does_not_align_translations_with_their_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repository's translation keeps its original's language (which side of a termbase is
    the target), but a run of TC101 alone aligns no sentences: it never reads the source."""
    from helpers import run_paths
    from tcheck import loader

    for lang, text in (
        ("en", "The Kremlin asked the CSTO for help.\n\nTroops arrived on Thursday.\n"),
        ("de", "Der Kreml bat die CTSO um Hilfe.\n\nDie Truppen kamen am Donnerstag.\n"),
    ):
        (tmp_path / "content" / lang).mkdir(parents=True)
        (tmp_path / "content" / lang / "kasachstan.md").write_text(text, encoding="utf-8")
    (tmp_path / "g.tbx").write_text(
        '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>'
        '<conceptEntry id="csto"><langSec xml:lang="en"><termSec><term>CSTO</term></termSec></langSec>'
        '<langSec xml:lang="de"><termSec><term>OVKS</term></termSec><termSec><term>CTSO</term>'
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>'
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    aligned: list[str] = []
    real = loader.pair_with_source
    monkeypatch.setattr(
        loader, "pair_with_source", lambda t, s, c=0.3: aligned.append(t.path) or real(t, s, c)
    )
    runs = {}
    for select in (["TC101"], ["TC101", "TC102"]):
        aligned.clear()
        result = run_paths([tmp_path / "content"], glossary=[str(tmp_path / "g.tbx")], select=select)
        runs[len(select)] = (
            [(f["path"], f["line"], f["message"]) for f in findings(result, "TC101")],
            len(aligned),
        )
    (alone, alone_aligned), (with_tc102, with_aligned) = runs[1], runs[2]
    assert alone == with_tc102 and len(alone) == 1 and "'CTSO' is a forbidden term" in alone[0][2]
    assert "use 'OVKS'" in alone[0][2]
    assert alone_aligned == 0 and with_aligned == 1
