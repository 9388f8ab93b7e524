"""TC405: a borrowed word is terminology when the page uses it again, counted as a word."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, run_text


def _found(result, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[f["offset"] : f["end_offset"]] for f in findings(result, "TC405")]


def test_a_word_inside_a_longer_word_is_not_the_word_again(tmp_path: Path) -> None:
    # "deployed" is in the text twice, but once inside "redeployed": it occurs once as a word
    text = (
        "Compruebe que los servicios están deployed antes de continuar.\n\n"
        "Los contenedores redeployed responden en el puerto 80.\n"
    )
    result = run_text(tmp_path, text, target_lang="es", source_lang="en", select=["TC405"])
    assert "deployed" in _found(result, text)


def test_a_word_used_again_in_another_case_is_terminology(tmp_path: Path) -> None:
    text = (
        "Compruebe que los servicios están deployed antes de continuar.\n\n"
        "Deployed: así se llaman los servicios que responden en el puerto 80.\n"
    )
    result = run_text(tmp_path, text, target_lang="es", source_lang="en", select=["TC405"])
    assert "deployed" not in _found(result, text)
