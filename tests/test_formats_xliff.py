"""XLIFF 1.2 and 2.0: units, inline codes, escapes, unfinished units, positions, hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, findings, run_paths
from tcheck.errors import InputError
from tcheck.formats import read_documents
from tcheck.formats.xliff import read

V12 = FIXTURES / "bilingual" / "webshop.en-de.xlf"
V20 = FIXTURES / "bilingual" / "guide.en-fr.xliff"


def _file_text(doc, seg, start: int, end: int) -> str:  # type: ignore[no-untyped-def]
    span = seg.file_span(start, end)
    return doc.text[span.start : span.end]


def test_xliff_12_units_and_languages() -> None:
    (doc,) = read_documents(str(V12))
    assert (doc.lang, doc.source_lang) == ("de", "en")
    ids = [s.id for s in doc.segments]
    # translate="no" and needs-translation units are skipped; seg-source marks pair by mid
    assert ids == ["tu1:cart.title", "tu2:cart.terms", "tu3:shipping", "tu6:help#1", "tu6:help#2"]
    by_id = {s.id: s for s in doc.segments}
    assert by_id["tu6:help#2"].text == "Rufen Sie uns an."
    assert by_id["tu6:help#2"].counterpart is not None
    assert by_id["tu6:help#2"].counterpart.text == "Call us."


def test_xliff_12_escapes_and_inline_codes_keep_offsets() -> None:
    (doc,) = read_documents(str(V12))
    terms = next(s for s in doc.segments if s.id.endswith("cart.terms"))
    assert terms.text == "Ich akzeptiere die AGB & Datenschutzbestimmungen."
    amp = terms.text.index("&")
    assert _file_text(doc, terms, amp, amp + 1) == "&amp;"
    word = terms.text.index("Datenschutzbestimmungen")
    assert _file_text(doc, terms, word, word + len("Datenschutzbestimmungen")) == "Datenschutzbestimmungen"
    shipping = next(s for s in doc.segments if s.id.endswith("shipping"))
    assert shipping.text == "Die Lieferung dauert   Werktage <ca.>"
    gap = shipping.text.index("   ") + 1
    assert _file_text(doc, shipping, gap, gap + 1) == '<x id="1"/>'
    lt = shipping.text.index("<")
    assert _file_text(doc, shipping, lt, lt + 4) == "&lt;ca."


def test_xliff_20_inline_codes_and_states() -> None:
    (doc,) = read_documents(str(V20))
    assert (doc.lang, doc.source_lang) == ("fr", "en")
    texts = [s.text for s in doc.segments]
    assert texts == [
        "Cliquez sur Paramètres pour changer votre mot de passe.",
        "Bonjour  , bon retour\xa0!",
        "Astuce\xa0: enregistrez souvent & sauvegardez.",
    ]  # state="initial" and translate="no" units are left out
    first = doc.segments[0]
    word = first.text.index("Paramètres")
    assert _file_text(doc, first, word, word + len("Paramètres")) == "Paramètres"
    nbsp = doc.segments[1].text.index("\xa0")
    assert _file_text(doc, doc.segments[1], nbsp, nbsp + 1) == "&#160;"


def test_unfinished_units_on_request() -> None:
    text = V20.read_text(encoding="utf-8")
    doc = read(str(V20), text, include_unfinished=True)
    assert "This page is still a draft." in [s.text for s in doc.segments]


def test_not_xliff_and_broken_xml() -> None:
    with pytest.raises(InputError, match="not an XLIFF file"):
        read("x.xlf", "<?xml version='1.0'?><html/>")
    with pytest.raises(InputError, match=r"x.xlf:1: not well-formed XML"):
        read("x.xlf", "<xliff><file>")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<xliff version="1.2"><file source-language="en" target-language="nb"><body>
<trans-unit id="1"><source>Hello</source><target>&g;</target></trans-unit>
</body></file></xliff>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<xliff version="1.2"><file source-language="en" target-language="nb"><body>
<trans-unit id="1"><source>Hello</source><target>&secret;</target></trans-unit>
</body></file></xliff>
"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "http://192.0.2.1/xliff.dtd">
<xliff version="1.2"><file source-language="en" target-language="nb"><body>
<trans-unit id="1"><source>Good morning to you all</source><target>God morgen til dere alle</target></trans-unit>
</body></file></xliff>
"""


@pytest.mark.parametrize(("name", "text"), [("laughs.xlf", BILLION_LAUGHS), ("xxe.xlf", XXE)])
def test_hostile_xliff_is_refused_and_the_run_goes_on(tmp_path: Path, name: str, text: str) -> None:
    hostile = tmp_path / name
    hostile.write_text(text, encoding="utf-8")
    good = tmp_path / "good.xlf"
    good.write_text(EXTERNAL_DTD, encoding="utf-8")  # an external DTD is never fetched, only ignored
    result = run_paths([hostile, good], select="TC0")
    (error,) = findings(result, "TC001")
    assert error["path"].endswith(name)
    assert "entity declaration" in error["message"] and "refused" in error["message"]
    assert "\n" not in error["message"]
    assert result.files_checked == 1  # the good file was checked
