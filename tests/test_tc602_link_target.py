"""TC602 link-target: link and image targets kept, localised targets accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from tc6_helpers import check_pair

SOURCE = """# Charts

A chart is described in [the chart guide](/docs/topics/charts/).

Read [CAPEX](https://en.wikipedia.org/wiki/Capital_expenditure) for the accounting side.

The layout is shown in ![the layout](/img/chart-layout.png).
"""


def _de(
    link: str = "/docs/topics/charts/", wiki: str = "https://en.wikipedia.org/wiki/Capital_expenditure"
) -> str:
    return f"""# Charts

Ein Chart wird im [Chart-Leitfaden]({link}) beschrieben.

Lesen Sie [CAPEX]({wiki}) für die Buchhaltung.

Die Struktur zeigt ![die Struktur](/img/chart-layout.png).
"""


def test_changed_link_german(tmp_path: Path) -> None:
    found = check_pair(tmp_path, "TC602", SOURCE, _de("/docs/topics/chart-leitfaden/"), "de")
    assert [(f["line"], f["suggestion"]) for f in found] == [(3, "/docs/topics/charts/")]
    assert found[0]["related"][0]["line"] == 3
    assert found[0]["severity"] == "error"  # readers land on another page


def test_language_prefix_and_localised_wikipedia_german_pass(tmp_path: Path) -> None:
    target = _de("/de/docs/topics/charts/", "https://de.wikipedia.org/wiki/Investitionsausgaben")
    assert check_pair(tmp_path, "TC602", SOURCE, target, "de") == []


def test_lost_image_japanese(tmp_path: Path) -> None:
    target = """# チャート

チャートについては[チャートガイド](/ja/docs/topics/charts/)を参照してください。

会計面については[CAPEX](https://ja.wikipedia.org/wiki/資本的支出)を読んでください。

構成は図のとおりです。
"""
    found = check_pair(tmp_path, "TC602", SOURCE, target, "ja")
    assert [f["line"] for f in found] == [7]
    assert "image '/img/chart-layout.png'" in found[0]["message"]
    assert found[0]["severity"] == "warning"  # left out: the page still works


def test_relative_and_absolute_file_links_arabic_pass(tmp_path: Path) -> None:
    source = "# Helm\n\nSee [helm get](/helm/helm_get.md) for details.\n"
    target = "# Helm\n\nراجع [helm get](./helm_get.md) للتفاصيل.\n"
    (tmp_path / "helm").mkdir()
    src = tmp_path / "helm" / "helm.md"
    src.write_text(source, encoding="utf-8")
    from helpers import findings, run_paths

    path = tmp_path / "helm" / "helm.ar.md"
    path.write_text(target, encoding="utf-8")
    result = run_paths([path], source=src, source_lang="en", target_lang="ar")
    assert findings(result, "TC602") == []


def test_dead_fragment_french(tmp_path: Path) -> None:
    source = "# Guide\n\nSee [next steps](#next-steps) below.\n\n## Next steps {#next-steps}\n\nUpgrade.\n"
    target = (
        "# Guide\n\nVoir [étapes suivantes](#next-steps) plus bas.\n\n## Étapes suivantes\n\nMettez à jour.\n"
    )
    found = check_pair(tmp_path, "TC602", source, target, "fr")
    assert [f["line"] for f in found] == [3]
    assert "heading id" in found[0]["message"]
    assert found[0]["severity"] == "error"  # a dead link


def test_fragment_to_translated_heading_french_pass(tmp_path: Path) -> None:
    source = "# Guide\n\nSee [next steps](#next-steps) below.\n\n## Next steps\n\nUpgrade.\n"
    target = "# Guide\n\nVoir [étapes suivantes](#étapes-suivantes) plus bas.\n\n## Étapes suivantes\n\nMettez à jour.\n"
    assert check_pair(tmp_path, "TC602", source, target, "fr") == []


def test_poorly_aligned_page_gets_one_count_german(tmp_path: Path) -> None:
    source = "# Guide\n\nOne [a](/a/).\n\nTwo [b](/b/).\n\nThree [c](/c/).\n\nFour.\n\nFive.\n"
    target = (
        "# Leitfaden\n\nEins [a](/de/a/).\n\n"
        "Ganz anders hier, eine sehr lange neue Erklärung, die nichts mit der Quelle zu tun hat.\n"
    )
    found = check_pair(tmp_path, "TC602", source, target, "de")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert "3 links and images, the translation 1" in found[0]["message"]
    assert [r["line"] for r in found[0]["related"]] == [5, 7]


def test_other_page_in_own_tree_is_info_korean(tmp_path: Path) -> None:
    """The translated site may keep the page under another name: info, not an error."""
    source = "# Firewall\n\nIn a [microservices](/microservices-architecture/) app, services talk.\n"
    target = "# 방화벽\n\n[마이크로서비스](/ko/microservices/) 앱에서는 서비스끼리 통신한다.\n"
    found = check_pair(tmp_path, "TC602", source, target, "ko")
    assert [(f["line"], f["severity"]) for f in found] == [(3, "info")]


def test_mdx_comment_heading_id_russian_pass(tmp_path: Path) -> None:
    """Docusaurus' MDX heading id ``{/* #driver */}`` keeps the fragment alive."""
    source = "# Examples\n\nSee the driver ([link](#driver)).\n\n## Driver\n\nIt runs the actions.\n"
    target = "# Примеры\n\nСм. драйвер ([ссылка](#driver)).\n\n## Драйвер {/* #driver */}\n\nОн выполняет действия.\n"
    assert check_pair(tmp_path, "TC602", source, target, "ru", ".mdx") == []
    lost = target.replace(" {/* #driver */}", "")
    assert [f["line"] for f in check_pair(tmp_path, "TC602", source, lost, "ru", ".mdx")] == [3]


LINKED_SOURCE = """# Autoscaling

Autoscaling is the ability of a system to [scale](/scalability/) automatically.

It adds [containers](/container/) and [virtual machines](/virtual-machine/) when needed.

# History

Applications were once built for the peak load, see [capacity](/capacity/).
"""
# Translated before the source's section got its links (the first of each pair), and with the
# section's links kept but one dropped (the second).
LINKED_TARGETS = {
    "pt": (
        "O autoscaling é a capacidade de um sistema de escalar automaticamente.\n\n"
        "Ele adiciona contêineres e máquinas virtuais quando necessário.",
        "O autoscaling é a capacidade de um sistema de [escalar](/pt/scalability/) automaticamente.\n\n"
        "Ele adiciona [contêineres](/pt/container/) e máquinas virtuais quando necessário.",
    ),
    "zh": (
        "自动伸缩是系统自动伸缩的能力。\n\n它会在需要时添加容器和虚拟机。",
        "自动伸缩是系统自动[伸缩](/zh/scalability/)的能力。\n\n它会在需要时添加[容器](/zh/container/)和虚拟机。",
    ),
    "ar": (
        "التوسع التلقائي هو قدرة النظام على التوسع تلقائيًا.\n\nيضيف الحاويات والأجهزة الافتراضية عند الحاجة.",
        "التوسع التلقائي هو قدرة النظام على [التوسع](/ar/scalability/) تلقائيًا.\n\n"
        "يضيف [الحاويات](/ar/container/) والأجهزة الافتراضية عند الحاجة.",
    ),
    "de": (
        "Autoscaling ist die Fähigkeit eines Systems, automatisch zu skalieren.\n\n"
        "Es fügt bei Bedarf Container und virtuelle Maschinen hinzu.",
        "Autoscaling ist die Fähigkeit eines Systems, automatisch zu [skalieren](/de/scalability/).\n\n"
        "Es fügt bei Bedarf [Container](/de/container/) und virtuelle Maschinen hinzu.",
    ),
}


def _linked_page(lang: str, first: str) -> str:
    history = {
        "pt": "Histórico",
        "zh": "历史",
        "ar": "التاريخ",
        "de": "Geschichte",
    }[lang]
    rest = {
        "pt": "Antigamente as aplicações eram feitas para o pico, veja [capacidade](/pt/capacity/).",
        "zh": "过去的应用是按峰值负载构建的，参见[容量](/zh/capacity/)。",
        "ar": "كانت التطبيقات تُبنى قديمًا لذروة الحمل، انظر [السعة](/ar/capacity/).",
        "de": "Früher wurden Anwendungen für die Spitzenlast gebaut, siehe [Kapazität](/de/capacity/).",
    }[lang]
    return f"# Autoscaling\n\n{first}\n\n# {history}\n\n{rest}\n"


@pytest.mark.parametrize("lang", sorted(LINKED_TARGETS))
def test_section_with_none_of_the_sources_links_is_info(tmp_path: Path, lang: str) -> None:
    """A section without any of its source's three links was translated before they were
    added: info, said to be possibly out of date. A section that kept two and dropped one: a
    warning for the one."""
    stale, dropped = LINKED_TARGETS[lang]
    found = check_pair(tmp_path, "TC602", LINKED_SOURCE, _linked_page(lang, stale), lang)
    assert len(found) == 3 and {f["severity"] for f in found} == {"info"}
    assert all("it may be out of date" in f["message"] for f in found)
    found = check_pair(tmp_path, "TC602", LINKED_SOURCE, _linked_page(lang, dropped), lang)
    assert [(f["severity"], f["message"][:40]) for f in found] == [
        ("warning", "the source's link target '/virtual-machi")
    ]


RELATIVE_SOURCE = (
    "# Signing\n\n[Sigstore](https://sigstore.dev/) is an alternative to [GPG-based provenance](/topics/provenance.md) supported by "
    "classic [chart repositories](/topics/chart_repository.md).\n"
)
RELATIVE_TARGETS = {
    "zh": "# 签名\n\n[Sigstore](https://sigstore.dev/) 为经典 [chart 仓库]({repo})支持的[基于 GPG 的来源验证]({prov})提供了替代方案。\n",
    "ar": "# التوقيع\n\n[Sigstore](https://sigstore.dev/) بديل عن [المصدر المعتمد على GPG]({prov}) الذي تدعمه [مستودعات المخططات]({repo}) التقليدية.\n",
    "it": "# Firma\n\n[Sigstore](https://sigstore.dev/) è un'alternativa alla [provenienza basata su GPG]({prov}) supportata dai "
    "classici [repository di chart]({repo}).\n",
    "uk": "# Підпис\n\n[Sigstore](https://sigstore.dev/) — альтернатива [походженню на основі GPG]({prov}), яке підтримують "
    "класичні [репозиторії чартів]({repo}).\n",
}


@pytest.mark.parametrize("lang", sorted(RELATIVE_TARGETS))
def test_two_links_written_relative_to_the_page_pass(tmp_path: Path, lang: str) -> None:
    """Both links of the passage name their files relative to the page (``./provenance.md``
    for ``/topics/provenance.md``): the same files. One that names another file is still an error."""
    page = RELATIVE_TARGETS[lang]
    topics = tmp_path / "topics"  # the page is topics/page.LANG.md
    topics.mkdir()
    same = page.format(prov="./provenance.md", repo="./chart_repository.md")
    assert check_pair(topics, "TC602", RELATIVE_SOURCE, same, lang) == []
    other = page.format(prov="./provenance.md", repo="./registries.md")
    found = check_pair(topics, "TC602", RELATIVE_SOURCE, other, lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("error", "/topics/chart_repository.md")]


SPACED_SOURCE = (
    "# SemVer\n\nHelm provides functions for working with [SemVer 2](http://semver.org) versions.\n"
)
SPACED_TARGETS = {
    "ko": "# SemVer\n\n헬름은 [유의적 버전 2]{gap}(http://semver.org) 버전 작업을 위한 기능을 제공한다.\n",
    "it": "# SemVer\n\nHelm fornisce funzioni per lavorare con le versioni [SemVer 2]{gap}(http://semver.org).\n",
    "he": "# SemVer\n\nHelm מספק פונקציות לעבודה עם גרסאות [SemVer 2]{gap}(http://semver.org).\n",
    "de": "# SemVer\n\nHelm bietet Funktionen für die Arbeit mit [SemVer 2]{gap}(http://semver.org)-Versionen.\n",
}


@pytest.mark.parametrize("lang", sorted(SPACED_TARGETS))
def test_a_space_between_the_brackets_undoes_the_link(tmp_path: Path, lang: str) -> None:
    """``[text] (url)`` is plain text in Markdown: an error that names the cause, with the
    joined link as the fix. Written together, the link is kept."""
    page = SPACED_TARGETS[lang]
    assert check_pair(tmp_path, "TC602", SPACED_SOURCE, page.format(gap=""), lang) == []
    found = check_pair(tmp_path, "TC602", SPACED_SOURCE, page.format(gap=" "), lang)
    assert [(f["severity"], f["line"]) for f in found] == [("error", 3)]
    assert "is not a link: the space between ']' and '('" in found[0]["message"]
    assert found[0]["suggestion"].endswith("](http://semver.org)")


GUIDE_SOURCE = (
    "# Style\n\n5. [Use passive voice sparingly](https://www.ef.com/english-resources/passive-voice/)\n"
)
GUIDE_TARGETS = {
    "tr": ("# Üslup\n\n5. [Edilgen dili idareli kullanın]({url})\n", "https://sozluk.gov.tr/?/edilgen+fiil"),
    "ja": ("# 文体\n\n5. [受動態は控えめに]({url})\n", "https://www.bunka.go.jp/kokugo/ukemi.html"),
    "ar": ("# الأسلوب\n\n5. [استخدم المبني للمجهول باعتدال]({url})\n", "https://www.arabic.gov.eg/majhool"),
    "de": ("# Stil\n\n5. [Passiv sparsam verwenden]({url})\n", "https://www.duden.de/sprachwissen/passiv"),
}


@pytest.mark.parametrize("lang", sorted(GUIDE_TARGETS))
def test_a_resource_in_the_translations_country_is_info(tmp_path: Path, lang: str) -> None:
    """The translator linked a grammar page of the reader's own country: info. Another site
    elsewhere is still an error."""
    page, url = GUIDE_TARGETS[lang]
    found = check_pair(tmp_path, "TC602", GUIDE_SOURCE, page.format(url=url), lang)
    assert [f["severity"] for f in found] == ["info"]
    assert "a site of the translation's country" in found[0]["message"]
    found = check_pair(tmp_path, "TC602", GUIDE_SOURCE, page.format(url="https://grammar.example.com/"), lang)
    assert [f["severity"] for f in found] == ["error"]


REWRITTEN_SOURCE = (
    "# Containers\n\nContainerisation packs the code and everything it needs into one [image](/image/).\n\n"
    "## Use\n\nRun it anywhere.\n"
)
REWRITTEN_TARGETS = {
    "fr": (
        "# Conteneurs\n\nLa conteneurisation emballe une application dans une {link}. "
        "La construction suit la norme [OCI](https://opencontainers.org). "
        "Tout outil qui produit une telle image convient.\n\n## Usage\n\nLancez-la partout.\n"
    ),
    "ja": (
        "# コンテナ\n\nコンテナ化はアプリケーションを{link}にまとめる処理です。"
        "ビルドは [OCI](https://opencontainers.org) 標準に従います。"
        "その標準に沿ったイメージを作るツールなら何でも使えます。\n\n## 使い方\n\nどこでも実行できます。\n"
    ),
    "ar": (
        "# الحاويات\n\nالحوسبة بالحاويات تجمع التطبيق في {link}. "
        "يتبع البناء معيار [OCI](https://opencontainers.org). "
        "وأي أداة تنتج مثل هذه الصورة تفي بالغرض.\n\n## الاستخدام\n\nشغّلها في أي مكان.\n"
    ),
    "de": (
        "# Container\n\nContainerisierung packt eine Anwendung in ein {link}. "
        "Der Build folgt dem Standard der [OCI](https://opencontainers.org). "
        "Jedes Werkzeug, das ein solches Image erzeugt, ist geeignet.\n\n## Nutzung\n\nÜberall ausführen.\n"
    ),
}
REWRITTEN_WORDS = {"fr": "image", "ja": "イメージ", "ar": "صورة", "de": "Image"}


@pytest.mark.parametrize("lang", sorted(REWRITTEN_TARGETS))
def test_link_of_a_sentence_the_source_no_longer_has_is_no_change(tmp_path: Path, lang: str) -> None:
    """The translation holds two sentences the source has since dropped, one with a link to
    OCI: that link did not replace the source's link to the image page, which is lost (a
    warning), not changed (an error). In a paragraph as long as its source, it is a change."""
    word = REWRITTEN_WORDS[lang]
    found = check_pair(tmp_path, "TC602", REWRITTEN_SOURCE, REWRITTEN_TARGETS[lang].format(link=word), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("warning", None)]
    assert "'/image/' is missing" in found[0]["message"]
    page = REWRITTEN_TARGETS[lang].format(link=f"[{word}](/bild/)")
    short = page.split("\n\n")
    short[1] = short[1].split(". ")[0].split("。")[0] + ("。" if lang == "ja" else ".")
    found = check_pair(tmp_path, "TC602", REWRITTEN_SOURCE, "\n\n".join(short), lang)
    assert [(f["severity"], f["suggestion"]) for f in found] == [("error", "/image/")]


LINES_SOURCE = (
    "# Contributing\n\nRead the [guide](/guide/) first.\n"
    "Then join the [chat](https://chat.example.org) and say hello.\n\nTranslators meet every week.\n"
)
LINES_TARGETS = {
    "de": (
        "# Mitwirken\n\nLesen Sie zuerst den [Leitfaden](/de/guide/).\n"
        "Treten Sie dann dem Chat bei und sagen Sie hallo.\n"
        "Übersetzer treffen sich jede Woche im [Übersetzerraum](https://chat.example.org/room/7).\n"
    ),
    "zh": (
        "# 参与贡献\n\n请先阅读[指南](/zh/guide/)。\n然后加入聊天室并打个招呼。\n"
        "译者每周在[译者频道](https://chat.example.org/room/7)见面。\n"
    ),
    "he": (
        "# תרומה\n\nקראו קודם את [המדריך](/he/guide/).\nאחר כך הצטרפו לצ'אט ואמרו שלום.\n"
        "המתרגמים נפגשים מדי שבוע ב[חדר המתרגמים](https://chat.example.org/room/7).\n"
    ),
    "ru": (
        "# Участие\n\nСначала прочитайте [руководство](/ru/guide/).\nЗатем присоединяйтесь к чату и поздоровайтесь.\n"
        "Переводчики встречаются каждую неделю в [комнате переводчиков](https://chat.example.org/room/7).\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(LINES_TARGETS))
def test_link_of_another_line_is_no_change(tmp_path: Path, lang: str) -> None:
    """The translation joined two paragraphs, paired line by line: the chat link is dropped
    from its line, and the next line (another sentence of the source) adds a link of its own.
    The chat link is lost (a warning on its line), not changed into the room's (an error)."""
    found = check_pair(tmp_path, "TC602", LINES_SOURCE, LINES_TARGETS[lang], lang)
    assert [(f["line"], f["severity"]) for f in found] == [(4, "warning")]
    assert "'https://chat.example.org' is missing" in found[0]["message"]
    moved = LINES_TARGETS[lang].replace("https://chat.example.org/room/7", "https://chat.example.org")
    assert check_pair(tmp_path, "TC602", LINES_SOURCE, moved, lang) == []


STALE_SOURCE = """# Style

1. [Avoid colloquial language](https://en.wikipedia.org/wiki/Colloquialism) in every entry.

2. Write short sentences that a new reader can follow without a dictionary.

3. Prefer the active voice, and name who does what in each step.

4. Define every acronym the first time the page uses it.

5. Keep examples neutral, without brands or people in them.

6. Link to the [glossary](/glossary/) when another term is explained there.
"""
STALE_TARGETS = {
    "de": "# Stil\n\n1. [Vermeiden Sie Umgangssprache]({wiki}) in jedem Eintrag.\n\n"
    "2. Schreiben Sie kurze Sätze, denen neue Leser ohne Wörterbuch folgen können.\n\n"
    "Hinweis: Diese Regeln gelten seit der zweiten Fassung des Leitfadens und ersetzen die alten.\n\n"
    "6. Verweisen Sie auf das [Glossar](/de/glossary/), wenn ein anderer Begriff dort erklärt ist.\n",
    "ja": "# スタイル\n\n1. どの項目でも[口語表現を避けます]({wiki})。\n\n"
    "2. 新しい読者が辞書なしで読める短い文を書きます。\n\n"
    "注記：これらの規則はガイドの第 2 版から適用され、古い規則に代わるものです。\n\n"
    "6. 別の用語がそこで説明されている場合は[用語集](/ja/glossary/)にリンクします。\n",
    "ar": "# الأسلوب\n\n1. [تجنّب اللغة العامية]({wiki}) في كل مدخل.\n\n"
    "2. اكتب جملًا قصيرة يستطيع القارئ الجديد متابعتها دون قاموس.\n\n"
    "ملاحظة: تسري هذه القواعد منذ الإصدار 2 من الدليل وتحل محل القواعد القديمة.\n\n"
    "6. اربط بـ[المسرد](/ar/glossary/) عندما يُشرح مصطلح آخر هناك.\n",
    "fr": "# Style\n\n1. [Évitez le registre familier]({wiki}) dans chaque entrée.\n\n"
    "2. Écrivez des phrases courtes qu'un nouveau lecteur peut suivre sans dictionnaire.\n\n"
    "Remarque : ces règles valent depuis la version 2 du guide et remplacent les anciennes.\n\n"
    "6. Renvoyez au [glossaire](/fr/glossary/) quand un autre terme y est expliqué.\n",
}
STALE_WIKIS = {
    "de": "https://de.wikipedia.org/wiki/Umgangssprache",
    "ja": "https://ja.wikipedia.org/wiki/口語",
    "ar": "https://ar.wikipedia.org/wiki/عامية",
    "fr": "https://fr.wikipedia.org/wiki/Registre_familier",
}


@pytest.mark.parametrize("lang", sorted(STALE_TARGETS))
def test_out_of_date_page_counts_localised_links_as_kept(tmp_path: Path, lang: str) -> None:
    """A page too far behind its source to compare passage by passage is counted as a whole:
    the link to the translation's own Wikipedia is the source's link, localised, not missing.
    A link left out altogether is counted (info). (The page is counted whole whatever its
    alignment: ``min-aligned`` above 1.)"""
    (tmp_path / "pyproject.toml").write_text("[tool.tcheck.options.TC602]\nmin-aligned = 1.01\n")
    page = STALE_TARGETS[lang].format(wiki=STALE_WIKIS[lang])
    assert check_pair(tmp_path, "TC602", STALE_SOURCE, page, lang) == []
    plain = page.replace(f"]({STALE_WIKIS[lang]})", "]").replace("[", "", 1)
    found = check_pair(tmp_path, "TC602", STALE_SOURCE, plain, lang)
    assert [f["severity"] for f in found] == ["info"]
    assert "Colloquialism" in found[0]["message"] and "aligns too poorly" in found[0]["message"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "詳しくは[ガイド]({dest})を参照してください。"),
        ("zh", "详情请参阅[指南]({dest})。"),
        ("he", "לפרטים ראו את [המדריך]({dest})."),
        ("ko", "자세한 내용은 [가이드]({dest})를 참조하세요."),
    ],
)
def test_configured_language_prefix(tmp_path: Path, lang: str, text: str) -> None:
    """``language-prefixes = ["jp"]`` names a site's own language folder: ``/jp/docs/guide/``
    is the source's ``/docs/guide/``; another page is still reported."""
    (tmp_path / "pyproject.toml").write_text('[tool.tcheck.options.TC602]\nlanguage-prefixes = ["jp"]\n')
    source = "# Guide\n\nSee [the guide](/docs/guide/) for details.\n"
    page = f"# Guide\n\n{text}\n"
    assert check_pair(tmp_path, "TC602", source, page.format(dest="/jp/docs/guide/"), lang) == []
    found = check_pair(tmp_path, "TC602", source, page.format(dest="/jp/docs/other/"), lang)
    assert [f["severity"] for f in found] == ["error"]
    assert "stands where the source has link target '/docs/guide/'" in found[0]["message"]


CONDUCT = "https://github.com/example-org/foundation/blob/main/code-of-conduct.md"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Все участники следуют [Кодексу поведения]({dest})."),
        ("ja", "すべての参加者は[行動規範]({dest})に従います。"),
        ("ar", "يلتزم جميع المساهمين [بمدونة السلوك]({dest})."),
        ("de", "Alle Beteiligten folgen dem [Verhaltenskodex]({dest})."),
    ],
)
def test_file_named_for_the_language_is_localised(tmp_path: Path, lang: str, text: str) -> None:
    """The code of conduct in the translation's language, a file named for it on the same host
    (``.../code-of-conduct-languages/ru.md``), is the source's link localised. Another
    language's file is not."""
    source = f"# Conduct\n\nAll contributors follow the [Code of Conduct]({CONDUCT}).\n"
    localised = CONDUCT.replace("code-of-conduct.md", f"code-of-conduct-languages/{lang}.md")
    page = f"# Conduct\n\n{text}\n"
    assert check_pair(tmp_path, "TC602", source, page.format(dest=localised), lang) == []
    other = CONDUCT.replace("code-of-conduct.md", "code-of-conduct-languages/pt.md")
    assert [f["severity"] for f in check_pair(tmp_path, "TC602", source, page.format(dest=other), lang)] == [
        "error"
    ]
