"""TC301 on numbers in every spelling: words, Roman numerals, decimal commas, scores, native
digits and magnitudes. Each case is a real-looking sentence pair, once with the number changed
(one finding, on the changed number) and once rendered faithfully (no finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_paths


def _tc301(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "target.txt").write_text(target + "\n", encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC301"],
        source_lang=src,
        target_lang=tgt,
    )
    return findings(result, "TC301")


# (source language, target language, source, faithful translation, changed translation, changed text)
CASES = [
    ("en", "ja", "7 people were injured.", "七人が負傷した。", "九人が負傷した。", "九"),
    ("ja", "en", "七人が負傷した。", "Seven people were injured.", "Nine people were injured.", "Nine"),
    (
        "zh",
        "en",
        "四川有三十二人受伤。",
        "32 people were injured in Sichuan.",
        "35 people were injured in Sichuan.",
        "35",
    ),
    ("de", "en", "Er hat sieben Kinder.", "He has seven children.", "He has nine children.", "nine"),
    ("es", "en", "Tiene cuatro hermanos.", "He has four brothers.", "He has three brothers.", "three"),
    (
        "ru",
        "en",
        "Он провёл там трех лет.",
        "He spent three years there.",
        "He spent two years there.",
        "two",
    ),
    (
        "ru",
        "en",
        "Погибли трое из двадцати пяти пассажиров.",
        "Three of the twenty-five passengers died.",
        "Three of the twenty-six passengers died.",
        "twenty-six",
    ),
    ("en", "de", "He has seven children.", "Er hat sieben Kinder.", "Er hat neun Kinder.", "neun"),
    (
        "en",
        "nb",
        "Turnout was 40 per cent.",
        "Valgdeltakelsen var førti prosent.",
        "Valgdeltakelsen var førtien prosent.",
        "førtien",
    ),
    ("en", "fr", "She is 21 years old.", "Elle a vingt et un ans.", "Elle a vingt-deux ans.", "vingt-deux"),
    (
        "es",
        "en",
        "Fue construido en el siglo XV.",
        "It was built in the 15th century.",
        "It was built in the 14th century.",
        "14",
    ),
    (
        "en",
        "fr",
        "The castle dates from the 15th century.",
        "Le château date du XVe siècle.",
        "Le château date du XIVe siècle.",
        "XIVe",
    ),
    (
        "en",
        "ru",
        "The castle dates from the 15th century.",
        "Замок построен в XV веке.",
        "Замок построен в XVI веке.",
        "XVI",
    ),
    (
        "de",
        "en",
        "Die Anlage liefert 7,1 Gigawatt.",
        "The plant delivers 7.1 gigawatts.",
        "The plant delivers 5.1 gigawatts.",
        "5.1",
    ),
    (
        "en",
        "es",
        "Sales rose 7.5 per cent.",
        "Las ventas subieron un 7,5 por ciento.",
        "Las ventas subieron un 5,5 por ciento.",
        "5,5",
    ),
    (
        "de",
        "en",
        "Bayern gewann 2:0 gegen Dortmund.",
        "Bayern won 2-0 against Dortmund.",
        "Bayern won 3-0 against Dortmund.",
        "3",
    ),
    (
        "hi",
        "en",
        "इस हादसे में ५३ लोग मारे गए।",
        "53 people were killed in the accident.",
        "58 people were killed in the accident.",
        "58",
    ),
    (
        "en",
        "hi",
        "53 people were killed in the accident.",
        "इस हादसे में ५३ लोग मारे गए।",
        "इस हादसे में ५८ लोग मारे गए।",
        "५८",
    ),
    (
        "hi",
        "en",
        "इस हादसे में ५३ लोग मारे गए।",
        "Fifty-three people were killed.",
        "Fifty-eight people were killed.",
        "Fifty-eight",
    ),
    ("en", "ja", "Seven people were injured.", "７人が負傷した。", "９人が負傷した。", "９"),
    ("en", "ar", "53 people were killed.", "قتل ٥٣ شخصا.", "قتل ٥٨ شخصا.", "٥٨"),
    (
        "en",
        "de",
        "The project has 7.3K stars.",
        "Das Projekt hat 7.300 Sterne.",
        "Das Projekt hat 7.800 Sterne.",
        "7.800",
    ),
    (
        "de",
        "en",
        "Das kostet den Bund 2,5 Mrd. Stunden.",
        "It costs the state 2.5 billion hours.",
        "It costs the state 3.5 billion hours.",
        "3.5 billion",
    ),
    (
        "en",
        "nb",
        "More than 20 million people watched.",
        "Mer enn tjue millioner så på.",
        "Mer enn tjueen millioner så på.",
        "tjueen millioner",
    ),
]


@pytest.mark.parametrize(("src", "tgt", "source", "faithful", "changed", "shown"), CASES)
def test_changed_number_in_any_spelling(
    tmp_path: Path, src: str, tgt: str, source: str, faithful: str, changed: str, shown: str
) -> None:
    assert _tc301(tmp_path, source, faithful, src, tgt) == []
    (f,) = _tc301(tmp_path, source, changed, src, tgt)
    assert f["message"].startswith(f"'{shown}' is not in the source"), f["message"]
    start = changed.index(shown)
    assert (f["column"], f["end_column"]) == (start + 1, start + 1 + len(shown))


def test_a_number_word_the_translation_adds_is_not_the_changed_one(tmp_path: Path) -> None:
    # "De to parene" (the two couples) renders "The couples": the changed number is "førtien"
    source = "The couples holiday together and Jones has a 40 per cent stake in the firm."
    target = "De to parene drar på ferie sammen, og Jones har førtien prosent av selskapet."
    (f,) = _tc301(tmp_path, source, target, "en", "nb")
    assert f["message"].startswith("'førtien'")


def test_letters_that_look_roman_are_words(tmp_path: Path) -> None:
    source = "Then I went to see the CV of the new DC manager."
    assert _tc301(tmp_path, source, "Så gikk jeg for å se CV-en til den nye DC-sjefen.", "en", "nb") == []
    assert (
        _tc301(tmp_path, "World War II ended in 1945.", "Andre verdenskrig sluttet i 1945.", "en", "nb") == []
    )


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt"),
    [
        ("The speed limit is 65 mph.", "Fartsgrensen er 105 km/t.", "en", "nb"),
        ("It was 95 °F in the shade.", "Det var 35 °C i skyggen.", "en", "nb"),
        ("He weighs 200 pounds.", "Han veier 91 kilo.", "en", "nb"),
        ("The peak is 29,029 feet high.", "Der Gipfel ist 8848 Meter hoch.", "en", "de"),
        ("The town is 30 miles away.", "La ville est à 48 kilomètres.", "en", "fr"),
    ],
)
def test_unit_conversions_are_localisation(
    tmp_path: Path, source: str, target: str, src: str, tgt: str
) -> None:
    assert _tc301(tmp_path, source, target, src, tgt) == []


def test_a_converted_figure_that_is_wrong_is_still_reported(tmp_path: Path) -> None:
    (f,) = _tc301(tmp_path, "Winds of 85 mph.", "Vind på 150 km/t.", "en", "nb")
    assert f["message"].startswith("'150'")


def test_chinese_numerals_in_words_are_not_counted(tmp_path: Path) -> None:
    # 四川 (Sichuan), 十分 (very), 第三 (third): characters of words and ordinals
    source = "他十分高兴，第三次来四川，带了2个朋友。"
    assert (
        _tc301(
            tmp_path,
            source,
            "He was very happy to come to Sichuan for the third time, with 2 friends.",
            "zh",
            "en",
        )
        == []
    )
