"""Language identification: the profiles table kept in the cache folder, and whole-document detection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tcheck.services import langid


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    langid._table.cache_clear()
    yield tmp_path / "tcheck"
    langid._table.cache_clear()


def _scores(text: str) -> list[float]:
    scorer = langid.Scorer(("nb", "de", "fr"))
    return [round(v, 4) for word in text.split() for v in scorer.word(word)]


def test_table_is_stored_and_reused(fresh_table: Path) -> None:
    built = _scores("Regjeringen sendte soldater til Almaty onsdag")
    stored = list(fresh_table.glob("profiles-langdetect-*.bin"))
    assert len(stored) == 1
    langid._table.cache_clear()
    assert _scores("Regjeringen sendte soldater til Almaty onsdag") == built


def test_damaged_table_is_rebuilt(fresh_table: Path) -> None:
    built = _scores("Die Regierung schickte Soldaten")
    (file,) = fresh_table.glob("profiles-langdetect-*.bin")
    file.write_bytes(b"not a table")
    langid._table.cache_clear()
    assert _scores("Die Regierung schickte Soldaten") == built
    assert file.read_bytes() != b"not a table"


def test_unwritable_cache_folder_still_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file, not a folder: nothing can be written
    langid._table.cache_clear()
    try:
        scores = _scores("Le gouvernement a envoyé des soldats")
    finally:
        langid._table.cache_clear()
    assert scores and any(v != 0 for v in scores)


def test_supported_languages_without_loading_profiles() -> None:
    assert langid.supported("nb") and langid.supported("zh") and langid.supported("de")
    assert not langid.supported("tlh")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Regjeringen i Oslo sendte i går flere soldater til Kasakhstan, opplyser Forsvaret.", "nb"),
        ("Regeringen i København sendte i går flere soldater til Kasakhstan, oplyser Forsvaret.", "da"),
        ("Regeringen i Stockholm skickade i går fler soldater till Kazakstan, uppger Försvarsmakten.", "sv"),
        ("Die Bundesregierung schickte am Mittwoch weitere Soldaten nach Kasachstan.", "de"),
        ("Le gouvernement a envoyé mercredi d'autres soldats au Kazakhstan, selon l'armée.", "fr"),
        ("Правительство в среду направило в Казахстан новых солдат, сообщила армия.", "ru"),
        ("Уряд у середу направив до Казахстану нових солдатів, повідомила армія.", "uk"),
        ("الحكومة أرسلت يوم الأربعاء مزيدا من الجنود إلى كازاخستان.", "ar"),
        ("政府は水曜日、カザフスタンに追加の兵士を派遣したと軍が発表した。", "ja"),
        ("政府周三向哈萨克斯坦增派了士兵，军方表示。", "zh"),
        ("정부는 수요일 카자흐스탄에 병력을 추가로 파견했다고 군이 밝혔다.", "ko"),
        ("Η κυβέρνηση έστειλε την Τετάρτη περισσότερους στρατιώτες στο Καζακστάν.", "el"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert langid.detect(text) == lang


def test_detect_without_letters() -> None:
    assert langid.detect("2022-01-19 12:30 — 5 000 / 2 300") is None


def test_close_languages_fall_back_to_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short text whose best two languages are close is settled by langdetect's detector."""
    asked: list[tuple[str, ...]] = []
    real = langid.restricted_probabilities

    def spy(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
        asked.append(langs)
        return real(text, langs)

    monkeypatch.setattr(langid, "restricted_probabilities", spy)
    langid.detect("Regjeringen sendte soldater.")
    assert asked and len(asked[0]) <= 3
    asked.clear()
    langid.detect("Regjeringen i Oslo sendte i går flere soldater til Kasakhstan, opplyser Forsvaret. " * 3)
    assert not asked


SENTENCES = [
    "Regjeringen i Oslo sendte i går flere soldater til Kasakhstan.",
    "Die Bundesregierung schickte am Mittwoch weitere Soldaten nach Kasachstan.",
    "Le gouvernement a envoyé mercredi d'autres soldats au Kazakhstan.",
    "The government sent more soldiers to Kazakhstan on Wednesday.",
    "Правительство в среду направило в Казахстан новых солдат.",
    "政府は水曜日、カザフスタンに追加の兵士を派遣した。",
    "الحكومة أرسلت يوم الأربعاء مزيدا من الجنود إلى كازاخستان.",
    "Helm chart, service mesh",
    "x",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_detectors_from_the_table_match_langdetects_own(text: str) -> None:
    """langdetect's detector fed from the table gives langdetect's probabilities, bit for bit."""
    from langdetect.lang_detect_exception import LangDetectException

    from tcheck.language.profiles import detector_factory, langdetect_factory

    for prior in (None, {"en": 1.0, "no": 1.0, "de": 1.0, "fr": 1.0}):
        results = []
        for factory in (langdetect_factory(), detector_factory()):
            detector = factory.create()
            if prior is not None:
                detector.set_prior_map(prior)
            detector.append(text)
            try:
                results.append([(p.lang, p.prob) for p in detector.get_probabilities()])
            except LangDetectException as exc:
                results.append([(str(exc), 0.0)])
        assert results[0] == results[1]
    assert langid.probabilities(SENTENCES[0])[0][0] == "nb"


def test_words_scored_together_score_as_one_by_one() -> None:
    """A batch (:meth:`Scorer.prime`, :meth:`Scorer.matrix`) gives the floats of one word at a time."""
    import numpy as np

    words = " ".join(SENTENCES).replace(",", " ").replace(".", " ").split()
    words += ["NATO", "Ærlighet", "a" * 90]  # an acronym (no n-grams), a very long word
    for langs in (("en", "nb", "de", "fr", "ru"), ("nb", "en"), ("en",)):
        batch, single = langid.Scorer(langs), langid.Scorer(langs)
        batch.prime(words)
        assert all(batch.cached_entry(w) == single.entry(w) for w in words)
        assert batch.cached_entry("NATO") == (0.0, 0.0)
        assert np.array_equal(batch.matrix(words), np.array([single.word(w) for w in words]))
        assert batch.matrix([]).shape == (0, len(langs) + 1)


def test_truncated_table_is_rebuilt(fresh_table: Path) -> None:
    """A table file cut short (a full disk, a killed writer) is not read: it is built again."""
    built = _scores("Regeringen skickade fler soldater till Kazakstan")
    (file,) = fresh_table.glob("profiles-langdetect-*.bin")
    file.write_bytes(file.read_bytes()[:-100])
    langid._table.cache_clear()
    assert _scores("Regeringen skickade fler soldater till Kazakstan") == built
    assert langid._table().rows > 80_000


def test_ngram_keys_tell_every_gram_apart() -> None:
    """Keys of n-grams of different lengths or characters never meet (a NUL, a character beyond
    the Basic Multilingual Plane), and rows are found only for n-grams a profile holds."""
    from tcheck.language.ngram_table import gram_key

    grams = ["a", " a", "\x00a", "a ", "ab", " ab", "\x00\x00a", "😀", "😀a", "ø", "é ", "の"]
    assert len({gram_key(g) for g in grams}) == len(grams)
    table = langid._table()
    assert table.row(" th") is not None and table.row("th") is not None
    assert table.row(" th") != table.row("th")
    assert table.row("😀") is None and table.row("\x00a") is None
    assert table.row("ый") is not None and table.row("ا") is not None  # Cyrillic, Arabic


def test_scorer_fills_only_the_blocks_its_words_use() -> None:
    """A scorer reads the rows of the n-grams it meets: Latin words leave the blocks of other
    scripts empty, and what it reads equals the column computed whole."""
    import numpy as np

    from tcheck.language.ngram_table import SMOOTHING

    langs = ("en", "nb", "de", "fr")
    scorer = langid.Scorer(langs)
    scorer.prime(["Regjeringen", "sendte", "soldater", "til", "Almaty", "onsdag"])
    logs = scorer._logs
    assert 0 < logs._filled[:-1].sum() < len(logs._filled) // 2
    table = langid._table()
    filled_rows = [r for r in range(table.rows) if logs._filled[r >> logs.BLOCK_BITS]]
    starts, columns, values = table.exact()
    probability = np.zeros(table.rows, dtype=np.float64)  # Norwegian's, from the exact cells
    which = np.repeat(np.arange(table.rows), np.diff(starts))
    norwegian = columns == table.codes.index("no")
    probability[which[norwegian]] = values[norwegian]
    whole = np.concatenate(
        [
            np.log(np.float32(SMOOTHING) + probability[first : first + 2048].astype(np.float32))
            for first in range(0, table.rows, 2048)
        ]
    )
    assert np.array_equal(logs.values[filled_rows, 1], whole[filled_rows])
    assert np.array_equal(table.log_column(table.codes.index("no")), whole)
    filled = set(filled_rows)
    assert not logs.values[[r for r in range(table.rows) if r not in filled]].any()
    blocks = int(logs._filled[:-1].sum())
    before = scorer.word("Правительство")  # a Cyrillic word fills its own block
    assert logs._filled[:-1].sum() > blocks
    assert before == langid.Scorer(langs).word("Правительство")


def test_words_looked_up_together_find_the_rows_of_one_by_one() -> None:
    """The n-gram rows of many words found in one array look-up are those found n-gram by n-gram
    (same rows, same order), whatever the script, case or length of the words."""
    from tcheck.language import profiles

    words = " ".join(SENTENCES).replace(",", " ").replace(".", " ").split()
    words += [
        "a",
        "Ø",
        "NATO",
        "iPhone",
        "Ærlighet",
        "ß",
        "😀x",
        "x😀y",
        "élan",
        "a" * 90,
        "ﬁnance",
        "日本語",
    ]
    words = list(dict.fromkeys(words))
    table = langid._table()
    together = profiles._found_many(words, table)
    profiles._FOUND.clear()
    one_by_one = [profiles._found(word, table) for word in words]
    assert together == one_by_one
    assert together[words.index("NATO")] == b""  # an acronym counts for nothing
    assert len(together[words.index("a")]) == 4 * 4  # 'a', ' a', 'a ', ' a '
