"""TC002 unaligned-segment."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Segment, Severity, Span
from tcheck.registry import register


def _sentences(count: int) -> str:
    """``1 sentence``, ``3 sentences``."""
    return f"{count} sentence" if count == 1 else f"{count} sentences"


def _quote(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


@register("TC002", "unaligned-segment", Severity.WARNING, needs=("source",))
def unaligned_segment(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence of the translation or of the source has no partner on the other side.

    What it does: when a target file is checked against a source file (``--source``, or a
    repository pair) whose paragraphs or lines do not pair one to one, tcheck aligns their
    sentences (Gale–Church: lengths, with numbers, names, ``?``/``!`` and the document structure as
    anchors). A target sentence that no source sentence matches, or matches only with a confidence
    below ``min-confidence`` (0.3), is reported where it is; a source sentence that nothing in the
    target matches is reported at the place in the target where its translation would be, with a
    link to the source. Other checks never compare such sentences with a wrong partner.

    In a repository (a translated page paired with its original by the site's layout), where
    translators merge and split sentences freely, only whole lines are reported: a paragraph,
    heading, list item or table row of the original missing from the translation (an outdated
    page), or one that the translation adds. The headings of the two pages are matched first
    (by their numbers, ids, levels, untranslated words, and the links, code and numbers of their
    text), so a chapter the translation lacks, or a section it keeps that the original dropped,
    is one finding naming its heading, and the sections after it still pair with their own. A
    translation too different from its original to align is reported once, as information.

    Why it matters: a sentence missing from a translation is content the reader never gets; a
    sentence that appears only in the translation was added or belongs to another text.

    Example (``--source post.nb.md``)::

        The council met on Monday. The budget was approved.
        ^ TC002: the source sentence 'Ordføreren var ikke til stede.' has no translation here
    """
    source = doc.source
    if source is None or not doc.body:
        return  # an empty translation is TC404's
    if note := doc.metadata.get("unaligned"):
        yield Hit(
            span=doc.segments[0].file_span(0, 0),
            message=f"the translation could not be aligned with its source ({note}): it may be outdated "
            "or another text; no sentence was compared with the source",
            related=(Related(source.path, Span(0, 0), "the source"),),
            severity=Severity.INFO,
        )
        return
    index = {id(seg): n for n, seg in enumerate(doc.segments)}
    partner: dict[int, list[int]] = {}  # source segment -> the target segments paired with it
    for n, seg in enumerate(doc.segments):
        if seg.counterpart is not None:
            partner.setdefault(id(seg.counterpart), []).append(n)
    unpaired = [index[id(seg)] for seg in doc.segments if seg.counterpart is None]
    # Translators of a site merge and split sentences freely: there, only whole lines count.
    whole_lines = doc.metadata.get("paired-by") == "repository"
    rephrased: set[int] = set()
    paired = [seg for seg in doc.segments if seg.counterpart is not None]
    ratio = sum(len(s.text) for s in paired) / max(
        1, sum(len(s.counterpart.text) for s in paired if s.counterpart)
    )
    for gap, before, after in _gaps(source.segments, partner):
        low = max(partner[id(before)]) if before is not None else -1
        high = min(partner[id(after)]) if after is not None else len(doc.segments)
        between = [n for n in unpaired if low < n < high]
        if between:  # the same place on both sides: said another way, split or moved, not missing
            rephrased.update(between)
            continue
        if whole_lines and (
            not _whole_lines(source.text, gap[0], gap[-1])
            or _absorbed(
                gap,
                [(doc.segments[n], src) for n, src in ((low, before), (high, after)) if src],
                ratio,
            )
        ):
            continue
        if low >= 0:
            last = doc.segments[low]
            at = last.file_span(len(last.text), len(last.text)).start  # where its translation would follow
        else:
            at = doc.segments[0].file_span(0, 0).start
        first = gap[0]
        where = first.file_span(0, len(first.text))
        sections = _sections(source.text, gap, after)
        if sections:
            title = _heading(source.text, where.start)
            what = f"{sections} of the source, from '{title}' ({_sentences(len(gap))}),"
            verb = "has" if sections == "a section" else "have"
        elif len(gap) == 1:
            what, verb = f"the source sentence '{_quote(first.text)}'", "has"
        else:
            what, verb = (
                f"{len(gap)} source sentences, from '{_quote(first.text)}',",
                "have",
            )
        yield Hit(
            span=Span(at, at),
            message=f"{what} {verb} no translation here",
            related=(Related(first.path or source.path, where, "the untranslated source sentence"),),
        )
    for run in _runs([n for n in unpaired if n not in rephrased]):
        first_seg, last_seg = doc.segments[run[0]], doc.segments[run[-1]]
        if whole_lines and not _whole_lines(doc.text, first_seg, last_seg):
            continue
        following = doc.segments[run[-1] + 1] if run[-1] + 1 < len(doc.segments) else None
        sections = _sections(doc.text, [doc.segments[n] for n in run], following)
        if sections:
            title = _heading(doc.text, first_seg.file_span(0, 0).start)
            what = f"{sections}, from '{title}' ({_sentences(len(run))})"
        elif len(run) == 1:
            what = f"'{_quote(first_seg.text)}'"
        else:
            what = f"{len(run)} sentences, from '{_quote(first_seg.text)}'"
        yield Hit(
            span=Span(
                first_seg.file_span(0, 0).start,
                last_seg.file_span(len(last_seg.text), len(last_seg.text)).start,
            ),
            message=f"no sentence of the source corresponds to {what}",
            confidence=first_seg.confidence,
        )


