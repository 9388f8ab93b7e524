"""Bilingual files' memory: what a document keeps and what outlives it."""

from __future__ import annotations

import gc
import pickle
import weakref
from typing import Any

import pytest

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Engine
from tcheck.formats import tsv, xliff
from tcheck.model import OffsetRuns

PAIRS = (
    (
        "Politiet stengte veien mandag 19. januar.",
        "Die Polizei sperrte die Straße am Montag, dem 19. Januar.",
    ),
    ("Regjeringen sendte 2 300 soldater til Almaty.", "Die Regierung schickte 2.300 Soldaten nach Almaty."),
    (
        "Saken er fortsatt under etterforskning, opplyser NTB.",
        "Der Fall wird noch untersucht, teilt NTB mit.",
    ),
)


def _xliff(units: int) -> str:
    body = "".join(
        f'<trans-unit id="u{i}"><source>{PAIRS[i % 3][0]} &amp; <g id="1">mer</g></source>'
        f'<target>{PAIRS[i % 3][1]} &amp; <g id="1">mehr</g></target></trans-unit>\n'
        for i in range(units)
    )
    return (
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="nb" target-language="de">'
        f"<body>\n{body}</body></file></xliff>\n"
    )


def test_a_checked_document_is_not_kept_by_the_language_checks() -> None:
    # TC401/TC403/TC405 share one analysis per document; it used to keep the last document (its
    # segments, offsets and text) alive through the run checks' finish
    engine = Engine(Context(Config(select=("TC401", "TC403", "TC405"))))
    doc = xliff.read("nyheter.xlf", _xliff(30))
    held = weakref.ref(doc)
    engine.check(doc)
    del doc
    gc.collect()
    assert held() is None
    engine.finish()


def test_paired_offset_runs_share_one_array_and_read_like_their_own() -> None:
    starts = ([0, 4, 9], [100, 108, 120], 12)
    ends = ([0, 3, 4], [101, 103, 109], 11)
    offsets, end_runs = OffsetRuns.pair(starts, ends)
    assert offsets._runs is end_runs._runs  # one array for both maps
    alone = OffsetRuns(*starts), OffsetRuns(*ends)
    assert (offsets, end_runs) == alone and hash(end_runs) == hash(alone[1])
    assert list(offsets) == list(alone[0]) and list(end_runs) == list(alone[1])
    assert [end_runs[i] for i in range(11)] == list(alone[1]) and end_runs[-1] == alone[1][-1]
    assert end_runs[2:5] == alone[1][2:5]
    copy = pickle.loads(pickle.dumps(end_runs))
    assert copy == end_runs and len(copy._runs) == 2 * copy.runs  # only its own runs travel
    with pytest.raises(IndexError):
        end_runs[11]
    with pytest.raises(ValueError):
        OffsetRuns.pair(starts, ([1], [5], 3))


def test_escaped_units_keep_exact_spans_with_shared_offsets() -> None:
    text = _xliff(3)
    doc = xliff.read("nyheter.xlf", text)
    seg = doc.segments[0]
    assert seg.offsets is not None and seg.ends is not None
    assert seg.offsets._runs is seg.ends._runs  # type: ignore[attr-defined]
    amp = seg.text.index("&")
    span = seg.file_span(amp, amp + 1)
    assert text[span.start : span.end] == "&amp;"
    word = seg.text.index("mehr")
    span = seg.file_span(word, word + 4)
    assert text[span.start : span.end] == "mehr"
    whole = seg.file_span(0, len(seg.text))
    assert text[whole.start : whole.end].endswith("mehr")  # not the closing </g>
    # a value with white space trimmed keeps its own extent; its start is the text's start
    padded = text.replace("<target>", "<target>  ", 1)
    seg = xliff.read("nyheter.xlf", padded).segments[0]
    assert seg.extent is not None and seg.extent.start == seg.span.start - 2
    assert seg.extent.end is seg.span.end  # one number object for the shared end


def test_same_term_answers_are_kept_compactly_and_within_their_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.bilingual import wordalign

    monkeypatch.setattr(wordalign, "_SAME", {})
    monkeypatch.setattr(wordalign, "SAME_LIMIT", 4)
    pairs = [
        ("klang", "klangfarbe"),
        ("klang", "geräusch"),
        ("angriff", "angegriffen"),
        ("pumpe", "milchpumpen"),
    ]
    pairs += [("haus", "häuser"), ("regierung", "regierungen"), ("soldat", "truppe")]
    first = [wordalign.same_term(a, b, "de") for a, b in pairs]
    assert first == [True, False, True, True, wordalign._same_term("haus", "häuser", "de"), True, False]
    assert len(wordalign._SAME) <= 4  # forgotten at the limit, not grown past it
    assert [wordalign.same_term(a, b, "de") for a, b in pairs] == first  # the same answers again
    assert all(isinstance(k, str) for k in wordalign._SAME)  # one string a question, no tuples


def _term_digest(path: str) -> Any:
    from tcheck.bilingual.wordterms import digest_document

    rows = [
        ("The sound of a black hole was recorded.", "Der Klang eines schwarzen Lochs wurde aufgenommen."),
        ("We recorded that sound twice.", "Wir haben diesen Klang zweimal aufgenommen."),
        ("The sound gets louder.", "Der Klang wird lauter."),
        ("This sound is new.", "Dieses Geräusch ist neu."),
    ]
    text = "en\tde\n" + "".join(f"{s}\t{t}\n" for s, t in rows)
    return digest_document(tsv.read(path, text), False)


def test_tc107_takes_a_documents_counts_without_copying_and_never_changes_them() -> None:
    from tcheck.checks.inconsistent_term import InconsistentTerm

    ctx = Context(Config())
    state = InconsistentTerm()
    first, second = _term_digest("a.tsv"), _term_digest("b.tsv")
    before = pickle.dumps(first.counts)
    state.absorb(first, ctx)
    assert state.counts[first.pair] is first.counts  # one file: its counts are not held twice
    state.absorb(second, ctx)
    assert state.counts[first.pair] is not first.counts
    assert pickle.dumps(first.counts) == before  # a digest still to be stored is unchanged
    assert state.counts[first.pair].pairs == first.counts.pairs + second.counts.pairs == 8
    assert state.counts[first.pair].both("sound", "klang") == 2 * first.counts.both("sound", "klang") == 6
