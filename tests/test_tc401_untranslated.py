"""TC401 untranslated: whole sentences left in another language, at their exact place."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import CHECK_FIXTURES, FIXTURES, findings, flagged_texts, run_paths, run_text

ROOT = Path(__file__).resolve().parent.parent


def test_norwegian_sentence_in_english_article(tmp_path: Path) -> None:
    text = (
        "Police closed the road over the mountain on Monday because of drifting snow. "
        "Saken er fortsatt under etterforskning, og politiet vil ikke si noe mer. "
        "Drivers were asked to wait in Haugastøl until the convoy could leave.\n"
    )
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC401"])
    assert flagged_texts(result, text, "TC401") == [
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
    assert flagged_texts(result, text, "TC401") == [
        "The opposition says the plan relies on far too optimistic forecasts."
    ]


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


@pytest.mark.parametrize(
    ("text", "target", "source", "expected"),
    [
        # another script than the target's: named among the languages of that script only
        (
            "Esta página explica la instalación.\n\n"
            "يمكنك تثبيت الأداة باستخدام مدير الحزم الخاص بنظام التشغيل الذي تستخدمه.\n",
            "es",
            None,
            "ar",
        ),
        (
            "This release fixes the upgrade path.\n\nЦей випуск виправляє оновлення чартів із залежностями.\n",
            "en",
            None,
            "uk",
        ),
        (
            "テストはジョブとして定義します。\n\nWhen the test finishes, the pod is not deleted automatically.\n",
            "ja",
            "en",
            "en",
        ),
        (
            "Το Helm αποθηκεύει την προσωρινή μνήμη.\n\nIf you use a proxy, set the variables before you run it.\n",
            "el",
            "en",
            "en",
        ),
    ],
)
def test_other_script_sentence_named_in_its_own_script(
    tmp_path: Path, text: str, target: str, source: str | None, expected: str
) -> None:
    from tcheck.language.scripts import char_script, lang_script

    settings = {"source_lang": source} if source else {}
    result = run_text(tmp_path, text, target_lang=target, select=["TC401"], **settings)
    (found,) = findings(result, "TC401")
    assert found["data"]["language"] == expected
    flagged = flagged_texts(result, text, "TC401")[0]
    assert char_script(flagged[0]) == lang_script(expected)


@pytest.mark.parametrize(
    ("heading", "target", "reported"),
    [
        ("How to install the chart", "de", True),  # several English function words
        ("What is new in this release", "nb", True),
        ("Getting Started Guide", "de", False),  # title-cased nouns
        ("Recommended → Opt-In", "sv", False),
        ("Helm Chart Repository API", "fr", False),
        ("Rolling Update Strategy", "nb", False),
    ],
)
def test_short_headings_need_several_function_words(
    tmp_path: Path, heading: str, target: str, reported: bool
) -> None:
    text = f"# {heading}\n"
    result = run_text(tmp_path, text, name="doc.md", target_lang=target, source_lang="en", select=["TC401"])
    assert bool(findings(result, "TC401")) is reported


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Корисні опції для Install/Upgrade/Rollback {#helpful-options-for-install-upgrade-rollback}", "uk"),
        ("Πλεονεκτήματα Library Chart {#library-chart-benefits}", "el"),
        ("issueを作成する {#creating-an-issue}", "ja"),
        ("分类(triage) 过程 {#triaging-your-issue}", "zh"),
        ("분류(triage) 과정 거치기 {#triaging-your-issue}", "ko"),
        ("[CI](/zh-cn/continuous-integration/)/[CD](/zh-cn/continuous-delivery/)", "zh"),
        (
            "Incluyen [adler32sum](#adler32sum), [buildCustomCert](#buildcustomcert), [decryptAES](#decryptaes).",
            "es",
        ),
    ],
)
def test_headings_with_identifiers_are_not_foreign(tmp_path: Path, text: str, target: str) -> None:
    result = run_text(
        tmp_path, f"## {text}\n", name="doc.md", target_lang=target, source_lang="en", select=["TC4"]
    )
    assert not findings(result)


def test_no_language_is_named_outside_the_script_of_the_text() -> None:
    from tcheck.checks._evidence import Settings
    from tcheck.checks._language import judge, words

    langs = ("uk", "en", "de", "fr", "sv", "nb", "da")
    for text in (
        "Корисні опції для Install/Upgrade/Rollback",
        "Використання слів Helm і Chart у документації",
    ):
        assert judge(text, words(text, langs), langs, Settings()) is None


@pytest.mark.parametrize(
    "text",
    [
        "@user2 @user3 #BlackLivesMatter #MeToo $tslq https://t.co/abc123",
        "@user2 @user3 Gratulerer med dagen, vi ses i morgen! #bursdag",
        'Se <div id=sec1></div> og <span class="note warning">merknaden</span> for detaljer.',
        "Aksjen $tslq steg 4 prosent, skriver @markedsnytt og @user2.",
    ],
)
def test_tokens_a_translator_must_copy_are_no_evidence(tmp_path: Path, text: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang="nb", source_lang="en", select=["TC4"])
    assert not findings(result)
