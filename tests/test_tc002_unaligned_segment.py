"""TC002 unaligned-segment: sentences without a partner after alignment, never paired wrongly."""

from __future__ import annotations

from pathlib import Path

from helpers import CHECK_FIXTURES, findings, run_fixture, run_paths

FOLDER = CHECK_FIXTURES / "TC002"


def test_missing_source_sentence_is_placed_where_its_translation_would_be() -> None:
    result = run_fixture(FOLDER / "fail-en-missing.txt")
    (found,) = findings(result, "TC002")
    assert found["message"] == (
        "the source sentence 'Rundt 300 passasjerer ble sendt hjem fra Aker brygge.' has no translation here"
    )
    assert (found["line"], found["offset"]) == (3, found["end_offset"])
    text = (FOLDER / "fail-en-missing.txt").read_text(encoding="utf-8")
    assert text[: found["offset"]].endswith("early tomorrow morning.")
    related = found["related"][0]
    assert Path(related["path"]).name == "source-en-missing.txt" and related["line"] == 3


def test_added_target_sentence_is_reported_in_place() -> None:
    result = run_fixture(FOLDER / "fail-de-added.txt")
    (found,) = findings(result, "TC002")
    text = (FOLDER / "fail-de-added.txt").read_text(encoding="utf-8")
    assert text[found["offset"] : found["end_offset"]] == (
        "Direktorin Anna Weber spricht von einem großen Tag für die ganze Region und dankt allen Spendern."
    )


def test_merged_sentences_are_not_unaligned() -> None:
    assert not findings(run_fixture(FOLDER / "pass-fr-merged.txt"), "TC002")


def test_other_checks_never_see_a_wrong_partner(tmp_path: Path) -> None:
    source = tmp_path / "en.txt"
    target = tmp_path / "nb.txt"
    source.write_text(
        "The bridge closes on Monday.\n\nAbout 300 buses will replace the trams for 21 days.\n\n"
        "The city apologises for the inconvenience.\n",
        encoding="utf-8",
    )
    target.write_text(
        "Broen stenges mandag.\n\nByen beklager ulempene.\n",
        encoding="utf-8",
    )
    result = run_paths([target], source=source, target_lang="nb", source_lang="en", select=["TC002"])
    (found,) = findings(result, "TC002")
    assert "About 300 buses" in found["message"]


SITE_SOURCE = """---
title: Backups
---

# Backups

The agent copies every database to the storage bucket each night. It keeps the last fourteen copies and deletes older ones.

## Restoring a copy

Pick the copy you want in the console and press Restore. The database is read-only while the copy is loaded.

## Encryption

Every copy is encrypted with the key of your project before it leaves the server.
"""
MERGED_DE = """---
title: Sicherungen
---

# Sicherungen

Der Agent kopiert jede Nacht jede Datenbank in den Speicher-Bucket und behält die letzten vierzehn Kopien, ältere werden gelöscht.

## Eine Kopie wiederherstellen

Wählen Sie in der Konsole die gewünschte Kopie und klicken Sie auf Wiederherstellen. Während die Kopie geladen wird, ist die Datenbank schreibgeschützt.

## Verschlüsselung

Jede Kopie wird mit dem Schlüssel Ihres Projekts verschlüsselt, bevor sie den Server verlässt.
"""
OUTDATED_FR = """---
title: Sauvegardes
---

# Sauvegardes

L'agent copie chaque nuit toutes les bases de données dans le bucket de stockage. Il conserve les quatorze dernières copies et supprime les plus anciennes.

## Restaurer une copie

Choisissez la copie voulue dans la console et cliquez sur Restaurer. La base de données est en lecture seule pendant le chargement de la copie.
"""


def _site(root: Path, lang: str, page: str) -> Path:
    (root / ".git").mkdir(exist_ok=True)
    for code, text in (("en", SITE_SOURCE), (lang, page)):
        path = root / "content" / code / "backups.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "content"


def test_repository_page_with_merged_sentences_is_quiet(tmp_path: Path) -> None:
    """A translator who joins two sentences into one has left nothing out."""
    result = run_paths([_site(tmp_path, "de", MERGED_DE)], select=["TC002"])
    assert findings(result, "TC002") == []


def test_repository_page_missing_a_section_is_reported_once(tmp_path: Path) -> None:
    """An outdated translation: the heading and the paragraph added to the original since."""
    result = run_paths([_site(tmp_path, "fr", OUTDATED_FR)], select=["TC002"])
    (found,) = findings(result, "TC002")
    assert found["path"].endswith("fr/backups.md")
    assert (
        "'Every copy is encrypted with the key of your project before…' has no translation"
        in found["message"]
    )
    assert found["related"][0]["path"].endswith("en/backups.md") and found["related"][0]["line"] == 15


def test_page_too_different_to_align_is_one_info(tmp_path: Path) -> None:
    stub = "---\ntitle: Sauvegardes\n---\n\n# Sauvegardes\n\nCette page sera bientôt traduite.\n"
    long_source = SITE_SOURCE + "".join(
        f"\n## Step {n}\n\nRun the command number {n} and wait until the console says it is done.\n"
        for n in range(1, 12)
    )
    root = _site(tmp_path, "fr", stub)
    (root / "en" / "backups.md").write_text(long_source, encoding="utf-8")
    (found,) = findings(run_paths([root], select=["TC0"]), "TC0")
    assert found["code"] == "TC002" and found["severity"] == "info"
    assert found["message"].startswith("the translation could not be aligned with its source")
