"""Snowball stemmers by language: the stored language table against Babel and Snowball, and
stemmers made only when a word is stemmed."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
import snowballstemmer
from babel import Locale, UnknownLocaleError
from babel.core import LOCALE_ALIASES, get_global
from babel.localedata import locale_identifiers

from tcheck.glossary.stemming import ALGORITHMS, algorithm_for, stemmer_for


def _derived(code: str) -> str | None:
    """The algorithm as the first word of the language's English CLDR name gives it."""
    try:
        name = Locale.parse(code).get_language_name("en") or ""
    except (UnknownLocaleError, ValueError):
        return None
    algorithm = name.split()[0].lower() if name else ""
    return algorithm if algorithm in snowballstemmer.algorithms() else None


def test_table_is_what_babel_and_snowball_give() -> None:
    codes = {ident.split("_")[0].lower() for ident in locale_identifiers()}
    codes |= set(get_global("language_aliases")) | set(LOCALE_ALIASES) | set(ALGORITHMS)
    derived = {code: found for code in sorted(codes) if (found := _derived(code)) is not None}
    assert derived == ALGORITHMS


@pytest.mark.parametrize(
    ("lang", "algorithm"),
    [
        ("nb", "norwegian"),
        ("nn-NO", "norwegian"),
        ("de-AT", "german"),
        ("pt_BR", "portuguese"),
        ("RU", "russian"),
    ],
)
def test_region_and_case_are_ignored(lang: str, algorithm: str) -> None:
    assert algorithm_for(lang) == algorithm


@pytest.mark.parametrize("lang", [None, "", "zh-Hans", "ja", "ko", "th", "xx"])
def test_languages_without_a_stemmer(lang: str | None) -> None:
    assert stemmer_for(lang) is None


@pytest.mark.parametrize(
    ("lang", "word", "algorithm"),
    [
        ("nb", "rådgiveren", "norwegian"),
        ("de", "Kommissionen", "german"),
        ("ru", "категории", "russian"),
        ("es", "restablece", "spanish"),
        ("en", "agencies", "english"),
    ],
)
def test_stems_are_snowballs(lang: str, word: str, algorithm: str) -> None:
    stem = stemmer_for(lang)
    assert stem is not None
    assert stem(word) == snowballstemmer.stemmer(algorithm).stemWord(word)
    assert stem(word) == stem(word)  # the second answer comes from the stems kept


def test_a_stemmer_pickles_as_its_language() -> None:
    stem = stemmer_for("sv")
    assert stem is not None
    again = pickle.loads(pickle.dumps(stem))
    assert again is stem
    assert again("myndigheterna") == snowballstemmer.stemmer("swedish").stemWord("myndigheterna")


def test_snowball_and_babel_are_read_at_the_first_stemmed_word() -> None:
    code = (
        "import sys\n"
        "from tcheck.glossary.stemming import stemmer_for\n"
        "stem = stemmer_for('nb')\n"
        "before = sorted(m for m in ('snowballstemmer', 'babel') if m in sys.modules)\n"
        "stem('regjeringen')\n"
        "print(before, 'snowballstemmer' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[0] == "[] True"
