"""Section alignment of a translation that lacks whole sections of its original."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths
from tcheck.bilingual.aligned import pair_documents
from tcheck.bilingual.sectionmatch import match_sections
from tcheck.bilingual.sections import outline
from tcheck.bilingual.units import units
from tcheck.formats.markdown import read as read_md

EN_GUIDE = """# Style guide

This guide explains how to write a glossary definition that readers can trust.
Read it before you open your first pull request.

## Audience

Definitions are written for technical and non-technical readers alike.
Avoid jargon where a plain word does the job, and explain every abbreviation the first time.

## Template

Every definition follows the same template with three parts.
The first part says what the concept is, in two or three sentences.
The second part names the problem it addresses.
The third part explains how it helps teams that build and run software.

## Tags

Tags group related terms so that readers can browse them.
Pick at most three tags from the list in the repository, and never invent new ones.

## Sign language videos

We also publish short videos that explain each term in sign language.
This chapter describes how to record and edit them.

### Equipment

Use a camera that records at least full HD at thirty frames per second.
A plain background in a dark colour makes the hands easy to see.
Two soft lights at forty-five degrees remove most shadows from the face.

### Recording

Sign each definition in one take if you can, and keep the camera still.
Leave two seconds of stillness at the start and at the end of every clip.
Check the framing before you record: the signer's hands must stay inside the picture.

### Editing

Cut the clip so that it starts and ends with the signer at rest.
Add the term's name as a caption in the first three seconds, and export the video as MP4.

## Review

A maintainer reviews every pull request within two weeks.
We may ask for one or more revisions before a definition is merged.
Do not get discouraged: most definitions go through several rounds.
If you have questions, ask in the glossary channel on Slack.
"""

DE_GUIDE = """# Stilrichtlinien

Diese Richtlinien erklären, wie man eine Glossardefinition schreibt, der die Leserinnen und Leser vertrauen können.
Lies sie, bevor du deinen ersten Pull-Request öffnest.

## Zielgruppe

Definitionen werden gleichermaßen für technische und nicht-technische Leser geschrieben.
Vermeide Fachjargon, wo ein einfaches Wort genügt, und erkläre jede Abkürzung bei ihrer ersten Verwendung.

## Vorlage

Jede Definition folgt derselben Vorlage mit drei Teilen.
Der erste Teil sagt in zwei oder drei Sätzen, was der Begriff bedeutet.
Der zweite Teil nennt das Problem, das er löst.
Der dritte Teil erklärt, wie er Teams hilft, die Software entwickeln und betreiben.

## Schlagwörter

Schlagwörter fassen verwandte Begriffe zusammen, damit Leser in ihnen stöbern können.
Wähle höchstens drei Schlagwörter aus der Liste im Repository und erfinde niemals neue.

## Überprüfung

Eine Maintainerin oder ein Maintainer prüft jeden Pull-Request innerhalb von zwei Wochen.
Wir bitten dich möglicherweise um eine oder mehrere Überarbeitungen, bevor eine Definition übernommen wird.
Lass dich nicht entmutigen: Die meisten Definitionen durchlaufen mehrere Runden.
Wenn du Fragen hast, stell sie im Glossar-Kanal auf Slack.
"""


def _pairs(source: str, target: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    src = read_md("en/style-guide.md", source)
    doc, _ = pair_documents(read_md("de/style-guide.md", target), src)
    pairs = [(seg.text, seg.counterpart.text if seg.counterpart else None) for seg in doc.segments]
    paired = {id(seg.counterpart) for seg in doc.segments if seg.counterpart is not None}
    assert doc.source is not None
    unpaired = [seg.text for seg in doc.source.segments if id(seg) not in paired]
    return pairs, unpaired


def test_a_translation_without_a_newer_chapter_pairs_the_sections_it_has() -> None:
    """The German guide lacks the chapter on sign-language videos (added to the English one
    later): every German section still pairs with its own, and what has no translation is
    exactly that chapter."""
    pairs, unpaired = _pairs(EN_GUIDE, DE_GUIDE)
    assert ("Überprüfung", "Review") in pairs
    assert ("Schlagwörter", "Tags") in pairs
    assert all(counterpart is not None for _, counterpart in pairs)
    assert "Review" not in unpaired
    assert {"Sign language videos", "Equipment", "Recording", "Editing"} <= set(unpaired)
    chapter = EN_GUIDE[EN_GUIDE.index("## Sign language") : EN_GUIDE.index("## Review")]
    assert all(text.split("\n")[0] in chapter for text in unpaired)


def test_a_complete_translation_pairs_every_section() -> None:
    """A translation with every section, the chapter included, pairs section by section."""
    chapter = EN_GUIDE[EN_GUIDE.index("## Sign language") : EN_GUIDE.index("## Review")]
    de_chapter = (
        "## Videos in Gebärdensprache\n\n"
        "Wir veröffentlichen außerdem kurze Videos, die jeden Begriff in Gebärdensprache erklären.\n"
        "Dieses Kapitel beschreibt, wie man sie aufnimmt und schneidet.\n\n"
        "### Ausrüstung\n\n"
        "Verwende eine Kamera, die mindestens Full HD mit dreißig Bildern pro Sekunde aufnimmt.\n"
        "Ein schlichter Hintergrund in einer dunklen Farbe macht die Hände gut sichtbar.\n"
        "Zwei weiche Leuchten im Winkel von fünfundvierzig Grad entfernen die meisten Schatten im Gesicht.\n\n"
        "### Aufnahme\n\n"
        "Gebärde jede Definition nach Möglichkeit in einem Durchgang und halte die Kamera ruhig.\n"
        "Lass am Anfang und am Ende jedes Clips zwei Sekunden Ruhe.\n"
        "Prüfe den Bildausschnitt vor der Aufnahme: Die Hände müssen im Bild bleiben.\n\n"
        "### Schnitt\n\n"
        "Schneide den Clip so, dass er mit der gebärdenden Person in Ruhe beginnt und endet.\n"
        "Füge in den ersten drei Sekunden den Namen des Begriffs als Untertitel ein und exportiere das Video als MP4.\n\n"
    )
    assert chapter.startswith("## Sign language")
    full = DE_GUIDE.replace("## Überprüfung", de_chapter + "## Überprüfung")
    pairs, unpaired = _pairs(EN_GUIDE, full)
    assert ("Videos in Gebärdensprache", "Sign language videos") in pairs
    assert ("Ausrüstung", "Equipment") in pairs
    assert ("Überprüfung", "Review") in pairs
    assert not unpaired


EN_LADDER = """---
title: Contributor Ladder
---

