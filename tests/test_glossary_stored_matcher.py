"""Compiled term matchers are kept in the cache folder and used again while the glossaries are
unchanged; their payloads point into the glossaries of the run, not into copies."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tcheck import glossary
from tcheck.context import TermHit
from tcheck.glossary import matcher as matcher_module
from tcheck.glossary import stored
from tcheck.glossary.payloads import Payloads
from tcheck.glossary.stemming import stemmer_for
from tcheck.services import pickled

# A German house glossary: multi-word terms whose words inflect, an acronym, a forbidden variant.
CSV = (
    "# languages: en -> de\n"
    "id,source,target,forbidden\n"
    "ec,European Commission,Europäische Kommission,EU-Kommission\n"
    "un,United Nations,Vereinte Nationen | UNO,Vereinigte Nationen\n"
    "nato,NATO,NATO,OTAN\n"
    "budget,national budget,Staatshaushalt,Nationalbudget\n"
)
TEXT = (
    "Die Sprecherin der Europäischen Kommission sagte, die EU-Kommission habe mit den Vereinigten "
    "Nationen und der NATO gesprochen; der Staatshaushalte wegen, nicht wegen der OTAN."
)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every matcher compiled (not loaded) in the test, by its number of patterns; every matcher
    is kept in the cache, however small."""
    monkeypatch.setattr(stored, "MIN_CACHED", 1)
    seen: list[int] = []
    real = matcher_module.TermMatcher._build_automaton

    def counting(self: matcher_module.TermMatcher[object]) -> None:
        seen.append(len(self))
        real(self)

    monkeypatch.setattr(matcher_module.TermMatcher, "_build_automaton", counting)
    return seen


def _found(view: glossary.Glossary, folder: Path | None, side: str = "target") -> list[tuple[str, str, str]]:
    matcher = stored.term_matcher([view], side, ("en", "de"), TermHit, None, folder)
    hits = list(matcher.find(TEXT))
    for m in hits:  # payloads are the run's own entries and terms, not copies
        assert any(m.payload.entry is e for e in view.entries) and m.payload.glossary is view
        assert m.payload.term in m.payload.entry.target_terms
    return [(m.text, m.payload.entry.id, m.payload.term.status) for m in hits]


def _view(path: Path) -> glossary.Glossary:
    view = glossary.load(str(path)).for_pair("en", "de")
    assert view is not None
    return view


