"""TC6xx: a lost mark where the aligner pairs whole sections wrongly, found by the headings' ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tc6_helpers import check_pair

from tcheck.markup.markdown import page_of
from tcheck.markup.outline import Sections, heading_id
from tcheck.model import Document

SOURCE = """\
---
title: Message Queue
---

In a [distributed system](/distributed-system/), programs are split into many small [services](/service/) that talk over a network.
Networks lose messages, and receivers are sometimes busy or down.
A message queue stores each message until its receiver takes it, and adds [durability](/durability/) and [ordering](/ordering/) to the exchange.

## Problem it addresses

Services that call each other directly have to be up at the same time.
When one of them slows down, every caller waits, and the delay spreads through the system.
Retrying by hand in each service leads to duplicated logic and lost messages.

## How it helps

A queue decouples the sender from the receiver, so each can fail or scale on its own.
Senders write and move on, and receivers read at their own pace.

The [broker](/broker/) model keeps every message on a central server with a write-ahead log.
It replicates the log to other servers and acknowledges a write once a quorum has it.
This approach is safe, but each message crosses the network several times.

A **brokerless** design, on the other hand, moves delivery into the clients by using libraries like [ZeroMQ](/zeromq/).
Without a central server, latency drops and there is one thing less to operate.
The price is that each application must handle lost peers itself.
"""

# The German page adds a section at the top and lacks the last two paragraphs of the source:
# the aligner pairs each paragraph with the one of the next section (the "How it helps" heading
# with the "Problem it addresses" one), and the ids on the headings show it.
GERMAN = """\
---
title: Nachrichtenwarteschlange
---

## Was es ist {#what-it-is}

In einem [verteilten System](/de/distributed-system/) werden Programme in viele kleine [Dienste](/de/service/) aufgeteilt, die über ein Netzwerk kommunizieren.
Netzwerke verlieren Nachrichten, und Empfänger sind manchmal beschäftigt oder ausgefallen.
Eine Nachrichtenwarteschlange speichert jede Nachricht, bis ihr Empfänger sie abholt, und ergänzt den Austausch um [Dauerhaftigkeit](/de/durability/) und [Reihenfolge](/de/ordering/).

## Welches Problem es löst {#problem-it-addresses}

Dienste, die einander direkt aufrufen, müssen gleichzeitig verfügbar sein.
Wenn einer von ihnen langsamer wird, wartet jeder Aufrufer, und die Verzögerung breitet sich im System aus.
Wiederholungen von Hand in jedem Dienst führen zu doppelter Logik und verlorenen Nachrichten.

## Wie es hilft {#how-it-helps}

Eine Warteschlange entkoppelt den Sender vom Empfänger, sodass jeder für sich ausfallen oder skalieren kann.
Sender schreiben und machen weiter, und Empfänger lesen in ihrem eigenen Tempo.
"""

# The Japanese page translates every paragraph, and loses one link.
JAPANESE = """\
---
title: メッセージキュー
---

[分散システム](/ja/distributed-system/)では、プログラムはネットワーク越しに通信する多数の小さな[サービス](/ja/service/)に分割されます。
ネットワークはメッセージを失い、受信側は忙しかったり停止していたりします。
メッセージキューは受信側が受け取るまで各メッセージを保存し、やり取りに[耐久性](/ja/durability/)と[順序](/ja/ordering/)を加えます。

## 解決する問題 {#problem-it-addresses}

互いを直接呼び出すサービスは、同時に稼働していなければなりません。
その一つが遅くなると、すべての呼び出し側が待たされ、遅延がシステム全体に広がります。
各サービスで手作業で再試行すると、ロジックが重複し、メッセージが失われます。

## どう役立つか {#how-it-helps}

キューは送信側と受信側を切り離すので、それぞれが独立して障害を起こしたりスケールしたりできます。
送信側は書き込んで次に進み、受信側は自分のペースで読み取ります。

[ブローカー](/ja/broker/)型では、すべてのメッセージを先行書き込みログ付きの中央サーバーに保存します。
ログを他のサーバーに複製し、過半数が受け取った時点で書き込みを確認します。
この方式は安全ですが、各メッセージはネットワークを何度も通ります。