This page describes the roles of the project and how to move between them.

## 1. Contributors

Anyone can become a contributor simply by contributing to the project.
All contributors are expected to follow the code of conduct.

## 2. Approvers

Approvers review pull requests and approve them.
Any active contributor can become an approver.

### Becoming an Approver

Approver candidates should have a record of at least ten merged pull requests.
Express your interest to the maintainers, who will decide within a month.

## 3. Maintainers

Maintainers are approvers who can also merge pull requests.
They help maintain the repository and the site configuration.

## Involuntary Removal

A contributor is removed when the responsibilities of the role are not met for a long time.
This protects the community and opens the role to new contributors.

## Stepping Back Into a Role

Anyone who is available again may ask the maintainers to return to a previous role.
"""

ES_LADDER = """---
title: Carrera de contribuidor
---

Esta página describe los roles del proyecto y cómo pasar de uno a otro.

## 1. Contribuidores

Cualquiera puede convertirse en contribuidor simplemente contribuyendo al proyecto.
Se espera que todos los contribuidores sigan el código de conducta.

## 2. Aprobadores

Los aprobadores revisan las solicitudes de cambios y las aprueban.
Cualquier contribuidor activo puede convertirse en aprobador.

### Convertirse en aprobador {#becoming-an-approver}

Los candidatos deben tener al menos diez solicitudes de cambios fusionadas.
Exprese su interés a los mantenedores, que decidirán en el plazo de un mes.

## 3. Mantenedores

Los mantenedores son aprobadores que también pueden fusionar solicitudes de cambios.
Ayudan a mantener el repositorio y la configuración del sitio.

## 4. Administradores de comunidad

Los administradores de comunidad organizan las reuniones y moderan los canales de chat.
Publican el boletín mensual del proyecto.

### Conviértase en administrador de comunidad

Cualquier mantenedor puede ofrecerse como administrador de comunidad en la reunión mensual.

## Eliminación involuntaria

Un contribuidor es dado de baja cuando no cumple durante mucho tiempo las responsabilidades de su rol.
Esto protege a la comunidad y abre el rol a nuevos contribuidores.

## Retroceder a un rol

Quien vuelva a estar disponible puede pedir a los mantenedores volver a un rol anterior.
"""


def test_a_section_the_original_dropped_is_left_alone_and_the_rest_pairs() -> None:
    """The Spanish ladder keeps a numbered section '4.' (and its subsection) that the original
    has dropped: those sentences pair with nothing, and the sections after them still pair with
    their own (the number, the cognate 'involuntaria', the level tell)."""
    pairs, unpaired = _pairs(EN_LADDER, ES_LADDER)
    alone = [target for target, counterpart in pairs if counterpart is None]
    assert any("administradores de comunidad organizan" in text for text in alone)
    assert any("Cualquier mantenedor puede ofrecerse" in text for text in alone)
    assert ("Eliminación involuntaria", "Involuntary Removal") in pairs
    assert ("Retroceder a un rol", "Stepping Back Into a Role") in pairs
    assert ("Convertirse en aprobador", "Becoming an Approver") in pairs
    assert not unpaired


HI_TERM_EN = """---
title: API Gateway
---

