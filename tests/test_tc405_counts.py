"""TC405: a borrowed word is terminology when the page uses it again, counted as a word."""

from __future__ import annotations

from pathlib import Path

from helpers import flagged_texts, run_text


def test_a_word_inside_a_longer_word_is_not_the_word_again(tmp_path: Path) -> None:
    # "deployed" is in the text twice, but once inside "redeployed": it occurs once as a word
    text = (
        "Compruebe que los servicios están deployed antes de continuar.\n\n"
        "Los contenedores redeployed responden en el puerto 80.\n"
    )
    result = run_text(tmp_path, text, target_lang="es", source_lang="en", select=["TC405"])
    assert "deployed" in flagged_texts(result, text, "TC405")


def test_a_word_used_again_in_another_case_is_terminology(tmp_path: Path) -> None:
    text = (
        "Compruebe que los servicios están deployed antes de continuar.\n\n"
        "Deployed: así se llaman los servicios que responden en el puerto 80.\n"
    )
    result = run_text(tmp_path, text, target_lang="es", source_lang="en", select=["TC405"])
    assert "deployed" not in flagged_texts(result, text, "TC405")
