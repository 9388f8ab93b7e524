"""At most :data:`LIMIT` findings of one check in one paragraph; the rest summed up in one.

A paragraph that repeats one mistake thousands of times (a table flattened into one line,
generated text, a date list pasted with the wrong weekdays) would otherwise give thousands of
findings that say the same thing: nobody reads them, and each one costs memory until the report
is written. The dates, times, numbers and currency checks list the first :data:`LIMIT` of a
paragraph (a segment: a paragraph, a unit, a message) and then one finding that says how many
more there are, placed on the first one left out, with the last one as its related place::

    doc.txt:1:20011: TC201 [error] ... and 24,980 more weekdays that do not fall on their dates
    in this paragraph (only the first 20 of a paragraph are listed; the last is related)

No real page comes near the limit (the most any check finds in one paragraph of the NTREX
news corpus and of two documentation sites is 3).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tcheck.model import Hit, Related, Severity, Span

LIMIT = 20  # findings of one check listed per paragraph


class Flood:
    """Counts one check's findings in one paragraph and keeps what the summary needs."""

    __slots__ = ("count", "default", "first", "last", "limit", "path", "side", "strongest")

    def __init__(self, default: Severity, limit: int = LIMIT) -> None:
        self.default = default
        self.limit = limit
        self.count = 0  # findings seen, listed or not
        self.first: Span | None = None  # the first one left out
        self.last: Span | None = None  # the last one left out
        self.strongest: Severity | None = None  # of those left out
        self.path: str | None = None  # the file of those left out, when not the document's
        self.side = "target"

    def admit(self, span: Span, severity: Severity | None = None, hit: Hit | None = None) -> bool:
        """Whether a finding at ``span`` is listed (one of the first :attr:`limit`); else it is
        counted for the summary (``hit``: the finding, whose file and side the summary takes)."""
        self.count += 1
        if self.count <= self.limit:
            return True
        if self.first is None:
            self.first = span
            if hit is not None:
                self.path, self.side = hit.path, hit.side
        self.last = span
        level = severity or self.default
        if self.strongest is None or level > self.strongest:
            self.strongest = level
        return False

    @property
    def left_out(self) -> int:
        return max(0, self.count - self.limit)

    def summary(self, what: str, path: str) -> Hit | None:
        """The finding that stands for those left out (None when none was): on the first of
        them, the last as its related place, as severe as the most severe of them."""
        if self.first is None or self.last is None:
            return None
        where = self.path or path
        related = (Related(where, self.last, "the last of them"),) if self.left_out > 1 else ()
        return Hit(
            span=self.first,
            message=(
                f"... and {self.left_out:,} more {what} in this paragraph "
                f"(only the first {self.limit} of a paragraph are listed)"
            ),
            related=related,
            side=self.side,
            severity=None if self.strongest == self.default else self.strongest,
            path=self.path,
        )


def capped(hits: Iterable[Hit], what: str, path: str, default: Severity, limit: int = LIMIT) -> Iterator[Hit]:
    """The first ``limit`` of one paragraph's ``hits``, then the summary of the rest (if any).
    ``what`` names them in the plural (``weekdays that do not fall on their dates``)."""
    flood = Flood(default, limit)
    for hit in hits:
        if flood.admit(hit.span, hit.severity, hit):
            yield hit
    summary = flood.summary(what, path)
    if summary is not None:
        yield summary