An API gateway is a tool that aggregates unique application APIs, making them all available in one place.
It allows organizations to move key functions, such as authentication and authorization, to one place.

## Problem it addresses

If you make APIs available to external consumers, you want one entry point to manage and control all access.

## How it helps

An API gateway lets you apply the same functionality to all traffic without changing application code.
"""

HI_TERM = """---
title: एपीआई गेटवे (API Gateway)
---

## यह क्या है

एपीआई गेटवे एक ऐसा उपकरण है जो अद्वितीय एप्लिकेशन एपीआई को एकत्र करता है, जिससे वे सभी एक ही स्थान पर उपलब्ध हो जाते हैं।
यह संगठनों को प्रमाणीकरण और प्राधिकरण जैसे प्रमुख कार्यों को एक स्थान पर ले जाने की अनुमति देता है।

## समस्या

यदि आप बाहरी उपभोक्ताओं के लिए एपीआई उपलब्ध करा रहे हैं, तो आप सभी पहुंच को प्रबंधित और नियंत्रित करने के लिए एक प्रवेश बिंदु चाहते हैं।

## समाधान

एपीआई गेटवे आपको ऐप कोड बदले बिना सभी ट्रैफ़िक पर एक जैसी कार्यक्षमता लागू करने देता है।
"""


def test_an_introduction_under_a_heading_of_its_own_pairs_with_the_original_one() -> None:
    """The Hindi page puts the introduction under 'What it is', a heading the original does not
    have: the introduction still pairs with the original's, and no section is left alone."""
    pairs, unpaired = _pairs(HI_TERM_EN, HI_TERM)
    assert ("समस्या", "Problem it addresses") in pairs
    assert ("समाधान", "How it helps") in pairs
    intro = [counterpart for target, counterpart in pairs if target.startswith("एपीआई गेटवे एक ऐसा")]
    assert intro and intro[0] is not None and intro[0].startswith("An API gateway is a tool")
    assert not [text for text in unpaired if "Problem" in text or "How it helps" in text]


def test_sections_match_by_explicit_ids_when_nothing_else_is_shared() -> None:
    """Chinese headings share no word with the English ones; their explicit ids name the
    original's headings, so the section the translation lacks is the one without an id."""
    en = "# Guide\n\nIntro text for the guide.\n\n" + "".join(
        f"## {title}\n\nThis section explains the {title.lower()} step of the setup in some detail.\n\n"
        for title in ("Install the client", "Configure the proxy", "Rotate the keys", "Remove old nodes")
    )
    zh = (
        "# 指南\n\n指南的介绍。\n\n"
        "## 安装客户端 {#install-the-client}\n\n本节详细说明安装的步骤。\n\n"
        "## 轮换密钥 {#rotate-the-keys}\n\n本节详细说明轮换密钥的步骤。\n\n"
        "## 删除旧节点 {#remove-old-nodes}\n\n本节详细说明删除旧节点的步骤。\n\n"
    )
    src, tgt = read_md("en/guide.md", en), read_md("zh/guide.md", zh)
    s_out, t_out = outline(src, units(src)), outline(tgt, units(tgt))
    matches, _ = match_sections(s_out, t_out)
    titles = [(s_out[i].title, t_out[j].title) for i, di, j, dj in matches]
    assert ("rotate the keys", "轮换密钥") in titles
    assert ("remove old nodes", "删除旧节点") in titles
    assert all(s != "configure the proxy" for s, _ in titles)


def test_an_outdated_page_reports_the_missing_chapter_once(tmp_path: Path) -> None:
    """TC002 on a site: the German guide lacks the chapter on sign-language videos (four
    sections): one finding names the chapter, where its translation would be."""
    (tmp_path / ".git").mkdir()
    for lang, text in (("en", EN_GUIDE), ("de", DE_GUIDE)):
        page = tmp_path / "content" / lang / "style-guide.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    (found,) = findings(run_paths([tmp_path / "content"], select=["TC002"]), "TC002")
    assert found["path"].endswith("de/style-guide.md")
    assert found["message"] == (
        "4 sections of the source, from 'Sign language videos' (14 sentences), have no translation here"
    )
    assert found["related"][0]["path"].endswith("en/style-guide.md")
    german = DE_GUIDE[: found["offset"]]
    assert german.rstrip().endswith("erfinde niemals neue.")


def test_a_missing_one_sentence_section_is_counted_in_the_singular(tmp_path: Path) -> None:
    """The German guide lacks the source's last section: a heading with one line under it."""
    (tmp_path / ".git").mkdir()
    en = EN_GUIDE.rstrip() + "\n\n## Licence: CC BY 4.0\n"
    for lang, text in (("en", en), ("de", DE_GUIDE)):
        page = tmp_path / "content" / lang / "style-guide.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    messages = [f["message"] for f in findings(run_paths([tmp_path / "content"], select=["TC002"]), "TC002")]
    assert (
        "a section of the source, from 'Licence: CC BY 4.0' (1 sentence), has no translation here" in messages
    )
