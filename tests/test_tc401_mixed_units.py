"""A bilingual file with no target language whose units are in many languages (an NTREX test set
in one PO file): each unit is judged in its own language, and only text left in the source
language is reported (TC401, TC403), not "French, not German" for every unit that is not in the
language of the file's first units."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, flagged_texts, run_text
from tcheck.formats import read_documents
from tcheck.loader import unit_languages

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n{language}"X-Source-Language: en\\n"\n\n'

# (source, translation, language of the translation)
UNITS = [
    (
        "The council approved the budget on Thursday after a long debate.",
        "Der Rat hat den Haushalt am Donnerstag nach einer langen Debatte gebilligt.",
        "de",
    ),
    (
        "Police closed the road over the mountain on Monday because of snow.",
        "Die Polizei sperrte am Montag die Straße über den Berg wegen des Schnees.",
        "de",
    ),
    (
        "The minister said the hospital would reopen before the end of the year.",
        "Le ministre a déclaré que l'hôpital rouvrirait avant la fin de l'année.",
        "fr",
    ),
    (
        "Thousands of people gathered in the square to watch the fireworks.",
        "Des milliers de personnes se sont rassemblées sur la place pour regarder le feu d'artifice.",
        "fr",
    ),
    (
        "The company expects its sales to grow by ten percent next year.",
        "La empresa espera que sus ventas crezcan un diez por ciento el año que viene.",
        "es",
    ),
    (
        "The mayor promised to build new schools in the poorest districts.",
        "El alcalde prometió construir nuevas escuelas en los barrios más pobres.",
        "es",
    ),
    (
        "The opposition says the plan relies on far too optimistic forecasts.",
        "Opposisjonen mener at planen bygger på altfor optimistiske prognoser for neste år.",
        "nb",
    ),
    (
        "The train was delayed for three hours because of a signal fault.",
        "Toget ble forsinket i tre timer på grunn av en signalfeil.",
        "nb",
    ),
    (
        "The government will present its new climate plan in the spring.",
        "Regeringen kommer att presentera sin nya klimatplan under våren.",
        "sv",
    ),
    (
        "The police officer suffered minor injuries and was treated at the scene.",
        "Полицейский получил лёгкие травмы, и ему оказали помощь на месте.",
        "ru",
    ),
    (
        "The museum will be closed for renovation until the end of March.",
        "Музей будет закрыт на ремонт до конца марта.",
        "ru",
    ),
    (
        "The police officer suffered minor injuries and was treated at the scene.",
        "警察人员受了轻伤并在现场接受了治疗。",
        "zh",
    ),
    (
        "The storm left tens of thousands of homes without electricity.",
        "暴风雨导致数万户家庭断电，许多道路被倒下的树木阻断。",
        "zh",
    ),
    (
        "The officer was slightly injured in the face and treated at the scene.",
        "警官は顔に軽い怪我をし、現場で手当を受けた。",
        "ja",
    ),
    (
        "The new bridge across the river will open to traffic next week.",
        "川に架かる新しい橋は来週から通行できるようになる。",
        "ja",
    ),
    (
        "The football club announced that its coach had left after five seasons.",
        "Fodboldklubben meddelte, at dens træner var stoppet efter fem sæsoner.",
        "da",
    ),
]
# A unit left in English (another sentence than its source: not a copy), and a French unit
# followed by its English source sentence.
LEFT = "Investigators are still trying to establish what caused the fire in the warehouse."
APPENDED = "It is not yet clear when the work on the new line will be finished."


def _po(units: list[tuple[str, str]], language: str = "") -> str:
    head = HEADER.format(language=f'"Language: {language}\\n"\n' if language else "")
    return head + "".join(f'msgid "{src}"\nmsgstr "{tgt}"\n\n' for src, tgt in units)


def _units() -> list[tuple[str, str]]:
    units = [(src, tgt) for src, tgt, _ in UNITS]
    units.insert(5, ("Firefighters worked through the night to put out the fire.", LEFT))
    french = "Les travaux sur la nouvelle ligne ont pris du retard à cause de la pluie."
    units.insert(9, ("Work on the new line has been delayed by rain. " + APPENDED, french + " " + APPENDED))
    return units


def test_units_in_many_languages_have_no_one_target(tmp_path: Path) -> None:
    path = tmp_path / "ntrex.po"
    path.write_text(_po(_units()), encoding="utf-8")
    (doc,) = read_documents(str(path), str(path), source_lang=None, target_lang=None, options={}, data=None)
    found = unit_languages(doc, "en")
    assert found is not None
    assert {"de", "fr", "es", "ru", "zh", "ja"} <= set(found)
    assert "en" not in found  # units left in the source language are not a target


def test_only_text_left_in_the_source_language_is_reported(tmp_path: Path) -> None:
    text = _po(_units())
    result = run_text(tmp_path, text, name="ntrex.po", select=["TC401", "TC403"])
    assert flagged_texts(result, text, "TC4") == [LEFT, APPENDED]
    messages = [f["message"] for f in findings(result, "TC401")]
    assert all("the source language, English (en)" in m for m in messages)
    assert "not French (fr)" in messages[1]  # the unit's own language, not the first units'


def test_a_declared_target_language_is_kept(tmp_path: Path) -> None:
    # With "Language: de" the file has one target: a unit in French is in another language.
    text = _po(_units(), language="de")
    result = run_text(tmp_path, text, name="ntrex.po", select=["TC401"])
    languages = {f["data"]["language"] for f in findings(result, "TC401")}
    assert {"fr", "es", "ru", "zh", "ja", "en"} <= languages


def test_a_file_with_one_language_and_some_english_is_not_mixed(tmp_path: Path) -> None:
    # A German file where a third of the units were left in English: German is its target.
    german = [(src, tgt) for src, tgt, lang in UNITS if lang == "de"] * 4
    english = [(f"Source sentence number {n}.", LEFT) for n in range(4)]
    path = tmp_path / "de.po"
    path.write_text(_po(german + english), encoding="utf-8")
    (doc,) = read_documents(str(path), str(path), source_lang=None, target_lang=None, options={}, data=None)
    assert unit_languages(doc, "en") is None
    result = run_text(tmp_path, _po(german + english), name="de.po", select=["TC401"])
    assert {f["data"]["language"] for f in findings(result, "TC401")} == {"en"}


def test_words_are_judged_against_their_units_language(tmp_path: Path) -> None:
    # TC405: the Cyrillic and CJK units are not "in a script German is not written in".
    text = _po(_units())
    result = run_text(tmp_path, text, name="ntrex.po", select=["TC405"])
    assert findings(result, "TC405") == []
