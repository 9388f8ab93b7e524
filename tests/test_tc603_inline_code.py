"""TC603 inline-code: inline code spans kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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

索引位于仓库的根目录中。
"""
    found = check_pair(tmp_path, "TC603", SOURCE, target, "zh")
    assert [(f["line"], f["severity"]) for f in found] == [(5, "warning")]
    assert "'`index.yaml`' is missing" in found[0]["message"] and found[0]["related"][0]["line"] == 5


def test_code_written_as_plain_text_is_info_chinese(tmp_path: Path) -> None:
    """The file name is still there, only without code formatting: a note, not a break."""
    target = """# 仓库

安装 chart 之前先运行 `helm repo update`。

索引位于仓库根目录的 index.yaml 文件中。
"""
    found = check_pair(tmp_path, "TC603", SOURCE, target, "zh")
    assert [(f["line"], f["severity"]) for f in found] == [(5, "info")]
    assert "'`index.yaml`' is written without code formatting" in found[0]["message"]


def test_code_in_the_languages_quotes_is_info_japanese(tmp_path: Path) -> None:
    source = "# Home\n\nHelm 2 stored everything in `~/.helm` (known as `helm home`).\n"
    target = "# ホーム\n\nHelm 2 ではすべてを `~/.helm`（俗称「helm home」）に保存していました。\n"
    found = check_pair(tmp_path, "TC603", source, target, "ja")
    assert [(f["severity"], f["suggestion"]) for f in found] == [("info", "`helm home`")]
    # a code span gone with its words is still a break
    gone = "# ホーム\n\nHelm 2 ではすべてを `~/.helm` に保存していました。\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, gone, "ja")] == ["warning"]


def test_code_made_the_text_of_a_link_arabic_and_portuguese_pass(tmp_path: Path) -> None:
    """The translator linked the host name the source sets as code: nothing is lost."""
    source = "# Canary\n\nCanary builds are stored at `get.helm.sh`. Use them for testing.\n"
    target_ar = (
        "# الإصدارات التجريبية\n\n"
        "تُخزَّن الإصدارات التجريبية في [get.helm.sh](https://get.helm.sh). استخدمها للاختبار.\n"
    )
    assert check_pair(tmp_path, "TC603", source, target_ar, "ar") == []
    target_pt = (
        "# Canary\n\nOs binários Canary ficam em [get.helm.sh](https://get.helm.sh). Use-os para testes.\n"
    )
    assert check_pair(tmp_path, "TC603", source, target_pt, "pt") == []


def test_code_inside_a_longer_word_is_still_lost_german(tmp_path: Path) -> None:
    """``helm`` written as a word is the command without code formatting; inside
    ``helmfile`` it is not there at all."""
    source = "# Start\n\nThe folders are created the first time `helm` is run.\n"
    plain = "# Start\n\nDie Ordner werden erstellt, wenn helm zum ersten Mal läuft.\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, plain, "de")] == ["info"]
    other = "# Start\n\nDie Ordner werden erstellt, wenn helmfile zum ersten Mal läuft.\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, other, "de")] == ["warning"]


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


