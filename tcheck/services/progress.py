"""Progress of long translation runs on stderr: one line rewritten in place, only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    def start(self, label: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """Shows nothing (stderr is not a terminal, or ``--quiet``)."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, count: int) -> None:
        pass

    def finish(self) -> None:
        pass


class TerminalProgress:
    """``tcheck: round trip doc.md 120/480 translations`` on stderr, at most ten times a second.

    Nothing appears for runs that finish within ``delay`` seconds; the line is erased at the end.
    """

    def __init__(self, stream: TextIO | None = None, delay: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        self.began = time.monotonic()
        self.label = ""
        self.total = 0
        self.done = 0
        self._last = 0.0
        self._shown = False

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = label, total, 0
        self._draw()

    def advance(self, count: int) -> None:
        self.done += count
        self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if now - self.began < self.delay or now - self._last < 0.1:
            return
        self._last = now
        line = f"tcheck: round trip {self.label} {min(self.done, self.total)}/{self.total} translations"
        self.stream.write("\r\033[K" + line[:200])
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False


def for_stream(stream: TextIO, quiet: bool) -> Progress:
    """Terminal progress when ``stream`` is a terminal and not ``quiet``; otherwise none."""
    if quiet or not stream.isatty():
        return NoProgress()
    return TerminalProgress(stream)
