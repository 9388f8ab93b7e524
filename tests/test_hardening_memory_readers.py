"""Readers' memory: what a large file costs while it is read and what its document keeps."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from collections.abc import Iterator

import pytest

from tcheck.formats import markdown
from tcheck.formats.inline_marks import BUDGET, KEY, Budget, Recorder
from tcheck.formats.markdown_parser import block_markup, layout, parse_blocks, parser
from tcheck.formats.sentences import split_sentences
from tcheck.formats.xmlsafe import Text, parse
from tcheck.model import OffsetRuns, Segment, Span

PARAGRAPHS = (
    "Politiet stengte veien mandag 19. januar. Saken er fortsatt under etterforskning, opplyser NTB.",
    "Die Regierung hat am Mittwoch, dem 19. Januar, 2.300 Soldaten nach **Almaty** geschickt.",
    "Le président a déclaré que la situation était « sous contrôle » selon [l'AFP](https://afp.com/a).",
    "東京では月曜日に`kubectl apply`を実行しました。詳しくは[ドキュメント][docs]を参照してください。",
    "قال المتحدث إن الوضع تحت السيطرة، وفقا لوكالة الأنباء. وأضاف أن 164 شخصا قتلوا.",
    "北京时间周三下午两点，政府宣布了新的措施[^1]。",
)

# A page with every kind of block, repeated so that blocks stream out several times over.
SECTION = """## Abschnitt {n} {{#abschnitt-{n}}}

{p0}

> {p1}
>
> - {p2}

| Sprache | Text |
|---|---|
| nb | {p0} |
| ja | `code {n}` und {p3} |

1. {p4}
2. Punkt mit <kbd>Ctrl</kbd>+<kbd>C</kbd>

Begriff {n}
: {p5}

:::note Hinweis {n}
{p1}
:::

```yaml
key: value {n}
```

{{.lead}}
{p2}

