"""Pages of plain paragraphs read without the block parser: the same blocks as markdown-it's, and
every page that could hold anything else left to the parser."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.formats import markdown
from tcheck.formats.inline_marks import KEY, Recorder
from tcheck.formats.markdown_parser import Block, parse_blocks, parser
from tcheck.formats.paragraphs import plain_paragraphs

NEWS = (
    "Stortinget vedtok tirsdag en ny lov om strømstøtte.\n"
    "\n"
    "«Dette er en god dag for folk flest», sa statsministeren til NRK.\n"
    "Loven trer i kraft 1. januar.\n"
    "\n"
    "2023 var et rekordår for Equinor, som tjente 1,2 milliarder kroner.\n"
    "\n"
    "Die Regierung in Berlin hat am Mittwoch neue Zahlen vorgelegt.\n"
    "(Reuters) Le gouvernement français a annoncé lundi de nouvelles mesures.   \n"
    "\n"
    "東京都は火曜日、新しい規則を発表した。\n"
    "\n"
    "قالت الحكومة يوم الثلاثاء إنها ستخفض الضرائب.\n"
)


def blocks_of(found: list[Block]) -> list[tuple[Any, ...]]:
    return [(b.type, b.nesting, b.map, b.content, b.info, b.markup, dict(b.meta)) for b in found]


def parsed(src: str) -> list[tuple[Any, ...]]:
    return blocks_of(parse_blocks(parser(False), src, {KEY: Recorder()}))


def test_news_page_reads_as_the_parser_reads_it() -> None:
    found = plain_paragraphs(NEWS)
    assert found is not None
    assert blocks_of(found) == parsed(NEWS)
    assert [b.map for b in found] == [(0, 1), (2, 4), (5, 6), (7, 9), (10, 11), (12, 13)]
    assert found[3].content.endswith("nouvelles mesures.")  # trailing spaces trimmed as markdown-it does


def test_reader_output_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = markdown.read("nb/news.md", NEWS)
    monkeypatch.setattr(markdown, "plain_paragraphs", lambda src: None)
    slow = markdown.read("nb/news.md", NEWS)
    assert fast.segments == slow.segments
    assert fast.layout == slow.layout
    assert [s.text for s in fast.segments][1].startswith("«Dette er en god dag")


@pytest.mark.parametrize(
    "line",
    [
        "# Overskrift",
        "## Überschrift {#ueberschrift}",
        "> Sitat fra talen",
        "- punkt",
        "* punkt",
        "+ punkt",
        "1. første",
        "2019) liste",
        "    kode med innrykk",
        "\tkode med tabulator",
        " Ein Absatz mit einem Leerzeichen davor",
        "```python",
        "~~~",
        "<div>HTML</div>",
        "{{< note >}}",
        "{.klasse}",
        "[lenke]: https://example.org",
        "[^1]: Fotnote",
        ":::note Merk",
        ": definisjon",
        "| a | b |",
        "Kolonne | kolonne",
        "---",
        "===",
        "***",
        "import Tabs from '@theme/Tabs';",
        "export const x = 1;",
        "\u00a0Ein geschütztes Leerzeichen",
    ],
)
def test_a_line_that_may_start_another_block_goes_to_the_parser(line: str) -> None:
    src = f"Første avsnitt.\n\n{line}\n\nSiste avsnitt.\n"
    assert plain_paragraphs(src) is None


def test_front_matter_and_nul_go_to_the_parser() -> None:
    assert plain_paragraphs("---\ntitle: Nyheter\n---\n\nTekst.\n") is None
    assert plain_paragraphs("Tekst\0med NUL.\n") is None


def test_blank_lines_of_spaces_and_tabs_end_a_paragraph_and_the_last_line_needs_no_break() -> None:
    src = "Premier paragraphe.\n \t \nDeuxième paragraphe\nsur deux lignes.  "
    found = plain_paragraphs(src)
    assert found is not None
    assert blocks_of(found) == parsed(src)
    assert [b.map for b in found] == [(0, 1), (2, 4)]


_LINES = st.sampled_from(
    [
        "",
        "   ",
        "\t",
        "Oslo kommune la fram budsjettet.",
        "ein mann vart knivstukken i aust-Belfast fredag.  ",
        "«Vi er glade», sa ordføreren.",
        '"Wir schaffen das", sagte sie.',
        "(AFP) Le président a parlé.",
        "2,5 millioner kroner",
        "1.5 Prozent",
        "10. januar",
        "7) Punkt",
        "import os",
        "important nyhet",
        "exporten økte",
        "東京都は火曜日、新しい規則を発表した。",
        "قالت الحكومة",
        "Ну, что ж.",
        "—Sí, claro.",
        "- punkt",
        "# Tittel",
        "===",
        "    kode",
        "> sitat",
        "a | b",
        "Linje med `kode` og *vekt* og [lenke](https://example.org).",
        "Tekst\u2003med em-mellomrom\u2003",
    ]
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=12), st.booleans())
def test_any_page_is_left_to_the_parser_or_read_exactly_as_it_would_read_it(
    lines: list[str], final_break: bool
) -> None:
    src = "\n".join(lines) + ("\n" if final_break else "")
    found = plain_paragraphs(src)
    if found is not None:
        assert blocks_of(found) == parsed(src)
