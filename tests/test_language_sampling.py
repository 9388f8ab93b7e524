"""langdetect's trials run over the prior's languages alone give langdetect's own probabilities."""

from __future__ import annotations

import pytest

from tcheck.services import langid

SENTENCES = [
    "Regjeringen i Oslo sendte i går flere soldater til Kasakhstan.",
    "Regeringen i Stockholm skickade på onsdagen fler soldater till Kazakstan.",
    "Regeringen i København sendte onsdag flere soldater til Kasakhstan.",
    "Die Bundesregierung schickte am Mittwoch weitere Soldaten nach Kasachstan.",
    "Le gouvernement a envoyé mercredi d'autres soldats au Kazakhstan.",
    "El Gobierno envió el miércoles más soldados a Kazajistán.",
    "The government sent more soldiers to Kazakhstan on Wednesday.",
    "Правительство в среду направило в Казахстан новых солдат.",
    "政府は水曜日、カザフスタンに追加の兵士を派遣した。",
    "政府周三向哈萨克斯坦增派了士兵。",
    "الحكومة أرسلت يوم الأربعاء مزيدا من الجنود إلى كازاخستان.",
    "Helm chart, service mesh",
    "Die Helm-Charts werden mit helm install installiert, and the chart is then upgraded.",
    "x",
    "1234 5678",
]

PRIORS = [
    ("de", "en", "fr", "es", "it", "nl", "pt", "nb", "da", "sv", "fi", "pl"),
    ("en", "nb"),
    ("nb", "da", "sv"),
    ("zh", "zh_Hant", "ja", "ko"),
    ("ru", "uk", "bg", "mk"),
]


def _langdetects_own(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    from langdetect.lang_detect_exception import LangDetectException

    from tcheck.language.profiles import langdetect_factory

    codes = {code for lang in langs if (code := langid.ld_code(lang)) is not None}
    detector = langdetect_factory().create()
    detector.set_prior_map(dict.fromkeys(codes, 1.0))
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    first: dict[str | None, str] = {}
    for lang in langs:
        first.setdefault(langid.ld_code(lang), lang)
    return [(first[p.lang], p.prob) for p in found]


@pytest.mark.parametrize("text", SENTENCES)
def test_restricted_trials_match_langdetect_bit_for_bit(text: str) -> None:
    for langs in PRIORS:
        assert langid.restricted_probabilities(text, langs) == _langdetects_own(text, langs)


@pytest.mark.parametrize("whole_table", [True, False])
def test_factors_drawn_one_by_one_or_all_at_once_are_the_same(
    whole_table: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's factors come from a numpy array of every n-gram's probabilities when numpy is
    loaded and the text is short enough, else one drawn n-gram at a time: both are langdetect's."""
    import numpy  # noqa: F401  (loaded: the array may be used)

    from tcheck.language import sampling

    monkeypatch.setattr(sampling, "_TABLE_ROWS", 1024 if whole_table else 0)
    for text in SENTENCES[:4] + SENTENCES[12:13]:
        for langs in PRIORS[:3]:
            assert langid.restricted_probabilities(text, langs) == _langdetects_own(text, langs)


def test_restricted_trials_name_the_language() -> None:
    found = langid.restricted_probabilities(SENTENCES[1], PRIORS[0])
    assert found[0][0] == "sv" and found[0][1] > 0.9
    assert langid.restricted_probabilities("1234 5678", PRIORS[0]) == []
    mixed = langid.restricted_probabilities(SENTENCES[12], ("de", "en"))
    assert {lang for lang, _ in mixed} <= {"de", "en"} and mixed


def test_probabilities_of_an_ngram_are_kept_once_per_language_set() -> None:
    from tcheck.language.profiles import ld_code, table
    from tcheck.language.sampling import _restricted

    ngrams = table()
    columns = tuple(sorted(ngrams.codes.index(ld_code(lang) or lang) for lang in ("en", "de")))
    grams = _restricted(ngrams, columns)
    assert grams["th"] is grams["th"]
    assert len(grams["th"]) == 2 and all(v > 0 for v in grams["th"])
    assert grams["\u0416\u0416\u0416"] == (0.0, 0.0)  # no profile of these holds it