一方、**ブローカーレス**型は、ZeroMQ のようなライブラリを使って配信をクライアント側に移します。
中央サーバーがないため遅延が下がり、運用するものが一つ減ります。
その代わり、各アプリケーションは相手の喪失を自分で処理しなければなりません。
"""


def test_lost_links_of_sections_the_translation_lacks_are_counted_on_the_page_german(tmp_path: Path) -> None:
    """The German page adds a heading over the introduction and lacks the source's last two
    paragraphs. Its headings are matched first (the ids say which is which), so the sentences
    align section by section and the missing paragraphs are TC002's; with 6 of the source's 14
    sentences untranslated the page is out of date, and its lost links are counted on the page."""
    found = check_pair(tmp_path, "TC602", SOURCE, GERMAN, "de")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert "missing: '/broker/', '/zeromq/'" in found[0]["message"]
    assert "it may be out of date" in found[0]["message"]
    assert [r["line"] for r in found[0]["related"]] == [20, 24]  # the source's two links
    gaps = check_pair(tmp_path, "TC002", SOURCE, GERMAN, "de")
    assert [f["line"] for f in gaps] == [19]  # after 'Wie es hilft': the broker paragraph onwards
    assert "from 'The broker model keeps every message" in gaps[0]["message"]


def test_lost_link_in_aligned_section_is_reported_on_its_passage_japanese(tmp_path: Path) -> None:
    found = check_pair(tmp_path, "TC602", SOURCE, JAPANESE, "ja")
    assert [(f["line"], f["severity"]) for f in found] == [(24, "warning")]
    assert "missing from this passage" in found[0]["message"]


def test_restored_link_passes_japanese(tmp_path: Path) -> None:
    fixed = JAPANESE.replace("ZeroMQ のような", "[ZeroMQ](/ja/zeromq/) のような")
    assert check_pair(tmp_path, "TC602", SOURCE, fixed, "ja") == []


def _doc(path: str, text: str) -> Document:
    return Document(path, text, "en", ())


def test_heading_ids_explicit_generated_and_duplicates_norwegian() -> None:
    source = "# Oversikt\n\n## Slik virker det\n\nTekst.\n\n## Eksempel {#eksempel}\n\nMer.\n\n## Eksempel {#eksempel}\n"
    target = "# Overview {#oversikt}\n\n## How it works {#slik-virker-det}\n\nText.\n\n## Example {#eksempel}\n\nMore.\n\n## Example {#eksempel}\n"
    s_doc, t_doc = _doc("kilde.md", source), _doc("side.md", target)
    s_page, t_page = page_of(s_doc), page_of(t_doc)
    assert [heading_id(s_page, source, b) for b in s_page.headings] == [
        "oversikt",
        "slik-virker-det",
        "eksempel",
        "eksempel",
    ]
    sections = Sections(t_doc, t_page, s_doc, s_page)
    assert sections.expected(source.index("Tekst")) == 1
    assert sections.expected(source.index("Mer")) is None  # an id two headings share names no section
    assert sections.misplaced(source.index("Tekst"), target.index("Text")) is False
    assert sections.misplaced(source.index("Tekst"), target.index("More")) is True


STYLE = """\
# Style guide

