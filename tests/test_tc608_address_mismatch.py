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