STALE_SOURCE = """# Chart names

Chart names use lower case letters and numbers, such as `mychart`. Names like `MyChart`,
`my_chart` or `my.chart` are invalid.

The `helm lint` command checks chart names against these rules.

# Versions

Helm uses SemVer 2 for version numbers.
"""
# Each translation was made from an older source: the section had no code then. The second
# keeps the code of the section but drops `helm lint` altogether.
STALE_TARGETS = {
    "es": (
        "# Nombres de charts\n\nLos nombres de los charts deben ser letras minúsculas y números.\n\n"
        "Los puntos no deben usarse en los nombres de charts.\n\n# Versiones\n\n"
        "Helm usa SemVer 2 para los números de versión.\n",
        "# Nombres de charts\n\nLos nombres de los charts usan minúsculas y números, como `mychart`. "
        "Nombres como `MyChart`,\n`my_chart` o `my.chart` no son válidos.\n\n"
        "El comando comprueba los nombres de los charts según estas reglas.\n\n# Versiones\n\n"
        "Helm usa SemVer 2 para los números de versión.\n",
    ),
    "ja": (
        "# チャート名\n\nチャート名には小文字と数字を使います。\n\nドットはチャート名に使えません。\n\n"
        "# バージョン\n\nHelm はバージョン番号に SemVer 2 を使います。\n",
        "# チャート名\n\nチャート名には `mychart` のように小文字と数字を使います。`MyChart`、\n"
        "`my_chart`、`my.chart` のような名前は無効です。\n\n"
        "このコマンドはチャート名をこれらの規則に照らして検査します。\n\n"
        "# バージョン\n\nHelm はバージョン番号に SemVer 2 を使います。\n",
    ),
    "ar": (
        "# أسماء المخططات\n\nتستخدم أسماء المخططات الحروف الصغيرة والأرقام.\n\n"
        "لا يجوز استخدام النقاط في أسماء المخططات.\n\n# الإصدارات\n\n"
        "يستخدم Helm الإصدار SemVer 2 لأرقام الإصدارات.\n",
        "# أسماء المخططات\n\nتستخدم أسماء المخططات الحروف الصغيرة والأرقام، مثل `mychart`. "
        "الأسماء مثل `MyChart`\nو`my_chart` و`my.chart` غير صالحة.\n\n"
        "يتحقق هذا الأمر من أسماء المخططات وفق هذه القواعد.\n\n# الإصدارات\n\n"
        "يستخدم Helm الإصدار SemVer 2 لأرقام الإصدارات.\n",
    ),
    "de": (
        "# Chart-Namen\n\nChart-Namen bestehen aus Kleinbuchstaben und Ziffern.\n\n"
        "Punkte dürfen in Chart-Namen nicht vorkommen.\n\n# Versionen\n\n"
        "Helm verwendet SemVer 2 für Versionsnummern.\n",
        "# Chart-Namen\n\nChart-Namen bestehen aus Kleinbuchstaben und Ziffern, etwa `mychart`. "
        "Namen wie `MyChart`,\n`my_chart` oder `my.chart` sind ungültig.\n\n"
        "Der Befehl prüft Chart-Namen anhand dieser Regeln.\n\n# Versionen\n\n"
        "Helm verwendet SemVer 2 für Versionsnummern.\n",
    ),
}


