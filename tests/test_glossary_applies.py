"""Which runs a glossary serves: a termbase's languages are its language sections (never the root's
``xml:lang``), and a glossary that cannot apply to a run is reported, never silently ignored."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import findings, run_paths
from tcheck.cli import main
from tcheck.glossary import load, usage_notes

# An IATE-style export: the root names the termbase's main language (English).
IATE = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="csto">
      <langSec xml:lang="en">
        <termSec><term>CSTO</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>CTSO</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="nb"><termSec><term>CSTO</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="storting">
      <langSec xml:lang="en"><termSec><term>Storting</term></termSec></langSec>
      <langSec xml:lang="nb"><termSec><term>Stortinget</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="budget">
      <langSec xml:lang="en"><termSec><term>national budget</term></termSec></langSec>
      <langSec xml:lang="nb"><termSec><term>statsbudsjett</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""

SOURCE_NB = "CSTO-styrkene kom til Almaty.\n\nStortinget møttes i går.\n"
TARGET_EN = "The CTSO forces came to Almaty.\n\nParliament met yesterday.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "iate.tbx").write_text(IATE, encoding="utf-8")
    (tmp_path / "src.nb.txt").write_text(SOURCE_NB, encoding="utf-8")
    (tmp_path / "doc.en.txt").write_text(TARGET_EN, encoding="utf-8")
    return tmp_path


def test_root_xml_lang_does_not_decide_the_source(folder: Path) -> None:
    glossary = load(str(folder / "iate.tbx"))
    assert glossary.languages == ("en", "nb")
    view = glossary.for_pair("nb", "en")
    assert view is not None and (view.source_lang, view.target_lang) == ("nb", "en")
    assert [t.text for t in view.entries[1].source_terms] == ["Stortinget"]
    assert [t.text for t in view.entries[0].forbidden] == ["CTSO"]
    back = glossary.for_pair("en", "nb")  # the file's own direction still serves
    assert back is not None and [t.text for t in back.entries[1].target_terms] == ["Stortinget"]
    assert glossary.for_pair("de", "en") is None


def test_iate_style_termbase_checks_a_nb_to_en_run(folder: Path) -> None:
    result = run_paths(
        [folder / "doc.en.txt"],
        source=folder / "src.nb.txt",
        source_lang="nb",
        target_lang="en",
        glossary=[str(folder / "iate.tbx")],
    )
    found = findings(result, "TC10")
    assert [(f["code"], f["line"], f["suggestion"]) for f in found] == [
        ("TC101", 1, "CSTO"),
        ("TC102", 3, "Storting"),
    ]
    assert not result.notes


def test_a_csv_glossary_keeps_its_direction(tmp_path: Path) -> None:
    path = tmp_path / "en-nb.csv"
    path.write_text("# languages: en -> nb\nsource,target\nnational budget,statsbudsjett\n", "utf-8")
    glossary = load(str(path))
    assert glossary.for_pair("en", "nb") is not None and glossary.for_pair("nb", "en") is None


def _invoke(folder: Path, *args: str) -> tuple[int, str, str]:
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, ["check", *args, "--no-default-glossaries"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def test_a_glossary_that_fits_no_pair_is_reported_everywhere(folder: Path) -> None:
    (folder / "de-fr.tsv").write_text("# languages: de -> fr\nsource\ttarget\nHaushalt\tbudget\n", "utf-8")
    args = ["doc.en.txt", "--source", "src.nb.txt", "--source-lang", "nb", "--target-lang", "en"]
    args += ["--glossary", "de-fr.tsv", "--glossary", "iate.tbx"]
    note = "glossary de-fr.tsv (de/fr) fits no checked document (documents: nb->en); it checked nothing"
    _, out, err = _invoke(folder, *args, "--format", "json")
    assert json.loads(out)["summary"]["notes"] == [note]
    assert err.strip() == note
    _, out, err = _invoke(folder, *args, "--format", "sarif")
    assert json.loads(out)["runs"][0]["properties"]["notes"] == [note]
    assert err.strip() == note
    _, out, _ = _invoke(folder, *args)  # text: in the summary
    assert note in out.splitlines()


def test_a_termbase_without_source_terms_for_the_pair_is_reported(folder: Path) -> None:
    (folder / "en-de.tbx").write_text(
        IATE.replace('xml:lang="nb"', 'xml:lang="de"').replace("Stortinget", "Storting"), "utf-8"
    )
    args = ["doc.en.txt", "--source", "src.nb.txt", "--source-lang", "nb", "--target-lang", "en"]
    _, out, err = _invoke(folder, *args, "--glossary", "en-de.tbx", "--format", "json")
    assert "fits no checked document" in err  # nb is not one of its languages
    # a Norwegian section with no English partner: the pair fits, but nothing can be compared
    only_nb = IATE.replace('<langSec xml:lang="en"><termSec><term>Storting</term></termSec></langSec>', "")
    only_nb = only_nb.replace('<langSec xml:lang="nb"><termSec><term>CSTO</term></termSec></langSec>', "")
    only_nb = only_nb.replace(
        '<langSec xml:lang="en"><termSec><term>national budget</term></termSec></langSec>', ""
    )
    (folder / "split.tbx").write_text(only_nb, "utf-8")
    _, out, err = _invoke(folder, *args, "--glossary", "split.tbx", "--format", "json")
    note = (
        "glossary split.tbx (en/nb): no entry has both nb and en terms; TC102 and TC105 cannot "
        "compare nb->en documents with their source"
    )
    assert json.loads(out)["summary"]["notes"] == [note] and err.strip() == note
    assert json.loads(out)["findings"][0]["code"] == "TC101"  # its English side still checks


def test_usage_notes_on_the_target_side() -> None:
    from tcheck.glossary.model import Entry, Glossary, Term

    entry = Entry("x", (Term("statsbudsjett", "nb"),), ())
    glossary = Glossary("nb.csv", "nb", None, (entry,), "0")
    assert usage_notes([glossary], [("nb", "en")]) == [
        "glossary nb.csv (nb->?) has no en terms; it checked nothing in nb->en documents"
    ]
    assert usage_notes([glossary], []) == []
