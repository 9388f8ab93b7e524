"""Checking an editor's buffer: the text the editor holds, read as the file it will be saved to.

The buffer goes through the same machinery as standard input (``tcheck check - --stdin-filename
PATH``): the path gives its format, language and pairing with an original on disk, and the
configuration is found from the file's folder upward (``tcheck.toml`` or ``pyproject.toml``), as
``tcheck check`` run there would find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tcheck.model import Finding


@dataclass(frozen=True)
class BufferResult:
    """The findings on the buffer itself, or the one-line error that stopped the check."""

    findings: tuple[Finding, ...] = ()
    error: str | None = None


def check_buffer(path: str, text: str, round_trip: bool = False) -> BufferResult:
    """Check ``text`` as the file ``path``. The round trip (TC5xx) runs only when asked (it is
    slow for typing; then the configuration's setting and caches apply); files are checked here,
    serially, and without the round trip no cache is read or written."""
    from tcheck import app, config
    from tcheck.errors import TcheckError

    if not text.strip():
        return BufferResult()
    try:
        settings = config.resolve(
            {
                "executor": "serial",
                "cache": None if round_trip else False,
                "round-trip": None if round_trip else "off",
            },
            None,
            Path(path).parent,
        )
        result = app.check(["-"], settings, stdin=text.encode("utf-8"), stdin_filename=path)
    except TcheckError as exc:
        return BufferResult(error=str(exc))
    return BufferResult(tuple(f for f in result.findings if f.path == path))
