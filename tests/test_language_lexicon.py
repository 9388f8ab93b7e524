"""Word-frequency lexicons: wordfreq's normalisation without importing wordfreq on a warm run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tcheck.language import lexicon as lex

# Words whose normal form differs by language: Turkish dotted and dotless i, Romanian and
# Turkish s/t below, German sharp s, a combining diaeresis, a full-width letter, a ligature,
# Greek final sigma, Hangul written as letters, Serbian in Cyrillic, Arabic with vowel marks.
WORDS = [
    "Istanbul",
    "İSTANBUL",
    "HAKKINDA",
    "ACELAŞI",
    "kișinin",
    "Straße",
    "natu\u0308rlich",
    "Ｕターン",
    "ﬁnance",
    "ΣΊΣΥΦΟΣ",
    "λέξις",
    "\u1102\u1161\u11c0\u1106\u1161\u11af",
    "Београд",
    "كَلِمَة",
    "الحمــــــد",
    "Kjøkkenbenken",
    "ÉTÉ",
]


@pytest.mark.parametrize(
    "lang", ["en", "de", "nb", "fr", "tr", "ro", "el", "ko", "ja", "sr", "sh", "ar", "he"]
)
def test_normalising_matches_wordfreq(lang: str) -> None:
    from langcodes import Language
    from wordfreq.preprocess import preprocess_text

    if lang not in lex._available("small"):
        pytest.skip(f"wordfreq has no list for {lang}")
    ours = lex._preprocess(lang)
    assert [ours(w) for w in WORDS] == [preprocess_text(w, Language.get(lang)) for w in WORDS]


def test_available_lists_match_wordfreq() -> None:
    from wordfreq import available_languages

    assert lex._available("small") == frozenset(available_languages("small"))
    assert lex._available("large") == frozenset(available_languages("large"))
    assert {"en", "de", "nb"} <= lex._available("large") and "da" not in lex._available("large")


_CHILD = """
import json, sys
from tcheck.language.lexicon import lexicon
german = lexicon("de", large=True)
values = [german.zipf(w) for w in ("Straße", "STRASSE", "und", "Regierung", "xqzzy")]
print(json.dumps([values, sorted(m for m in sys.modules if m.split(".")[0] in
      ("wordfreq", "langcodes", "ftfy", "msgpack"))]))
"""


def test_warm_lexicon_needs_no_wordfreq_import(tmp_path: Path) -> None:
    """The second process reads the stored list and normalises words itself: wordfreq and its
    libraries (about 10 MB) are not imported; the frequencies are those of the first."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> tuple[list[float], list[str]]:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True, timeout=120
        )
        values, modules = json.loads(out.stdout.strip().splitlines()[-1])
        return values, modules

    cold_values, cold_modules = run()
    warm_values, warm_modules = run()
    assert "wordfreq" in cold_modules  # built from wordfreq's lists the first time
    assert warm_modules == []
    assert warm_values == cold_values
    assert warm_values[0] == warm_values[1] > 4 and warm_values[2] > 7 and warm_values[4] == 0.0
