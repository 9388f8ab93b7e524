"""TC303 ambiguous-currency: amounts whose currency readers cannot identify."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text


def _tc303(
    tmp_path: Path, text: str, lang: str, source_lang: str | None = "nb", **settings: object
) -> list[dict]:
    extra = {"source_lang": source_lang} if source_lang else {}
    result = run_text(tmp_path, text, "doc.txt", select=["TC303"], target_lang=lang, **extra, **settings)
    return findings(result, "TC303")


def test_seed_sentence(tmp_path: Path) -> None:
    (f,) = _tc303(tmp_path, "The average monthly salary is just over 5,000 kroner.\n", "en")
    assert f["suggestion"] == "NOK 5,000"
    assert f["message"].startswith("'kroner' can be any of DKK, NOK")
    assert (f["column"], f["end_column"]) == (41, 53)


def test_named_or_home_or_assumed_currencies_pass(tmp_path: Path) -> None:
    assert _tc303(tmp_path, "It costs 5,000 Norwegian kroner, about 40 pounds or 50 dollars.\n", "en") == []
    assert _tc303(tmp_path, "Billetten koster 40 kroner.\n", "nb", source_lang="en") == []


def test_symbols_shared_by_several_currencies(tmp_path: Path) -> None:
    (f,) = _tc303(tmp_path, "平均月薪略高于5000 kr。\n", "zh")
    assert f["suggestion"] == "NOK 5000" and "symbol shared" in f["message"]


def test_currency_word_of_the_source_language(tmp_path: Path) -> None:
    (f,) = _tc303(tmp_path, "Le billet coûte 40 kroner à Oslo.\n", "fr")
    assert f["message"] == "'kroner' is a currency word of 'nb', not of 'fr'"
    assert f["suggestion"] == "NOK 40"


def test_russian_and_spanish(tmp_path: Path) -> None:
    assert len(_tc303(tmp_path, "Билет стоит 40 крон.\n", "ru")) == 1
    assert _tc303(tmp_path, "Билет стоит 40 норвежских крон.\n", "ru") == []
    assert [f["suggestion"] for f in _tc303(tmp_path, "El billete cuesta 40 coronas.\n", "es")] == ["NOK 40"]


def test_assumed_currencies_option(tmp_path: Path) -> None:
    options = {"TC303": {"assumed-currencies": ["NOK"]}}
    assert _tc303(tmp_path, "It costs 5,000 kroner.\n", "en", options=options) == []


def test_a_pronoun_is_not_a_currency(tmp_path: Path) -> None:
    text = "У Helm 2 вона зберігалась в тому ж просторі імен, що й Tiller.\n"
    assert _tc303(tmp_path, text, "uk", source_lang="en") == []
    (f,) = _tc303(tmp_path, "Квиток коштує 5 000 вона.\n", "uk", source_lang="en")
    assert f["message"].startswith("'вона' can be any of KPW, KRW")


def test_source_currency_word_found_whatever_its_case(tmp_path: Path) -> None:
    # the words of the source are searched for in the lower-cased text before its numbers are
    # read: a capitalised or upper-case word is still found, an own word ('couronnes') is not one
    messages = [f["message"] for f in _tc303(tmp_path, "Le billet coûte 40 Kroner, et 12 RUBLER.\n", "fr")]
    assert messages == [
        "'Kroner' is a currency word of 'nb', not of 'fr'",
        "'RUBLER' is a currency word of 'nb', not of 'fr'",
    ]
    assert _tc303(tmp_path, "Le billet coûte 40 couronnes norvégiennes et 3 euros.\n", "fr") == []
