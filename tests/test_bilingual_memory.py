"""Bilingual files' memory: what a document keeps and what outlives it."""

from __future__ import annotations

import gc
import weakref

from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Engine
from tcheck.formats import xliff

PAIRS = (
    (
        "Politiet stengte veien mandag 19. januar.",
        "Die Polizei sperrte die Straße am Montag, dem 19. Januar.",
    ),
    ("Regjeringen sendte 2 300 soldater til Almaty.", "Die Regierung schickte 2.300 Soldaten nach Almaty."),
    (
        "Saken er fortsatt under etterforskning, opplyser NTB.",
        "Der Fall wird noch untersucht, teilt NTB mit.",
    ),
)


def _xliff(units: int) -> str:
    body = "".join(
        f'<trans-unit id="u{i}"><source>{PAIRS[i % 3][0]} &amp; <g id="1">mer</g></source>'
        f'<target>{PAIRS[i % 3][1]} &amp; <g id="1">mehr</g></target></trans-unit>\n'
        for i in range(units)
    )
    return (
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="nb" target-language="de">'
        f"<body>\n{body}</body></file></xliff>\n"
    )


def test_a_checked_document_is_not_kept_by_the_language_checks() -> None:
    # TC401/TC403/TC405 share one analysis per document; it used to keep the last document (its
    # segments, offsets and text) alive through the run checks' finish
    engine = Engine(Context(Config(select=("TC401", "TC403", "TC405"))))
    doc = xliff.read("nyheter.xlf", _xliff(30))
    held = weakref.ref(doc)
    engine.check(doc)
    del doc
    gc.collect()
    assert held() is None
    engine.finish()
