"""Link destinations in the Markdown reader: masked where markdown-it reads a link, kept where it
refuses one, whatever the URL holds (the reader does not normalise URLs: nothing reads them)."""

from __future__ import annotations

from tcheck.formats.markdown import read
from tcheck.formats.markdown_parser import parser

PAGE = """Les [bøkene](https://bücher.example/straße "Tittel") på nett.

Klikk [her](javascript:alert(1)) eller [her](JAVASCRIPT:alert(1)).

Se <https://bücher.example/ø> og ![logo](data:image/png;base64,AAA) og [fil](data:text/html;base64,AAA).

Ref [doc][d] slutt, og [lenke](vbscript:msgbox) er tekst.

[d]: https://bücher.example/ref
"""


def _texts() -> list[str]:
    return [segment.text for segment in read("nb/side.md", PAGE).segments]


def test_link_with_non_ascii_host_and_path_is_masked_and_its_text_kept() -> None:
    first = _texts()[0]
    assert first.split() == ["Les", "bøkene", "på", "nett."]
    assert len(first) == len(PAGE.split("\n")[0])  # offsets kept: the destination is blanked in place


def test_script_links_stay_text_in_any_case() -> None:
    assert _texts()[1] == "Klikk [her](javascript:alert(1)) eller [her](JAVASCRIPT:alert(1))."


def test_image_data_url_is_markup_and_other_data_urls_are_not_links() -> None:
    third = _texts()[2]
    assert "logo" not in third and "bücher" not in third  # an image and an autolink: no prose
    assert third.endswith("og [fil](data:text/html;base64,AAA).")


def test_reference_link_text_is_prose_and_a_vbscript_link_is_text() -> None:
    fourth = _texts()[3]
    assert fourth.split() == ["Ref", "doc", "slutt,", "og", "[lenke](vbscript:msgbox)", "er", "tekst."]
    assert len(_texts()) == 4  # the reference definition is no segment


def test_parser_keeps_destinations_as_written() -> None:
    md = parser(False)
    assert md.normalizeLink("https://bücher.example/a%20b ø") == "https://bücher.example/a%20b ø"
    assert not md.validateLink("javascript:alert(1)")
    assert md.validateLink("data:image/png;base64,AAA")
