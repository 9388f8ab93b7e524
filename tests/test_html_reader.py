"""HTML articles: prose of the article only, exact offsets through markup and references,
``lang`` attributes, the page's date, and broken markup read as a browser reads it."""

from __future__ import annotations

import html as htmllib
from pathlib import Path

import pytest
from article_formats import SEED, html_page, paragraphs, placed, read
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import findings, run_paths, run_text
from tcheck.formats import html
from tcheck.formats.html_text import char_data
from tcheck.model import Document


def exact(doc: Document, src: str) -> None:
    """Every visible character of every segment is the file's character there (or comes from
    the character reference written there)."""
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            if ch.isspace():
                continue
            span = seg.file_span(i, i + 1)
            raw = src[span.start : span.end]
            if raw.startswith("&") and len(raw) > 1:
                assert ch in htmllib.unescape(raw), (seg.text, i, raw)
            else:
                assert raw == ch, (seg.text, i, raw)


def texts(doc: Document) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.segments]


NORWEGIAN = """<!DOCTYPE html>
<html lang="nb">
<head><title>Uro i Kasakhstan – NRK</title><script>var x = "<p>ikke tekst</p>";</script>
<style>p::before { content: "skjult"; }</style></head>
<body>
<header><nav><ul><li><a href="/">Forsiden</a></li><li><a href="/urix">Urix</a></li></ul></nav></header>
<main>
<article>
<header><h1>Militæret skyter mot folket</h1>
<p class="dateline"><time datetime="2022-01-19T12:00:00+01:00">onsdag 19. januar</time></p></header>
<p>Minst 18 personer fra sikkerhets&shy;styrkene har mistet livet, opplyser
innenriks&shy;departementet. &laquo;Vi s&aring; at de d&oslash;de&raquo;, sier en kvinne.</p>
<p>Les mer p&aring; <a href="https://www.nrk.no/urix/">nrk.no</a> eller kj&oslash;r <code>tcheck --help</code>.</p>
<template><p>Mal som ikke vises</p></template>
<aside><p>Les også: Faktaboks om CSTO</p></aside>
</article>
</main>
<footer><p>Ansvarlig redaktør: Ola Nordmann</p></footer>
</body>
</html>
"""


def test_article_prose_only_with_exact_offsets() -> None:
    doc = html.read("uro.nb.html", NORWEGIAN)
    assert doc.lang == "nb"
    assert texts(doc) == [
        "Militæret skyter mot folket",
        "onsdag 19. januar",
        "Minst 18 personer fra sikkerhets\xadstyrkene har mistet livet, opplyser innenriks\xaddepartementet. "
        "«Vi så at de døde», sier en kvinne.",
        "Les mer på nrk.no eller kjør .",
        "Les også: Faktaboks om CSTO",
    ]
    assert [s.kind for s in doc.segments][:3] == ["heading", "paragraph", "paragraph"]
    exact(doc, NORWEGIAN)
    joined = " ".join(texts(doc))
    for chrome in ("Forsiden", "ikke tekst", "skjult", "Mal som", "Ansvarlig", "tcheck --help", "Uro i"):
        assert chrome not in joined


def test_page_aside_and_footer_outside_an_article_are_chrome() -> None:
    src = (
        "<html lang=de><body><nav>Startseite</nav><aside>Werbung: 50 % Rabatt</aside>"
        "<h1>Unruhen in Kasachstan</h1><p>Am Mittwoch, dem 19. Januar, wurden 2300 Menschen festgenommen.</p>"
        "<footer>Impressum</footer></body></html>"
    )
    doc = html.read("a.html", src)
    assert texts(doc) == [
        "Unruhen in Kasachstan",
        "Am Mittwoch, dem 19. Januar, wurden 2300 Menschen festgenommen.",
    ]
    exact(doc, src)


def test_reference_positions_reach_findings(tmp_path: Path) -> None:
    # "CTSO" after references and nested inline markup: the finding is at the file's CTSO
    src = (
        '<html lang="en"><body><p>The &ldquo;<a href="/x"><em><strong>Collective</strong> Treaty</em></a>'
        "&rdquo; &amp; its members: Russia&rsquo;s <b><i>CTSO</i></b> troops.</p></body></html>"
    )
    result = run_text(tmp_path, src, "news.en.html", select="TC101", default_glossaries=True)
    (found,) = findings(result, "TC101")
    offset = src.index("CTSO")
    assert (found["line"], found["column"], found["end_column"]) == (1, offset + 1, offset + 5)
    assert found["suggestion"] == "CSTO"


