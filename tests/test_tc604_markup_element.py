"""TC604 markup-element: shortcodes, JSX components, HTML tags and footnote references kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from tc6_helpers import check_pair

SOURCE = """# Install

<Tabs groupId="os">
<TabItem value="linux" label="Linux">

Use the package manager of your distribution.

</TabItem>
</Tabs>

{{< figure src="/img/arch.png" caption="The architecture" >}}

Helm is free software.[^1]

[^1]: Apache License 2.0.
"""


def _target(
    value: str = "linux", label: str = "Linux", figure: str = "/img/arch.png", note: str = "[^1]"
) -> str:
    return f"""# Instalar

<Tabs groupId="os">
<TabItem value="{value}" label="{label}">

Use el gestor de paquetes de su distribución.

</TabItem>
</Tabs>

{{{{< figure src="{figure}" caption="La arquitectura" >}}}}

Helm es software libre.{note}

[^1]: Licencia Apache 2.0.
"""


def test_changed_jsx_value_spanish(tmp_path: Path) -> None:
    found = check_pair(tmp_path, "TC604", SOURCE, _target(value="Linux"), "es", ".mdx")
    assert [f["line"] for f in found] == [4]
    assert 'value="linux"' in found[0]["message"]


def test_translated_text_arguments_spanish_pass(tmp_path: Path) -> None:
    assert check_pair(tmp_path, "TC604", SOURCE, _target(label="Linux (Debian)"), "es", ".mdx") == []


def test_changed_shortcode_argument_korean(tmp_path: Path) -> None:
    target = """# 설치

<Tabs groupId="os">
<TabItem value="linux" label="리눅스">

배포판의 패키지 관리자를 사용하세요.

</TabItem>
</Tabs>

{{< figure src="/img/아키텍처.png" caption="아키텍처" >}}

Helm은 자유 소프트웨어입니다.[^1]

[^1]: 아파치 라이선스 2.0.
"""
    found = check_pair(tmp_path, "TC604", SOURCE, target, "ko", ".mdx")
    assert [f["line"] for f in found] == [11]


def test_lost_footnote_reference_arabic(tmp_path: Path) -> None:
    target = """# التثبيت

<Tabs groupId="os">
<TabItem value="linux" label="لينكس">

استخدم مدير الحزم في توزيعتك.

</TabItem>
</Tabs>

{{< figure src="/img/arch.png" caption="البنية" >}}

Helm برنامج حر.

[^1]: رخصة أباتشي 2.0.
"""
    found = check_pair(tmp_path, "TC604", SOURCE, target, "ar", ".mdx")
    assert [f["line"] for f in found] == [13]
    assert "[^1]" in found[0]["message"]


def test_formatting_tags_may_differ_chinese_pass(tmp_path: Path) -> None:
    source = "# Team\n\nPlease tag _@maintainer_ on your issue.\n"
    target = "# 团队\n\n请在你的 issue 中标记 <em>@maintainer</em>。\n"
    assert check_pair(tmp_path, "TC604", source, target, "zh") == []


def test_metavariables_written_as_tags_russian_pass(tmp_path: Path) -> None:
    source = "# Cheat sheet\n\n- It is <repo_name>/<chart_name> when the repository was added.\n"
    target = "# Шпаргалка\n\n- Это <имя_репозитория>/<имя_чарта>, если репозиторий был добавлен.\n"
    assert check_pair(tmp_path, "TC604", source, target, "ru") == []


SWAP_SOURCE = """# SDK examples

This example installs a chart:

<Install />

This example lists the releases:

<List />

That is all.
"""
SWAP_TARGETS = {
    "el": (
        "# Παραδείγματα SDK",
        "Αυτό το παράδειγμα εγκαθιστά ένα chart:",
        "Αυτό το παράδειγμα παραθέτει τα releases:",
        "Αυτό είναι όλο.",
    ),
    "zh": ("# SDK 示例", "此示例安装一个 chart：", "此示例列出所有 release：", "就这些。"),
    "ar": ("# أمثلة SDK", "يثبّت هذا المثال مخططًا:", "يسرد هذا المثال الإصدارات:", "هذا كل شيء."),
    "es": (
        "# Ejemplos del SDK",
        "Este ejemplo instala un chart:",
        "Este ejemplo lista los releases:",
        "Eso es todo.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SWAP_TARGETS))
def test_component_replaced_between_passages_is_changed_not_lost(tmp_path: Path, lang: str) -> None:
    """The translation shows the examples with another component where the source has
    ``<Install />`` and ``<List />``: each is reported once, as changed, where it stands (not
    as lost after the passage). The same components pass."""
    title, first, second, last = SWAP_TARGETS[lang]
    blocks = (
        '<CodeBlock language="go" title="install.go">{Install}</CodeBlock>',
        '<CodeBlock language="go" title="list.go">{List}</CodeBlock>',
    )
    page = f"{title}\n\n{first}\n\n{blocks[0]}\n\n{second}\n\n{blocks[1]}\n\n{last}\n"
    found = check_pair(tmp_path, "TC604", SWAP_SOURCE, page, lang, ".mdx")
    assert [f["line"] for f in found] == [5, 9]
    assert "stands where the source has tag '<Install />'" in found[0]["message"]
    assert "'<List />'" in found[1]["message"]
    same = page.replace(blocks[0], "<Install />").replace(blocks[1], "<List />")
    assert check_pair(tmp_path, "TC604", SWAP_SOURCE, same, lang, ".mdx") == []


_IMG_SOURCE = """# Willkommen

The glossary explains cloud native terms in plain words.

<p><img class="mt-3" src="/images/kubecon.jpg" alt="People at a conference"></p>

Join us on Slack.
"""


def _img_page(img_class: str, src: str) -> str:
    return f"""# Willkommen

Das Glossar erklärt Cloud-Native-Begriffe in einfachen Worten.

<p><img class="{img_class}" src="{src}" alt="Menschen auf einer Konferenz"></p>

Besuchen Sie uns auf Slack.
"""


def test_image_tag_with_another_picture_is_left_to_tc602_german(tmp_path: Path) -> None:
    page = _img_page("mt-5", "/images/stage.jpg")
    assert check_pair(tmp_path, "TC604", _IMG_SOURCE, page, "de") == []
    images = check_pair(tmp_path, "TC602", _IMG_SOURCE, page, "de")
    assert [f["line"] for f in images] == [5]
    assert "/images/stage.jpg" in images[0]["message"]


def test_image_tag_with_the_same_picture_and_another_class_german(tmp_path: Path) -> None:
    found = check_pair(tmp_path, "TC604", _IMG_SOURCE, _img_page("mt-5", "/images/kubecon.jpg"), "de")
    assert [f["line"] for f in found] == [5]
    assert 'class="mt-3"' in found[0]["message"] or "mt-3" in found[0]["message"]
    assert check_pair(tmp_path, "TC604", _IMG_SOURCE, _img_page("mt-3", "/images/kubecon.jpg"), "de") == []