@pytest.mark.parametrize("lang", sorted(STALE_TARGETS))
def test_section_without_any_of_the_sources_code_is_out_of_date(tmp_path: Path, lang: str) -> None:
    """A section of the translation with none of the five code spans of its source was made
    from an older source: what it lacks is info. Where the section kept the source's code,
    a span gone from it is a warning."""
    stale, dropped = STALE_TARGETS[lang]
    found = check_pair(tmp_path, "TC603", STALE_SOURCE, stale, lang)
    assert found and {f["severity"] for f in found} == {"info"}
    assert all("it may be out of date" in f["message"] for f in found)
    found = check_pair(tmp_path, "TC603", STALE_SOURCE, dropped, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`helm lint`")]


SYMBOL_SOURCE = "# Values\n\nMultiple values are separated by `,` characters. So `--set a=b,c=d` becomes two values of `values.yaml`.\n"
SYMBOL_TARGETS = {
    "pt": "# Valores\n\nMúltiplos valores são separados por vírgulas. Então `--set a=b,c=d` vira dois valores de `values.yaml`.\n",
    "zh": "# 值\n\n多个值之间使用逗号字符来分隔。因此 `--set a=b,c=d` 会变成 `values.yaml` 的两个值。\n",
    "he": "# ערכים\n\nערכים מרובים מופרדים בפסיקים. כך `--set a=b,c=d` הופך לשני ערכים של `values.yaml`.\n",
    "ru": "# Значения\n\nНесколько значений разделяются запятыми. Так `--set a=b,c=d` становится двумя значениями `values.yaml`.\n",
}


@pytest.mark.parametrize("lang", sorted(SYMBOL_TARGETS))
def test_a_symbol_named_in_words_passes(tmp_path: Path, lang: str) -> None:
    """``separated by `,` characters`` becomes "separated by commas": a symbol is not code, no
    finding. The command changed in the same sentence is a warning."""
    assert check_pair(tmp_path, "TC603", SYMBOL_SOURCE, SYMBOL_TARGETS[lang], lang) == []
    broken = SYMBOL_TARGETS[lang].replace("`--set a=b,c=d`", "`--set a=b`")
    found = check_pair(tmp_path, "TC603", SYMBOL_SOURCE, broken, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`--set a=b,c=d`")]


LINKED_SOURCE = (
    "# Plugins\n\nA more intricate example is the [`2to3 plugin`](https://github.com/helm/helm-2to3).\n\n"
    "Install it with `helm plugin install`.\n"
)
LINKED_TARGETS = {
    "ko": "# 플러그인\n\n더 복잡한 예로 [`2to3 플러그인`](https://github.com/helm/helm-2to3)이 있습니다.\n\n"
    "`helm plugin install` 로 설치합니다.\n",
    "de": "# Plugins\n\nEin komplexeres Beispiel ist das [`2to3 Plugin`](https://github.com/helm/helm-2to3).\n\n"
    "Installieren Sie es mit `helm plugin install`.\n",
    "ar": "# الإضافات\n\nمثال أكثر تعقيدًا هو [`إضافة 2to3`](https://github.com/helm/helm-2to3).\n\n"
    "ثبّتها باستخدام `helm plugin install`.\n",
    "fr": "# Plugins\n\nUn exemple plus complexe est le [`plugin 2to3`](https://github.com/helm/helm-2to3).\n\n"
    "Installez-le avec `helm plugin install`.\n",
}


@pytest.mark.parametrize("lang", sorted(LINKED_TARGETS))
def test_code_that_is_a_links_text_may_be_translated(tmp_path: Path, lang: str) -> None:
    """A code span that is the whole text of a link names the page it links to; its everyday
    words may be translated while it keeps the name (``2to3``): no finding. Renamed altogether,
    it is info. The command outside the link, translated, is a warning."""
    assert check_pair(tmp_path, "TC603", LINKED_SOURCE, LINKED_TARGETS[lang], lang) == []
    broken = LINKED_TARGETS[lang].replace("`helm plugin install`", "`helm plugin installieren`")
    found = check_pair(tmp_path, "TC603", LINKED_SOURCE, broken, lang)
    assert [f["severity"] for f in found] == ["warning"]
    renamed = re.sub(r"\[`[^`]*`\]", "[`Konverter`]", LINKED_TARGETS[lang])
    found = check_pair(tmp_path, "TC603", LINKED_SOURCE, renamed, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("info", "`2to3 plugin`")]


BRANCH_SOURCE = (
    "# Branches\n\nThere must be a branch called `gh-pages` to publish charts. "
    "You can create that `gh-branch` yourself and add a `README.md` file.\n"
)
BRANCH_TARGETS = {
    "zh": "# 分支\n\n还需要一个名为 `gh-pages` 的分支来发布 chart。你也可以手动创建 `gh-pages` 分支并添加 `README.md` 文件。\n",
    "he": "# ענפים\n\nנדרש ענף בשם `gh-pages` כדי לפרסם charts. אפשר ליצור את `gh-pages` בעצמכם ולהוסיף קובץ `README.md`.\n",
    "fr": "# Branches\n\nIl faut une branche nommée `gh-pages` pour publier les charts. "
    "Vous pouvez créer `gh-pages` vous-même et y ajouter un fichier `README.md`.\n",
    "de": "# Branches\n\nEs muss einen Branch namens `gh-pages` geben, um Charts zu veröffentlichen. "
    "Sie können `gh-pages` selbst anlegen und eine Datei `README.md` hinzufügen.\n",
}


@pytest.mark.parametrize("lang", sorted(BRANCH_TARGETS))
def test_the_passages_other_span_in_place_of_a_slip_passes(tmp_path: Path, lang: str) -> None:
    """The source names the branch `gh-pages`, then `gh-branch`; the translation writes
    `gh-pages` both times: the source's own name, no finding. Another name, not in the
    source's paragraph, is a warning."""
    assert check_pair(tmp_path, "TC603", BRANCH_SOURCE, BRANCH_TARGETS[lang], lang) == []
    other = BRANCH_TARGETS[lang].replace("`gh-pages`", "`main`", 2).replace("`main`", "`gh-pages`", 1)
    found = check_pair(tmp_path, "TC603", BRANCH_SOURCE, other, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`gh-branch`")]


def test_code_written_as_a_capitalised_word_is_info_german_and_japanese(tmp_path: Path) -> None:
    source = "# Install\n\nIn most cases, installation is as simple as getting a pre-built `helm` binary.\n"
    de = "# Installation\n\nMeist genügt es, die vorkompilierte Helm-Binärdatei zu beziehen.\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, de, "de")] == ["info"]
    ja = (
        "# インストール\n\nほとんどの場合、ビルド済みの Helm バイナリを入手するだけでインストールできます。\n"
    )
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, ja, "ja")] == ["info"]
    gone = "# インストール\n\nほとんどの場合、ビルド済みのバイナリを入手するだけでインストールできます。\n"
    assert [f["severity"] for f in check_pair(tmp_path, "TC603", source, gone, "ja")] == ["warning"]


RENAMED_SOURCE = "# Until\n\n* 1 parameter (end): counts the integers between 1 and `end`.\n"
RENAMED_TARGETS = {
    "es": ("# Until\n\n* 1 parámetro ({prose}): cuenta los enteros entre 1 y `fin`.\n", "fin"),
    "ja": ("# Until\n\n* 引数 1 つ（{prose}）: 1 から `終了` までの整数を数えます。\n", "終了"),
    "ar": ("# Until\n\n* معامل واحد ({prose}): يعدّ الأعداد الصحيحة بين 1 و`النهاية`.\n", "النهاية"),
    "ru": ("# Until\n\n* 1 параметр ({prose}): считает целые числа от 1 до `конец`.\n", "конец"),
}


@pytest.mark.parametrize("lang", sorted(RENAMED_TARGETS))
def test_a_name_renamed_in_the_text_too_is_info(tmp_path: Path, lang: str) -> None:
    """The page calls the parameter ``end`` in its text and in code; the translation renames
    both: info. Renamed in code only, it is info too: ``end`` is an everyday word, which the
    page uses as a name (it writes it in its text); a span that is no word stays a warning."""
    page, word = RENAMED_TARGETS[lang]
    found = check_pair(tmp_path, "TC603", RENAMED_SOURCE, page.format(prose=word), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("info", "`end`")]
    found = check_pair(tmp_path, "TC603", RENAMED_SOURCE, page.format(prose="end"), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("info", "`end`")]
    source = RENAMED_SOURCE.replace("end", "endIndex")
    found = check_pair(tmp_path, "TC603", source, page.format(prose="endIndex"), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`endIndex`")]


PLACEHOLDER_SOURCE = """# Functions

Template functions follow the syntax `functionName arg1 arg2...`.

The `quote` function puts its argument in quotes:

```yaml
drink: {{ quote .Values.favorite.drink }}
```
"""
PLACEHOLDER_TARGETS = {
    "pt": (
        "# Funções\n\nAs funções de template seguem a sintaxe `nomeDaFuncao arg1 arg2...`.\n\n"
        "A função `{fn}` coloca o argumento entre aspas:\n"
    ),
    "de": (
        "# Funktionen\n\nTemplate-Funktionen folgen der Syntax `funktionsName arg1 arg2...`.\n\n"
        "Die Funktion `{fn}` setzt ihr Argument in Anführungszeichen:\n"
    ),
    "zh": "# 函数\n\n模板函数遵循 `函数名 arg1 arg2...` 的语法。\n\n`{fn}` 函数会给参数加上引号：\n",
    "he": "# פונקציות\n\nפונקציות תבנית נכתבות בתחביר `שם_פונקציה arg1 arg2...`.\n\nהפונקציה `{fn}` עוטפת את הארגומנט במרכאות:\n",
}


@pytest.mark.parametrize("lang", sorted(PLACEHOLDER_TARGETS))
def test_a_syntax_no_example_uses_is_a_placeholder(tmp_path: Path, lang: str) -> None:
    """``functionName arg1 arg2...`` is a syntax (an ellipsis) whose words no code block of the
    page uses: translated, no finding. ``quote`` is in the example: translated, a warning."""
    block = "\n```yaml\ndrink: {{ quote .Values.favorite.drink }}\n```\n"
    page = PLACEHOLDER_TARGETS[lang] + block
    assert check_pair(tmp_path, "TC603", PLACEHOLDER_SOURCE, page.replace("{fn}", "quote"), lang) == []
    found = check_pair(tmp_path, "TC603", PLACEHOLDER_SOURCE, page.replace("{fn}", "citar"), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`quote`")]
    # without the ellipsis the span is not shown to be a template: its word translated is a warning
    source = PLACEHOLDER_SOURCE.replace(" arg2...`", " arg2`")
    page = page.replace(" arg2...`", " arg2`").replace("{fn}", "quote")
    found = check_pair(tmp_path, "TC603", source, page, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`functionName arg1 arg2`")]


VARIABLE_SOURCE = """# Variables

In templates, a variable takes the form `$name` and is assigned with `:=`:

```yaml
metadata:
  name: {{ .Release.Name }}-configmap
  {{- $relname := .Release.Name -}}
release: {{ $relname }}
```
"""
VARIABLE_TARGETS = {
    "pt": "# Variáveis\n\nEm templates, uma variável segue a forma `{var}` e recebe valor com `:=`:\n",
    "ko": "# 변수\n\n템플릿에서 변수는 `{var}` 형식이며 `:=` 로 값을 지정합니다:\n",
    "ar": "# المتغيرات\n\nفي القوالب، يأخذ المتغير الشكل `{var}` ويُسند إليه بالمعامل `:=`:\n",
    "nb": "# Variabler\n\nI maler har en variabel formen `{var}` og tilordnes med `:=`:\n",
}
VARIABLE_NAMES = {"pt": "$nome", "ko": "$이름", "ar": "$الاسم", "nb": "$navn"}


@pytest.mark.parametrize("lang", sorted(VARIABLE_TARGETS))
def test_the_form_of_a_variable_translated_is_a_placeholder(tmp_path: Path, lang: str) -> None:
    """``$name`` is in no example (they have a ``name:`` key, and ``$relname``): the form of a
    variable, translated (no finding). The example's own variable translated is a warning, and
    so is ``$name`` on a page whose examples write no variable (nothing shows it is a form)."""
    block = VARIABLE_SOURCE[VARIABLE_SOURCE.index("\n```yaml") :]
    source = VARIABLE_SOURCE
    page = VARIABLE_TARGETS[lang].format(var=VARIABLE_NAMES[lang]) + block
    assert check_pair(tmp_path, "TC603", source, page, lang) == []
    plain = "  {{- $relname := .Release.Name -}}\nrelease: {{ $relname }}\n"
    found = check_pair(tmp_path, "TC603", source.replace(plain, ""), page.replace(plain, ""), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`$name`")]
    source = source.replace("`$name`", "`$relname`")
    found = check_pair(tmp_path, "TC603", source, page, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`$relname`")]


CAPITALS_SOURCE = "# Default\n\nThe function reads `default DEFAULT_VALUE GIVEN_VALUE` from left to right.\n"
CAPITALS_TARGETS = {
    "de": "# Default\n\nDie Funktion liest `default {a} {b}` von links nach rechts.\n",
    "ja": "# Default\n\nこの関数は `default {a} {b}` を左から右へ読みます。\n",
    "ar": "# Default\n\nتقرأ الدالة `default {a} {b}` من اليسار إلى اليمين.\n",
    "el": "# Default\n\nΗ συνάρτηση διαβάζει το `default {a} {b}` από αριστερά προς τα δεξιά.\n",
}
CAPITALS_WORDS = {
    "de": ("STANDARDWERT", "GEGEBENER_WERT"),
    "ja": ("既定値", "指定値"),
    "ar": ("القيمة_الافتراضية", "القيمة_المعطاة"),
    "el": ("ΠΡΟΕΠΙΛΟΓΗ", "ΔΟΘΕΙΣΑ_ΤΙΜΗ"),
}


@pytest.mark.parametrize("lang", sorted(CAPITALS_TARGETS))
def test_placeholders_in_capitals_with_underscores_pass(tmp_path: Path, lang: str) -> None:
    """``DEFAULT_VALUE`` and ``GIVEN_VALUE`` stand for what the reader writes: translated,
    no finding. The function's name translated is a warning."""
    a, b = CAPITALS_WORDS[lang]
    page = CAPITALS_TARGETS[lang].format(a=a, b=b)
    assert check_pair(tmp_path, "TC603", CAPITALS_SOURCE, page, lang) == []
    broken = page.replace("`default ", "`vorgabe ")
    found = check_pair(tmp_path, "TC603", CAPITALS_SOURCE, broken, lang)
    assert [f["severity"] for f in found] == ["warning"]


WORDS_SOURCE = (
    "# Chart types\n\nA chart sets its `type` to `application` or `library`.\n\n"
    "Keep the `release` notes short and store them in `relnotes.txt`.\n"
)
WORDS_TARGETS = {
    "de": "# Chart-Typen\n\nEin Chart setzt seinen `type` auf „Anwendung“ oder „Bibliothek“.\n\n"
    "Halten Sie die Versionshinweise kurz und legen Sie sie in {file} ab.\n",
    "ja": "# チャートの種類\n\nチャートは `type` を「アプリケーション」か「ライブラリ」に設定します。\n\n"
    "リリースノートは短くし、{file} に保存します。\n",
    "ar": "# أنواع المخططات\n\nيضبط المخطط `type` على «تطبيق» أو «مكتبة».\n\n"
    "اجعل ملاحظات الإصدار قصيرة واحفظها في {file}.\n",
    "fr": "# Types de chart\n\nUn chart règle son `type` sur « application » ou « bibliothèque ».\n\n"
    "Gardez les notes de version courtes et rangez-les dans {file}.\n",
}


@pytest.mark.parametrize("lang", sorted(WORDS_TARGETS))
def test_everyday_words_set_as_code(tmp_path: Path, lang: str) -> None:
    """`application` and `library`, listed together, are names the reader types: translated,
    each is info. `release` is a word of the sentence set as code (no code block, list or text
    of the page uses it as a name): translated, no finding. A file name lost is a warning."""
    page = WORDS_TARGETS[lang]
    found = check_pair(tmp_path, "TC603", WORDS_SOURCE, page.format(file="`relnotes.txt`"), lang)
    assert sorted((f["severity"], f["suggestion"]) for f in found) == [
        ("info", "`application`"),
        ("info", "`library`"),
    ]
    found = check_pair(tmp_path, "TC603", WORDS_SOURCE, page.format(file="notes.txt"), lang)
    assert ("warning", "`relnotes.txt`") in [(f["severity"], f["suggestion"]) for f in found]


HOOKS_SOURCE = (
    "# Hooks\n\nHelm runs two hooks in the `install` lifecycle: `pre-install` and `post-install`.\n\n"
    "```console\n$ helm install demo ./demo\n```\n"
)
HOOKS_TARGETS = {
    "fr": "# Hooks\n\nHelm exécute deux hooks pendant l'installation : `pre-install` et `post-install`.\n",
    "zh": "# 钩子\n\nHelm 在安装的生命周期中运行两个钩子：`pre-install` 和 `post-install`。\n",
    "he": "# Hooks\n\nHelm מריץ שני hooks במחזור ההתקנה: `pre-install` ו-`post-install`.\n",
    "nb": "# Hooks\n\nHelm kjører to hooks under installasjonen: `pre-install` og `post-install`.\n",
}


@pytest.mark.parametrize("lang", sorted(HOOKS_TARGETS))
def test_code_inside_another_span_is_not_kept_as_text(tmp_path: Path, lang: str) -> None:
    """`install` is in `pre-install`, another code span, not in the text: the span was
    translated as a word. It is an everyday word the page's code uses (`helm install`): info,
    said so, not "written without code formatting"."""
    block = "\n```console\n$ helm install demo ./demo\n```\n"
    found = check_pair(tmp_path, "TC603", HOOKS_SOURCE, HOOKS_TARGETS[lang] + block, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("info", "`install`")]
    assert "everyday word" in found[0]["message"]
    assert "without code formatting" not in found[0]["message"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Installieren Sie zuerst _kubectl_ auf Ihrem Rechner."),
        ("ja", "まず、お使いのマシンに *kubectl* をインストールします。"),
        ("ar", "ثبّت أولًا _kubectl_ على جهازك."),
        ("el", "Εγκαταστήστε πρώτα το _kubectl_ στον υπολογιστή σας."),
    ],
)
def test_code_written_in_emphasis_is_info(tmp_path: Path, lang: str, text: str) -> None:
    """``_kubectl_`` keeps the command, set in italics instead of code: info. Dropped, it is
    a warning."""
    source = "# Setup\n\nFirst install `kubectl` on your machine.\n"
    found = check_pair(tmp_path, "TC603", source, f"# Setup\n\n{text}\n", lang)
    assert [f["severity"] for f in found] == ["info"]
    assert "without code formatting" in found[0]["message"]
    gone = text.replace("_kubectl_", "").replace("*kubectl*", "")
    found = check_pair(tmp_path, "TC603", source, f"# Setup\n\n{gone}\n", lang)
    assert [f["severity"] for f in found] == ["warning"]


SIGNATURE_SOURCE = """# Lookup

The function has the signature `lookup apiVersion, kind, name -> resource or resource list`.

This section covers the `dependencies` a chart declares.

```yaml
{{ (lookup "v1" "Pod" "mypod").metadata.labels }}
```
"""
SIGNATURE_TARGETS = {
    "fr": (
        "# Lookup\n\nLa fonction a la signature `lookup apiVersion, kind, name -> ressource ou liste de ressources`."
        "\n\nCette section traite des `{req}` qu'un chart déclare.\n"
    ),
    "uk": (
        "# Lookup\n\nФункція має сигнатуру `lookup apiVersion, kind, name -> ресурс або список ресурсів`."
        "\n\nЦей розділ описує `{req}`, які оголошує чарт.\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(SIGNATURE_TARGETS))
def test_a_signature_result_in_words_may_be_translated(tmp_path: Path, lang: str) -> None:
    """The words after ``->`` describe what the function returns: translated, no finding. A
    word no example uses but in a span of no template's shape (``dependencies``, a key) is not
    proven a placeholder: translated, a warning."""
    block = SIGNATURE_SOURCE[SIGNATURE_SOURCE.index("\n```yaml") :]
    page = SIGNATURE_TARGETS[lang] + block
    assert check_pair(tmp_path, "TC603", SIGNATURE_SOURCE, page.replace("{req}", "dependencies"), lang) == []
    found = check_pair(
        tmp_path,
        "TC603",
        SIGNATURE_SOURCE,
        page.replace("{req}", "dépendances" if lang == "fr" else "залежності"),
        lang,
    )
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", "`dependencies`")]
    changed = page.replace("{req}", "dependencies").replace("apiVersion, kind", "apiVersion, type")
    found = check_pair(tmp_path, "TC603", SIGNATURE_SOURCE, changed, lang)
    assert [f["severity"] for f in found] == ["warning"]  # a word before the arrow: the call itself
