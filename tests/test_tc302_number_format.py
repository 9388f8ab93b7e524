"""TC302 number-format: numbers in mixed conventions or in another locale's."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths, run_text


def _tc302(tmp_path: Path, text: str, lang: str, **settings: object) -> list[dict]:
    return findings(
        run_text(tmp_path, text, "doc.txt", select=["TC302"], target_lang=lang, **settings), "TC302"
    )


def test_seed_like_english(tmp_path: Path) -> None:
    text = (
        "2300 people arrested\n\nOver 1000 injured\n\nMore than 1,000 people have been injured since 2011.\n"
    )
    found = _tc302(tmp_path, text, "en")
    assert [(f["line"], f["suggestion"]) for f in found] == [(1, "2,300"), (3, "1,000")]
    assert "(the document writes '1,000')" in found[0]["message"]
    assert found[0]["related"][0]["line"] == 5


def test_consistent_documents_pass(tmp_path: Path) -> None:
    assert _tc302(tmp_path, "2300 people arrested. Over 1000 injured.\n", "en") == []  # one convention
    assert _tc302(tmp_path, "Over 25 000 deltok, 3000 ble arrestert og 10 000 skadet i 2022.\n", "nb") == []


def test_strict_mode(tmp_path: Path) -> None:
    options = {"TC302": {"mode": "strict"}}
    found = _tc302(tmp_path, "2300 people arrested.\n", "en", options=options)
    assert [f["suggestion"] for f in found] == ["2,300"]


def test_foreign_decimal_mark(tmp_path: Path) -> None:
    (f,) = _tc302(tmp_path, "Rund 1.5 Millionen Menschen.\n\nDie Preise stiegen um 2,5 Prozent.\n", "de")
    assert f["suggestion"] == "1,5"


def test_years_codes_and_times_are_left_alone(tmp_path: Path) -> None:
    text = "In 2019, 1,000 people flew on the A380 at 17.30, and Route 6600 and ISO 9001 were named.\n"
    assert _tc302(tmp_path, text, "en") == []


def test_reading_against_the_source(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("He paid her $375,000.\n", encoding="utf-8")
    (tmp_path / "sv.txt").write_text("Han betalade henne 375,000 $.\n", encoding="utf-8")
    result = run_paths(
        [tmp_path / "sv.txt"],
        source=tmp_path / "en.txt",
        select=["TC302"],
        source_lang="en",
        target_lang="sv",
    )
    (f,) = findings(result, "TC302")
    assert f["severity"] == "error"
    assert f["message"] == "'375,000' reads as 375 in 'sv', but the source means 375\u00a0000"


def test_versions_and_magnitudes_are_not_convention_problems(tmp_path: Path) -> None:
    text = (
        "Ein Vergleich, der größer oder gleich 1.2 und kleiner als 3.0.0 ist.\n\n"
        "Erfordert Version 3.10. Das Projekt hat 7.3K Sterne und ist 10x schneller.\n\n"
        "Die Preise stiegen um 2,5 Prozent.\n"
    )
    assert _tc302(tmp_path, text, "de") == []
    # the same decimal in prose is still reported, with its decimals kept
    (f,) = _tc302(tmp_path, "Die Quote lag bei 3.70 Prozent.\n\nDie Preise stiegen um 2,5 Prozent.\n", "de")
    assert f["suggestion"] == "3,70"


def test_technical_documents_judge_only_grouped_numbers(tmp_path: Path) -> None:
    text = (
        "* `%f` decimal point but no exponent, e.g. 123.456\n\n"
        "Listen on port 8080 for up to 1,000 clients; tag v3.2.1 added it.\n"
    )
    assert _tc302(tmp_path, text, "en") == []
    found = _tc302(tmp_path, "Helm 3.2.1 hat 1,000,000 Downloads und 20.000.000 Aufrufe.\n", "de")
    assert [f["suggestion"] for f in found] == ["1.000.000"]


def test_ambiguous_decimals_are_left_to_the_source(tmp_path: Path) -> None:
    # "123.456" is a decimal in English; only a source could say it meant 123,456
    assert _tc302(tmp_path, "The value is 123.456 and the total 1,000.\n", "en") == []


def test_lists_are_not_decimals(tmp_path: Path) -> None:
    assert _tc302(tmp_path, "See sections 2,3 and 4. More than 1,000 people came.\n", "en") == []
    (f,) = _tc302(tmp_path, "The rate was 2,5 percent. More than 1,000 people came.\n", "en")
    assert f["suggestion"] == "2.5"


def test_literals_kept_from_the_source_in_technical_text(tmp_path: Path) -> None:
    def run(source: str, target: str) -> list[dict]:
        (tmp_path / "en.txt").write_text(source, encoding="utf-8")
        (tmp_path / "de.txt").write_text(target, encoding="utf-8")
        result = run_paths(
            [tmp_path / "de.txt"],
            source=tmp_path / "en.txt",
            select=["TC302"],
            source_lang="en",
            target_lang="de",
        )
        return findings(result, "TC302")

    source = "Helm 3.2.1 formats `%f` as a decimal point but no exponent, e.g. 123.456\n"
    assert run(source, "Helm 3.2.1 formatiert `%f` als Dezimalpunkt ohne Exponent, z.B. 123.456\n") == []
    # in prose, the same copy is an error: German readers take 2.300 for two thousand three hundred
    (f,) = run("He paid 2.300 dollars.\n", "Er zahlte 2.300 Dollar.\n")
    assert f["severity"] == "error"


def test_decades_eras_and_measures_are_not_grouped(tmp_path: Path) -> None:
    text = (
        "In the 1960s more than 12,000 people lived in the valley. The oldest finds date from "
        "5000 BC, and the summit is 4892 m high. Yet 2300 people came.\n"
    )
    assert [f["suggestion"] for f in _tc302(tmp_path, text, "en")] == ["2,300"]
    text = "In den 1960er Jahren lebten 12.000 Menschen hier; um 5000 v. Chr. und 25000 Besucher.\n"
    assert [f["suggestion"] for f in _tc302(tmp_path, text, "de")] == ["25.000"]


def test_thousands_written_with_k_are_read_as_thousands(tmp_path: Path) -> None:
    (tmp_path / "source.txt").write_text("Over 100 k people signed.\n", encoding="utf-8")
    (tmp_path / "target.txt").write_text("Over 100.000 mennesker skrev under.\n", encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC3"],
        source_lang="en",
        target_lang="da",
    )
    assert findings(result) == []
    (tmp_path / "target.txt").write_text("Over 100.000 personer skrev under.\n", encoding="utf-8")
    (tmp_path / "source.txt").write_text("Over 100 people signed.\n", encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC302"],
        source_lang="en",
        target_lang="da",
    )
    (f,) = findings(result, "TC302")
    assert f["message"].startswith("'100.000' reads as 100.000 in 'da', but the source means 100")