def test_second_matcher_is_loaded_not_compiled(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _found(_view(path), tmp_path / "cache")
    assert len(builds) == 1 and list((tmp_path / "cache" / "glossaries").glob("matcher-*.pickle"))
    second = _found(_view(path), tmp_path / "cache")
    assert len(builds) == 1 and second == first
    assert ("Europäischen Kommission", "ec", "preferred") in first  # inflected, found again
    assert ("EU-Kommission", "ec", "forbidden") in first and ("NATO", "nato", "preferred") in first


def test_a_changed_glossary_compiles_a_new_matcher(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    _found(_view(path), tmp_path / "cache")
    path.write_text(CSV.replace("OTAN", "Otan-Pakt"), encoding="utf-8")
    found = _found(_view(path), tmp_path / "cache")
    assert len(builds) == 2 and ("OTAN", "nato", "forbidden") not in found


def test_each_side_has_its_own_matcher(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    view = _view(path)
    _found(view, tmp_path / "cache")
    source = stored.term_matcher([view], "source", ("en", "de"), TermHit, None, tmp_path / "cache")
    assert [m.text for m in source.find("The European Commission and NATO.")] == [
        "European Commission",
        "NATO",
    ]
    assert len(builds) == 2


def test_a_damaged_matcher_is_compiled_again(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _found(_view(path), tmp_path / "cache")
    for kept in (tmp_path / "cache" / "glossaries").glob("matcher-*.pickle"):
        kept.write_bytes(kept.read_bytes()[:100])
    assert _found(_view(path), tmp_path / "cache") == first and len(builds) == 2


def test_a_matcher_naming_terms_the_glossary_lacks_is_compiled_again(
    tmp_path: Path, builds: list[int]
) -> None:
    """A stored reference that does not resolve (a term index past the entry's terms) is damage."""
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    view = _view(path)
    _found(view, tmp_path / "cache")
    (kept,) = (tmp_path / "cache" / "glossaries").glob("matcher-*.pickle")
    fewer = view.entries[0]._replace(target_terms=view.entries[0].target_terms[:1])
    shrunk = glossary.Glossary(view.path, "en", "de", (fewer, *view.entries[1:]), view.sha256)
    again = stored.term_matcher([shrunk], "target", ("en", "de"), TermHit, None, tmp_path / "cache")
    assert "EU-Kommission" not in [m.text for m in again.find(TEXT)]  # the search compiles it
    assert kept.exists() and len(builds) == 2


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    assert _found(_view(path), None) == _found(_view(path), None)
    assert len(builds) == 2 and not list(tmp_path.rglob("*.pickle"))


def test_a_stored_matcher_loads_no_stemmer_until_searched(tmp_path: Path) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    _found(_view(path), tmp_path / "cache")  # a matcher of 9 terms, kept
    assert list(tmp_path.rglob("matcher-*.pickle")) and list(tmp_path.rglob("finder-*.pickle"))
    stemmer_for.cache_clear()
    view = _view(path)
    matcher = stored.term_matcher([view], "target", ("en", "de"), TermHit, None, tmp_path / "cache")
    assert matcher.run_finder() is not None and stemmer_for.cache_info().misses == 0
    assert [m.text for m in matcher.find("Die EU-Kommission.")] == ["EU-Kommission"]
    assert stemmer_for.cache_info().misses > 0


def test_a_stemmer_pickles_as_its_language() -> None:
    stem = stemmer_for("nb")
    assert stem is not None and pickle.loads(pickle.dumps(stem)) is stem
    assert stem("rådgiveren") == stem("rådgiveren") != "rådgiveren"


def test_only_the_newest_matchers_are_kept(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored, "MAX_MATCHERS", 2)
    path = tmp_path / "haus.csv"
    for n in range(4):  # four versions of the glossary, each compiled once
        path.write_text(CSV + f"v{n},version {n},Fassung {n},Version {n}\n", encoding="utf-8")
        _found(_view(path), tmp_path / "cache")
    assert len(builds) == 4 and len(list((tmp_path / "cache" / "glossaries").glob("matcher-*.pickle"))) == 2
    _found(_view(path), tmp_path / "cache")  # the newest is still there
    assert len(builds) == 4


def test_a_stored_matcher_is_read_when_first_searched(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _found(_view(path), tmp_path / "cache")
    loads: list[str] = []
    real = pickled.load

    def loading(where: Path) -> object:
        loads.append(where.name.split("-")[0])
        return real(where)

    monkeypatch.setattr(pickled, "load", loading)
    view = _view(path)
    matcher = stored.term_matcher([view], "target", ("en", "de"), TermHit, None, tmp_path / "cache")
    finder = matcher.run_finder()
    assert len(matcher) == 9 and finder is not None and loads == ["finder"]  # no automaton yet
    assert finder.occurs("die eu-kommission") and not finder.occurs("der bundestag")
    assert _found(view, tmp_path / "cache") == first and "matcher" in loads and len(builds) == 1


def test_a_lost_finder_is_written_again(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    first = _found(_view(path), tmp_path / "cache")
    (head,) = (tmp_path / "cache" / "glossaries").glob("finder-*.pickle")
    head.unlink()
    assert _found(_view(path), tmp_path / "cache") == first and len(builds) == 1  # the matcher read
    assert head.exists()


def test_payloads_are_made_by_number_once(tmp_path: Path) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    view = _view(path)
    payloads = Payloads([view, view], "target", TermHit)
    terms = [(e, t) for e in view.entries for t in e.target_terms]
    assert len(payloads) == 2 * len(terms) == 18
    assert payloads[3] == TermHit(*terms[3], view) and payloads[3] is payloads[3]
    assert payloads[9 + 4].term is terms[4][1]  # the second glossary's fifth term
    with pytest.raises(IndexError):
        payloads[18]


def test_a_process_that_forks_reads_its_stored_matchers_first(tmp_path: Path, builds: list[int]) -> None:
    """Workers forked for --jobs share the automaton read once, instead of each reading it."""
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    _found(_view(path), tmp_path / "cache")
    matcher = stored.term_matcher([_view(path)], "target", ("en", "de"), TermHit, None, tmp_path / "cache")
    assert matcher._automaton is None  # not read yet
    pid = os.fork()
    if pid == 0:  # the child has it already
        os._exit(0 if matcher._automaton is not None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0 and matcher._automaton is not None
    assert [m.text for m in matcher.find("Die EU-Kommission.")] == ["EU-Kommission"] and len(builds) == 1


def _forbidden(hit: TermHit) -> bool:
    return hit.term.status == "forbidden"


def test_a_new_matchers_finder_compiles_its_forbidden_terms_alone(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "haus.csv"
    path.write_text(CSV, encoding="utf-8")
    view = _view(path)
    matcher = stored.term_matcher(
        [view], "target", ("en", "de"), TermHit, _forbidden, tmp_path / "cache", _forbidden
    )
    finder = matcher.run_finder()
    # the keys of the four forbidden terms, worked out without building an automaton for them
    assert finder is not None and builds == []
    whole = stored.term_matcher([view], "target", ("en", "de"), TermHit, _forbidden, None, _forbidden)
    whole.compile()
    full = whole.run_finder()  # from the compiled automaton's selective keys
    assert full is not None and builds == [9]
    texts = [TEXT, "Die Vereinigten Nationen", "Der Staatshaushalt", "otan-truppen", "Nationalbudgets"]
    assert [finder.occurs(t.lower()) for t in texts] == [full.occurs(t.lower()) for t in texts]
    assert [finder.occurs(t.lower()) for t in texts] == [True, True, False, True, True]
    assert [m.text for m in matcher.find(TEXT, selective=True)] == [
        "EU-Kommission",
        "Vereinigten Nationen",
        "OTAN",
    ]
