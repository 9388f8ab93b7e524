"""Parsed glossaries kept between runs: a large termbase is parsed and validated once.

A glossary that loaded without errors is pickled under the cache folder
(``glossaries/<digest>.pickle``), keyed by the file's text and tcheck's own code
(:func:`tcheck.pipeline.cache.code_fingerprint`), so a changed file, or another version of tcheck,
is parsed again. Reading a 50,000-entry TBX (33 MB) costs about 8 s; loading its pickle about a
tenth of that. Any problem with the cache (missing, damaged, unwritable) only means parsing again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from tcheck.glossary.model import Glossary
from tcheck.services import pickled

FOLDER = "glossaries"


def _file(folder: Path, text: str) -> Path:
    from tcheck.pipeline.cache import code_fingerprint

    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=20, key=code_fingerprint()).hexdigest()
    return folder / FOLDER / f"{digest}.pickle"


def fetch(folder: Path, path: str, text: str) -> Glossary | None:
    """The stored glossary for this text, under ``path``; None when there is none."""
    found = pickled.load(_file(folder, text))
    if not isinstance(found, Glossary):
        return None
    return dataclasses.replace(found, path=path, _views={})


def keep(folder: Path, text: str, glossary: Glossary) -> None:
    """Store ``glossary`` (written atomically; a failure is silent)."""
    pickled.store(_file(folder, text), dataclasses.replace(glossary, _views={}))
