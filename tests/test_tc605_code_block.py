"""TC605 code-block: code blocks kept (comments, words and help text may be translated)."""

from __future__ import annotations

from pathlib import Path

import pytest
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


README_SOURCE = """# Publishing

Add these lines to your `README.md`:

```
## Usage

[Helm](https://helm.sh) must be installed. See the [documentation](https://helm.sh/docs).

  helm repo add myrepo https://example.github.io/charts
```

Done.
"""
README_TARGETS = {
    "es": (
        "# Publicación\n\nAñada estas líneas a su `README.md`:\n\n```\n## Uso\n\n"
        "[Helm](https://helm.sh) debe estar instalado. Consulte la [documentación](https://helm.sh/docs).\n\n"
        "  {command}\n```\n\nListo.\n"
    ),
    "ko": (
        "# 게시\n\n`README.md` 에 다음 줄을 추가하세요:\n\n```\n## 사용법\n\n"
        "[Helm](https://helm.sh) 이 설치되어 있어야 합니다. [문서](https://helm.sh/docs)를 참고하세요.\n\n"
        "  {command}\n```\n\n완료.\n"
    ),
    "ar": (
        "# النشر\n\nأضف هذه الأسطر إلى `README.md`:\n\n```\n## الاستخدام\n\n"
        "يجب تثبيت [Helm](https://helm.sh). راجع [التوثيق](https://helm.sh/docs).\n\n"
        "  {command}\n```\n\nتم.\n"
    ),
    "nb": (
        "# Publisering\n\nLegg disse linjene til i `README.md`:\n\n```\n## Bruk\n\n"
        "[Helm](https://helm.sh) må være installert. Se [dokumentasjonen](https://helm.sh/docs).\n\n"
        "  {command}\n```\n\nFerdig.\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(README_TARGETS))
def test_markdown_page_in_a_block_without_language_is_text(tmp_path: Path, lang: str) -> None:
    """A block without a language that holds a Markdown page (a heading and a link: a README
    for the reader to copy) is text, translated like the page: no finding. A block of code
    without a language is compared as code."""
    page = README_TARGETS[lang].format(command="helm repo add myrepo https://example.github.io/charts")
    assert check_pair(tmp_path, "TC605", README_SOURCE, page, lang) == []
    labelled = page.replace("```\n", "```md\n", 1)  # the translator named the block's language
    assert check_pair(tmp_path, "TC605", README_SOURCE, labelled, lang) == []
    source = README_SOURCE.replace("## Usage\n\n", "").replace(
        "[Helm](https://helm.sh) must be installed. See the [documentation](https://helm.sh/docs).\n\n", ""
    )
    code = page.split("```")
    code[1] = "\n  helm repo add myrepo https://example.github.io/charts --force-update\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC605", source, "```".join(code), lang)] == ["info"]


COMPLETION_SOURCE = """# Completion

The file lists the flags of each command:

```yaml
name: <pluginName>
flags:
- <flag 1>
commands:
  <and so on, recursively>
```

Every section is optional.
"""
COMPLETION_TARGETS = {
    "ru": (
        "# Автодополнение\n\nФайл перечисляет флаги каждой команды:",
        "<флаг 1>",
        "<и так далее, рекурсивно>",
        "Все секции необязательны.",
    ),
    "ja": (
        "# 補完\n\nこのファイルは各コマンドのフラグを列挙します:",
        "<フラグ 1>",
        "<以下同様に再帰的に>",
        "どのセクションも省略できます。",
    ),
    "he": (
        "# השלמה\n\nהקובץ מפרט את הדגלים של כל פקודה:",
        "<דגל 1>",
        "<וכן הלאה, ברקורסיה>",
        "כל הסעיפים אופציונליים.",
    ),
    "fr": (
        "# Complétion\n\nLe fichier liste les options de chaque commande :",
        "<option 1>",
        "<et ainsi de suite, récursivement>",
        "Chaque section est facultative.",
    ),
}


@pytest.mark.parametrize("lang", sorted(COMPLETION_TARGETS))
def test_words_in_angle_brackets_may_be_translated(tmp_path: Path, lang: str) -> None:
    """``<flag 1>`` and ``<and so on, recursively>`` stand for what the reader writes: in the
    reader's words, the block is the source's. A changed key is still reported."""
    head, flag, rest, tail = COMPLETION_TARGETS[lang]
    block = f"```yaml\nname: <pluginName>\nflags:\n- {flag}\ncommands:\n  {rest}\n```"
    page = f"{head}\n\n{block}\n\n{tail}\n"
    assert check_pair(tmp_path, "TC605", COMPLETION_SOURCE, page, lang) == []
    changed = page.replace("commands:", "komandy:")
    assert [f["severity"] for f in check_pair(tmp_path, "TC605", COMPLETION_SOURCE, changed, lang)] == [
        "info"
    ]


USAGE_SOURCE = """# helm fetch

Download a chart from a repository and unpack it locally.

```
helm fetch [chart URL | repo/chartname] --untar --untardir ./charts [flags]
```

The chart is saved in the current folder.
"""


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        (
            "uk",
            "# helm fetch\n\nЗавантажте чарт із репозиторію та розпакуйте його локально.\n\n"
            "```\nhelm fetch [URL чарта | репозиторій/назвачарта] --untar --untardir ./charts [прапорці]\n```\n\n"
            "Чарт зберігається в поточній теці.\n",
        ),
        (
            "zh",
            "# helm fetch\n\n从仓库下载 chart 并在本地解压。\n\n"
            "```\nhelm fetch [chart 的 URL | 仓库/chart名称] --untar --untardir ./charts [参数]\n```\n\n"
            "chart 保存在当前目录中。\n",
        ),
    ],
)
def test_usage_line_alternatives_may_be_translated(tmp_path: Path, lang: str, page: str) -> None:
    """``[chart URL | repo/chartname]`` offers what the reader writes; a changed command or a
    translated choice of flags (``[--force | --wait]``) is still reported."""
    assert check_pair(tmp_path, "TC605", USAGE_SOURCE, page, lang) == []
    changed = page.replace("--untardir", "--größe")
    assert len(check_pair(tmp_path, "TC605", USAGE_SOURCE, changed, lang)) == 1
    flags = USAGE_SOURCE.replace("[flags]", "[--force | --wait]")
    translated = page.replace("[прапорці]", "[--сила | --чекати]").replace("[参数]", "[--强制 | --等待]")
    assert len(check_pair(tmp_path, "TC605", flags, translated, lang)) == 1
