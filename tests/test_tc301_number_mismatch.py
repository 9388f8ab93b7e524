"""TC301 number-mismatch: a number of the translation differs from the source's."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths


def _tc301(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    (tmp_path / "target.txt").write_text(target, encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC301"],
        source_lang=src,
        target_lang=tgt,
    )
    return findings(result, "TC301")


EN = "More than 2,300 people were arrested, and 1.5 million people live in the city.\n"


def test_changed_number(tmp_path: Path) -> None:
    (f,) = _tc301(
        tmp_path, EN, "Mer enn 2 030 personer ble arrestert, og 1,5 millioner bor i byen.\n", "en", "nb"
    )
    assert f["message"] == "'2 030' is not in the source, which has '2,300' here"
    assert f["suggestion"] == "2\u00a0300"  # in Norwegian convention (CLDR)
    assert (f["column"], f["end_column"]) == (9, 14)
    assert f["related"][0]["column"] == 11


def test_same_numbers_in_other_conventions(tmp_path: Path) -> None:
    for lang, text in {
        "nb": "Mer enn 2300 personer ble arrestert, og 1,5 millioner bor i byen.\n",
        "de": "Mehr als 2.300 Menschen wurden festgenommen, 1,5 Millionen leben in der Stadt.\n",
        "fr": "Plus de 2\u202f300 personnes ont été arrêtées et 1,5 million de personnes vivent en ville.\n",
        "ru": "Были задержаны более 2300 человек, в городе живут 1,5 млн человек.\n",
        "zh": "超过2300人被捕，该市有150万人口。\n",
    }.items():
        assert _tc301(tmp_path, EN, text, "en", lang) == [], lang


def test_multiplier_changed(tmp_path: Path) -> None:
    (f,) = _tc301(
        tmp_path,
        "the UK's £2.8bn beauty market\n",
        "Storbritannias 2,8 millioners skjønnhetsmarked\n",
        "en",
        "nb",
    )
    assert "'2,8 millioners'" in f["message"] and "'2.8bn'" in f["message"]
    assert f["suggestion"] is None


def test_number_word_in_the_source(tmp_path: Path) -> None:
    (f,) = _tc301(tmp_path, "Fifty-eight percent said no.\n", "52 % sa nei.\n", "en", "nb")
    assert f["message"] == "'52' is not in the source, which has 'Fifty-eight' here"


def test_unit_conversion_is_not_a_mismatch(tmp_path: Path) -> None:
    assert (
        _tc301(
            tmp_path,
            "It sank in about 100 feet of water.\n",
            "Det sank på omtrent 30 meters dyp.\n",
            "en",
            "nb",
        )
        == []
    )


def test_suggestion_is_written_as_the_translator_wrote_numbers(tmp_path: Path) -> None:
    # a year (or any number the translation writes without separators) stays ungrouped
    (f,) = _tc301(tmp_path, "Loven kom i 2021.\n", "Die Regelung kam 2022.\n", "nb", "de")
    assert f["suggestion"] == "2021"
    (f,) = _tc301(tmp_path, "Es kamen 12.500 Menschen.\n", "Det kom 13 500 mennesker.\n", "de", "nb")
    assert f["suggestion"] == "12\u00a0500"


def test_versions_are_suggested_as_the_source_writes_them(tmp_path: Path) -> None:
    (f,) = _tc301(tmp_path, "Requires Python 3.10.\n", "Erfordert Python 3.9.\n", "en", "de")
    assert f["suggestion"] == "3.10"
    (f,) = _tc301(tmp_path, "Ubuntu 22.04 is supported.\n", "Ubuntu 20.04 wird unterstützt.\n", "en", "de")
    assert f["suggestion"] == "22.04"
    (f,) = _tc301(
        tmp_path, "The index rose by 2.50 points.\n", "Der Index stieg um 2,40 Punkte.\n", "en", "de"
    )
    assert f["suggestion"] == "2,50"


def test_magnitudes_lists_and_codes(tmp_path: Path) -> None:
    assert (
        _tc301(tmp_path, "Stars: 7.3K, downloads 2M.\n", "Sterne: 7.300, Downloads 2 Mio.\n", "en", "de")
        == []
    )
    assert _tc301(tmp_path, "See sections 2,3 and 4.\n", "Siehe Abschnitte 2, 3 und 4.\n", "en", "de") == []
    # a file name's digits are no number the translation could have changed
    source = "For example, kubernetes.mp4. We are only a handful of maintainers.\n"
    target = "Par exemple, kubernetes.mp4. Nous ne sommes que 3 mainteneurs.\n"
    assert _tc301(tmp_path, source, target, "en", "fr") == []
    found = _tc301(tmp_path, "The A380 landed.\n", "L'A320 a atterri.\n", "en", "fr")
    assert [f["suggestion"] for f in found] == ["380"]


def test_number_base_names_are_not_numbers(tmp_path: Path) -> None:
    source = "* `%x` hexadecimal notation (with decimal power of two exponent)\n"
    target = "* `%x` (두 지수의 10진수 거듭제곱 형태의) 16진수 표기법\n"
    assert _tc301(tmp_path, source, target, "en", "ko") == []
