"""TC401 judges a small document without numpy: the sentences' sums come from the scorer's rows
as lists (tcheck.language.purescore), the same numbers as the numpy matrix, and the verdicts are
the same; a whole small run never imports numpy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tcheck.checks._evidence import Settings
from tcheck.checks._language import judge
from tcheck.checks._sums import raw_sums, sentence_sums
from tcheck.checks._words import words

LANGS = ("en", "nb", "de", "fr", "es", "it", "nl", "pt", "fi", "pl")
SENTENCES = [
    "Police closed the road on Monday after a landslide near the village.",
    "Saken er fortsatt under etterforskning, og politiet vil ikke si noe mer om den.",
    "The mayor said the plan was ready, men det er fortsatt uklart hvem som skal betale.",
    "Die Regierung will das Gesetz noch vor der Sommerpause verabschieden.",
    "President Kassym-Jomart Tokayev said the situation in Almaty was under control.",
    "Le ministre a déclaré que l'hôpital rouvrirait avant la fin de l'année.",
]


def _numpy_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import tcheck.language.profiles as profiles

    monkeypatch.setattr(profiles, "usable", lambda languages, words: False)


def _pure_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import tcheck.language.profiles as profiles

    monkeypatch.setattr(profiles, "usable", lambda languages, words: languages >= 2)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sums_without_numpy_are_numpys(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    items = words(sentence, LANGS)
    with monkeypatch.context() as patch:
        _numpy_only(patch)
        sums, grams, count, letters, rows = sentence_sums(items, LANGS)
        raw = raw_sums(items, rows)
        assert rows is None
    with monkeypatch.context() as patch:
        _pure_only(patch)
        pure = sentence_sums(items, LANGS)
        assert pure[4] is not None
        assert pure[1:4] == pytest.approx((grams, count, letters), rel=1e-12)
        assert pure[0] == pytest.approx(sums, rel=1e-12)
        assert raw_sums(items, pure[4]) == raw  # unweighted: added in the same order


@pytest.mark.parametrize("sentence", SENTENCES)
def test_verdicts_without_numpy_are_numpys(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    verdicts = []
    for force in (_numpy_only, _pure_only):
        with monkeypatch.context() as patch:
            force(patch)
            verdicts.append(judge(sentence, words(sentence, LANGS), LANGS, settings))
    assert verdicts[0] == verdicts[1]
    if sentence.startswith("Saken"):
        assert verdicts[0] is not None and verdicts[0].lang == "nb"


def test_a_small_page_is_judged_without_importing_numpy(tmp_path: Path) -> None:
    page = tmp_path / "artikkel.md"
    page.write_text(
        "# Uro i Kasakhstan\n\n"
        "Politiet stengte veien mandag etter et jordskred nær landsbyen. "
        "The investigation is still ongoing and the police will not say anything more about it.\n\n"
        "President Kassym-Jomart Tokajev sa at situasjonen i Almaty var under kontroll.\n",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        f"""
        import sys
        from dataclasses import replace
        from pathlib import Path
        from tcheck import app
        from tcheck.config import resolve
        settings = {{"target-lang": "nb", "select": ["TC401"]}}
        config = replace(resolve(settings, None, Path({str(tmp_path)!r})), default_glossaries=False)
        result = app.check([{str(page)!r}], config, None)
        print([f.code for f in result.findings], "numpy" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['TC401']", "False"]
