"""Plain-text reader and sentence splitting."""

from __future__ import annotations

from tcheck.formats import text
from tcheck.formats.sentences import split_sentences


def test_paragraphs_have_exact_spans() -> None:
    src = "Tittel\n\nFørste avsnitt går\nover to linjer.\n\n\n  Innrykket avsnitt.  \n"
    doc = text.read("a.txt", src)
    assert [s.text for s in doc.segments] == [
        "Tittel",
        "Første avsnitt går\nover to linjer.",
        "Innrykket avsnitt.",
    ]
    for seg in doc.segments:
        assert src[seg.span.start : seg.span.end] == seg.text


def test_urls_are_masked() -> None:
    doc = text.read("a.txt", "Les mer på https://www.nrk.no/urix/ctso-1.2345 i dag.\n")
    seg = doc.segments[0]
    assert "nrk" not in seg.text and seg.text.startswith("Les mer på ")
    assert len(seg.text) == seg.span.end - seg.span.start


def _split(s: str) -> list[str]:
    return [s[a:b] for a, b in split_sentences(s)]


def test_sentence_split_english_and_abbreviations() -> None:
    assert _split("Dr. Smith arrived at 2 p.m. on Monday. He left. Did he? Yes!") == [
        "Dr. Smith arrived at 2 p.m. on Monday.",
        "He left.",
        "Did he?",
        "Yes!",
    ]


def test_sentence_split_norwegian_german_french() -> None:
    assert _split("Møtet starter kl. 14. Det varer bl.a. til kl. 16. Så er det slutt.") == [
        "Møtet starter kl. 14.",
        "Det varer bl.a. til kl. 16.",
        "Så er det slutt.",
    ]
    assert len(_split("Am 19. Januar 2022 kam es zu Protesten, z.B. in Almaty. Die Polizei griff ein.")) == 2
    assert _split("« C'est fini. » Le président a parlé. M. Dupont aussi.") == [
        "« C'est fini. »",
        "Le président a parlé.",
        "M. Dupont aussi.",
    ]


def test_sentence_split_chinese() -> None:
    assert _split("哈萨克斯坦发生骚乱。总统请求集体安全条约组织提供帮助！情况如何？") == [
        "哈萨克斯坦发生骚乱。",
        "总统请求集体安全条约组织提供帮助！",
        "情况如何？",
    ]


def test_sentences_leave_out_the_white_space_around_them_of_any_script() -> None:
    text = "\u3000東京都は火曜日に発表した。\u3000新しい規則は四月から。\u3000"
    assert split_sentences(text) == ((1, 14), (15, 26))
    assert _split("\u00a0Regjeringen la fram budsjettet.\u2003 Det ble godt mottatt.\u00a0") == [
        "Regjeringen la fram budsjettet.",
        "Det ble godt mottatt.",
    ]
    assert split_sentences(" \t\u3000 ") == ()
