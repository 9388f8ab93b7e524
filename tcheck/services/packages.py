"""Installing, listing and removing Argos Translate packages (``tcheck models``).

argostranslate is the package manager; tcheck only adds what a command-line tool needs around it:
every network step has a deadline, so an offline machine gets a clear message within seconds
instead of argostranslate's silent retries (its index and download calls have no timeout), and
packages can be installed from a downloaded ``.argosmodel`` file without any network.
Only these commands touch the network; ``tcheck check`` never does.
"""

from __future__ import annotations

import json
import tempfile
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from tcheck.errors import UsageError
from tcheck.services import mt

CONNECT_TIMEOUT = 10.0  # seconds to get an answer from the index or a download link
READ_TIMEOUT = 60.0  # seconds without data before a download is given up
USER_AGENT = "tcheck (argostranslate package manager)"


class NetworkError(Exception):
    pass


def _require() -> None:
    if not mt.argostranslate_installed():
        raise UsageError("argostranslate is not installed; install it with: pip install 'tcheck[roundtrip]'")


def _fetch(url: str, sink: BinaryIO, connect: float, read: float = READ_TIMEOUT) -> None:
    """Copy ``url`` into ``sink``; give up when no answer comes within ``connect`` seconds.

    The request runs in a daemon thread, so even a name lookup that hangs (which no socket
    timeout covers) cannot keep the command waiting.
    """
    answered, finished = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
            # the socket timeout bounds every read; the deadline below bounds getting an answer
            with urllib.request.urlopen(request, timeout=read) as response:
                answered.set()
                while chunk := response.read(1 << 16):
                    sink.write(chunk)
        except BaseException as exc:  # reported to the caller below
            failure.append(exc)
        finally:
            answered.set()
            finished.set()

    threading.Thread(target=work, name="tcheck-fetch", daemon=True).start()
    if not answered.wait(connect):
        raise NetworkError(f"no answer within {connect:g} s")
    finished.wait()
    if failure:
        exc = failure[0]
        raise NetworkError(str(getattr(exc, "reason", None) or exc) or type(exc).__name__)


def update_index(
    connect: float = CONNECT_TIMEOUT, fetch: Callable[..., None] = _fetch
) -> list[dict[str, Any]]:
    """Download the package index into argostranslate's data folder and return its entries."""
    _require()
    from argostranslate import settings

    url = str(settings.remote_package_index)
    target = Path(settings.local_package_index)
    with tempfile.TemporaryFile() as buffer:
        try:
            fetch(url, buffer, connect)
        except NetworkError as exc:
            raise UsageError(
                f"cannot reach the Argos Translate package index ({exc}). Check the network "
                "connection, or install a downloaded package with: tcheck models install --file PATH"
            ) from None
        buffer.seek(0)
        data = buffer.read()
    try:
        entries = json.loads(data)
    except ValueError:
        raise UsageError("the Argos Translate package index is not valid JSON; try again later") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return [e for e in entries if isinstance(e, dict)]


def local_index() -> list[dict[str, Any]] | None:
    """The last downloaded index, or None when there is none yet."""
    _require()
    from argostranslate import settings

    try:
        entries = json.loads(Path(settings.local_package_index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [e for e in entries if isinstance(e, dict)]


def installed() -> list[mt.ModelInfo]:
    _require()
    return [mt.describe(p) for p in mt.installed_packages()]


def install_file(path: str) -> list[mt.ModelInfo]:
    """Install a ``.argosmodel`` file with argostranslate's installer; return what was added."""
    _require()
    import zipfile

    from argostranslate import package

    if not Path(path).is_file():
        raise UsageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise UsageError(f"{path}: not an Argos Translate package (.argosmodel is a zip archive)")
    before = {m.path for m in installed()}
    package.install_from_path(Path(path))
    added = [m for m in installed() if m.path not in before]
    return added or [m for m in installed() if Path(m.path).name in _top_folders(path)]


def _top_folders(path: str) -> set[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name.split("/", 1)[0] for name in archive.namelist()}


def install(
    from_lang: str, to_lang: str, connect: float = CONNECT_TIMEOUT, fetch: Callable[..., None] = _fetch
) -> list[mt.ModelInfo]:
    """Update the index, then download and install the package for ``from_lang → to_lang``."""
    src, tgt = mt.argos_code(from_lang), mt.argos_code(to_lang)
    entries = update_index(connect, fetch)
    wanted = [e for e in entries if e.get("from_code") == src and e.get("to_code") == tgt]
    if not wanted:
        pivots = {(e.get("from_code"), e.get("to_code")) for e in entries}
        hint = ""
        if (src, mt.PIVOT) in pivots and (mt.PIVOT, tgt) in pivots:
            hint = (
                f"; tcheck can pivot through English: tcheck models install {src} {mt.PIVOT} "
                f"&& tcheck models install {mt.PIVOT} {tgt}"
            )
        raise UsageError(f"the Argos Translate index has no package for {src}→{tgt}{hint}")
    entry = max(wanted, key=lambda e: str(e.get("package_version", "")))
    links = [str(link) for link in entry.get("links", [])]
    if not links:
        raise UsageError(f"the index entry for {src}→{tgt} has no download link")
    with tempfile.TemporaryDirectory(prefix="tcheck-models-") as tmp:
        file = Path(tmp) / f"translate-{src}_{tgt}.argosmodel"
        errors = []
        for link in links:
            try:
                with file.open("wb") as sink:
                    fetch(link, sink, connect)
                break
            except NetworkError as exc:
                errors.append(str(exc))
        else:
            raise UsageError(f"cannot download the {src}→{tgt} package ({'; '.join(errors)})")
        return install_file(str(file))


def remove(from_lang: str, to_lang: str) -> list[mt.ModelInfo]:
    """Uninstall every package for ``from_lang → to_lang``; return what was removed."""
    _require()
    from argostranslate import package

    src, tgt = mt.argos_code(from_lang), mt.argos_code(to_lang)
    gone = []
    for pkg in mt.installed_packages():
        if pkg.from_code == src and pkg.to_code == tgt:
            gone.append(mt.describe(pkg))
            package.uninstall(pkg)
    if not gone:
        raise UsageError(f"no Argos Translate model for {src}→{tgt} is installed ('tcheck models list')")
    return gone
