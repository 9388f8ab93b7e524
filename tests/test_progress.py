"""Progress on stderr: files, bytes and time left on a terminal; nothing otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tcheck import app
from tcheck.config import Config
from tcheck.services.progress import NoProgress, TerminalProgress, for_stream


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_round_trip_progress_is_shown_and_erased() -> None:
    stream = FakeTerminal()
    progress = TerminalProgress(stream, delay=0, interval=0)
    progress.start("artikkel.txt", 10)
    progress.advance(4)
    progress.finish()
    text = stream.getvalue()
    assert "round trip artikkel.txt" in text and "4/10" in text
    assert text.endswith("\x1b[A")  # erased: the cursor is back on the run's line


def test_run_progress_counts_files_and_bytes() -> None:
    stream = FakeTerminal()
    progress = TerminalProgress(stream, delay=0, interval=0)
    progress.files(3, 3_000_000)
    for _ in range(3):
        progress.file_done(1_000_000)
    progress.files_done()
    text = stream.getvalue()
    assert "3/3 files" in text and "100%" in text and "B/s" in text
    assert "| 3/3 files [" in text and ", 3/3" not in text  # no stray separator before the count


def test_progress_is_hidden_when_quiet_or_not_a_terminal() -> None:
    assert isinstance(for_stream(FakeTerminal(), quiet=True), NoProgress)
    assert isinstance(for_stream(io.StringIO(), quiet=False), NoProgress)
    assert isinstance(for_stream(FakeTerminal(), quiet=False), TerminalProgress)


def test_a_run_reports_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {
        "nb/nyhet.txt": "Onsdag 19. januar\n\nCSTO sendte 2300 soldater til Kasakhstan.\n",
        "de/nachricht.txt": "Mittwoch, 19. Januar\n\nDie OVKS schickte 2.300 Soldaten.\n",
        "ja/news.txt": "1月19日水曜日\n\n集団安全保障条約機構は兵士2300人を派遣した。\n",
    }
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    events: list[tuple[str, int, int]] = []

    class Recorder(NoProgress):
        shows = True  # a display: the run measures its files for it

        def files(self, count: int, size: int) -> None:
            events.append(("files", count, size))

        def file_done(self, size: int) -> None:
            events.append(("done", 1, size))

        def files_done(self) -> None:
            events.append(("end", 0, 0))

    monkeypatch.chdir(tmp_path)
    app.check(["."], Config(jobs=1), progress=Recorder())
    sizes = sorted(len(t.encode()) for t in texts.values())
    assert events[0] == ("files", 3, sum(sizes))
    assert sorted(e[2] for e in events if e[0] == "done") == sizes
    assert events[-1] == ("end", 0, 0)


def test_a_run_without_progress_does_not_measure_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sizes of the files are for the display: a run that shows none (quiet, or not on a
    terminal) does not look them up, and finds what it finds with a display."""
    import tcheck.pipeline

    page = tmp_path / "artikkel.nb.txt"
    page.write_text("Onsdag 19. januar 2022\n\nCSTO sendte 2300 soldater torsdag.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = app.check(["."], Config(jobs=1, cache=False), progress=TerminalProgress(FakeTerminal()))

    def no_size(item: object) -> int:
        raise AssertionError("a file measured for a display nobody sees")

    monkeypatch.setattr(tcheck.pipeline, "_size", no_size)
    quiet = app.check(["."], Config(jobs=1, cache=False), progress=NoProgress())
    assert quiet.findings == shown.findings and quiet.findings
