"""Readers on hostile input: compact offsets, streaming XML, overlong markup refused in linear time."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tcheck.errors import InputError
from tcheck.formats import po, tmx, xliff
from tcheck.formats.bilingual import TextBuilder, lines
from tcheck.formats.xmlsafe import MAX_TOKEN, Text, parse
from tcheck.model import OffsetRuns, Segment, Span

XLIFF_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2">\n'
    '<file source-language="nb" target-language="ja" datatype="plaintext" original="a"{attr}><body>\n'
)
XLIFF_TAIL = "</body></file></xliff>\n"


def _unit(n: int, source: str, target: str) -> str:
    return f'<trans-unit id="t{n}"><source>{source}</source><target>{target}</target></trans-unit>\n'


def test_offset_runs_behave_like_the_sequence_they_store() -> None:
    values = [3, 4, 5, 9, 14, 15, 16, 40]
    runs = OffsetRuns.of(values)
    assert runs.runs == 4 and len(runs) == len(values)
    assert list(runs) == values and [runs[i] for i in range(len(values))] == values
    assert runs[-1] == 40 and runs[2:5] == (5, 9, 14)
    with pytest.raises(IndexError):
        runs[len(values)]
    assert pickle.loads(pickle.dumps(runs)) == runs
    assert hash(OffsetRuns.of(values)) == hash(runs) and OffsetRuns.of([3, 4]) != runs


def test_segment_file_span_through_runs() -> None:
    # "a&b" written as "a&amp;b" at file offset 10: the '&' spans five characters
    offsets = OffsetRuns.of([10, 11, 16, 17])
    ends = OffsetRuns.of([11, 16, 17])
    seg = Segment("s", "a&b", Span(10, 17), offsets=offsets, ends=ends)
    assert seg.file_span(1, 2) == Span(11, 16) and seg.file_span(0, 3) == Span(10, 17)


def test_text_builder_keeps_a_long_plain_piece_as_one_run() -> None:
    builder = TextBuilder()
    builder.add("  Regjeringen " * 10_000, 100)
    builder.add_char("&", 140_100, 140_105)
    builder.add(" ferdig.  ", 140_105)
    seg = builder.build("s", "p")
    assert seg is not None and isinstance(seg.offsets, OffsetRuns)
    assert seg.offsets.runs <= 3
    amp = seg.text.index("&")
    assert seg.file_span(amp, amp + 1) == Span(140_100, 140_105)
    assert seg.file_span(0, 11) == Span(102, 113)


def test_plain_text_has_no_offset_table() -> None:
    builder = TextBuilder()
    builder.add(" Hei på deg ", 7)
    seg = builder.build("s", "p")
    assert seg is not None and seg.offsets is None and seg.span == Span(8, 18)


def test_non_ascii_offsets_in_xml() -> None:
    text = (
        XLIFF_HEAD.format(attr="")
        + _unit(1, "Møtet på tirsdag &amp; onsdag", "会議は火曜日 &amp; 水曜日 🎌 です")
        + XLIFF_TAIL
    )
    doc = xliff.read("a.xlf", text)
    (seg,) = doc.segments
    for word in ("会議", "水曜日", "🎌", "です"):
        i = seg.text.index(word)
        span = seg.file_span(i, i + len(word))
        assert text[span.start : span.end] == word
    amp = seg.file_span(seg.text.index("&"), seg.text.index("&") + 1)
    assert text[amp.start : amp.end] == "&amp;"
    source = seg.counterpart
    assert source is not None
    i = source.text.index("onsdag")
    span = source.file_span(i, i + 6)
    assert text[span.start : span.end] == "onsdag"


def test_xliff_units_are_numbered_per_file_as_they_stream() -> None:
    body = _unit(1, "Hei", "Hallo") + '<group id="g">' + _unit(2, "Ja", "Hai") + "</group>"
    second = '<file source-language="nb" target-language="ja" original="b"><body>' + _unit(9, "Nei", "Iie")
    text = XLIFF_HEAD.format(attr="") + body + "</body></file>" + second + XLIFF_TAIL
    doc = xliff.read("a.xlf", text)
    assert [s.id for s in doc.segments] == ["tu1:t1", "tu2:t2", "tu1:t9"]


def test_tmx_reads_units_of_the_first_body_only() -> None:
    tu = '<tu tuid="{n}"><tuv xml:lang="nb"><seg>Hei {n}</seg></tuv><tuv xml:lang="de"><seg>Hallo {n}</seg></tuv></tu>'
    text = (
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="*all*"/>'
        f"<body>{tu.format(n=1)}<x>{tu.format(n=2)}</x>{tu.format(n=3)}</body>"
        f"<body>{tu.format(n=4)}</body></tmx>"
    )
    (doc,) = tmx.read_all("m.tmx", text)
    assert doc.lang == "de" and doc.source_lang == "nb"
    assert [s.text for s in doc.segments] == ["Hallo 1", "Hallo 3"]


@pytest.mark.parametrize(
    "markup",
    [
        '<note from="{big}">x</note>',  # an attribute
        "<!--{big}-->",  # a comment
        "<?pi {big}?>",  # a processing instruction
    ],
)
def test_overlong_markup_is_refused_with_its_line(markup: str) -> None:
    big = "a" * (MAX_TOKEN + 2**20)
    text = XLIFF_HEAD.format(attr="") + _unit(1, "Hei", "Hallo") + markup.format(big=big) + XLIFF_TAIL
    with pytest.raises(InputError, match="in one piece") as caught:
        xliff.read("a.xlf", text)
    assert caught.value.line == 5


def test_long_text_cdata_and_attributes_under_the_limit_are_read() -> None:
    prose = "Regjeringen møttes. " * 300_000  # 6 MB of text in one segment
    attr = f' product-name="{"x" * (MAX_TOKEN // 2)}"'
    text = XLIFF_HEAD.format(attr=attr) + _unit(1, "Hei", prose) + _unit(2, "Ja", f"<![CDATA[{prose}]]>")
    doc = xliff.read("a.xlf", text + XLIFF_TAIL)
    assert [len(s.text) for s in doc.segments] == [len(prose.strip())] * 2
    assert all(s.offsets is None for s in doc.segments)


def test_po_escapes_keep_offsets_and_plain_text_stays_one_run() -> None:
    text = 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Hei\\tverden"\nmsgstr "Hallo\\tWelt \\"da\\""\n'
    doc = po.read("de.po", text)
    (seg,) = doc.segments
    assert seg.text == 'Hallo\tWelt "da"'
    span = seg.file_span(seg.text.index("Welt"), seg.text.index("Welt") + 4)
    assert text[span.start : span.end] == "Welt"
    tab = seg.file_span(5, 6)
    assert text[tab.start : tab.end] == "\\t"
    assert isinstance(seg.offsets, OffsetRuns) and seg.offsets.runs <= 6


def test_po_octal_escape_beyond_a_byte() -> None:
    doc = po.read("x.po", 'msgid "a"\nmsgstr "b\\777c"\n')
    assert doc.segments[0].text == "b\u01ffc"


def test_streamed_units_do_not_stay_in_the_tree() -> None:
    seen: list[str] = []

    def on_unit(node: object, ancestors: list[object], source: Text) -> None:
        seen.append(getattr(node, "name", ""))

    text = "<r><u><u/></u><v/><u/></r>"
    root, _ = parse("a.xml", text, frozenset({"u"}), on_unit)
    assert seen == ["u", "u"]  # the outer of two nested units only, then the last
    assert [e.name for e in root.elements()] == ["v"]


def test_a_file_with_overlong_markup_is_tc001_and_others_are_checked(tmp_path: Path) -> None:
    from helpers import findings, run_paths

    bad = tmp_path / "big.tmx"
    big = "7" * (MAX_TOKEN + 2**20)
    bad.write_text(
        f'<?xml version="1.0"?><tmx version="1.4"><header srclang="nb"/><body><tu tuid="{big}">'
        '<tuv xml:lang="nb"><seg>Hei</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    good = tmp_path / "good.txt"
    good.write_text("The meeting was on Wednesday, January 19, 2022.\n", encoding="utf-8")
    result = run_paths([bad, good], target_lang="en")
    (finding,) = findings(result, "TC001")
    assert finding["path"].endswith("big.tmx") and "in one piece" in finding["message"]
    assert result.files_checked == 1


def test_xliff_code_points_that_are_not_characters_become_spaces() -> None:
    text = (
        '<?xml version="1.0"?><xliff version="2.0" srcLang="nb" trgLang="de"><file id="f"><unit id="1">'
        '<segment><source>Hei</source><target>Hallo<cp hex="D800"/>Welt<cp hex="7"/>!<cp hex="zz"/></target>'
        "</segment></unit></file></xliff>"
    )
    (seg,) = xliff.read("a.xlf", text).segments
    assert seg.text == "Hallo Welt\x07!"
    seg.text.encode("utf-8")


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n", "a\r\nb", "a\n\nb\n", "ø\n日本\n"])
def test_lines_are_those_of_split(text: str) -> None:
    assert list(lines(text)) == text.split("\n")