def test_lang_attributes_make_languages() -> None:
    src = """<html lang="en"><body><article lang="fr">
<h1>Des troubles au Kazakhstan</h1>
<p>Le président a parlé d'une <i lang="en">counter-terrorist operation</i> mercredi.</p>
<blockquote lang="ru"><p>Мы видели, как они умирали.</p></blockquote>
</article></body></html>"""
    doc = html.read("a.html", src)
    assert doc.lang == "fr"  # the article's language, not the page's
    assert texts(doc) == [
        "Des troubles au Kazakhstan",
        "Le président a parlé d'une mercredi.",  # the English phrase is marked as English: masked
        "Мы видели, как они умирали.",
    ]
    assert [s.lang for s in doc.segments] == [None, None, "ru"]
    exact(doc, src)


ARABIC = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta property="article:published_time" content="2022-01-19T09:00:00Z"></head>
<body><article>
<h1>اضطرابات في كازاخستان</h1>
<p>أعلنت وزارة الداخلية مقتل ١٨ من أفراد قوات الأمن &#8207;(الأربعاء)&#8207;، واعتقال <bdi>2300</bdi> شخص.</p>
<table><caption>الاعتقالات</caption><tr><th>المدينة</th><th>العدد</th></tr><tr><td>ألماتي</td><td>2300</td></tr></table>
</article></body></html>"""


def test_arabic_rtl_table_and_published_time() -> None:
    doc = html.read("a.ar.html", ARABIC)
    assert doc.lang == "ar"
    assert doc.metadata["date"] == "2022-01-19"
    assert texts(doc)[0] == "اضطرابات في كازاخستان"
    assert "\u200f(الأربعاء)\u200f" in doc.segments[1].text
    assert texts(doc)[2:] == ["الاعتقالات", "المدينة", "العدد", "ألماتي", "2300"]
    assert {s.kind for s in doc.segments[2:]} == {"table"}
    exact(doc, ARABIC)


def test_japanese_ruby_readings_are_not_prose() -> None:
    src = (
        '<html lang="ja"><body><p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で'
        "１月１９日（水）に会議が開かれた。</p></body></html>"
    )
    doc = html.read("a.ja.html", src)
    assert texts(doc) == ["東京 で１月１９日（水）に会議が開かれた。".replace(" ", " ")]
    assert "とうきょう" not in doc.segments[0].text
    exact(doc, src)


def test_time_dates_the_article_only_near_its_top() -> None:
    late = "<html><body><p>Intro one.</p><p>Two.</p><p>Three.</p><p>On <time datetime='2022-01-02'>January 2</time>.</p></body></html>"
    assert "date" not in html.read("a.html", late).metadata
    early = "<html><body><p><time datetime='2022-01-19'>Wednesday, January 19</time></p><p>Text.</p></body></html>"
    assert html.read("a.html", early).metadata["date"] == "2022-01-19"
    month = "<html><body><p><time datetime='2022-01'>January</time></p></body></html>"
    assert "date" not in html.read("a.html", month).metadata


def test_time_gives_the_date_for_calendar_checks(tmp_path: Path) -> None:
    # no dateline in the text: the <time> element's date makes "Thursday" the wrong day of writing
    src = (
        '<html lang="en"><body><article><header><time datetime="2022-01-19">Updated</time></header>'
        "<p>The agency reported earlier on Thursday that shots were fired.</p></article></body></html>"
    )
    result = run_text(tmp_path, src, "a.html", select="TC202", target_lang="en")
    (found,) = findings(result, "TC202")
    assert found["column"] == src.index("Thursday") + 1
    undated = src.replace(' datetime="2022-01-19"', "")
    assert findings(run_text(tmp_path, undated, "b.html", select="TC202", target_lang="en"), "TC202") == []


def test_broken_html_is_read_as_a_browser_reads_it() -> None:
    src = (
        "<html><body><p>Erster Absatz ohne Ende<p>Zweiter <b>fett <i>und kursiv</b> weiter</i> Text"
        "</span></div><table>Verirrt<tr><td>Zelle 1<td>Zelle 2</table><p>Kommentar <!-- offen"
    )
    doc = html.read("kaputt.html", src)
    assert texts(doc) == [
        "Erster Absatz ohne Ende",
        "Zweiter fett und kursiv weiter Text Verirrt",  # no doctype: the table is in the paragraph
        "Zelle 1",
        "Zelle 2",
        "Kommentar",
    ]
    exact(doc, src)


def test_crlf_and_unclosed_tag_at_the_end() -> None:
    src = "<p>Første linje\r\nandre linje &amp; mer</p>\r\n<p>Siste <b"
    doc = html.read("a.html", src)
    assert texts(doc) == ["Første linje andre linje & mer", "Siste"]
    exact(doc, src)


def test_character_data_decodes_as_html5() -> None:
    src = "A&notit; &copy2022 &#x80; &#0; &bogus; &NotEqualTilde; x&lt;y<title>a&amp;b</title><script>a&amp;b</script>"
    data = char_data(src)
    assert data.text == "A¬it; ©2022 € \ufffd &bogus; \u2242\u0338 x<ya&ba&amp;b"
    assert data.file_range(1) == (1, 5)  # ¬ from "&not"
    assert src[slice(*data.file_range(data.text.index("€")))] == "&#x80;"


def test_suppression_comments() -> None:
    src = "<p>Fine.</p>\n<!-- tcheck-disable-next-line TC302 -->\n<p>2300 people.</p>\n"
    doc = html.read("a.html", src)
    assert [(s.codes, s.first_line) for s in doc.suppressions] == [(("TC302",), 3)]


def test_seed_as_html_gives_the_text_findings(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "seed.en.txt").write_text(text, encoding="utf-8")
    page = html_page(paragraphs(text))
    (tmp_path / "seed.en.html").write_text(page, encoding="utf-8")
    as_text = run_paths([tmp_path / "seed.en.txt"], source_lang="nb", default_glossaries=True)
    as_html = run_paths([tmp_path / "seed.en.html"], source_lang="nb", default_glossaries=True)
    expected = placed(as_text, read(tmp_path / "seed.en.txt"))
    assert len(expected) >= 10 and {"TC101", "TC202", "TC302"} <= {c for c, _, _ in expected}
    assert placed(as_html, read(tmp_path / "seed.en.html")) == expected
    for finding in as_html.findings:  # and each finding covers the same words
        segment_text = page[finding.span.start : finding.span.end]
        assert htmllib.unescape(segment_text).replace("<br>", "") in text


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i lang='fr'>",
        "</i>",
        "<table>",
        "<td>",
        "<li>",
        "<br>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<code>",
        "</code>",
        "&amp;",
        "&eacute;",
        "&#x41;",
        "&",
        "<",
        ">",
        "\r\n",
        "\n",
        " ",
        "Blåbær",
        "Straße",
        "東京",
        "مرحبا",
        "2300",
        "x",
        "<template>",
        "</template>",
        "<a href='x>y'>",
        "<svg>",
        "</svg>",
        "<![CDATA[",
        "]]>",
        "<title>",
        "</title>",
        "<plaintext>",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_markup_keeps_offsets_exact(pieces: list[str]) -> None:
    src = "".join(pieces)
    if not src.strip():
        return
    exact(html.read("fuzz.html", src), src)


def test_a_block_marked_as_another_language_is_not_untranslated(tmp_path: Path) -> None:
    quote = "Nous avons vu qu'ils mouraient, a déclaré une femme de cinquante-huit ans à l'agence de presse."
    body = (
        "<p>Security forces fired on the protesters in Almaty on Wednesday, several sources said.</p>"
        "<p>Paratroopers from Russia now monitor the curfew in the streets of the economic capital.</p>"
        "<blockquote{lang}><p>" + quote + "</p></blockquote>"
        "<p>The Ministry of the Interior reports that at least eighteen officers have lost their lives.</p>"
    )
    page = '<html lang="en"><body><article>{}</article></body></html>'
    marked = run_text(tmp_path, page.format(body.format(lang=' lang="fr"')), "a.html", select="TC401")
    unmarked = run_text(tmp_path, page.format(body.format(lang="")), "b.html", select="TC401")
    assert findings(marked, "TC401") == []
    assert len(findings(unmarked, "TC401")) == 1


def test_template_actions_are_not_prose() -> None:
    src = (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>Publisert {{ .Date.Format "2. januar 2006" }}'
        " av {% if author %}{{ author }}{% endif %} redaksjonen.</p></article>{{ end }}"
    )
    doc = html.read("layouts/_default/single.html", src)
    assert texts(doc) == ["Publisert av redaksjonen."]
    exact(doc, src)


def test_deep_nesting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_DEPTH", 50)
    # unclosed paragraphs and list items do not nest, nor do mis-nested end tags count twice
    flat = "<p>Avsnitt\n" * 200 + "<ul>" + "<li>Punkt" * 200 + "<div></span>" * 40 + "Slutt"
    assert len(html.read("flat.html", flat).segments) == 401
    deep = "<p>Innledning</p>\n" + "<div><b>" * 30 + "Tekst"
    (found,) = findings(run_text(tmp_path, deep, "deep.html"), "TC001")
    assert "HTML nested deeper than 50 elements; refused" in found["message"]


def test_inline_tags_inside_a_word_keep_it_whole(tmp_path: Path) -> None:
    src = (
        '<html lang="en"><body><p>Kass<b>ym</b>-Jomart Tokayev asked the <span class="x">CT</span>SO for help '
        "on January 19<sup>th</sup>, and H<sub>2</sub>O<br>was short.</p></body></html>"
    )
    doc = html.read("a.html", src)
    assert texts(doc) == ["Kassym-Jomart Tokayev asked the CTSO for help on January 19th, and H2O was short."]
    exact(doc, src)
    (found,) = findings(
        run_text(tmp_path, src, "n.en.html", select="TC101", default_glossaries=True), "TC101"
    )
    assert (found["column"], found["end_column"]) == (src.index("CT") + 1, src.index("SO for") + 3)
