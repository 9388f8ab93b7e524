"""TC001 unreadable-input: reported by the engine, documented here."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.context import Context
from tcheck.model import Document, Hit, Severity
from tcheck.registry import register


@register("TC001", "unreadable-input", Severity.ERROR)
def unreadable_input(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A file could not be checked: missing, binary, not UTF-8, or not parseable in its format.

    What it does: the engine reports each input it cannot read as a finding on that file (line 1)
    and goes on with the other files, so one bad file never hides the rest of a run.

    Why it matters: a silently skipped file looks like a clean file.

    Example::

        notes/broken.txt:1:1: TC001 [error] not valid UTF-8 (byte 17 cannot be decoded)
    """
    return iter(())