Write each definition in plain words; see the [definition](#definition) section below.

## Tone

Address the reader directly and keep sentences short.
Prefer active verbs to passive ones.
Avoid jargon unless the term is defined on its own page.

## Definition

A definition starts with what the thing is, then says what it is for.
It names no product and no vendor.
It links to other terms of the glossary where they help.
"""

# The Arabic page lacks the source's last section: it aligns too poorly to be compared passage by
# passage, but its link to that section's id is dead all the same.
STYLE_AR = """\
# دليل الأسلوب

اكتب كل تعريف بكلمات بسيطة؛ راجع قسم [التعريف](#definition) أدناه.

## النبرة

خاطب القارئ مباشرة واجعل الجمل قصيرة.
فضّل الأفعال المبنية للمعلوم على المبنية للمجهول.
تجنّب المصطلحات التقنية ما لم يكن المصطلح معرّفًا في صفحته الخاصة.
"""


def test_dead_fragment_on_poorly_aligned_page_arabic(tmp_path: Path) -> None:
    found = check_pair(tmp_path, "TC602", STYLE, STYLE_AR, "ar")
    assert [(f["line"], f["severity"]) for f in found] == [(3, "error")]
    assert "'#definition' points at a heading id of the source" in found[0]["message"]


def test_fragment_of_kept_heading_passes_arabic(tmp_path: Path) -> None:
    kept = STYLE_AR.replace(
        "## النبرة", "## التعريف {#definition}\n\nيبدأ التعريف بما هو الشيء.\n\n## النبرة"
    )
    assert check_pair(tmp_path, "TC602", STYLE, kept, "ar") == []


BLOCK = "```sh\nbroker --log-dir /var/lib/broker --replicas 3\n```\n"


def test_lost_code_block_of_a_section_the_translation_lacks_is_counted_on_the_page_german(
    tmp_path: Path,
) -> None:
    source = SOURCE.replace("several times.\n", "several times.\n\n" + BLOCK)
    found = check_pair(tmp_path, "TC605", source, GERMAN, "de")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert "missing: '--log-dir /var/lib/broker --replicas 3'" in found[0]["message"]


def test_lost_code_block_in_aligned_section_is_reported_after_its_passage_japanese(tmp_path: Path) -> None:
    source = SOURCE.replace("several times.\n", "several times.\n\n" + BLOCK)
    found = check_pair(tmp_path, "TC605", source, JAPANESE, "ja")
    assert [(f["line"], f["severity"]) for f in found] == [(20, "info")]  # the broker paragraph
    assert "missing after this passage" in found[0]["message"]
    kept = JAPANESE.replace("何度も通ります。\n", "何度も通ります。\n\n" + BLOCK)
    assert check_pair(tmp_path, "TC605", source, kept, "ja") == []


def test_untranslated_heading_matches_and_bounds_the_sections_around_it_korean() -> None:
    """``## Go SDK`` left as in the source matches the source's heading by its generated id; a
    source section between two matched ones (``Ownership``, which the translation lacks) can only
    be placed between them."""
    source = (
        "# Advanced {#advanced}\n\nIntro.\n\n## Ownership\n\nUse `--dry-run` first.\n\n"
        "## Go SDK\n\nThe SDK.\n\n## Storage {#storage}\n\nSecrets.\n"
    )
    target = "# 고급 {#advanced}\n\n소개.\n\n## Go SDK\n\nSDK 설명.\n\n## 저장소 {#storage}\n\n시크릿.\n"
    s_doc, t_doc = _doc("advanced.md", source), _doc("advanced.ko.md", target)
    s_page, t_page = page_of(s_doc), page_of(t_doc)
    sections = Sections(t_doc, t_page, s_doc, s_page)
    ownership, sdk = source.index("--dry-run"), source.index("The SDK")
    assert sections.heading(ownership) is None
    assert sections.source_id(ownership) == "ownership"
    found = sections.heading(sdk)
    assert found is not None and found[1] == "go-sdk" and target[found[0].start :].startswith("## Go SDK")
    assert sections.misplaced(ownership, target.index("소개")) is False  # before '## Go SDK': possible
    assert sections.misplaced(ownership, target.index("SDK 설명")) is True  # after it: not there
    assert sections.misplaced(ownership, target.index("시크릿")) is True
    assert sections.misplaced(sdk, target.index("SDK 설명")) is False


REPLICATION = (
    "## Replication and durability of stored messages\n\n"
    "A queue can keep copies of each message on several servers, in 2 or 3 zones.\n"
    "When the primary fails, a replica with 100% of the log takes over within 30 seconds.\n\n"
    "```sh\nqueue --replicas 3 --sync\n```\n\n"
)


def test_lost_block_of_a_section_the_translation_lacks_is_counted_on_the_page_japanese(
    tmp_path: Path,
) -> None:
    """The source's block stands in a section whose heading and text have no translation: the
    text aligned before it is another section's, so the block is reported on the page."""
    source = SOURCE.replace("## How it helps", REPLICATION + "## How it helps")
    found = check_pair(tmp_path, "TC605", source, JAPANESE, "ja")  # placed by the headings' ids
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    bare = re.sub(r" \{#[^}]*\}", "", JAPANESE)  # no ids: the source's heading before the block tells
    found = check_pair(tmp_path, "TC605", source, bare, "ja")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert (
        "missing from the page (its section '#replication-and-durability-of-stored-messages')"
        in found[0]["message"]
    )
    # the section translated without its block: the block is missing after its passage
    kept = bare.replace(
        "## どう役立つか",
        "## 保存されたメッセージの複製と耐久性\n\n"
        "キューは各メッセージの複製を 2 つまたは 3 つのゾーンの複数のサーバーに保持できます。\n"
        "プライマリが故障すると、ログの 100% を持つレプリカが 30 秒以内に引き継ぎます。\n\n## どう役立つか",
    )
    found = check_pair(tmp_path, "TC605", source, kept, "ja")
    assert [(f["line"], f["severity"]) for f in found] == [(17, "info")]
    assert "missing after this passage" in found[0]["message"]


SERVERLESS = """\
# Serverless

Serverless computing [abstracts](/abstraction/) servers away from the user.
Providers offer SDKs, command lines or [runtimes](/runtime/) for the code.
[Scaling](/scalability/) follows the demand of the application.

## Problem it addresses

Running servers takes time and people.
Teams pay for machines that sit idle at night.
Capacity planning is hard when traffic changes by the hour.

## How it helps

Developers write functions and upload them.
The platform starts them when a request arrives.
Billing counts only the time the code runs.
"""

# Translated from an older source: a heading the source dropped since, and the sentence about
# runtimes not yet there; the aligner pairs the scaling sentence with it.
SERVERLESS_STALE = {
    "de": """\
# Serverless

## Was es ist

Serverless [abstrahiert](/de/abstraction/) die Server vom Benutzer.
Der Anbieter übernimmt Wartung und [Skalierung](/de/scalability/) der Server.
Entwickler verpacken ihren Code in Container.

## Welches Problem es löst

Der Betrieb von Servern kostet Zeit und Personal.
Teams zahlen für Maschinen, die nachts ungenutzt bleiben.
Die Kapazitätsplanung ist schwierig, wenn sich der Verkehr stündlich ändert.

## Wie es hilft

Entwickler schreiben Funktionen und laden sie hoch.
Die Plattform startet sie, wenn eine Anfrage eintrifft.
Abgerechnet wird nur die Zeit, in der der Code läuft.
""",
    "zh": """\
# 无服务器

## 是什么

无服务器计算把服务器从用户面前[抽象](/zh/abstraction/)掉。
云提供商负责维护和[伸缩](/zh/scalability/)服务器。
开发人员把代码打包进容器。

## 解决的问题

运行服务器需要时间和人力。
团队要为夜里闲置的机器付费。
流量每小时都在变化时，容量规划很难。

## 如何帮助

开发人员编写函数并上传。
请求到达时，平台启动它们。
只按代码运行的时间计费。
""",
}
SERVERLESS_CURRENT = {
    "de": (
        "Der Anbieter übernimmt Wartung und [Skalierung](/de/scalability/) der Server.\n"
        "Entwickler verpacken ihren Code in Container.\n",
        "Anbieter bieten SDKs, Kommandozeilen oder Laufzeitumgebungen für den Code.\n"
        "Die [Skalierung](/de/scalability/) folgt dem Bedarf der Anwendung.\n",
    ),
    "zh": (
        "云提供商负责维护和[伸缩](/zh/scalability/)服务器。\n开发人员把代码打包进容器。\n",
        "提供商为代码提供 SDK、命令行或运行时。\n[伸缩](/zh/scalability/)跟随应用的需求。\n",
    ),
}


@pytest.mark.parametrize("lang", sorted(SERVERLESS_STALE))
def test_lost_link_in_a_passage_holding_another_passages_link_is_info(tmp_path: Path, lang: str) -> None:
    """The passage paired with the source's sentence about runtimes holds the link of the
    source's next sentence (scaling): it translates other text, so the runtime link it lacks is
    info. Translated from the current source, the same loss is a warning."""
    found = check_pair(tmp_path, "TC602", SERVERLESS, SERVERLESS_STALE[lang], lang)
    assert [(f["line"], f["severity"]) for f in found] == [(6, "info")]
    assert "holds markup of another passage" in found[0]["message"]
    old, new = SERVERLESS_CURRENT[lang]
    current = SERVERLESS_STALE[lang].replace(old, new)
    found = check_pair(tmp_path, "TC602", SERVERLESS, current, lang)
    assert [(f["line"], f["severity"]) for f in found] == [(6, "warning")]


def test_section_lacking_paragraphs_without_ids_is_counted_on_the_page_german(tmp_path: Path) -> None:
    """Without ids, the German page's headings are still matched to the source's (the added
    heading over the introduction, then the two sections in order), so its lost links are the
    ones of the paragraphs it lacks: the page is out of date, and they are counted on it."""
    bare = re.sub(r" \{#[^}]*\}", "", GERMAN)
    found = check_pair(tmp_path, "TC602", SOURCE, bare, "de")
    assert [(f["line"], f["severity"]) for f in found] == [(1, "info")]
    assert "missing: '/broker/', '/zeromq/'" in found[0]["message"]
    # the Japanese page, aligned section by section, keeps the loss on its passage
    found = check_pair(tmp_path, "TC602", SOURCE, re.sub(r" \{#[^}]*\}", "", JAPANESE), "ja")
    assert [(f["line"], f["severity"]) for f in found] == [(24, "warning")]
