"""The command line: thin click commands over :mod:`tcheck.app` (no logic here)."""

from tcheck.cli.main import main

__all__ = ["main"]
