"""Progress on stderr, only on a terminal: the run's files (count, MB/s, time left) and, when the
round trip runs, the translations of the current document. Drawn by tqdm; nothing is shown for
runs that finish within half a second, and the lines are erased at the end."""

from __future__ import annotations

import sys
from typing import Any, Protocol, TextIO

_DELAY = 0.5  # seconds before anything is drawn


class TripProgress(Protocol):
    """Translations of one document (the round trip)."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...

    def finish(self) -> None: ...


class Progress(TripProgress, Protocol):
    """The run's files (how many, how many bytes, each one as it is done) and the round trip's
    translations. ``shows`` says whether it draws anything: a run measures its files (a stat
    each, for the bytes per second) only for one that does."""

    shows: bool

    def files(self, count: int, size: int) -> None: ...

    def file_done(self, size: int) -> None: ...

    def files_done(self) -> None: ...


class NoProgress:
    """Shows nothing (stderr is not a terminal, or ``--quiet``)."""

    shows = False

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, count: int) -> None:
        pass

    def finish(self) -> None:
        pass

    def files(self, count: int, size: int) -> None:
        pass

    def file_done(self, size: int) -> None:
        pass

    def files_done(self) -> None:
        pass


class TerminalProgress:
    """``tcheck  42%|████      | 512/1210 files [00:12<00:16, 1.9MB/s]`` and, below it during a
    round trip, ``round trip doc.md  120/480 translations``."""

    shows = True

    def __init__(self, stream: TextIO | None = None, delay: float = _DELAY, interval: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        self.interval = interval  # seconds between redraws
        self._run: Any = None
        self._trip: Any = None
        self._count = self._done = 0

    def _bar(self, **options: Any) -> Any:
        from tqdm import tqdm  # type: ignore[import-untyped]

        class Bar(tqdm):  # type: ignore[misc]
            """A bar whose format may name ``{files}`` (tqdm writes ``{postfix}`` after ", ")."""

            files = ""

            @property
            def format_dict(self) -> dict[str, Any]:
                return {**super().format_dict, "files": self.files}

        every = {"miniters": 1} if self.interval == 0 else {}
        return Bar(
            file=self.stream,
            delay=self.delay,
            mininterval=self.interval,
            leave=False,
            dynamic_ncols=True,
            **every,
            **options,
        )

    # -- the run's files
    def files(self, count: int, size: int) -> None:
        self._count, self._done = count, 0
        self._run = self._bar(
            total=size,
            desc="tcheck",
            unit="B",
            unit_scale=True,
            bar_format="{desc} {percentage:3.0f}%|{bar}| {files} [{elapsed}<{remaining}, {rate_fmt}]",
        )
        self._run.files = f"0/{count} files"

    def file_done(self, size: int) -> None:
        if self._run is None:
            return
        self._done += 1
        self._run.files = f"{self._done}/{self._count} files"
        self._run.update(size)

    def files_done(self) -> None:
        if self._run is not None:
            self._run.close()
            self._run = None

    # -- translations of one document (the round trip)
    def start(self, label: str, total: int) -> None:
        self.finish()
        self._trip = self._bar(total=total, desc=f"round trip {label}"[:60], unit=" translations", position=1)

    def advance(self, count: int) -> None:
        if self._trip is not None:
            self._trip.update(count)

    def finish(self) -> None:
        if self._trip is not None:
            self._trip.close()
            self._trip = None


def for_stream(stream: TextIO, quiet: bool) -> Progress:
    """Terminal progress when ``stream`` is a terminal and not ``quiet``; otherwise none."""
    if quiet or not stream.isatty():
        return NoProgress()
    return TerminalProgress(stream)