_LINE_PREFIX = re.compile(r"[\s#>*+|:-]*(?:\d{1,9}[.)])?[\s*_|]*")
_LINE_SUFFIX = re.compile(r"[\s*_|.:;!?。：]*")
_BLOCK_MARK = re.compile(r"[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\||>)")


def _whole_lines(text: str, first: Segment, last: Segment) -> bool:
    """Whether ``first``..``last`` fill whole blocks of ``text`` (beside block markup): a missing or
    added paragraph, heading, list item or table row, not a sentence merged into its neighbour
    or a line of a paragraph that a translator rewrapped."""
    start = first.file_span(0, 0).start
    end = last.file_span(len(last.text), len(last.text)).start
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = _LINE_PREFIX.fullmatch(text, line_start, start)
    after = _LINE_SUFFIX.fullmatch(text, end, line_end)
    if before is None or after is None:
        return False
    # a block of its own: a heading, list item, table row or quote, or lines between blank lines
    marked = _BLOCK_MARK.match(text, line_start) is not None
    prev_blank = line_start == 0 or not text[text.rfind("\n", 0, line_start - 1) + 1 : line_start].strip()
    next_end = text.find("\n", line_end + 1)
    next_line = text[line_end + 1 : len(text) if next_end < 0 else next_end]
    next_blank = line_end >= len(text) or not next_line.strip() or _BLOCK_MARK.match(next_line) is not None
    return marked or (prev_blank and next_blank)


def _sections(text: str, run: Sequence[Segment], after: Segment | None) -> str:
    """``"a section"`` or ``"N sections"`` when ``run`` (of ``text``) is whole sections (it starts at a
    heading, and a heading or the end of the page follows it), else ``""``: a chapter missing
    from a translation is one finding, named by its heading."""
    if run[0].kind != "heading" or (after is not None and after.kind != "heading"):
        return ""
    count = sum(seg.kind == "heading" and _opens_line(text, seg) for seg in run)
    return "a section" if count == 1 else f"{count} sections"


_HEADING_MARKS = re.compile(r"^\s*(?:#{1,6}\s+|<h[1-6][^>]*>)|\s*(?:\{/?\*?\s*#[^}]*\}|#+|</h[1-6]>)\s*$")


def _heading(text: str, at: int) -> str:
    """The heading on the line of ``text`` at offset ``at``, without its markup, quoted short."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _quote(_HEADING_MARKS.sub("", text[start : len(text) if end < 0 else end]))


_LINE_OPEN = re.compile(r"[ \t]*(?:#{1,6}[ \t]*|<h[1-6][^>]*>[ \t]*)?")


def _opens_line(text: str, seg: Segment) -> bool:
    """Whether ``seg`` starts its line of ``text`` (after a heading's ``#`` marks or tag): the
    first sentence of a heading, not one after it ('Community Managers' after '4.')."""
    start = seg.file_span(0, 0).start
    return _LINE_OPEN.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None


def _absorbed(gap: list[Segment], neighbours: list[tuple[Segment, Segment]], ratio: float) -> bool:
    """Whether a neighbouring translation is as long as its source and the gap together: the
    translator merged the missing sentences into it."""
    missing = sum(len(seg.text) for seg in gap)
    for target, source in neighbours:
        alone, merged = len(source.text) * ratio, (len(source.text) + missing) * ratio
        if abs(len(target.text) - merged) < abs(len(target.text) - alone):
            return True
    return False


def _gaps(
    segments: Sequence[Segment], partner: Mapping[int, list[int]]
) -> Iterator[tuple[list[Segment], Segment | None, Segment | None]]:
    """Runs of source segments that nothing pairs with, with the paired segments around them."""
    before: Segment | None = None
    gap: list[Segment] = []
    for seg in segments:
        if id(seg) in partner:
            if gap:
                yield gap, before, seg
                gap = []
            before = seg
        else:
            gap.append(seg)
    if gap:
        yield gap, before, None


def _runs(numbers: list[int]) -> Iterator[list[int]]:
    """Consecutive runs of sorted numbers."""
    run: list[int] = []
    for n in numbers:
        if run and n != run[-1] + 1:
            yield run
            run = []
        run.append(n)
    if run:
        yield run
