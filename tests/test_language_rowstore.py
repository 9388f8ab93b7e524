"""Rows a scorer kept from :meth:`Scorer.prime` are the rows it would compute again."""

from __future__ import annotations

import numpy as np
import pytest

from tcheck.language import profiles
from tcheck.language.rowstore import RowStore

TEXT = (
    "Regjeringen sendte flere soldater til Almaty onsdag. Die Bundesregierung schickte am Mittwoch "
    "weitere Soldaten nach Kasachstan. Le gouvernement a envoyé mercredi d'autres soldats. "
    "Правительство направило новых солдат. 政府は水曜日に兵士を派遣した NATO Ærlighet"
)
WORDS = TEXT.replace(".", " ").split()


@pytest.mark.parametrize("capacity", [4096, 16, 3, 0])
def test_matrix_from_kept_rows_is_the_computed_one(capacity: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profiles, "_ROWS_KEPT", capacity)
    langs = ("nb", "en", "de", "fr", "ru")
    scoring = profiles.Scorer(langs)
    fresh = profiles.Scorer(langs)
    scoring.prime(WORDS[:12])
    for words in (WORDS[:6], WORDS, WORDS[::-1], WORDS[3:5] * 3, []):
        assert np.array_equal(scoring.matrix(words), fresh._computed(words))


def test_store_grows_with_use_and_starts_again_when_full() -> None:
    store = RowStore(2, capacity=5)
    rows = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=np.float32)
    store.add(["og", "und", "et"], rows, [3, 4, 2])
    assert len(store) == 3 and store.missing(["og", "the", "og", "le"]) == ["the", "le"]
    assert store.matrix(["et", "og"]).tolist() == [[5.0, 6.0, 2.0], [1.0, 2.0, 3.0]]
    store.add(["the", "le", "der"], rows, [1, 1, 1])  # 6 words: it starts again with these
    assert len(store) == 3 and store.missing(["og", "der"]) == ["og"]
    store.add(list("abcdef"), np.zeros((6, 2), dtype=np.float32), [0] * 6)  # more than it holds
    assert len(store) == 3


def test_wanted_is_what_keeps_every_word() -> None:
    store = RowStore(2, capacity=5)
    store.add(["og", "und", "et"], np.zeros((3, 2), dtype=np.float32), [3, 4, 2])
    assert store.wanted(["og", "the", "og", "le"]) == ["the", "le"]  # they fit beside the three
    assert store.wanted(["og", "the", "le", "der"]) == ["og", "the", "le", "der"]  # all, anew
    assert store.wanted(list("abcdef")) is None  # more than it holds
    assert store.wanted(["et", "og"]) == []


@pytest.mark.parametrize("capacity", [4096, 8, 0])
def test_rows_kept_for_a_block_are_the_computed_ones(capacity: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block's sentences that need their matrix have their words' rows kept together first:
    each sentence's matrix is then read from the store, the same numbers as computed."""
    monkeypatch.setattr(profiles, "_ROWS_KEPT", capacity)
    langs = ("de", "en", "fr", "nb")
    scoring = profiles.Scorer(langs)
    fresh = profiles.Scorer(langs)
    sentences = [WORDS[:7], WORDS[7:14], WORDS[14:]]
    scoring.prime(WORDS[:10])
    assert scoring.keep([w for words in sentences for w in words]) is (len(set(WORDS)) <= capacity)
    for words in sentences:
        assert np.array_equal(scoring.matrix(words), fresh._computed(words))
