"""Test set-up: no network, argostranslate kept inside a temporary folder, seeded randomness."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# argostranslate reads its settings once, at import: point it at a private folder before anything
# can import it, and never at the user's real packages.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="tcheck-argos-"))
for _name, _sub in (
    ("ARGOS_PACKAGES_DIR", "packages"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_name] = str(_ARGOS_HOME / _sub)
os.environ["ARGOS_DEVICE_TYPE"] = "cpu"
os.environ.setdefault("NO_COLOR", "1")
# No round trip unless a test asks for it (the TC5xx tests install tiny models and pass it on).
os.environ["TCHECK_ROUND_TRIP"] = "off"
os.environ["TCHECK_RESULT_CACHE"] = "off"  # tests of the result cache switch it on

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args: object, **kwargs: object) -> None:
    raise NetworkBlocked("tests must not use the network")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open an internet connection fails the test (local sockets stay usable)."""
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1")):
            return real_connect(self, address)  # type: ignore[arg-type]
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)  # type: ignore[arg-type]
        _blocked()

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: (
            _blocked()
            if host not in ("localhost", "127.0.0.1", "::1")
            else socket._socket.getaddrinfo(host, *a, **k)
        ),
    )  # type: ignore[attr-defined]
    yield


@pytest.fixture
def seed_path() -> Path:
    return ROOT / "seeds" / "kazakhstan-unrest.en.txt"
