"""TC607 plural-categories: ICU plural branches complete for the target language (CLDR via
Babel), select keywords kept."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import findings, run_paths

SOURCE = {
    "files": "{count, plural, one {# file} other {# files}}",
    "place": "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} place",
    "who": "{gender, select, male {He} female {She} other {They}} replied",
}


def _run(tmp_path: Path, lang: str, target: dict[str, str]) -> list[dict]:
    (tmp_path / "en.json").write_text(json.dumps(SOURCE, ensure_ascii=False, indent=1), encoding="utf-8")
    path = tmp_path / f"{lang}.json"
    path.write_text(json.dumps(target, ensure_ascii=False, indent=1), encoding="utf-8")
    result = run_paths([path], source=tmp_path / "en.json", source_lang="en", target_lang=lang)
    return findings(result, "TC607")


def test_russian_needs_few_and_many(tmp_path: Path) -> None:
    found = _run(tmp_path, "ru", {"files": "{count, plural, one {# файл} other {# файлов}}"})
    assert len(found) == 1
    assert "'few', 'many'" in found[0]["message"] and found[0]["line"] == 2


def test_russian_complete_pass(tmp_path: Path) -> None:
    target = {"files": "{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}"}
    assert _run(tmp_path, "ru", target) == []


def test_arabic_needs_six_categories(tmp_path: Path) -> None:
    found = _run(tmp_path, "ar", {"files": "{count, plural, one {ملف واحد} other {# ملفات}}"})
    assert len(found) == 1 and "'zero', 'two', 'few', 'many'" in found[0]["message"]


def test_japanese_other_only_pass(tmp_path: Path) -> None:
    target = {
        "files": "{count, plural, other {# 個のファイル}}",
        "place": "{n, selectordinal, other {#位}}",
        "who": "{gender, select, male {彼} female {彼女} other {彼ら}}が返信しました",
    }
    assert _run(tmp_path, "ja", target) == []


def test_german_translated_select_keyword(tmp_path: Path) -> None:
    target = {"who": "{gender, select, männlich {Er} female {Sie} other {Sie}} hat geantwortet"}
    found = _run(tmp_path, "de", target)
    assert len(found) == 1 and "'male'" in found[0]["message"]


def test_english_ordinals_from_babel(tmp_path: Path) -> None:
    """selectordinal uses the ordinal categories: English needs one, two, few, other."""
    found = _run(tmp_path, "en", {"place": "{n, selectordinal, one {#st} other {#th}} place"})
    assert len(found) == 1 and "'two', 'few'" in found[0]["message"]
