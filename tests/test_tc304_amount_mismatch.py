"""TC304 amount-mismatch: currency or amount differs from the source's."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_paths


def _tc304(tmp_path: Path, source: str, target: str, src: str, tgt: str) -> list[dict]:
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    (tmp_path / "target.txt").write_text(target, encoding="utf-8")
    result = run_paths(
        [tmp_path / "target.txt"],
        source=tmp_path / "source.txt",
        select=["TC3"],
        source_lang=src,
        target_lang=tgt,
    )
    return findings(result, "TC304"), findings(result, "TC301")


EN = "The deal was worth £11 million.\n"


def test_currency_swapped(tmp_path: Path) -> None:
    (f,), _ = _tc304(tmp_path, EN, "Avtalen var verdt 11 millioner dollar.\n", "en", "nb")
    assert (
        f["message"].startswith("'11 millioner dollar' is in ") and "'£11 million' is in GBP" in f["message"]
    )
    assert (f["column"], f["end_column"]) == (19, 38)


def test_amount_changed_is_reported_once(tmp_path: Path) -> None:
    tc304, tc301 = _tc304(tmp_path, EN, "Avtalen var verdt 11 milliarder pund.\n", "en", "nb")
    assert [f["message"] for f in tc304] == [
        "'11 milliarder pund' is not the amount in the source: '£11 million'"
    ]
    assert tc301 == []  # the number is the amount's: TC304 reports it


def test_same_amount_in_other_words(tmp_path: Path) -> None:
    for lang, text in {
        "nb": "Avtalen var verdt GBP 11 millioner.\n",
        "de": "Der Vertrag war 11 Millionen Pfund wert.\n",
        "fr": "L'accord valait 11 millions de livres sterling.\n",
        "es": "El acuerdo valía 11 millones de libras.\n",
        "ru": "Сделка стоила 11 млн фунтов стерлингов.\n",
        "zh": "这笔交易价值1100万英镑。\n",
    }.items():
        assert _tc304(tmp_path, EN, text, "en", lang)[0] == [], lang


def test_english_target(tmp_path: Path) -> None:
    found, _ = _tc304(
        tmp_path,
        "Avtalen var verdt 5 millioner kroner.\n",
        "The deal was worth 5 million euros.\n",
        "nb",
        "en",
    )
    assert len(found) == 1


def test_amount_converted_into_the_readers_currency_is_info(tmp_path: Path) -> None:
    (f,), numbers = _tc304(tmp_path, "Tickets cost $100.\n", "Billettene koster 700 kroner.\n", "en", "nb")
    assert f["severity"] == "info" and "converted" in f["message"] and numbers == []
    (f,), _ = _tc304(tmp_path, "Der Eintritt kostet 20 Euro.\n", "Admission is $22.\n", "de", "en")
    assert f["severity"] == "info"
    # the same figure in another currency is a swapped currency, an error
    (f,), _ = _tc304(tmp_path, "Tickets cost $100.\n", "Billettene koster 100 kroner.\n", "en", "nb")
    assert f["severity"] == "error"
