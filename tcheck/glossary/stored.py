"""Parsed glossaries kept between runs: a large termbase is parsed and validated once.

A glossary that loaded without errors is pickled under the cache folder
(``glossaries/<digest>.pickle``), keyed by the file's text and tcheck's own code
(:func:`tcheck.pipeline.cache.code_fingerprint`), so a changed file, or another version of tcheck,
is parsed again. Reading a 50,000-entry TBX (33 MB) costs about 8 s; loading its pickle about a
tenth of that. Any problem with the cache (missing, damaged, unwritable) only means parsing again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from tcheck.glossary.model import Glossary

FOLDER = "glossaries"


def _file(folder: Path, text: str) -> Path:
    from tcheck.pipeline.cache import code_fingerprint

    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=20, key=code_fingerprint()).hexdigest()
    return folder / FOLDER / f"{digest}.pickle"


def fetch(folder: Path, path: str, text: str) -> Glossary | None:
    """The stored glossary for this text, under ``path``; None when there is none."""
    try:
        with open(_file(folder, text), "rb") as handle:
            found = pickle.load(handle)
    except Exception:  # missing or damaged: parse again
        return None
    if not isinstance(found, Glossary):
        return None
    return dataclasses.replace(found, path=path, _views={})


def keep(folder: Path, text: str, glossary: Glossary) -> None:
    """Store ``glossary`` (written atomically; a failure is silent)."""
    target = _file(folder, text)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(
                    dataclasses.replace(glossary, _views={}), handle, protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass
