"""TC503 mt-disagreement: the target against a fresh translation of the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_paths
from roundtrip_model import installed_models

pytestmark = pytest.mark.model

WORD_MODEL = "nb>en:torsdag=Thursday,onsdag=Wednesday,Kasakhstan=Kazakhstan"
SOURCE = """\
Uro i Kasakhstan

Politiet sa torsdag at 300 personer var arrestert i Almaty.
"""


def run(tmp_path: Path, target: str, source: str, models: list[str], **settings: object):
    t = tmp_path / "article.en.txt"
    s = tmp_path / "article.nb.txt"
    t.write_text(target, encoding="utf-8")
    s.write_text(source, encoding="utf-8")
    settings.setdefault("source_lang", "nb")
    settings.setdefault("target_lang", "en")
    with installed_models(models):
        return run_paths([t], source=s, round_trip="on", cache_dir=str(tmp_path / "cache"), **settings)


def test_weekday_that_differs_from_the_machine_translation(tmp_path: Path) -> None:
    target = (
        "Unrest in Kazakhstan\n\nThe police said on Wednesday that 300 people had been arrested in Almaty.\n"
    )
    result = run(tmp_path, target, SOURCE, ["en>nb", WORD_MODEL])
    [hit] = findings(result, "TC503")
    assert target[hit["offset"] : hit["end_offset"]] == "Wednesday"
    assert (hit["line"], hit["column"]) == (3, 20)
    assert hit["message"] == (
        "the target says 'Wednesday' where a machine translation of the source says 'Thursday' (weekday)"
    )
    [related] = hit["related"]
    assert related["path"].endswith("article.nb.txt") and related["line"] == 3
    assert related["note"] == "source"
    assert "Thursday" in hit["data"]["fresh_translation"]


def test_agreeing_target_is_not_reported(tmp_path: Path) -> None:
    target = (
        "Unrest in Kazakhstan\n\nThe police said on Thursday that 300 people had been arrested in Almaty.\n"
    )
    result = run(tmp_path, target, SOURCE, ["en>nb", WORD_MODEL])
    assert not findings(result, "TC503")


def test_numbers_and_names_are_compared_too(tmp_path: Path) -> None:
    source = "Fagforbundet krever 400 kroner mer i timen for sjåførene i Bergen.\n"
    target = "Fagforbundet krever 300 kroner mer i timen for sjåførene i Bergem.\n"
    # both sides are Norwegian here: the "translation" is a copy, the target has two slips
    result = run(tmp_path, target, source, ["nb>en", "en>nb"], source_lang="en", target_lang="nb")
    found = {target[f["offset"] : f["end_offset"]]: f for f in findings(result, "TC503")}
    assert set(found) == {"300", "Bergem"}
    assert "'400' (number)" in found["300"]["message"]
    assert "'Bergen' (name)" in found["Bergem"]["message"]


def test_without_the_source_tc503_does_not_run(tmp_path: Path) -> None:
    target = tmp_path / "article.en.txt"
    target.write_text("The police said on Wednesday that 300 people had been arrested.\n", encoding="utf-8")
    with installed_models(["en>nb", WORD_MODEL]):
        result = run_paths([target], source_lang="nb", round_trip="on", cache_dir=str(tmp_path / "c"))
    assert not findings(result, "TC503")
