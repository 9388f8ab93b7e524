"""A termbase seen from another language pair builds that view's entries only when they are read."""

from __future__ import annotations

import pickle
from pathlib import Path

from tcheck.glossary import load
from tcheck.glossary.model import Projection

# A Nordic termbase of three languages (the root names English, the file's main language).
TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Nordisk termbank</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="parliament">
      <langSec xml:lang="en"><termSec><term>Storting</term></termSec></langSec>
      <langSec xml:lang="nb"><termSec><term>Stortinget</term></termSec></langSec>
      <langSec xml:lang="sv">
        <termSec><term>norska parlamentet</term></termSec>
        <termSec><term>Stortinget</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="budget">
      <langSec xml:lang="en"><termSec><term>national budget</term></termSec></langSec>
      <langSec xml:lang="nb"><termSec><term>statsbudsjett</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_a_view_builds_its_entries_when_read(tmp_path: Path) -> None:
    (tmp_path / "nordisk.tbx").write_text(TBX, encoding="utf-8")
    termbase = load(str(tmp_path / "nordisk.tbx"))
    view = termbase.for_pair("nb", "sv")
    assert isinstance(view, Projection) and "entries" not in view.__dict__
    assert (view.source_lang, view.target_lang, view.sha256) == ("nb", "sv", termbase.sha256)
    assert termbase.for_pair("nb", "sv") is view  # one view per pair
    (entry,) = view.entries  # the budget has no Swedish term: not in the view
    assert [t.text for t in entry.source_terms] == ["Stortinget"]
    assert [(t.text, t.status) for t in entry.target_terms] == [
        ("norska parlamentet", "admitted"),  # no status given in a TBX: admitted
        ("Stortinget", "forbidden"),
    ]
    assert [t.lang for t in entry.other_terms] == ["en"]
    assert pickle.loads(pickle.dumps(view)).entries == view.entries
    assert termbase.for_pair("nb", "de") is None  # no German section: no view at all
