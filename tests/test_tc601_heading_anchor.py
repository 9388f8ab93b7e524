"""TC601 heading-anchor: heading ids kept from the source."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths

SOURCE = """# Installing the chart

The chart installs a small web server.

## Next steps {#next-steps}

Read the guide on upgrades next.

## Troubleshooting {#troubleshooting}

Check the logs of the pod first.
"""


def _run(tmp_path: Path, target: str, lang: str, source: str = SOURCE, name: str = "page.md") -> list[dict]:
    src = tmp_path / "en.md"
    src.write_text(source, encoding="utf-8")
    path = tmp_path / name
    path.write_text(target, encoding="utf-8")
    return findings(run_paths([path], source=src, source_lang="en", target_lang=lang), "TC601")


def test_translated_anchor_german(tmp_path: Path) -> None:
    target = SOURCE.replace("# Installing the chart", "# Das Chart installieren")
    target = target.replace(
        "The chart installs a small web server.", "Das Chart installiert einen kleinen Webserver."
    )
    target = target.replace("## Next steps {#next-steps}", "## Nächste Schritte {#nächste-schritte}")
    target = target.replace(
        "Read the guide on upgrades next.", "Lesen Sie als Nächstes die Anleitung zu Upgrades."
    )
    target = target.replace("## Troubleshooting", "## Fehlerbehebung")
    target = target.replace("Check the logs of the pod first.", "Prüfen Sie zuerst die Protokolle des Pods.")
    found = _run(tmp_path, target, "de")
    assert [(f["line"], f["suggestion"]) for f in found] == [(5, "next-steps")]
    assert "'#nächste-schritte'" in found[0]["message"] and found[0]["related"][0]["line"] == 5


def test_lost_anchor_japanese(tmp_path: Path) -> None:
    target = """# チャートのインストール

このチャートは小さなウェブサーバーをインストールします。

## 次のステップ

次にアップグレードのガイドを読んでください。

## トラブルシューティング {#troubleshooting}

まずポッドのログを確認してください。
"""
    found = _run(tmp_path, target, "ja")
    assert [(f["line"], f["suggestion"]) for f in found] == [(5, "{#next-steps}")]


def test_translated_anchor_arabic(tmp_path: Path) -> None:
    target = """# تثبيت المخطط

يثبّت المخطط خادم ويب صغيرًا.

## الخطوات التالية {#next-steps}

اقرأ دليل الترقيات بعد ذلك.

## استكشاف الأخطاء {#استكشاف-الأخطاء}

تحقق من سجلات الحاوية أولًا.
"""
    found = _run(tmp_path, target, "ar")
    assert [f["line"] for f in found] == [9]
    assert found[0]["suggestion"] == "troubleshooting"


def test_kept_anchors_french_pass(tmp_path: Path) -> None:
    target = """# Installer le chart

Le chart installe un petit serveur web.

## Étapes suivantes {#next-steps}

Lisez ensuite le guide des mises à niveau.

## Dépannage {#troubleshooting}

Vérifiez d'abord les journaux du pod.
"""
    assert _run(tmp_path, target, "fr") == []


def test_added_anchor_norwegian_pass(tmp_path: Path) -> None:
    target = """# Installere chartet {#installing-the-chart}

Chartet installerer en liten webserver.

## Neste steg {#next-steps}

Les veiledningen om oppgraderinger etterpå.

## Feilsøking {#troubleshooting}

Sjekk loggene til poden først.
"""
    assert _run(tmp_path, target, "nb") == []


def test_out_of_date_outline_reports_only_a_count_chinese(tmp_path: Path) -> None:
    """The translation lacks a whole section (it is older than the source): no lost anchor is
    placed, the page gets one count (info)."""
    target = """# 安装 Chart

该 Chart 会安装一个小型 Web 服务器。

## 后续步骤 {#next-steps}

接下来请阅读升级指南。
"""
    found = _run(tmp_path, target, "zh")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert "'troubleshooting'" in found[0]["message"]
