"""TC608 address-mismatch: URLs, e-mail addresses and @handles in text, mirroring Translate
Toolkit's urls and emails filters (our strings, their verdicts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tc6_helpers import check_file, check_pair, po


@pytest.mark.parametrize(
    ("lang", "msgid", "msgstr", "fails"),
    [
        ("de", "Write to bob@example.net today", "Schreiben Sie heute an bob@example.net", False),
        ("de", "Write to bob@example.net today", "Schreiben Sie heute an kobus@beispiel.net", True),
        ("fr", "See http://translate.org.za for more", "Voir http://translate.org.za pour plus", False),
        ("fr", "See http://translate.org.za for more", "Voir http://traduire.org.za pour plus", True),
        ("ar", "Follow @helmpack for news", "تابعوا @helmpack للأخبار", False),
        ("ar", "Follow @helmpack for news", "تابعوا @هيلم للأخبار", True),
        (
            "zh",
            "Docs: https://developer.mozilla.org/en-US/docs/Web",
            "文档：https://developer.mozilla.org/zh-CN/docs/Web",
            False,
        ),
    ],
)
def test_messages(tmp_path: Path, lang: str, msgid: str, msgstr: str, fails: bool) -> None:
    found = check_file(tmp_path, "TC608", f"m.{lang}.po", po(lang, ("", msgid, msgstr)))
    assert bool(found) is fails


def test_changed_email_in_plain_text_german(tmp_path: Path) -> None:
    source = "Questions? Write to security@helm.sh today.\n\nFollow @helmpack for news.\n"
    target = "Fragen? Schreiben Sie heute an sicherheit@helm.sh.\n\nFolgen Sie @helmpack für Neuigkeiten.\n"
    found = check_pair(tmp_path, "TC608", source, target, "de", ".txt")
    assert [(f["line"], f["suggestion"]) for f in found] == [(1, "security@helm.sh")]


def test_bare_url_in_markdown_japanese(tmp_path: Path) -> None:
    source = "# Support\n\nReport problems at https://github.com/helm/helm/issues please.\n"
    target = "# サポート\n\n問題は https://github.com/helm/helm/pulls で報告してください。\n"
    found = check_pair(tmp_path, "TC608", source, target, "ja")
    assert [f["line"] for f in found] == [3]


def test_kept_handle_hebrew_markdown_pass(tmp_path: Path) -> None:
    source = "# Team\n\nAsk @maintainer or mail team@example.org.\n"
    target = "# צוות\n\nשאלו את @maintainer או כתבו אל team@example.org.\n"
    assert check_pair(tmp_path, "TC608", source, target, "he") == []


def test_url_moved_into_code_span_french_pass(tmp_path: Path) -> None:
    source = "# Install\n\nBy absolute URL: helm install mynginx https://example.com/charts/nginx-1.2.3.tgz\n"
    target = (
        "# Installer\n\nPar URL absolue : `helm install mynginx https://example.com/charts/nginx-1.2.3.tgz`\n"
    )
    assert check_pair(tmp_path, "TC608", source, target, "fr") == []


def test_addresses_in_text_without_spaces_japanese_chinese_pass(tmp_path: Path) -> None:
    source = "# Help\n\nContact @MerPolCC by DM, or email jo@samaritans.org for help.\n"
    ja = "# ヘルプ\n\nDM @MerPolCCに連絡するか、jo@samaritans.orgにメールしてください。\n"
    zh = "# 帮助\n\n请私信@MerPolCC联系，或发邮件给jo@samaritans.org获得帮助。\n"
    assert check_pair(tmp_path, "TC608", source, ja, "ja") == []
    (tmp_path / "zh").mkdir()
    assert check_pair(tmp_path / "zh", "TC608", source, zh, "zh") == []


EXAMPLE_SOURCE = (
    "# Ingress\n\nThe controller answers at one address (www.example-url.com) and routes by path "
    "(www.example-url.com/path). Mail admin@example.org for access.\n"
)
EXAMPLE_TARGETS = {
    "fr": "# Ingress\n\nLe contrôleur répond à une adresse (www.example-url.com) et route selon le chemin "
    "({url}). Écrivez à {mail} pour un accès.\n",
    "ja": "# Ingress\n\nコントローラーは 1 つのアドレス (www.example-url.com) で応答し、パス ({url}) "
    "ごとにルーティングします。アクセスは {mail} に連絡してください。\n",
    "ar": "# Ingress\n\nيستجيب المتحكم على عنوان واحد (www.example-url.com) ويوجّه حسب المسار "
    "({url}). راسل {mail} للحصول على الوصول.\n",
    "de": "# Ingress\n\nDer Controller antwortet unter einer Adresse (www.example-url.com) und leitet nach Pfad "
    "({url}) weiter. Schreiben Sie an {mail} für Zugang.\n",
}
EXAMPLE_WORDS = {
    "fr": ("www.example-url.com/chemin", "administrateur@example.org"),
    "ja": ("www.example-url.com/パス", "kanri@example.org"),
    "ar": ("www.example-url.com/مسار", "mudir@example.org"),
    "de": ("www.example-url.com/pfad", "verwalter@example.org"),
}


@pytest.mark.parametrize("lang", sorted(EXAMPLE_TARGETS))
def test_example_address_in_the_readers_words_passes(tmp_path: Path, lang: str) -> None:
    """An example URL's path and an example e-mail's user, written in the reader's words on
    the same example host, are the same illustration. A changed host is reported."""
    url, mail = EXAMPLE_WORDS[lang]
    page = EXAMPLE_TARGETS[lang]
    assert check_pair(tmp_path, "TC608", EXAMPLE_SOURCE, page.format(url=url, mail=mail), lang) == []
    moved = page.format(url=url.replace("example-url.com", "beispiel-adresse.de"), mail=mail)
    found = check_pair(tmp_path, "TC608", EXAMPLE_SOURCE, moved, lang)
    assert [f["suggestion"] for f in found] == ["www.example-url.com/path"]


def test_variable_between_at_signs_is_not_a_handle_german(tmp_path: Path) -> None:
    """``@license_code@`` is a variable of the message (TC606 compares it), not a handle."""
    text = po("de", ("", "Licensed under @license_code@.", "Lizenziert unter @lizenz_code@."))
    assert check_file(tmp_path, "TC608", "m.de.po", text) == []
    text = po("de", ("", "Follow @helmpack today.", "Folgen Sie heute @helmpaket."))
    assert len(check_file(tmp_path, "TC608", "m.de.po", text)) == 1
