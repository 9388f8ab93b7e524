"""TC6xx: what the markup checks of one page pair work out once and share, and the shortcuts
that must find the same marks and units as the long way."""

from __future__ import annotations

import dataclasses

from tcheck.bilingual.units import units, units_of
from tcheck.formats.markdown import read as read_md
from tcheck.loader import pair_with_source
from tcheck.markup.blocks import groups, page_pair
from tcheck.markup.markdown import read_page
from tcheck.markup.marks import ALL_KINDS, CODE, CODE_BLOCK, LINK
from tcheck.markup.outline import explicit_ids, heading_id
from tcheck.markup.report import setting

SOURCE = """\
# Install Helm

Download a [release](https://github.com/helm/helm/releases) and unpack it with `tar -zxvf helm.tar.gz`.
Then move the binary to a folder on your path.

## From a script

Helm has an [installer script](/docs/install/#script) that fetches the latest version.
Write to helm@cncf.io if it fails, or read https://helm.sh/docs/faq/ first.

Plain text, without any markup, explains what the script does.

## Next steps {#next-steps}

See the [quickstart](/docs/intro/quickstart/) and run `helm version`.
"""

GERMAN = """\
# Helm installieren

Laden Sie ein [Release](https://github.com/helm/helm/releases) herunter und entpacken Sie es mit `tar -zxvf helm.tar.gz`.
Verschieben Sie dann die Datei in einen Ordner Ihres Pfads.

## Mit einem Skript

Helm hat ein [Installationsskript](/de/docs/install/#script), das die neueste Version holt.
Schreiben Sie an helm@cncf.io, wenn es scheitert, oder lesen Sie zuerst https://helm.sh/docs/faq/.

Einfacher Text ohne jedes Markup erklärt, was das Skript tut.

## Nächste Schritte {#next-steps}

Siehe den [Schnellstart](/de/docs/intro/quickstart/) und führen Sie `helm version` aus.
"""


def _paired() -> tuple[object, object]:
    source = read_md("content/en/docs/install.md", SOURCE)
    target = dataclasses.replace(read_md("content/de/docs/install.md", GERMAN), lang="de")
    return pair_with_source(target, source), source


def test_a_plain_block_keeps_its_addresses_and_marked_blocks_their_marks_german() -> None:
    page = read_page(GERMAN, mdx=False)
    found = [(m.kind, m.key) for m in page.marks]
    assert ("link", "https://github.com/helm/helm/releases") in found
    assert (CODE, "tar-zxvfhelm.tar.gz") in found
    assert ("anchor", "next-steps") in found
    # a paragraph without brackets, braces, angles or backticks: its address and e-mail still count
    plain = read_page(
        "Schreiben Sie an helm@cncf.io oder lesen Sie https://helm.sh/docs/faq/ zuerst.\n", False
    )
    assert [(m.kind, m.key) for m in plain.marks] == [
        ("email", "helm@cncf.io"),
        ("url", "https://helm.sh/docs/faq/"),
    ]
    assert read_page("Einfacher Text ohne jedes Markup.\n", False).marks == ()


def test_groups_take_the_marks_of_their_blocks_in_page_order_german() -> None:
    doc, _ = _paired()
    pair = page_pair(doc)  # type: ignore[arg-type]
    assert pair is not None
    kinds = tuple(ALL_KINDS)
    found = list(groups(pair, kinds))
    assert len(found) >= 4
    for group in found[:-1]:
        t_blocks = {m.block for m in group.target}
        s_blocks = {m.block for m in group.source}
        # the long way: every mark of the page whose block is one of the group's, in page order
        assert group.target == tuple(m for m in pair.page.marks if m.kind in kinds and m.block in t_blocks)
        assert group.source == tuple(
            m for m in pair.source_page.marks if m.kind in kinds and m.block in s_blocks
        )
    rest = found[-1]
    assert rest.segment is None
    assert rest.target == tuple(m for m in pair.page.marks if m.block < 0)
    links = [m.key for g in found for m in g.target if m.kind == LINK]
    assert links == [m.key for m in pair.page.marks if m.kind == LINK]


def test_the_checks_of_one_page_pair_share_its_setting_german() -> None:
    doc, _ = _paired()
    first, again = page_pair(doc), page_pair(doc)  # type: ignore[arg-type]
    assert first is not None and again is not None and first is not again
    shared = setting(first)
    assert setting(again) is shared
    assert shared.groups == tuple(groups(first, tuple(k for k in ALL_KINDS if k != CODE_BLOCK)))
    # another reading of the page (other text attributes) is another page: worked out again
    other = page_pair(doc, text_attributes=())  # type: ignore[arg-type]
    assert other is not None and other.page is not first.page
    assert setting(other) is not shared
    # a document paired again is another document, even with the same text
    doc2, _ = _paired()
    pair2 = page_pair(doc2)  # type: ignore[arg-type]
    assert pair2 is not None and setting(pair2) is not shared
    assert setting(pair2).stale == shared.stale


def test_units_of_a_page_are_kept_for_its_next_pairing_german() -> None:
    source = read_md("content/en/docs/install.md", SOURCE)
    kept = units(source)
    assert kept == units_of(source.segments)
    assert units(dataclasses.replace(source, lang="en-US")) is kept  # same segments: same units
    copy = dataclasses.replace(source, segments=tuple(list(source.segments)))
    assert units(copy) is not kept and units(copy) == kept


def test_heading_ids_from_the_pages_ids_are_those_found_heading_by_heading_german() -> None:
    page = read_page(GERMAN, mdx=False)
    ids = explicit_ids(page)
    assert list(ids.values()) == ["next-steps"]
    found = [heading_id(page, GERMAN, block, ids) for block in page.headings]
    assert found == [heading_id(page, GERMAN, block) for block in page.headings]
    assert found == ["helm-installieren", "mit-einem-skript", "next-steps"]
