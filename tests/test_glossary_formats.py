"""Glossary formats: CSV/TSV, TOML, TBX v2/v3 (Basic, DCT, Min) load into one model."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES
from tcheck.errors import InputError
from tcheck.glossary import convert, lint, load

G = FIXTURES / "glossaries"


def _texts(terms) -> list[tuple[str, str]]:
    return [(t.text, t.status) for t in terms]


def test_tbx_v2_basic() -> None:
    g = load(str(G / "basic-v2.tbx"))
    assert (g.source_lang, g.target_lang) == ("nb", "en")
    csto = next(e for e in g.entries if e.id == "csto")
    assert _texts(csto.target_terms) == [
        ("CSTO", "preferred"),
        ("Collective Security Treaty Organization", "admitted"),
        ("CTSO", "forbidden"),
        ("Tashkent Treaty", "forbidden"),  # superseded, inside an ntig/termGrp
    ]
    assert [t.kind for t in csto.target_terms[:2]] == ["acronym", "fullForm"]
    assert csto.target_terms[0].case_sensitive  # acronyms are matched with their capitals
    assert not csto.target_terms[1].case_sensitive
    assert csto.line == 9 and csto.target_terms[2].line == 26
    assert csto.preferred is not None and csto.preferred.text == "CSTO"
    hrw = next(e for e in g.entries if e.id == "hrw")
    assert hrw.dnt and not csto.dnt


def test_tbx_v3_multilingual_projects_onto_any_pair() -> None:
    g = load(str(G / "basic-v3.tbx"))
    assert g.languages == ("de", "en", "nb", "zh") and g.multilingual
    de = g.for_pair("en", "de")
    assert de is not None and (de.source_lang, de.target_lang) == ("en", "de")
    commission = de.entries[0]
    assert _texts(commission.source_terms) == [("European Commission", "preferred")]
    assert _texts(commission.target_terms) == [
        ("Europäische Kommission", "preferred"),
        ("EU-Kommission", "admitted"),
        ("Europa-Kommission", "forbidden"),
    ]
    zh = g.for_pair("nb", "zh")
    assert zh is not None
    assert [t.text for t in zh.entries[0].source_terms] == ["Europakommisjonen", "EU-kommisjonen"]
    assert [t.text for t in zh.entries[0].forbidden] == ["欧洲委员会"]
    assert g.for_pair("en", "fr") is None
    assert g.applies_to("en", "nb") and not g.applies_to("fr", "nb")
    euro = g.for_pair("en", "nb").entries[1]  # type: ignore[union-attr]
    assert euro.dnt  # a transferComment saying "do not translate"


def test_tbx_v3_dct_style_and_tbx_min() -> None:
    dct = load(str(G / "dct-v3.tbx"))
    assert (dct.source_lang, dct.target_lang) == ("en", "fr")
    assert _texts(dct.entries[0].target_terms) == [("courriel", "preferred"), ("mél", "forbidden")]
    mini = load(str(G / "min.tbx"))
    assert (mini.source_lang, mini.target_lang) == ("en", "de")
    assert _texts(mini.entries[0].target_terms) == [
        ("Smartphone", "preferred"),
        ("Handy", "admitted"),
        ("Mobiltelefon", "forbidden"),
    ]


def test_csv_with_human_header_and_synonyms() -> None:
    g = load(str(G / "synonyms.csv"))
    assert (g.source_lang, g.target_lang) == ("nb", "en")
    who, adviser, storting = g.entries
    assert [t.text for t in who.source_terms] == ["Verdens helseorganisasjon", "WHO"]
    assert _texts(who.target_terms) == [
        ("World Health Organization", "preferred"),
        ("WHO", "admitted"),
        ("World Health Organisation", "forbidden"),
    ]
    assert [t.text for t in adviser.source_terms] == ["rådgiver", "rådgjevar"]
    assert [t.text for t in adviser.allowed] == ["adviser", "advisor"]
    assert storting.note == 'Only as a name; "Storting" needs no article'
    assert [t.text for t in storting.forbidden] == ["Stortinget", "the Great Thing"]
    assert storting.line == 6


def test_tsv_german_chinese() -> None:
    g = load(str(G / "de-zh.tsv"))
    assert (g.source_lang, g.target_lang) == ("de", "zh")
    assert [t.text for t in g.entries[1].source_terms] == ["Bundeskanzler", "Kanzler"]
    assert _texts(g.entries[1].target_terms) == [("联邦总理", "preferred"), ("总理大臣", "forbidden")]


def test_toml() -> None:
    g = load(str(G / "house.toml"))
    assert (g.source_lang, g.target_lang) == ("en", "nb")
    un, council, spotify = g.entries
    assert un.id == "un" and un.note == "FN in Norwegian" and un.target_terms[0].case_sensitive
    assert _texts(un.target_terms) == [
        ("FN", "preferred"),
        ("De forente nasjoner", "admitted"),
        ("UN", "forbidden"),
        ("De Forente Nasjoner", "forbidden"),
    ]
    assert council.line == 13 and [t.text for t in council.forbidden] == ["Nordisk rådet"]
    assert spotify.dnt and [t.text for t in spotify.target_terms] == ["Spotify"]


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad-columns.csv", 2, "unknown column 'forbiden'"),
        ("bad-rows.csv", 4, "empty target term"),
        ("bad-cross.csv", 3, "forbidden here but allowed by the entry at line 5"),
        ("bad.toml", 7, "unknown key 'colour'"),
        ("bad-status.tbx", 8, "unknown administrativeStatus 'prefered'"),
        ("broken.tbx", 7, "not well-formed XML"),
        ("bomb.tbx", 3, "refused unsafe XML"),
        ("external.tbx", 3, "refused unsafe XML"),
    ],
)
def test_malformed_files_fail_with_their_line(name: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as info:
        load(str(G / name))
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"{G / name}:{line}: ")


def test_lint_reports_every_problem_not_just_the_first() -> None:
    problems = [(p.line, p.level, p.message) for p in lint(str(G / "bad-rows.csv"))]
    assert problems == [
        (4, "error", "empty target term"),
        (5, "error", "term 'NATO' is both allowed and forbidden"),
        (6, "error", "case_sensitive must be yes or no, not 'maybe'"),
        (7, "error", "empty term in column 'target'"),
    ]
    cross = lint(str(G / "bad-cross.csv"))
    assert [(p.line, p.level) for p in cross] == [(3, "error"), (4, "warning")]
    assert "contradictory entry: source term 'FN' is also at line 3" in cross[1].message


def test_unsafe_xml_never_expands(tmp_path: Path) -> None:
    problems = lint(str(G / "external.tbx"))
    assert len(problems) == 1 and "entities are not allowed" in problems[0].message


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "terms.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match=r"unknown glossary format \.xlsx"):
        load(str(path))


@pytest.mark.parametrize("first", ["synonyms.csv", "house.toml", "basic-v2.tbx", "de-zh.tsv", "min.tbx"])
@pytest.mark.parametrize("via", [".csv", ".tsv", ".toml", ".tbx"])
def test_conversion_round_trip(tmp_path: Path, first: str, via: str) -> None:
    original = load(str(G / first))
    middle = tmp_path / f"middle{via}"
    convert(str(G / first), str(middle))
    back = tmp_path / f"back{Path(first).suffix}"
    convert(str(middle), str(back))
    again = load(str(back))
    assert (again.source_lang, again.target_lang) == (original.source_lang, original.target_lang)
    for a, b in zip(original.entries, again.entries, strict=True):
        assert _texts(a.source_terms) == _texts(b.source_terms) or via != ".tbx"
        assert [(t.text, t.status != "forbidden") for t in a.target_terms] == [
            (t.text, t.status != "forbidden") for t in b.target_terms
        ]
        assert a.dnt == b.dnt
    assert lint(str(back)) == []


def test_tbx_version_2_output(tmp_path: Path) -> None:
    out = tmp_path / "out.tbx"
    convert(str(G / "synonyms.csv"), str(out), tbx_version=2)
    text = out.read_text(encoding="utf-8")
    assert "<martif" in text and "<termEntry" in text and "deprecatedTerm-admn-sts" in text
    assert len(load(str(out)).entries) == 3


def test_multilingual_tbx_cannot_become_csv(tmp_path: Path) -> None:
    from tcheck.errors import UsageError

    with pytest.raises(UsageError, match=r"convert to \.tbx"):
        convert(str(G / "basic-v3.tbx"), str(tmp_path / "x.csv"))
