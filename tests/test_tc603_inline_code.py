"""TC603 inline-code: inline code spans kept."""

from __future__ import annotations

from pathlib import Path

from tc6_helpers import check_pair

SOURCE = """# Repositories

Run `helm repo update` before you install a chart.

The index lives in `index.yaml` at the root of the repository.
"""


def test_translated_command_norwegian(tmp_path: Path) -> None:
    target = """# Depoter

Kjør `helm repo oppdater` før du installerer et chart.

Indeksen ligger i `index.yaml` på roten av depotet.
"""
    found = check_pair(tmp_path, "TC603", SOURCE, target, "nb")
    assert [(f["line"], f["suggestion"]) for f in found] == [(3, "`helm repo update`")]


def test_lost_code_span_chinese(tmp_path: Path) -> None:
    target = """# 仓库

安装 chart 之前先运行 `helm repo update`。

索引位于仓库根目录的 index.yaml 文件中。
"""
    found = check_pair(tmp_path, "TC603", SOURCE, target, "zh")
    assert [f["line"] for f in found] == [5]
    assert "'`index.yaml`'" in found[0]["message"] and found[0]["related"][0]["line"] == 5


def test_kept_code_hebrew_pass(tmp_path: Path) -> None:
    target = """# מאגרים

הריצו `helm repo update` לפני שתתקינו chart.

האינדקס נמצא בקובץ `index.yaml` בשורש המאגר.
"""
    assert check_pair(tmp_path, "TC603", SOURCE, target, "he") == []


def test_code_span_moved_to_next_paragraph_german_pass(tmp_path: Path) -> None:
    """A span that moved within the page is no loss."""
    source = "# Index\n\nThe file `index.yaml` lists charts.\n\nIt is served over HTTP.\n"
    target = "# Index\n\nDie Datei listet Charts auf.\n\nSie (`index.yaml`) wird über HTTP ausgeliefert.\n"
    assert check_pair(tmp_path, "TC603", source, target, "de") == []


def test_code_span_across_quoted_lines_ukrainian_pass(tmp_path: Path) -> None:
    source = "# Pipes\n\n> You will see `.val |\n> quote` more often.\n"
    target = "# Конвеєри\n\n> Ви частіше побачите `.val | quote`.\n"
    assert check_pair(tmp_path, "TC603", source, target, "uk") == []


def test_translated_metavariables_french_pass(tmp_path: Path) -> None:
    """``<release-name>`` and ``RELEASE_NAME`` stand for what the reader types: translatable."""
    source = "# Values\n\nView them with `helm get values <release-name>` or `helm status RELEASE_NAME`.\n"
    target = (
        "# Valeurs\n\nAffichez-les avec `helm get values <nom-de-release>` ou `helm status NOM_DE_RELEASE`.\n"
    )
    assert check_pair(tmp_path, "TC603", source, target, "fr") == []


def test_wrong_function_name_german(tmp_path: Path) -> None:
    source = "# Templates\n\nHere the example is corrected to use `nindent` for the labels.\n"
    target = "# Vorlagen\n\nHier ist das Beispiel korrigiert mit `indent` für die Labels.\n"
    found = check_pair(tmp_path, "TC603", source, target, "de")
    assert [(f["line"], f["suggestion"]) for f in found] == [(3, "`nindent`")]


def test_metavariable_in_capitals_greek_and_chinese_pass(tmp_path: Path) -> None:
    source = "# Repo\n\nAdd it with `helm repo add [NAME] [URL]` and call `quote ARGUMENT`.\n"
    target = "# Αποθετήριο\n\nΠροσθέστε το με `helm repo add [ΟΝΟΜΑ] [URL]` και καλέστε `quote ΟΡΙΣΜΑ`.\n"
    assert check_pair(tmp_path, "TC603", source, target, "el") == []
    target_zh = "# 仓库\n\n使用 `helm repo add [名称] [URL]` 添加，并调用 `quote 参数`。\n"
    assert check_pair(tmp_path, "TC603", source, target_zh, "zh") == []


def test_sentence_added_to_the_source_later_spanish_pass(tmp_path: Path) -> None:
    """The source paragraph grew a sentence since the translation: its code span is not 'lost'."""
    source = (
        "# Dependencies\n\nAdd conditions to optional dependencies. By default a `condition` is `true`.\n"
    )
    target = "# Dependencias\n\nAñada condiciones a las dependencias opcionales.\n"
    assert check_pair(tmp_path, "TC603", source, target, "es") == []


def test_span_holding_the_source_span_ukrainian_pass(tmp_path: Path) -> None:
    source = '# CRD\n\nThere is a `CustomResourceDefinition` declaration.\n\nSet `"helm.sh/resource-policy": keep` on it.\n'
    target = (
        "# CRD\n\nІснує декларація `kind: CustomResourceDefinition`.\n\n"
        "Встановіть `helm.sh/resource-policy: keep` для неї.\n"
    )
    assert check_pair(tmp_path, "TC603", source, target, "uk") == []


def test_another_function_name_is_no_longer_code_portuguese(tmp_path: Path) -> None:
    source = "# Templates\n\nHere it is, fixed with `nindent` to indent the template.\n"
    target = "# Templates\n\nAqui está, corrigido usando `indent` para indentar o template.\n"
    found = check_pair(tmp_path, "TC603", source, target, "pt")
    assert [f["suggestion"] for f in found] == ["`nindent`"]
