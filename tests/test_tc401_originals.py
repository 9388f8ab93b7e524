"""TC401 in an original (a text that is not a translation): a sentence in another language is a
quotation of its author, reported at severity info; in a translation it is still a left-over."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, flagged_texts, run_paths, run_text

# From an NTREX-128 column (newstest2019, The Scotsman): the English original quotes French.
SCOTSMAN = (
    'Indeed, modern languages should really be considered "international communication skills."\n\n'
    "Independent schools will continue to offer this choice, diversity and excellence for "
    "Scotland's young people.\n\n"
    "Il faut bien le faire.\n\n"
    "John Edward is Director of the Scottish Council of Independent Schools\n"
)

NORWEGIAN = (
    "Statsministeren svarte kort på spørsmålet fra journalistene etter møtet i Berlin i går kveld.\n\n"
    "«Wir schaffen das, aber nicht allein und nicht über Nacht.»\n\n"
    "Hun la til at regjeringen vil legge fram en ny plan før sommeren.\n"
)

GERMAN_TRANSLATION = (
    "Der Minister sprach eine Stunde lang über die Lage im Land und die Pläne der Regierung.\n\n"
    '"We will not give up, and we will not leave anyone behind."\n\n'
    "Danach beantwortete er die Fragen der Journalisten.\n"
)


def test_french_quotation_in_an_english_original_is_info(tmp_path: Path) -> None:
    result = run_text(tmp_path, SCOTSMAN, name="column.md", target_lang="en", select=["TC401"])
    assert flagged_texts(result, SCOTSMAN, "TC401") == ["Il faut bien le faire."]
    (found,) = findings(result, "TC401")
    assert found["severity"] == "info"
    assert found["data"]["language"] == "fr"
    assert found["message"] == (
        "this sentence is in French (fr), in an original English (en) text (not a translation): a quotation?"
    )


def test_german_quotation_in_a_norwegian_original_is_info(tmp_path: Path) -> None:
    result = run_text(tmp_path, NORWEGIAN, name="sak.md", target_lang="nb", select=["TC401"])
    assert flagged_texts(result, NORWEGIAN, "TC401") == [
        "«Wir schaffen das, aber nicht allein und nicht über Nacht.»"
    ]
    (found,) = findings(result, "TC401")
    assert found["severity"] == "info"
    assert found["data"]["language"] == "de"


def test_english_quotation_left_in_a_german_translation_is_still_reported(tmp_path: Path) -> None:
    result = run_text(
        tmp_path, GERMAN_TRANSLATION, name="artikel.md", target_lang="de", source_lang="en", select=["TC401"]
    )
    assert flagged_texts(result, GERMAN_TRANSLATION, "TC401") == [
        '"We will not give up, and we will not leave anyone behind."'
    ]
    (found,) = findings(result, "TC401")
    assert found["severity"] == "error"  # the rule's own severity, as before
    assert found["message"].endswith("not German (de): left untranslated?")


def test_a_page_paired_with_its_source_is_a_translation(tmp_path: Path) -> None:
    """The same quotation, the page paired with its English source file (the paragraph is not a
    copy of its source's, which TC402 would report): still a left-over."""
    source = tmp_path / "en" / "artikel.md"
    source.parent.mkdir()
    source.write_text(
        "The minister spoke for an hour about the situation in the country and the government's plans.\n\n"
        'He said: "We will not give up, and we will not leave anyone behind."\n\n'
        "He then answered the journalists' questions.\n",
        encoding="utf-8",
    )

    target = tmp_path / "de" / "artikel.md"
    target.parent.mkdir()
    text = GERMAN_TRANSLATION.replace('\n"We', '\nEr sagte: "We')
    target.write_text(text, encoding="utf-8")
    result = run_paths([target], source=str(source), select=["TC401"])
    assert flagged_texts(result, text, "TC401") == [
        'Er sagte: "We will not give up, and we will not leave anyone behind."'
    ]
    (found,) = findings(result, "TC401")
    assert found["severity"] == "error"


GREEK_PAGE = (
    "Αυτή η σελίδα εξηγεί πώς να εγκαταστήσετε το Helm και να ξεκινήσετε.\n\n"
    "This page crashed, and we are working on it right now.\n"
)


def test_english_in_a_translation_whose_original_was_not_found_is_reported(tmp_path: Path) -> None:
    """A Greek page of a documentation site whose English original was not found (no source
    file, no source language given): the layout (``content/el/`` beside ``content/en/``) makes it
    a translation, and its English sentence a left-over."""
    (tmp_path / "content" / "en").mkdir(parents=True)
    (tmp_path / "content" / "en" / "intro.md").write_text("Helm is the package manager.\n", encoding="utf-8")
    page = tmp_path / "content" / "el" / "index.md"
    page.parent.mkdir()
    page.write_text(GREEK_PAGE, encoding="utf-8")
    result = run_paths([page], select=["TC401"])
    (found,) = findings(result, "TC401")
    assert (
        GREEK_PAGE[found["offset"] : found["end_offset"]]
        == "This page crashed, and we are working on it right now."
    )
    assert found["severity"] == "error"
    assert "left untranslated?" in found["message"]


def test_english_in_a_greek_original_is_a_quotation(tmp_path: Path) -> None:
    """The same page checked alone, with no layout and no source: an original, whose English
    sentence is its author's (English is no exception)."""
    result = run_text(tmp_path, GREEK_PAGE, name="index.md", target_lang="el", select=["TC401"])
    (found,) = findings(result, "TC401")
    assert found["severity"] == "info"
    assert "a quotation?" in found["message"]
