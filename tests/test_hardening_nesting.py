"""Deeply nested XML: bilingual files are read whatever the depth, a termbase is refused with a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_paths
from tcheck.errors import InputError
from tcheck.formats import read_documents
from tcheck.formats.xmlsafe import MAX_DEPTH as XML_DEPTH
from tcheck.glossary import lint
from tcheck.glossary.tbx import MAX_DEPTH, parse

DEPTH = 5000  # far beyond Python's recursion limit

XLIFF_12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">\n'
    '<file source-language="nb" target-language="en" datatype="plaintext" original="a"><body>\n'
    '<trans-unit id="1"><source>Regjeringen la fram budsjettet.</source><target>{open}The government '
    "presented the budget &amp; more.{close}</target></trans-unit>\n</body></file></xliff>\n"
)
XLIFF_20 = (
    '<?xml version="1.0"?>\n<xliff version="2.0" srcLang="de" trgLang="fr"><file id="f"><unit id="1">'
    "<segment><source>Die Regierung tagte am Montag.</source><target>{open}Le gouvernement s'est réuni "
    "lundi.{close}</target></segment></unit></file></xliff>\n"
)
TMX = (
    '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="nb"/><body><tu>'
    '<tuv xml:lang="nb"><seg>Statsministeren kom fredag.</seg></tuv>'
    '<tuv xml:lang="en"><seg>{open}The prime minister came on Friday.{close}</seg></tuv></tu></body></tmx>\n'
)
TBX_HEAD = (
    '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="nb" '
    'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">\n'
)
TBX_TAIL = (
    '<langSec xml:lang="nb"><termSec><term>statsbudsjett</term></termSec></langSec>'
    '<langSec xml:lang="en"><termSec><term>national budget</term></termSec></langSec>'
    "</conceptEntry></body></text></tbx>\n"
)


def _nested(template: str, tag: str, depth: int = DEPTH) -> str:
    return template.format(open=f'<{tag} id="1">' * depth, close=f"</{tag}>" * depth)


def test_deep_inline_elements_are_read_with_exact_offsets(tmp_path: Path) -> None:
    cases = [("a.xlf", XLIFF_12, "g", "The government"), ("b.xlf", XLIFF_20, "pc", "Le gouvernement")]
    cases.append(("c.tmx", TMX, "hi", "The prime minister"))
    for name, template, tag, start in cases:
        text = _nested(template, tag)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        (doc,) = read_documents(str(path))
        (segment,) = doc.segments
        assert segment.text.startswith(start)
        span = segment.file_span(0, len(start))
        assert text[span.start : span.end] == start


def test_a_deep_file_does_not_stop_the_run(tmp_path: Path) -> None:
    deep = tmp_path / "deep.xlf"
    deep.write_text(_nested(XLIFF_12, "g"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Det skjedde onsdag 19. januar 2022, ifølge NTB.\n", encoding="utf-8")
    broken = tmp_path / "broken.xlf"
    broken.write_text(XLIFF_12.format(open="<g>" * 10, close=""), encoding="utf-8")
    result = run_paths([deep, other, broken], target_lang="en")
    assert result.files_checked == 2
    assert [(f["path"].endswith("broken.xlf"), f["code"]) for f in findings(result, "TC001")] == [
        (True, "TC001")
    ]


def test_termbase_nested_beyond_the_limit_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.tbx"
    path.write_text(TBX_HEAD + "<note>" * 1000 + "x" + "</note>" * 1000 + TBX_TAIL, encoding="utf-8")
    (problem,) = lint(str(path))
    assert problem.line == 3 and f"deeper than {MAX_DEPTH}" in problem.message


def test_termbase_nested_within_the_limit_is_read(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 10
    text = TBX_HEAD + "<note>" * depth + "do not translate" + "</note>" * depth + TBX_TAIL
    parsed = parse("ok.tbx", text)
    assert not parsed.problems
    (entry,) = parsed.entries
    assert entry.dnt and [t.text for t in entry.target_terms] == ["national budget"]


def test_xml_nested_beyond_the_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deeper.xlf"
    path.write_text(_nested(XLIFF_12, "g", XML_DEPTH + 1), encoding="utf-8")
    with pytest.raises(InputError, match=f"nested deeper than {XML_DEPTH:,} elements") as caught:
        read_documents(str(path))
    assert caught.value.line == 4
