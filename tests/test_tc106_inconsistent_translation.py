"""TC106 inconsistent-translation: one source, several translations; one translation, several sources."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, findings, run_paths

PO = CHECK_FIXTURES / "TC106" / "fail-nb-ui.po"


def test_same_source_translated_two_ways_in_one_file() -> None:
    result = run_paths([PO], select=["TC106"])
    found = findings(result, "TC106")
    text = PO.read_text(encoding="utf-8")
    first = found[0]
    assert first["line"] == 14
    assert text[first["offset"] : first["end_offset"]] == "Ta vare på endringene"
    assert first["message"] == "the same source is translated as 'Lagre endringene' elsewhere"
    assert first["suggestion"] == "Lagre endringene"
    assert first["related"][0]["line"] == 7
    # the toolbar entry has its own msgctxt and is not compared with the others


def test_one_translation_for_different_sources() -> None:
    result = run_paths([PO], select=["TC106"])
    other = [f for f in findings(result, "TC106") if f["severity"] == "info"]
    assert [f["line"] for f in other] == [24]
    assert "'Remove' here, 'Delete' elsewhere" in other[0]["message"]


def test_majority_rendering_wins_in_a_memory() -> None:
    tmx = CHECK_FIXTURES / "TC106" / "fail-de-memory.tmx"
    (found,) = findings(run_paths([tmx], select=["TC106"]), "TC106")
    text = tmx.read_text(encoding="utf-8")
    assert text[found["offset"] : found["end_offset"]] == "Deine Sitzung ist abgelaufen."
    assert "(2 times)" in found["message"]


def test_across_files_of_one_run(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("en\tnb\nSign in to continue.\tLogg inn for å fortsette.\n", encoding="utf-8")
    b.write_text("en\tnb\nSign in to continue.\tLogg på for å fortsette.\n", encoding="utf-8")
    found = findings(run_paths([a, b], select=["TC106"]), "TC106")
    assert [(Path(f["path"]).name, f["line"]) for f in found] == [("b.tsv", 2)]
    assert Path(found[0]["related"][0]["path"]).name == "a.tsv"


def test_language_pairs_are_kept_apart(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("en\tnb\nSign in to continue.\tLogg inn for å fortsette.\n", encoding="utf-8")
    b.write_text("en\tda\nSign in to continue.\tLog ind for at fortsætte.\n", encoding="utf-8")
    assert not findings(run_paths([a, b], select=["TC106"]), "TC106")


EN_FAQ = """# Questions

Restart the service after you change the settings.

## Upgrading

Read the release notes first.

Restart the service after you change the settings.
"""
NB_FAQ_TWO_WAYS = """# Spørsmål

Start tjenesten på nytt etter at du har endret innstillingene.

## Oppgradering

Les versjonsmerknadene først.

Omstart tjenesten når innstillingene er endret.
"""
NB_FAQ_ONE_WAY = NB_FAQ_TWO_WAYS.replace(
    "Omstart tjenesten når innstillingene er endret.",
    "Start tjenesten på nytt etter at du har endret innstillingene.",
)
EN_GUIDE = "# Guide\n\nRestart the service after you change the settings.\n"
NB_GUIDE = "# Veiledning\n\nStart tjenesten på nytt når du har endret innstillingene.\n"


def _site(root: Path, pages: dict[str, str]) -> Path:
    (root / ".git").mkdir(exist_ok=True)
    for rel, text in pages.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


def test_aligned_page_with_one_sentence_two_ways(tmp_path: Path) -> None:
    root = _site(tmp_path, {"en/faq.md": EN_FAQ, "nb/faq.md": NB_FAQ_TWO_WAYS})
    assert findings(run_paths([root], select=["TC106"]), "TC106") == []  # prose: off by default
    (tmp_path / "tcheck.toml").write_text('[options.TC106]\nscope = "document"\n', encoding="utf-8")
    (found,) = findings(run_paths([root], select=["TC106"]), "TC106")
    assert found["path"].endswith("nb/faq.md") and found["line"] in (3, 9)


def test_other_pages_may_word_it_differently_unless_scope_is_run(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {"en/faq.md": EN_FAQ, "nb/faq.md": NB_FAQ_ONE_WAY, "en/guide.md": EN_GUIDE, "nb/guide.md": NB_GUIDE},
    )
    (tmp_path / "tcheck.toml").write_text('[options.TC106]\nscope = "document"\n', encoding="utf-8")
    assert findings(run_paths([root], select=["TC106"]), "TC106") == []
    config = tmp_path / "tcheck.toml"
    config.write_text('[options.TC106]\nscope = "run"\n', encoding="utf-8")
    found = findings(run_paths([root], select=["TC106"]), "TC106")
    assert [Path(f["path"]).name for f in found] == ["guide.md"]
