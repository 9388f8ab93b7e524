"""TC405 untranslated-word: single words and short phrases of the source left in a translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, flagged_texts, run_paths, run_text
from tcheck.checks._codemix import Source, WordSettings, judge_for, leftovers
from tcheck.language.lexicon import letters, lexicon


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        # another script than the target's
        ("Diplomatic отношения with Qatar were restored in January.", "ru", ["отношения"]),
        ("Cyanuric acid and 三聚氰胺 were found in the milk powder.", "zh", ["三聚氰胺"]),
        ("The minister said the सरकार will announce new rules next week.", "hi", ["सरकार"]),
        ("Officials from the ВИЧ programme visited the clinic.", "ru", ["ВИЧ"]),  # an acronym
        # common in the source language, rare in English
        ("It voted to build a new barnehage next to the school.", "nb", ["barnehage"]),
        ("The government will present the budget to the parlement next week.", "fr", ["parlement"]),
        ("The Partei announced on Monday that it would leave the coalition.", "de", ["Partei"]),
        ("The ministers sind ready to sign the treaty.", "de", ["sind"]),
        ("The report criticised the lack of rapporti between the two agencies.", "it", ["rapporti"]),
        ("Voters queued outside the urzędu for hours.", "pl", ["urzędu"]),
        # a phrase: the words between and beside are taken along
        ("Critics said the plan was the end de la politique as we knew it.", "fr", ["de la politique"]),
    ],
)
def test_left_over_words_in_english(tmp_path: Path, text: str, source: str, expected: list[str]) -> None:
    result = run_text(tmp_path, text + "\n", target_lang="en", source_lang=source, select=["TC4"])
    assert flagged_texts(result, text, "TC405") == expected
    (finding,) = findings(result, "TC405")
    assert finding["severity"] == "warning" and "left untranslated" in finding["message"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # names, loanwords and words common in both languages
        ("Chancellor Merkel met Jonas Gahr Støre in Trondheim on Friday.", "nb"),
        ("Støre told the Storting that the budget was balanced.", "nb"),
        ("The kindergarten served sauerkraut, and angst was the zeitgeist.", "de"),
        ("The café on the Rue de Rivoli served croissants and a fine rosé.", "fr"),
        ("Eintracht Frankfurt beat Bayern in the Bundesliga; the Rheinland cheered.", "de"),
        # a gloss in brackets, a word that is all of a quotation
        ("President Xi Jinping (习近平) arrived in Moscow on Monday.", "zh"),
        ("Merkel warned against the so-called 'Wutbürger' in her speech.", "de"),
        # one letter of another script is not a word
        ("Patients on β-blockers were excluded from the study.", "el"),
    ],
)
def test_names_loanwords_and_glosses_stay_quiet(tmp_path: Path, text: str, source: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang="en", source_lang=source, select=["TC405"])
    assert not findings(result, "TC405")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Компания Apple представила новый iPhone в Купертино.", "ru"),  # Latin brands in Cyrillic
        ("将 chart 安装到 Kubernetes 中，并提供相应的 release 对象。", "zh"),
        ("Spillerne tok 2,6 rebounds per kamp og mange innings forrige sesong.", "nb"),  # borrowed English
        ("Jugó el rough largo y terminó con cinco tackles el sábado.", "es"),
    ],
)
def test_latin_in_other_scripts_and_english_loans_stay_quiet(tmp_path: Path, text: str, lang: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang=lang, source_lang="en", select=["TC405"])
    assert not findings(result, "TC405")


def test_english_left_in_norwegian_when_unknown_there(tmp_path: Path) -> None:
    text = "Kommunen vil bygge en ny skole, men arbeidet er postponed til neste år.\n"
    result = run_text(tmp_path, text, target_lang="nb", source_lang="en", select=["TC405"])
    assert flagged_texts(result, text, "TC405") == ["postponed"]


def test_bilingual_word_must_come_from_its_source(tmp_path: Path) -> None:
    tsv = tmp_path / "de-en.tsv"
    tsv.write_text(
        "de\ten\n"
        "Die Minister sind bereit, den Vertrag zu unterzeichnen.\tThe ministers sind ready to sign the treaty.\n"
        "Der Vertrag tritt im Juli in Kraft.\tThe parlement will vote in July.\n",
        encoding="utf-8",
    )
    result = run_paths([tsv])
    found = findings(result, "TC405")
    assert [f["line"] for f in found] == [2]  # 'parlement' is not in its German source
    text = tsv.read_text(encoding="utf-8")
    assert text[found[0]["offset"] : found[0]["end_offset"]] == "sind"


def test_copied_segments_and_whole_sentences_are_left_to_tc402_and_tc401(tmp_path: Path) -> None:
    tsv = tmp_path / "nb-en.tsv"
    tsv.write_text(
        "nb\ten\nKommunen bygger en ny barnehage i sentrum.\tKommunen bygger en ny barnehage i sentrum.\n",
        encoding="utf-8",
    )
    result = run_paths([tsv])
    assert findings(result, "TC402") and not findings(result, "TC405")
    text = "The council met on Tuesday. Kommunen skal bygge en ny barnehage ved skolen i sentrum.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC4"])
    assert findings(result, "TC401") and not findings(result, "TC405")


def test_first_word_of_a_sentence_is_a_name_unless_the_source_writes_it_in_lower_case() -> None:
    judge = judge_for("en", ("nb",), WordSettings())
    assert leftovers("Barnehage opens in May.", judge, Source.of("Barnehagen åpner i mai.")) == []
    found = leftovers("Barnehage opens in May.", judge, Source.of("Den nye barnehage åpner i mai."))
    assert [(f.start, f.end, f.lang) for f in found] == [(0, 9, "nb")]


def test_lexicon_floor_and_letters() -> None:
    english = lexicon("en", large=True)
    assert english is not None and english.floor == 1.0
    assert english.zipf("the") > 7 and english.zipf("barnehage") == 0.0
    assert english.zipf("Angst") == english.zipf("angst") > 3
    danish = lexicon("da", large=True)  # wordfreq has only a small list for Danish
    assert danish is not None and danish.floor == 3.0
    assert {"æ", "ø", "å"} <= letters("nb") and not letters("en") & {"æ", "ø", "å", "ß"}
    assert lexicon("xx") is None


def test_unknown_word_with_foreign_letters_is_a_left_over(tmp_path: Path) -> None:
    text = "The victim sustained lebensgefährliche injuries to his upper body.\n"
    result = run_text(tmp_path, text, target_lang="en", source_lang="de", select=["TC405"])
    assert flagged_texts(result, text, "TC405") == ["lebensgefährliche"]
    text = "The victim sustained traumatic injuries to his upper body.\n"
    assert not findings(run_text(tmp_path, text, target_lang="en", source_lang="de", select=["TC405"]))


def test_options_tighten_the_thresholds(tmp_path: Path) -> None:
    text = "It voted to build a new barnehage next to the school.\n"
    (tmp_path / "tcheck.toml").write_text("[options.TC405]\nsource-zipf = 6.5\n", encoding="utf-8")
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC405"])
    assert not findings(result, "TC405")


@pytest.mark.parametrize(
    "text",
    [
        'Read the <span class="hinweis">note</span> before you start.',
        "Thanks @hinweis @user3, the shares of $tslq rose again. #hinweis",
        "Write to hinweis@example.de or see https://example.de/hinweis for the details.",
        'The template prints {{ include "hinweis" . }} and %(hinweis)s here.',
    ],
)
def test_tokens_a_translator_must_copy_are_not_words(tmp_path: Path, text: str) -> None:
    result = run_text(tmp_path, text + "\n", target_lang="en", source_lang="de", select=["TC4"])
    assert not findings(result)
    # the same word as running text is a left-over
    plain = "Read the hinweis before you start.\n"
    result = run_text(tmp_path, plain, target_lang="en", source_lang="de", select=["TC4"])
    assert flagged_texts(result, plain, "TC405") == ["hinweis"]


@pytest.mark.parametrize(
    "text",
    [
        # values in a list, an error message quoted as it is, a term in italics
        "Estado de la versión (puede ser: unknown, deployed, expired, failed o pending).",
        'En GKE recibo el error "No SSH tunnels currently open" al conectar.',
        "Las dependencias _hard dependencies_ se empaquetan con el chart.",
        "Los recursos (pods, volúmenes, deployed) se limitan a un espacio.",
        # a sentence that is mostly not Spanish is no sentence with a word left over
        "expired",
    ],
)
def test_lists_quotations_and_italics_are_set_apart_on_purpose(tmp_path: Path, text: str) -> None:
    result = run_text(
        tmp_path, text + "\n", name="doc.md", target_lang="es", source_lang="en", select=["TC405"]
    )
    assert not findings(result, "TC405")
    # the same word in running text is reported
    plain = "El estado de la versión es expired desde ayer por la tarde.\n"
    result = run_text(tmp_path, plain, name="doc.md", target_lang="es", source_lang="en", select=["TC405"])
    assert flagged_texts(result, plain, "TC405") == ["expired"]


def test_an_english_term_a_page_uses_again_is_terminology(tmp_path: Path) -> None:
    once = "Compruebe que los servicios están deployed antes de continuar.\n"
    result = run_text(tmp_path, once, target_lang="es", source_lang="en", select=["TC405"])
    assert flagged_texts(result, once, "TC405") == ["deployed"]
    again = once + "\nLos servicios deployed responden en el puerto 80.\n"
    result = run_text(tmp_path, again, target_lang="es", source_lang="en", select=["TC405"])
    assert not findings(result, "TC405")
    # a German word repeated is still a left-over each time
    german = "The ministers sind ready. The envoys sind also ready.\n"
    result = run_text(tmp_path, german, target_lang="en", source_lang="de", select=["TC405"])
    assert flagged_texts(result, german, "TC405") == ["sind", "sind"]


def test_without_a_source_language_only_the_script_counts(tmp_path: Path) -> None:
    text = "Clone the repos with grep and the barnehage docs; Diplomatic отношения with Qatar.\n"
    result = run_text(tmp_path, text, target_lang="en", select=["TC405"])
    assert flagged_texts(result, text, "TC405") == ["отношения"]


def test_modifier_letters_do_not_make_another_script(tmp_path: Path) -> None:
    text = "Можливо, вам доведеться почекати, поки всі podʼи стануть активними.\n"
    result = run_text(tmp_path, text, target_lang="uk", source_lang="en", select=["TC405"])
    assert not findings(result, "TC405")


def test_english_in_other_languages_is_info_and_compounds_are_terms(tmp_path: Path) -> None:
    text = "Compruebe que los servicios están deployed antes de continuar.\n"
    result = run_text(tmp_path, text, target_lang="es", source_lang="en", select=["TC405"])
    (found,) = findings(result, "TC405")
    assert found["severity"] == "info"
    german = "The ministers sind ready to sign the treaty.\n"
    (found,) = findings(run_text(tmp_path, german, target_lang="en", source_lang="de", select=["TC405"]))
    assert found["severity"] == "warning"
    rows = {
        "compound.tsv": "Multitenancy (or multi-tenancy) refers to a single software installation.\t"
        "La multitenancy (o multi-tenancy) si riferisce a una singola installazione del software.",
        "alone.tsv": "The tenancy model decides who pays for the installation.\t"
        "Il modello di tenancy decide chi paga per l'installazione del software.",
    }
    for name, row in rows.items():
        (tmp_path / name).write_text(f"en\tit\n{row}\n", encoding="utf-8")
    assert not findings(run_paths([tmp_path / "compound.tsv"]), "TC405")
    assert [f["line"] for f in findings(run_paths([tmp_path / "alone.tsv"]), "TC405")] == [2]


@pytest.mark.parametrize(
    ("target", "source", "text"),
    [
        ("en", "de", "Die Regierung sagte am Montag, the Partei sind ready to sign the Vertrag."),
        ("en", "nb", "Ordføreren said the barnehage would open in August, men det er uklart."),
        ("nb", "de", "Regjeringen sa at die Verhandlungen hadde gått gut i Oslo, und weiter."),
        ("de", "fr", "Der Minister sagte, das gouvernement sei toujours gescheitert, nous."),
    ],
)
def test_quiet_words_are_never_flagged(target: str, source: str, text: str) -> None:
    """The cheap per-word test (common in the target, or too short) never hides a word the
    lexicons would flag: as a name or not, with the source's words or without them."""
    judge = judge_for(target, (source,), WordSettings())
    copied = Source.of(text)
    words = text.replace(",", " ").replace(".", " ").split()
    quiet = [w for w in words if judge.quiet(w)]
    loud = [w for w in words if not judge.quiet(w)]
    assert quiet and loud  # both kinds occur: the test can fail
    for word in quiet:
        for name in (False, True):
            assert judge.lexical(word, name, None) is None
            assert judge.lexical(word, name, copied) is None
    assert any(judge.lexical(w, False, None) is not None for w in loud)


@pytest.mark.parametrize(
    "text",
    [
        "Regjeringen i Oslo sendte soldater til Kasakhstan, opplyser Forsvaret.",
        "Die Bundesregierung schickte am Mittwoch weitere Soldaten nach Kasachstan.",
        "Ο ΟΔΥΣΣΕΑΣ και η ΚΥΒΕΡΝΗΣΗΣabc έστειλαν στρατιώτες.",  # sigmas: their lower case depends on context
        "`values.yaml` and {count} are not words; API docs are.",
    ],
)
def test_source_lookups_answer_as_its_word_sets(text: str) -> None:
    """:class:`Source` answers from the text when the text lacks a word, as its word sets would."""
    source = Source.of(text)
    probes = [w.lower() for w in text.replace(",", " ").replace(".", " ").split()]
    probes += [
        "soldater",
        "ODYSSEAS",
        "οδυσσεας",
        "οδυσσεασ",
        "οδυσσεας",
        "κυβερνησησ",
        "κυβερνησης",
        "yaml",
        "api",
    ]
    for probe in probes:
        assert source.has(probe) == (probe in source.words)
        assert source.has_lower_case(probe) == (probe in source.lower_case)
    assert any(source.has(p) for p in probes) and not source.has("fehlt")
