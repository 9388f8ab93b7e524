"""The streaming TBX reader: what the tree reader read, read without a tree, in document order."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck.errors import InputError
from tcheck.glossary import load
from tcheck.glossary.tbx import parse

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<tbx style="dca" type="TBX-Basic" xml:lang="nb" xmlns="urn:iso:std:iso:30042:ed-2">\n'
    "<text><body>\n"
)
TAIL = "</body></text></tbx>\n"


def _concept(nb: str, en: str, extra: str = "") -> str:
    return (
        f'<conceptEntry id="c">{extra}<langSec xml:lang="nb"><termSec><term>{nb}</term></termSec></langSec>'
        f'<langSec xml:lang="en"><termSec><term>{en}</term></termSec></langSec></conceptEntry>\n'
    )


def test_a_term_with_inline_markup_reads_in_document_order() -> None:
    text = HEAD + _concept("Forente <hi>nasjoners</hi> sikkerhetsråd", "UN <hi>Security</hi> Council") + TAIL
    (entry,) = parse("fn.tbx", text).entries
    assert [t.text for t in entry.source_terms] == ["Forente nasjoners sikkerhetsråd"]
    assert [t.text for t in entry.target_terms] == ["UN Security Council"]


def test_a_term_deep_in_inline_markup_is_read() -> None:
    deep = "<hi>" * 100 + "statsbudsjett" + "</hi>" * 100
    (entry,) = parse("dyp.tbx", HEAD + _concept(deep, "national budget") + TAIL).entries
    assert entry.source_terms[0].text == "statsbudsjett"


def test_a_status_inside_a_term_group_belongs_to_its_ntig() -> None:
    concept = (
        '<termEntry id="csto"><langSet xml:lang="en">'
        "<ntig><termGrp><term>CTSO</term>"
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>'
        '<tig><term>CSTO</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>'
        '</langSet><langSet xml:lang="nb"><tig><term>CSTO</term></tig></langSet></termEntry>\n'
    )
    text = '<?xml version="1.0"?>\n<martif type="TBX-Basic" xml:lang="nb"><text><body>\n' + concept
    (entry,) = parse("csto.tbx", text + "</body></text></martif>\n").entries
    assert [(t.text, t.status, t.case_sensitive) for t in entry.target_terms] == [
        ("CTSO", "forbidden", True),
        ("CSTO", "preferred", True),
    ]


def test_notes_say_do_not_translate_at_every_level_but_a_definition_does_not() -> None:
    concepts = [
        _concept("Equinor", "Equinor", "<note>Do not translate.</note>"),
        _concept(
            "Aftenposten", "Aftenposten", '<descrip type="definition">a newspaper; do not translate</descrip>'
        ),
        _concept(
            "Storting", "Storting", '<descrip type="definition">parliament</descrip><note>internal</note>'
        ),
    ]
    parsed = parse("dnt.tbx", HEAD + "".join(concepts) + TAIL)
    assert [(e.dnt, e.note) for e in parsed.entries] == [
        (True, "Do not translate."),
        (False, "a newspaper; do not translate"),
        (False, "parliament internal"),
    ]


def test_a_language_section_outside_a_concept_counts_for_none() -> None:
    stray = '<note><langSec xml:lang="en"><termSec><term>stray</term></termSec></langSec></note>\n'
    parsed = parse("stray.tbx", HEAD + stray + _concept("valg", "election") + TAIL)
    assert [t.text for e in parsed.entries for t in e.all_terms] == ["valg", "election"]


def test_the_first_problem_in_the_file_stops_the_load(tmp_path: Path) -> None:
    bad = (
        '<conceptEntry id="a"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>\n'
        '<conceptEntry id="b"><langSec xml:lang="en"><termSec><note>no term</note></termSec>'
        "</langSec></conceptEntry>\n"
    )
    path = tmp_path / "feil.tbx"
    path.write_text(HEAD + bad + TAIL, encoding="utf-8")
    with pytest.raises(InputError, match=r"<langSec> without xml:lang") as caught:
        load(str(path))
    assert caught.value.line == 4


def test_a_document_type_with_an_internal_entity_is_refused() -> None:
    text = '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa">]>\n<tbx><text><body>&a;</body></text></tbx>'
    (problem,) = parse("bomb.tbx", text).problems
    assert problem.line == 2 and "refused unsafe XML (EntitiesForbidden" in problem.message


def test_an_unknown_encoding_is_a_problem_not_a_traceback() -> None:
    (problem,) = parse("enc.tbx", '<?xml version="1.0" encoding="x-bogus"?>\n<tbx/>').problems
    assert problem.message.startswith("not well-formed XML")
