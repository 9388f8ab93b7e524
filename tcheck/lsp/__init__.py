"""``tcheck lsp``: the language server (pygls, over stdio); see :mod:`tcheck.lsp.server`."""

from __future__ import annotations

from tcheck.errors import UsageError


def serve() -> None:
    """Run the language server on standard input and output until the client exits."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError(
            "the language server needs pygls: install tcheck with the lsp extra (pip install 'tcheck[lsp]')"
        ) from None
    from tcheck.lsp.server import build

    build().start_io()
