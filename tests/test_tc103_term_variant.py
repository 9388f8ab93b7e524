"""TC103 term-variant: one name or acronym written two ways, found without a glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import findings, run_paths, run_text
from tcheck.checks._variants import relate, skeleton
from tcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-unrest.en.txt"


def _seed(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", str(SEED), "--source-lang", "nb", "--format", "json", *args])
    return json.loads(result.stdout)["findings"]


def test_seed_without_glossary_reports_the_csto_clash_with_evidence() -> None:
    tc103 = [f for f in _seed("--no-default-glossaries") if f["code"] == "TC103"]
    clash = [f for f in tc103 if "CTSO" in f["message"]]
    assert len(clash) == 1
    finding = clash[0]
    assert finding["line"] == 65
    text = SEED.read_text(encoding="utf-8").splitlines()
    assert text[64][finding["column"] - 1 : finding["end_column"] - 1] == "CSTO"
    assert sorted(r["line"] for r in finding["related"]) == [61, 79, 87]
    assert "3 against 1" in finding["message"]
    assert "no glossary says which is right" in finding["message"]
    assert finding["severity"] == "warning"


def test_seed_with_shipped_glossary_leaves_csto_to_tc101() -> None:
    found = _seed()
    tc101 = {(f["line"], f["column"]) for f in found if f["code"] == "TC101"}
    assert {line for line, _ in tc101} == {61, 79, 87}
    tc103 = [f for f in found if f["code"] == "TC103"]
    assert not [f for f in tc103 if "CSTO" in f["message"] or "CTSO" in f["message"]]
    assert not {(f["line"], f["column"]) for f in tc103} & tc101


def test_seed_name_with_dropped_double_letter() -> None:
    tc103 = [f for f in _seed("--no-default-glossaries") if f["code"] == "TC103"]
    kasym = [f for f in tc103 if f["message"].startswith("'Kasym-Jomart'")]
    assert [f["line"] for f in kasym] == [61]
    assert kasym[0]["suggestion"] == "Kassym-Jomart"
    assert {r["line"] for r in kasym[0]["related"]} >= {57, 63, 119}
    assert "a doubled letter" in kasym[0]["message"]


def test_majority_is_the_suggestion(tmp_path: Path) -> None:
    text = "NATO met in Oslo. The NATO summit ended. A NTAO spokesman spoke. NATO leaders left.\n"
    result = run_text(tmp_path, text, target_lang="en")
    found = findings(result, "TC103")
    assert [f["suggestion"] for f in found] == ["NATO"]
    assert text[found[0]["column"] - 1 : found[0]["end_column"] - 1] == "NTAO"


def test_tie_suggests_nothing(tmp_path: Path) -> None:
    text = "Tokayev spoke on Monday.\n\nLater, Tokaev spoke again.\n"
    found = findings(run_text(tmp_path, text, target_lang="en"), "TC103")
    assert len(found) == 1
    assert found[0]["suggestion"] is None
    assert "1 against 1" in found[0]["message"]
    assert "neither is more frequent" in found[0]["message"]


def test_glossary_preferred_form_is_the_suggestion(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("# languages: nb -> en\nsource,target\nTokajev,Tokayev\n", encoding="utf-8")
    text = "Tokaev spoke on Monday. Tokaev spoke again. Tokayev left.\n"
    found = findings(
        run_text(tmp_path, text, target_lang="en", source_lang="nb", glossary=[str(glossary)]), "TC103"
    )
    assert [f["suggestion"] for f in found] == ["Tokayev", "Tokayev"]
    assert "glossary term 'Tokayev'" in found[0]["message"]


def test_across_documents_of_one_story(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "President Tokayev met Putin in Almaty. Tokayev thanked Lukashenko and Pashinyan.\n", encoding="utf-8"
    )
    b.write_text("In Almaty, Tokaev said Putin, Lukashenko and Pashinyan had helped.\n", encoding="utf-8")
    found = findings(run_paths([a, b], target_lang="en"), "TC103")
    assert len(found) == 1
    assert found[0]["path"].endswith("b.txt")
    assert found[0]["related"][0]["path"].endswith("a.txt")


def test_unrelated_documents_are_not_compared(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Mr Phillips opened the bakery in Leeds on Monday.\n", encoding="utf-8")
    b.write_text("The Philips factory in Eindhoven makes lamps.\n", encoding="utf-8")
    assert not findings(run_paths([a, b], target_lang="en"), "TC103")


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("CSTO", "CTSO", "transposed letters"),
        ("Kassym", "Kasym", "a doubled letter"),
        ("Tokayev", "Tokajev", "a transliteration variant"),
        ("Nazarbayev", "Nazarbaev", "a transliteration variant"),
        ("Kassym-Jomart", "Kassym Jomart", "a hyphen or space variant"),
        ("NATO", "Nato", "different capitals"),
        ("e-mail", "email", "a hyphen or space variant"),
        ("Parliament", "Parlaiment", "swapped letters"),
    ],
)
def test_related_forms(a: str, b: str, label: str) -> None:
    relation = relate(a, b, None, set())
    assert relation is not None and relation.label == label


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia", "Russian"),
        ("Kazakh", "Kazakhstan"),
        ("Swedes", "Sweden"),
        ("Tokajev", "Tokajevs"),
        ("The", "THE"),
        ("UN", "Un"),
        ("NIGEL", "Nigel"),
        ("EU", "UE"),
        ("Nur-Sultan", "Nursultan"),
        ("Internet", "internet"),
        ("Jones", "Jonas"),
        ("well-known", "well known"),
    ],
)
def test_unrelated_forms(a: str, b: str) -> None:
    assert relate(a, b, None, {"the"}) is None


def test_skeleton_folds_transliteration() -> None:
    assert skeleton("Tokayev") == skeleton("Tokaev") == skeleton("Tokajev")
    assert skeleton("Aleksandr") == skeleton("Alexandr")
    assert skeleton("Kassym-Jomart") == skeleton("Kasym Zhomart")


def _tc103(tmp_path: Path, text: str, lang: str) -> list[dict]:
    return findings(run_text(tmp_path, text, target_lang=lang), "TC103")


def test_particles_written_onto_latin_names_are_one_name(tmp_path: Path) -> None:
    ko = (
        "YAML과 JSON을 지원합니다. YAML은 읽기 쉽습니다. API에 요청하고 API를 호출합니다.\n\n"
        "URL의 형식과 URL을 확인하세요. YAML로 작성하고 YAML이 좋습니다. CRD가 있고 CRD를 설치합니다.\n"
    )
    assert _tc103(tmp_path, ko, "ko") == []
    ja = "継続的デプロイメント(CD)はCIと密接に関連しており、しばしばCI/CDと呼ばれます。CDは自動です。\n"
    assert _tc103(tmp_path, ja, "ja") == []
    bn = "API-গুলির সীমাবদ্ধতা রয়েছে। APIগুলি প্রোগ্রামকে সাহায্য করে। APIগুলি দ্রুত।\n"
    assert _tc103(tmp_path, bn, "bn") == []
    # the Latin part is still compared: a real variant inside Korean text is reported
    found = _tc103(tmp_path, "GitHub에서 확인하세요. GitHub를 사용합니다. Github에 올리세요.\n", "ko")
    assert [f["suggestion"] for f in found] == ["GitHub"]


def test_codes_and_consistent_acronyms_are_not_variants(tmp_path: Path) -> None:
    text = (
        "HIP-0023 describes the plugin system. HIP-0026 describes the chart format.\n\n"
        "Both TC401 and TC410 report language problems.\n\n"
        "The OTEP process changes the OTLP protocol. Every OTEP needs review before OTLP changes.\n"
    )
    assert _tc103(tmp_path, text, "en") == []
    assert relate("OTEP", "OTLP", None, set()) is not None  # one changed letter, if one is rare
    # a shouted word is not an acronym: ПРИМІТКИ (notes) and ПРИМІТКА (note)
    assert relate("ПРИМІТКИ", "ПРИМІТКА", None, set()) is None


def test_different_common_words_are_not_transliterations() -> None:
    assert relate("Daten", "Dateien", None, set()) is None
    assert relate("Herkunftsdaten", "Herkunftsdateien", None, set()) is None
    assert relate("Tokayev", "Tokaev", None, set()) is not None
    assert relate("Continous", "Continuous", None, set()) is not None  # a dropped letter


def test_labels_and_alternatives_given_on_purpose(tmp_path: Path) -> None:
    fr = "NOTE : Helm ne gère pas cela.\n\n**Note :** Un chart peut servir de bibliothèque.\n\nNOTE : Le fichier doit exister.\n"
    assert _tc103(tmp_path, fr, "fr") == []
    it = "Multitenancy (o multi-tenancy) si riferisce a una installazione. Senza multitenancy serve altro.\n"
    assert _tc103(tmp_path, it, "it") == []


def test_german_compounds_and_identifiers_are_notes(tmp_path: Path) -> None:
    de = (
        "Die Chart-Repositories liegen auf dem Server.\n\n"
        "Chart Repositories werden mit Helm verwaltet.\n\n"
        "Die Chart-Repositories sind öffentlich.\n"
    )
    assert [f["severity"] for f in _tc103(tmp_path, de, "de")] == ["info"]
    en = "The SHA256 digest is signed. Docker prints the SHA256 digest. Each SHA-256 digest is unique.\n"
    assert [f["severity"] for f in _tc103(tmp_path, en, "en")] == ["info"]
    real = "Go to GitHub. Open GitHub issues. Sign in to Github.\n"
    assert [f["severity"] for f in _tc103(tmp_path, real, "en")] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "Kassym-Jomart Tokayev asked the CSTO for help on Wednesday, NTB reports.",
        "«Die Bundesregierung» schickte am Mittwoch 300 Soldaten nach Almaty (Kasachstan).",
        "YAML과 API를 사용하면 Helm Chart-Repositories를 만들 수 있습니다.",
        "政府は水曜日、しばしばCIとAPIの設定を確認した。",
        "ПРИМІТКА: уряд у середу направив до Казахстану нових солдатів.",
        "THE GOVERNMENT SENT MORE SOLDIERS",
        "2022 Tokayev sa 19. januar at CSTO 1 000 soldater, 2 300 i alt, kom til Almaty.",
    ],
)
def test_split_tokens_are_the_tokens_of_the_sentence(text: str) -> None:
    """The plain lower-case words (of any cased script) and the others but numbers, split, are
    :func:`tokens` in two lists, in batches (stretches of about ``2 * batch`` characters)."""
    from tcheck.checks._variants import _mixed_part, split_tokens, tokens

    all_tokens = list(tokens(text))
    batches = list(split_tokens(text, batch=3))
    assert len(batches) > 1 or not all_tokens
    assert all(len(p) + len(m) <= 6 for p, m in batches)
    plain = [w for p, _ in batches for w in p]
    marked = [t for _, m in batches for t in m]

    def is_plain(word: str) -> bool:
        return word.islower() and (word.isascii() or _mixed_part(word) == (0, word))

    assert sorted(plain) == sorted(w for _, _, w, _ in all_tokens if is_plain(w))
    others = [t for t in all_tokens if not is_plain(t[2]) and not t[2].isdigit()]
    assert marked == others  # offsets, words and whether each starts the sentence or a quote
    assert plain or marked or text.isupper()
