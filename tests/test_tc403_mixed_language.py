"""TC403 mixed-language: a clause left in another language inside a translated sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_text


def _only(result, text: str) -> str:  # type: ignore[no-untyped-def]
    (found,) = findings(result, "TC403")
    return text[found["offset"] : found["end_offset"]]


def test_norwegian_clause_in_english(tmp_path: Path) -> None:
    text = "The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale for bussene.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC4"])
    assert _only(result, text) == "men det er fortsatt uklart hvem som skal betale for bussene"
    assert not findings(result, "TC401")
    (found,) = findings(result, "TC403")
    assert "Norwegian Bokmål (nb)" in found["message"] and found["severity"] == "warning"


def test_german_clause_without_punctuation(tmp_path: Path) -> None:
    text = "The company said dass es keine Entlassungen geben wird and that production will continue.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="de", select=["TC403"])
    assert _only(result, text) == "dass es keine Entlassungen geben wird"


def test_english_clause_in_swedish(tmp_path: Path) -> None:
    text = (
        "Regeringen presenterade på tisdagen en ny budget för nästa år med mer pengar till skolan "
        "och vården, which the opposition rejected.\n"
    )
    result = run_text(tmp_path, text, target_lang="sv", source_lang="en", select=["TC403"])
    assert _only(result, text) == "which the opposition rejected"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Autorin stellte ihr Buch „The Long Way Home: Stories from the North“ in Hamburg vor.", "de"),
        ("Households paid on average 1.35 kroner per kilowatt-hour in March.", "en"),
        ("Medlemmene kalles i dag AM (Assembly Members) i den walisiske nasjonalforsamlingen.", "nb"),
    ],
)
def test_titles_names_and_numbers_do_not_trigger(tmp_path: Path, text: str, lang: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang=lang, source_lang="en" if lang != "en" else "nb")
    assert not findings(result, "TC403")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Latin-script terms and product names inside another script: terminology, not a clause
        ("将 chart 安装到 Kubernetes 中，并提供相应的 release 对象。", "zh"),
        ("Helm chart 를 kubectl apply 로 배포하고 release name 과 values.yaml 을 확인합니다.", "ko"),
        (
            "이 기술은 서비스 메시(service mesh), 마이크로서비스(microservices), 이뮤터블 인프라(immutable infrastructure)를 활용한다.",
            "ko",
        ),
        ("`helm upgrade` は Helm chart の新しい version を release します。", "ja"),
        ("Команда kubectl apply створює Deployment і Service у просторі імен kube-system.", "uk"),
        ("Ενεργοποίηση της καταγραφής του Kubernetes client στο Helm chart.", "el"),
        # nouns and lists in the target's script
        (
            "Nó liên kết trở lại các định nghĩa của microservices, service, reliability, và observability.",
            "vi",
        ),
        ("Converte list, slice, array, dict ou objeto para yaml com recuo.", "pt"),
        ("Les fonctions logiques sont and, or, not, default, empty, eq, ne, lt, le, gt et ge.", "fr"),
        # a quoted error message and a gloss in brackets
        (
            "Я отримую попередження 'WARNING: the repository is deprecated and will be deleted soon' від Helm.",
            "uk",
        ),
        ("클라우드의 약속(promise of the cloud)을 지키고 클라우드 컴퓨팅 이점을 최대한 활용하게 한다.", "ko"),
    ],
)
def test_terms_lists_quotes_and_glosses_are_not_clauses(tmp_path: Path, text: str, lang: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang=lang, source_lang="en", select=["TC403"])
    assert not findings(result, "TC403")


@pytest.mark.parametrize(
    ("text", "lang", "clause"),
    [
        (
            "脚本会校验下载的文件，if the checksum does not match the script will stop，然后退出。",
            "zh",
            "if the checksum does not match the script will stop",
        ),
        (
            "更新に失敗した場合は、you can roll back to the previous release with the rollback command ので安心です。",
            "ja",
            "you can roll back to the previous release with the rollback command",
        ),
        (
            "Після встановлення Helm створює реліз, and you can check its status at any time, тому перевірка не потрібна.",
            "uk",
            "and you can check its status at any time",
        ),
        (
            "Το Helm δημιουργεί μια έκδοση, but it does not wait for the pods to be ready, οπότε ελέγξτε την κατάσταση.",
            "el",
            "but it does not wait for the pods to be ready",
        ),
    ],
)
def test_clause_in_another_script_is_reported(tmp_path: Path, text: str, lang: str, clause: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang=lang, source_lang="en", select=["TC4"])
    assert _only(result, text) == clause
    (found,) = findings(result, "TC403")
    assert found["data"]["language"] == "en"


def test_english_clause_named_by_its_function_words(tmp_path: Path) -> None:
    # "in" and "is" are Dutch function words too; English has more of them here
    text = "이 설정은 the release is stored in the namespace of the chart 에 저장됩니다.\n"
    result = run_text(tmp_path, text, target_lang="ko", select=["TC403"])
    assert _only(result, text) == "the release is stored in the namespace of the chart"
    assert [f["data"]["language"] for f in findings(result, "TC403")] == ["en"]


def test_markup_attributes_are_not_a_clause(tmp_path: Path) -> None:
    text = (
        'Klikk på <a href="/docs" title="Read the full installation guide">veiledningen</a> '
        "og følg stegene der før du installerer chartet.\n"
    )
    result = run_text(tmp_path, text, target_lang="nb", source_lang="en", select=["TC4"])
    assert not findings(result)
