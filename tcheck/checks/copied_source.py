"""TC402 copied-source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tcheck.checks._tokens import scan
from tcheck.context import Context
from tcheck.locale import primary
from tcheck.model import Document, Hit, Related, Segment, Severity
from tcheck.registry import register

# A commit subject in the Conventional Commits form ("fix(pkg/lint): ...", "chore: ..."): a line of
# a changelog, copied from version control by design.
_COMMIT = re.compile(
    r"(?<![\w-])(?:feat|feature|fix|bugfix|hotfix|chore|docs|refactor|perf|test|tests|build|ci|style"
    r"|revert|cleanup|deps)(?:\([^)\n]*\))?!?:\s",
    re.I,
)


# Page titles, headings and table cells of a few words are names as often as not (``helm repo
# remove``, a product, a command): copied by design.
_LABELS = frozenset({"front-matter", "heading", "table"})
_LABEL_WORDS = 4

_REFERENCE = re.compile(r"(?<![\w&])#\d{2,}\b|\b[0-9a-f]{7,40}\b")


def log_row(doc: Document, seg: Segment) -> bool:
    """Whether ``seg`` is (a cell of) a table row that cites an issue, a pull request or a commit
    (``| #30576 | 2025-02-23 | felipecrs | Fix flaky tests |``): a changelog, kept as written."""
    if "table" not in seg.kind:
        return False
    start = doc.text.rfind("\n", 0, seg.span.start) + 1
    end = doc.text.find("\n", seg.span.end)
    return _REFERENCE.search(doc.text, start, len(doc.text) if end < 0 else end) is not None


def translatable(text: str, min_words: int, title_words: int = 3) -> bool:
    """Prose that needs translating, not a name, a term, code or data copied by design.

    At least ``min_words`` words (technical strings, numbers and acronyms are not words) and:
    ordinary words (lower case, or the capitalised first word) make more than half of the words
    and technical strings; the words are not a title of ``title_words`` or fewer, every one
    capitalised ("Shift Left", "Search Results"); and the text is not a commit subject.
    """
    scanned = scan(text)
    found = [w for _, _, w in scanned.words if len(w) >= 2 or not w.isascii()]
    if len(found) < min_words:
        return False
    ordinary = sum(1 for i, w in enumerate(found) if w.islower() or (i == 0 and w[1:].islower()))
    if len(found) <= title_words and (title_words > 3 or not any(w.islower() and len(w) >= 3 for w in found)):
        return False  # a title or a term name
    if 2 * ordinary <= len(found) + scanned.technical:
        return False  # mostly identifiers, names and numbers
    return _COMMIT.search(text) is None


def _foreign_quote(text: str, source_lang: str | None) -> bool:
    """Whether the source text is itself, clearly, in another language than the source's (a
    French saying quoted in an English article): a translator keeps such a quote as it is."""
    if not source_lang:
        return False
    from tcheck.services.langid import restricted_probabilities, supported

    if not supported(source_lang):
        return False
    from tcheck.services.langid import detect

    found = detect(text)
    if found is None or primary(found) == primary(source_lang):
        return False
    odds = dict(restricted_probabilities(text, (source_lang, found)))
    return odds.get(found, 0.0) >= 0.95


@register("TC402", "copied-source", Severity.ERROR, needs=("source",))
def copied_source(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The translation of a segment is its source text, unchanged.

    What it does: compares every target segment with its source segment (a bilingual unit, or the
    paragraph or sentences aligned with it) after collapsing white space. An identical pair is
    reported when the source and target languages differ (when known) and the text is prose that
    needs translating: at least ``min-words`` (3) words, ordinary words (lower case, or the
    capitalised first word) making more than half of its words and technical strings. Text that
    holds only markup, names, numbers, code, URLs or identifiers (``values.yaml``, ``--set``,
    ``#30576``, ``TestDedupeRepos``), a title of three words or fewer whose words are all
    capitalised ("Shift Left", "Search Results"), a page title, heading or table cell of four words
    or fewer (``helm repo remove``: commands and product names), a commit subject ("fix(lint): ...") and a table
    row citing an issue, pull request or commit (``| #30576 | 2025-02-23 | user | Fix tests |``,
    a changelog) are copied by design and never reported; so is a source text that is itself
    clearly in a third language (a French saying quoted in an English article).

    Why it matters: a translation tool that could not translate a unit, or a translator who
    pre-filled the target with the source, leaves text in the source language that looks finished
    in a translation memory or an XLIFF file.

    Example (TSV, English → Norwegian)::

        The export now includes the date.	The export now includes the date.
                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC402
    """
    if doc.lang and doc.source_lang and primary(doc.lang) == primary(doc.source_lang):
        return
    min_words = ctx.option("TC402", "min-words", 3, int)
    for seg in doc.segments:
        other = seg.counterpart
        if other is None:
            continue
        text = " ".join(seg.text.split())
        title_words = _LABEL_WORDS if seg.kind in _LABELS else 3
        if text != " ".join(other.text.split()) or not translatable(text, min_words, title_words):
            continue
        if log_row(doc, seg) or _foreign_quote(text, doc.source_lang):
            continue
        yield Hit(
            span=seg.file_span(0, len(seg.text)),
            message="the translation is a copy of the source text: left untranslated?",
            related=(Related(other.path or doc.path, other.file_span(0, len(other.text)), "the source"),),
        )
