"""Blocks whose only inline markup is code spans are read without markdown-it's inline parser:
what :func:`code_spans` finds must be what the parser records, backtick for backtick."""

from __future__ import annotations

import random

from tcheck.formats.codespans import code_spans
from tcheck.formats.inline_marks import KEY, Recorder
from tcheck.formats.markdown import read
from tcheck.formats.markdown_parser import parser


def _parsed(src: str) -> list[tuple[int, int]]:
    """The markup ranges markdown-it's inline parse records for ``src``."""
    md = parser(False)
    recorder = Recorder()
    recorder.begin(src)
    md.inline.parse(src, md, {KEY: recorder}, [])
    return recorder.finish()


def test_code_spans_of_documentation_text() -> None:
    cases = [
        "Kjør `helm install` og deretter `helm list`.",
        "Запустите ``kubectl get `pods` `` в терминале.",
        "Ein einzelnes ` Backtick und `Code` danach.",
        "``` nicht geschlossen, aber `x` schon",
        "`a\nb` über zwei Zeilen",
        "インストールは`helm repo add`で行います。",
    ]
    for src in cases:
        assert code_spans(src) == _parsed(src), src


def test_code_spans_equal_the_parser_on_random_backtick_runs() -> None:
    rng = random.Random(12)
    pieces = ["`", "``", "```", "a", "ø", " ", "\n", "`x`", "Wert"]
    for _ in range(3_000):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        if not src.strip() or src != src.strip():
            continue  # a block's content is trimmed by the block parser
        assert code_spans(src) == _parsed(src), repr(src)


def test_reader_masks_code_spans_of_a_page() -> None:
    page = "# Installer\n\nKjør `helm install` og så ``helm `list` `` i terminalen.\n"
    texts = [segment.text for segment in read("nb/installer.md", page).segments]
    assert texts[1].split() == ["Kjør", "og", "så", "i", "terminalen."]
