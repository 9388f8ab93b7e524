"""TC605 code-block: code blocks kept (comments, words and help text may be translated)."""

from __future__ import annotations

from pathlib import Path

from tc6_helpers import check_pair

SOURCE = """# Values

Set the number of replicas in the values file:

```yaml
# how many pods to run
replicaCount: 2
image: nginx:1.25
```

Then upgrade the release:

```console
$ helm upgrade my-release ./mychart --values values.yaml
```

Check the result.
"""


def test_translated_key_italian(tmp_path: Path) -> None:
    target = SOURCE.replace("replicaCount: 2", "numeroRepliche: 2").replace(
        "# how many pods to run", "# quanti pod"
    )
    target = target.replace(
        "Set the number of replicas in the values file:", "Imposta il numero di repliche:"
    )
    target = target.replace("Then upgrade the release:", "Poi aggiorna il release:").replace(
        "Check the result.", "Verifica."
    )
    found = check_pair(tmp_path, "TC605", SOURCE, target, "it")
    assert [(f["line"], f["severity"]) for f in found] == [(5, "info")]  # ASCII: maybe the source changed
    assert found[0]["related"][0]["line"] == 5


def test_words_written_into_code_spanish_and_korean(tmp_path: Path) -> None:
    target = SOURCE.replace("replicaCount: 2", "réplicas: 2").replace(
        "# how many pods to run", "# cuántos pods"
    )
    target = target.replace("Set the number of replicas in the values file:", "Defina el número de réplicas:")
    target = target.replace("Then upgrade the release:", "Luego actualice el release:").replace(
        "Check the result.", "Compruebe."
    )
    found = check_pair(tmp_path, "TC605", SOURCE, target, "es")
    assert [(f["line"], f["severity"]) for f in found] == [(5, "warning")]
    assert "réplicas:" in found[0]["message"]
    target_ko = SOURCE.replace("image: nginx:1.25", "image: nginx:1.25이미지")
    for en, ko in (
        ("Set the number of replicas in the values file:", "값 파일에서 레플리카 수를 설정합니다:"),
        ("Then upgrade the release:", "그런 다음 릴리스를 업그레이드합니다:"),
        ("Check the result.", "결과를 확인합니다."),
    ):
        target_ko = target_ko.replace(en, ko)
    found = check_pair(tmp_path, "TC605", SOURCE, target_ko, "ko")
    assert [(f["line"], f["severity"]) for f in found] == [(5, "warning")]


def test_translated_comment_japanese_pass(tmp_path: Path) -> None:
    target = SOURCE.replace("# how many pods to run", "# 実行するポッドの数")
    target = target.replace(
        "Set the number of replicas in the values file:", "values ファイルでレプリカ数を設定します:"
    )
    target = target.replace("Then upgrade the release:", "次にリリースをアップグレードします:")
    target = target.replace("Check the result.", "結果を確認します。")
    assert check_pair(tmp_path, "TC605", SOURCE, target, "ja") == []


def test_lost_block_hebrew(tmp_path: Path) -> None:
    target = """# ערכים

הגדירו את מספר העותקים בקובץ הערכים:

```yaml
# כמה פודים להריץ
replicaCount: 2
image: nginx:1.25
```

לאחר מכן שדרגו את השחרור:

בדקו את התוצאה.
"""
    found = check_pair(tmp_path, "TC605", SOURCE, target, "he")
    assert [(f["line"], f["severity"]) for f in found] == [(11, "info")]
    assert "missing" in found[0]["message"]


def test_translated_help_output_german_pass(tmp_path: Path) -> None:
    source = "# helm status\n\nOptions:\n\n```\n  -h, --help            help for status\n      --revision int    if set, display the status of the named release with revision\n```\n\nSee also helm.\n"
    target = "# helm status\n\nOptionen:\n\n```\n  -h, --help            Hilfe für status\n      --revision int    wenn gesetzt, zeigt den Status des Release mit dieser Revision\n```\n\nSiehe auch helm.\n"
    assert check_pair(tmp_path, "TC605", source, target, "de") == []


def test_translated_values_in_code_are_info_chinese(tmp_path: Path) -> None:
    source = "# Chart\n\nThe chart file:\n\n```yaml\nname: mychart\ndescription: A Helm chart for Kubernetes\n```\n"
    target = (
        "# 图表\n\n图表文件：\n\n```yaml\nname: mychart\ndescription: 一个 Kubernetes 的 Helm 图表\n```\n"
    )
    found = check_pair(tmp_path, "TC605", source, target, "zh")
    assert [f["severity"] for f in found] in ([], ["info"])


def test_sentences_written_into_sample_output_are_info_korean(tmp_path: Path) -> None:
    source = (
        "# Memory\n\nThe limits:\n\n```yaml\nmaxPages: 4 # pages (256KiB).\nmemory: 4096 bytes (4KiB).\n```\n"
    )
    target = "# 메모리\n\n제한:\n\n```yaml\nmaxPages: 4 4페이지(256KiB).\nmemory: 4096바이트(4KiB).\n```\n"
    found = check_pair(tmp_path, "TC605", source, target, "ko")
    assert [f["severity"] for f in found] in ([], ["info"])
