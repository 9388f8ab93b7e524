"""The command line's error wrapper: one line and status 2, and a closed pipe ends quietly."""

from __future__ import annotations

import pytest

from tcheck.cli.guard import guarded
from tcheck.errors import TcheckError


def test_own_error_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    @guarded
    def command() -> None:
        raise TcheckError("tcheck.toml:3: unknown severity 'fatal'")

    with pytest.raises(SystemExit) as exit_info:
        command()
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == "tcheck: error: tcheck.toml:3: unknown severity 'fatal'\n"


def test_closed_pipe_ends_quietly_with_sigpipe_status(capsys: pytest.CaptureFixture[str]) -> None:
    """``tcheck check . | head``: the reader went away; no 'Broken pipe' error line."""

    @guarded
    def command() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(SystemExit) as exit_info:
        command()
    assert exit_info.value.code == 141
    assert capsys.readouterr().err == ""


def test_other_os_errors_still_name_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    @guarded
    def command() -> None:
        raise PermissionError(13, "Permission denied", "rapport/funn.json")

    with pytest.raises(SystemExit) as exit_info:
        command()
    assert exit_info.value.code == 2
    assert "rapport/funn.json: Permission denied" in capsys.readouterr().err
