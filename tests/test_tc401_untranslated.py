"""TC401 untranslated: whole sentences left in another language, at their exact place."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import CHECK_FIXTURES, FIXTURES, findings, run_paths, run_text

ROOT = Path(__file__).resolve().parent.parent


def _spans(result, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[f["offset"] : f["end_offset"]] for f in findings(result, "TC401")]


def test_norwegian_sentence_in_english_article(tmp_path: Path) -> None:
    text = (
        "Police closed the road over the mountain on Monday because of drifting snow. "
        "Saken er fortsatt under etterforskning, og politiet vil ikke si noe mer. "
        "Drivers were asked to wait in Haugastøl until the convoy could leave.\n"
    )
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC401"])
    assert _spans(result, text) == [
        "Saken er fortsatt under etterforskning, og politiet vil ikke si noe mer."
    ]
    (found,) = findings(result, "TC401")
    assert found["message"] == (
        "this sentence is in the source language, Norwegian Bokmål (nb), not English (en): left untranslated?"
    )
    assert found["confidence"] >= 0.9
    assert found["data"]["language"] == "nb"


def test_danish_looking_norwegian_is_named_as_the_source(tmp_path: Path) -> None:
    text = "The minister spoke for an hour. Hun forteller at hun aldri har opplevd noe lignende.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC401"])
    (found,) = findings(result, "TC401")
    assert found["data"]["language"] == "nb"


def test_english_left_in_german_translation(tmp_path: Path) -> None:
    text = (
        "Die Regierung hat am Dienstag den Haushalt vorgestellt. "
        "The opposition says the plan relies on far too optimistic forecasts. "
        "Der Bundestag berät im Herbst darüber.\n"
    )
    result = run_text(tmp_path, text, target_lang="de", source_lang="en", select=["TC401"])
    assert _spans(result, text) == ["The opposition says the plan relies on far too optimistic forecasts."]


def test_consecutive_sentences_are_reported_together(tmp_path: Path) -> None:
    text = (
        "Le conseil a voté le budget jeudi.\n\n"
        "The mayor said the compromise protected jobs. The opposition disagreed strongly with her.\n"
    )
    result = run_text(tmp_path, text, target_lang="fr", source_lang="en", select=["TC401"])
    (found,) = findings(result, "TC401")
    assert found["line"] == 3 and found["message"].startswith(
        "this paragraph is in the source language, English (en)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Jonas Gahr Støre met Kent Ranum at Nidarosdomen in Trondheim.",
        "See https://www.regjeringen.no/no/aktuelt/nyheter-og-pressemeldinger/id2999999/ for details.",
        "Run `tcheck check --source-lang nb artikkel.md` before you publish.",
        "Ja, takk.",
        "The visit cost 125 000 kroner (NOK 125,000) in total.",
    ],
)
def test_names_urls_code_numbers_and_short_text_do_not_trigger(tmp_path: Path, text: str) -> None:
    result = run_text(
        tmp_path, text + "\n", name="doc.md", target_lang="en", source_lang="nb", select=["TC4"]
    )
    assert not findings(result)


def test_target_language_text_does_not_call_langdetect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tcheck.services.langid as langid

    def refuse(*args: object) -> list[tuple[str, float]]:
        raise AssertionError("langdetect called for a clear sentence")

    monkeypatch.setattr(langid, "restricted_probabilities", refuse)
    text = (CHECK_FIXTURES / "TC401" / "pass-fr-clean.txt").read_text(encoding="utf-8")
    result = run_text(tmp_path, text, target_lang="fr", source_lang="en", select=["TC401"])
    assert not findings(result)


def test_bilingual_file_positions() -> None:
    xlf = CHECK_FIXTURES / "TC401" / "fail-de-unit.xlf"
    result = run_paths([xlf], select=["TC401"])
    (found,) = findings(result)
    text = xlf.read_text(encoding="utf-8")
    assert text[found["offset"] : found["end_offset"]].startswith("You will receive an e-mail")
    assert found["line"] == 11


def test_recall_on_leftover_fixtures_and_no_false_alarms() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from tc401_recall import evaluate

    stats, missed, alarms = evaluate("none", FIXTURES / "leftovers")
    total = sum(c["total"] for c in stats.values())
    found = sum(c["found"] for c in stats.values())
    assert total >= 100
    assert found / total >= 0.95, missed
    assert not alarms
