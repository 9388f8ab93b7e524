"""A stored term matcher decodes the automaton values of the keys a search hits, and finds exactly
what the compiled one finds."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tcheck import glossary
from tcheck.context import TermHit
from tcheck.glossary import stored
from tcheck.glossary.lazyvalues import LazyValues
from tcheck.glossary.matcher import TermMatcher

# A German house glossary: inflecting multi-word terms, compounds, forbidden variants beside
# preferred terms, and many entries the texts never hit.
TBX_ROWS = [
    ("ec", "European Commission", "Europäische Kommission", "EU-Kommission"),
    ("un", "United Nations", "Vereinte Nationen", "Vereinigte Nationen"),
    ("budget", "national budget", "Staatshaushalt", "Nationalbudget"),
    ("border", "border control", "Grenzkontrolle", "Grenzüberwachung"),
    ("minister", "foreign minister", "Außenminister", "Aussen-Minister"),
]
CSV = "# languages: en -> de\nid,source,target,forbidden\n" + "".join(
    f"{i},{s},{t},{f}\n" for i, s, t, f in TBX_ROWS
)
# many more entries that the texts never hit
CSV += "".join(f"x{n},term number {n},Fachbegriff Nummer {n},Fachwort Nummer {n}\n" for n in range(300))
TEXTS = [
    "Die Sprecherin der Europäischen Kommission sagte, die EU-Kommission habe mit den Vereinigten "
    "Nationen gesprochen; der Außenminister lobte die Grenzkontrollen.",
    "Der Aussen-Minister und das Nationalbudget: Staatshaushalte der Vereinten Nationen.",
    "Ohne einen einzigen Begriff aus dem Glossar.",
]


@pytest.fixture
def view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> glossary.Glossary:
    monkeypatch.setattr(stored, "MIN_CACHED", 1)
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    found = glossary.load(str(path)).for_pair("en", "de")
    assert found is not None
    return found


def _matcher(view: glossary.Glossary, folder: Path) -> TermMatcher[TermHit]:
    return stored.term_matcher([view], "target", ("en", "de"), TermHit, None, folder)


def _found(matcher: TermMatcher[TermHit], text: str) -> list[tuple[int, int, str, str, str, bool]]:
    return [
        (m.start, m.end, m.text, m.payload.entry.id, m.payload.term.status, m.exact)
        for m in matcher.find(text)
    ]


def test_a_stored_matcher_finds_what_the_compiled_one_finds(view: glossary.Glossary, tmp_path: Path) -> None:
    compiled = _matcher(view, tmp_path / "cache")
    compiled.compile()  # compiled and stored when first searched
    loaded = _matcher(view, tmp_path / "cache")
    loaded.compile()  # a stored matcher is read when first searched
    assert loaded._lazy is not None and compiled._lazy is None
    for text in TEXTS:
        assert _found(loaded, text) == _found(compiled, text)
    found = _found(loaded, TEXTS[0])
    assert ("EU-Kommission", "ec", "forbidden") in [(t, i, s) for _, _, t, i, s, _ in found]
    assert any(t == "Europäischen Kommission" and not exact for _, _, t, _, _, exact in found)
    for m in loaded.find(TEXTS[1]):  # payloads are the run's own entries, not copies
        assert any(m.payload.entry is e for e in view.entries) and m.payload.glossary is view


def test_only_the_values_of_hit_keys_are_decoded(view: glossary.Glossary, tmp_path: Path) -> None:
    _matcher(view, tmp_path / "cache").compile()  # compiled and stored
    loaded = _matcher(view, tmp_path / "cache")
    loaded.compile()
    assert loaded._lazy is not None
    assert all(value is None for value in loaded._lazy.decoded)
    list(loaded.find(TEXTS[2]))  # no term at all
    decoded = sum(value is not None for value in loaded._lazy.decoded)
    list(loaded.find(TEXTS[0]))
    after = sum(value is not None for value in loaded._lazy.decoded)
    assert decoded <= 2 and 3 <= after < len(loaded._lazy) // 10


def test_a_stored_matcher_takes_no_new_terms(view: glossary.Glossary, tmp_path: Path) -> None:
    _matcher(view, tmp_path / "cache").compile()  # compiled and stored
    loaded = _matcher(view, tmp_path / "cache")
    loaded.compile()
    with pytest.raises(RuntimeError, match="no new terms"):
        loaded.add("Bundestag", TermHit(view.entries[0], view.entries[0].target_terms[0], view))


def test_values_that_do_not_fit_their_bytes_are_damage(view: glossary.Glossary, tmp_path: Path) -> None:
    table = LazyValues.encode([("a", 1), ("b", 2)], lambda obj: None)
    assert [table.load(1), table.load(0)] == [("b", 2), ("a", 1)]
    blob, ends = table.__reduce__()[1]
    restore = table.__reduce__()[0]
    with pytest.raises(ValueError, match="do not fit"):
        restore(blob[:-1], ends)
    first = _found(_matcher(view, tmp_path / "cache"), TEXTS[0])
    (kept,) = (tmp_path / "cache" / "glossaries").glob("matcher-*.pickle")
    count, matcher = pickle.loads(kept.read_bytes())
    assert matcher._lazy is not None
    matcher._lazy._blob = matcher._lazy._blob[:-10]  # as if the file lost bytes inside the table
    kept.write_bytes(pickle.dumps((count, matcher)))
    again = _matcher(view, tmp_path / "cache")  # compiled again, not a failure during the search
    assert _found(again, TEXTS[0]) == first and again._lazy is None