"""
TAIL = "[docs]: https://example.org/docs\n\n[^1]: Fußnote mit *Betonung*.\n"


def _page(sections: int) -> str:
    head = "---\ntitle: Unruhen in Kasachstan\ndate: 2022-01-19\n---\n\n# Unruhen\n\n"
    body = "".join(
        SECTION.format(n=n, **{f"p{i}": PARAGRAPHS[(n + i) % len(PARAGRAPHS)] for i in range(6)})
        for n in range(sections)
    )
    return head + body + TAIL


def _full_parse_markup(text: str) -> Iterator[tuple[str, object, list[tuple[int, int]]]]:
    tokens = parser(False).parse(text, {KEY: Recorder(), BUDGET: Budget.for_text(text)})
    for token in tokens:
        if token.type == "inline":
            yield token.content, token.map and tuple(token.map), token.meta["markup"]


def test_streamed_blocks_give_the_markup_and_layout_of_a_whole_parse() -> None:
    text = _page(40)  # hundreds of top-level tokens: they leave the parser dozens at a time
    env = {KEY: Recorder(), BUDGET: Budget.for_text(text)}
    blocks = parse_blocks(parser(False), text, env)
    streamed = [
        (b.content, b.map, block_markup(parser(False), b.content, env)) for b in blocks if b.type == "inline"
    ]
    whole = list(_full_parse_markup(text))
    assert len(streamed) == len(whole) > 40 * 8
    assert streamed == whole
    tokens = parser(False).parse(text, {KEY: Recorder(), BUDGET: Budget.for_text(text)})
    assert layout(blocks, False) == layout(tokens, False)
    assert not any(b.type == "paragraph_open" for b in blocks)  # wrappers of inline blocks are dropped


def test_a_parse_without_the_sink_still_records_markup_on_its_tokens() -> None:
    text = _page(2)
    contents = [c for c, _, markup in _full_parse_markup(text) if markup]
    assert any("kubectl" in c for c in contents)  # the markup helper's own parse is unchanged


def test_markdown_page_read_in_a_few_times_its_size() -> None:
    text = _page(150)
    markdown.read("warm.md", _page(1))
    gc.collect()
    tracemalloc.start()
    try:
        doc = markdown.read("seite.md", text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(text.encode("utf-8"))
    assert len(doc.segments) > 150 * 10
    # this dense page's whole token stream alone was 44x the file; blocks stream out now (12.7x,
    # of which the document keeps 9.9x: a segment per table cell and list item)
    assert peak < 15 * size, f"peak {peak / size:.1f}x the file"


def _xliff(units: int) -> str:
    body = "".join(
        f'<trans-unit id="u{i}"><source>Hei &amp; <g id="1">verden</g> {i}</source>'
        f'<target>Hallo &amp; <g id="1">Welt</g> {i}</target></trans-unit>\n'
        for i in range(units)
    )
    return (
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="nb" target-language="de">'
        f"<body>\n{body}</body></file></xliff>\n"
    )


def test_xml_parse_leaves_nothing_for_the_cycle_collector() -> None:
    text = _xliff(50)
    was = gc.isenabled()
    gc.disable()
    try:
        root, source = parse("a.xlf", text, frozenset({"trans-unit"}), lambda node, ancestors, src: None)
        held = weakref.ref(source)
        assert isinstance(source, Text) and root.name == "xliff"
        del root, source
        assert held() is None  # freed by reference counting: no cycle keeps the file's bytes
    finally:
        if was:
            gc.enable()


def test_equal_sentence_spans_are_kept_once() -> None:
    first = split_sentences("Politiet stengte veien mandag.")
    second = split_sentences("Die Polizei sperrte die Straße.")
    assert first == ((0, 30),) and second == ((0, 31),)
    assert split_sentences("Regjeringen satte et tak mandag.") is not first
    assert split_sentences("Politiet stengte broen mandag.") is first  # same length, same spans
    two = split_sentences("Saken er under etterforskning. Minst 164 mennesker ble drept.")
    assert two == ((0, 30), (31, 61))
    assert split_sentences("Die Sache wird untersucht, sagt man. Mindestens 164 Menschen starben.") != two
    # a long paragraph's spans are its own: kept by nothing once its document is gone
    long = " ".join(["Politiet stengte veien mandag."] * 50)
    spans = split_sentences(long)
    assert len(spans) == 50 and split_sentences(long) == spans and split_sentences(long) is not spans


@pytest.mark.parametrize(("values", "itemsize"), [([3, 4, 5, 9, 40], 4), ([0, 2**31, 2**31 + 1], 8)])
def test_offset_runs_use_four_bytes_an_offset_when_they_fit(values: list[int], itemsize: int) -> None:
    runs = OffsetRuns.of(values)
    assert list(runs) == values
    assert runs._runs.itemsize == itemsize
    assert len(runs._runs) == 2 * runs.runs  # exactly the runs, no spare room
    seg = Segment("u1", "x" * (len(values) - 1), Span(values[0], values[-1]), offsets=runs)
    assert seg.file_span(0, 1) == Span(values[0], values[1])


def test_findings_with_the_same_words_share_one_copy_of_them() -> None:
    from tcheck.config import Config
    from tcheck.context import Context
    from tcheck.engine import Engine
    from tcheck.formats import xliff

    units = "".join(
        f'<trans-unit id="u{i}"><source>Lagre filen nr. {i}</source>'
        f'<target>Datei Nr. {i} speichern <x id="2"/></target></trans-unit>\n'
        for i in range(40)
    )
    text = (
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="nb" target-language="de">'
        f"<body>\n{units}</body></file></xliff>\n"
    )
    engine = Engine(Context(Config(select=("TC606",))))
    engine.check(xliff.read("lagre.xlf", text))
    found = [f for f in engine.findings if f.code == "TC606"]
    messages = {f.message for f in found}
    assert len(found) >= 40 and len(messages) <= 2  # the same words in every unit ...
    assert len({id(f.message) for f in found}) == len(messages)  # ... kept once
