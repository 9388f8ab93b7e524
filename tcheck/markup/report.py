"""From differences of markup to findings: what was lost, what took its place, and where.

A mark is reported only when three things agree: it differs within its group of aligned blocks
(see :mod:`tcheck.markup.blocks`), the page as a whole has it fewer times than the source (so a
link moved to the next paragraph is no loss; a mark reported as lost is nowhere on the page), and the source text around it was translated (its
sentence is aligned: text missing altogether is TC002's; for markup between blocks of text, the
text before and after it is translated with nothing between). Pages whose alignment is poor (less
than ``min-aligned`` of either side paired, default 0.8) are not compared at all: they are out of
date with their source, and their pairs would put unrelated markup side by side. A section of
the translation (heading to heading) that has none of the markup its aligned source has there,
three marks or more, was translated from an older source: what it lacks is info, said to be
possibly out of date. Where the translation's headings keep the source's ids, a lost mark whose
place the pairs give in another section than its id names, or in a section whose pairs join it
with another section of the source (shifted), is reported on that section's heading, or on the
page when no heading has its id, as info (see :mod:`tcheck.markup.outline`), and no lost and
added mark there count as one mark changed.

A lost and an added mark are one mark changed only where they stand in text that translates each
other (see :mod:`tcheck.markup.correspond`); between passages (JSX and HTML lines), an added mark that stands
where a lost one stood, between the same translated passages, is that mark changed.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tcheck.markup.anchoring import Anchors, corresponds, in_place
from tcheck.markup.blocks import Group, PagePair, groups, page_pair
from tcheck.markup.correspond import BlockPairs
from tcheck.markup.links import language_codes, target
from tcheck.markup.marks import ALL_KINDS, CODE_BLOCK, IMAGE, LINK, Mark, compare, shown
from tcheck.markup.outline import Sections
from tcheck.markup.placing import Placer, other_markup, relocated, section_lost, unique_marks
from tcheck.model import Document, Hit, Related, Severity, Span

FAMILY = "TC6"  # options shared by every TC6xx check: [tool.tcheck.options.TC6]


def option(ctx: Any, code: str, key: str, default: Any, kind: Any) -> Any:
    """An option of check ``code``, else of the TC6 family, else ``default``."""
    family = ctx.option(FAMILY, key, default, kind)
    return ctx.option(code, key, family, kind)


def page_counts(
    doc: Document,
    ctx: Any,
    code: str,
    kinds: Sequence[str],
    noun: str,
    same: Callable[[str], str] | None = None,
    text_attributes: Sequence[str] | None = None,
    accept: Callable[[Mark, Mark], bool] | None = None,
) -> Iterator[Hit]:
    """For a page too poorly aligned to compare passage by passage: one finding (info) that
    counts what the page lacks against its source, the missing ones named and pointed at; a
    missing mark that ``accept`` finds the same as one the page has instead (a link to the
    translation's own language version of a page) is not missing."""
    min_aligned = float(option(ctx, code, "min-aligned", 0.8, float))
    pair = page_pair(doc, text_attributes)
    if pair is None or pair.aligned_share >= min_aligned or not pair.doc.body:
        return
    norm = same or (lambda key: key)
    source = [m for m in pair.source_page.marks if m.kind in kinds]
    target_marks = [m for m in pair.page.marks if m.kind in kinds]
    missing, extra = _deficits(source, target_marks, norm)
    if not missing:
        return
    lost = [m for m in source if _take(missing, norm(m.key))]
    if accept is not None:
        _pair_accepted(lost, [m for m in target_marks if _take(extra, norm(m.key))], accept)
        if not lost:
            return
    named = ", ".join(quoted(m.key) for m in lost[:3]) + (
        f" and {len(lost) - 3} more" if len(lost) > 3 else ""
    )
    yield Hit(
        Span(0, 0),
        f"the source has {len(source)} {noun}, the translation {len(target_marks)}; missing: {named} "
        "(the page aligns too poorly with its source to place them: it may be out of date)",
        related=tuple(related(pair, m) for m in lost[:10]),
        severity=Severity.INFO,
    )


def page_for(
    doc: Document, ctx: Any, code: str, text_attributes: Sequence[str] | None = None
) -> PagePair | None:
    """The page pair a check compares (None: not Markdown, no source, or poorly aligned)."""
    min_aligned = float(option(ctx, code, "min-aligned", 0.8, float))
    return page_pair(doc, text_attributes, min_aligned)


@dataclass(frozen=True)
class Wording:
    """How a check names its markup: ``what(mark)`` gives e.g. ``link target '/docs/x/'``."""

    what: Callable[[Mark], str]
    suggest: Callable[[Mark, Mark], str | None] = lambda lost, added: lost.text
    restore: Callable[[Mark], str | None] = lambda lost: None
    report_added: bool = False


def related(pair: PagePair, mark: Mark, note: str = "in the source") -> Related:
    return Related(pair.source_path, Span(mark.start, mark.end), note)


def _deficits(
    source: Sequence[Mark], target: Sequence[Mark], norm: Callable[[str], str]
) -> tuple[Counter[str], Counter[str]]:
    """How many times each key is missing from the page, and extra in it."""
    have_s = Counter(norm(m.key) for m in source)
    have_t = Counter(norm(m.key) for m in target)
    return have_s - have_t, have_t - have_s


def group_hits(
    pair: PagePair,
    kinds: Sequence[str],
    wording: Wording,
    same: Callable[[str], str] | None = None,
    accept: Callable[[Mark, Mark], bool] | None = None,
    accept_many: bool = False,
) -> Iterator[Hit]:
    """Hits for the marks of ``kinds`` that differ between the page and its source (see the
    module docstring); ``accept(lost, added)`` may excuse a change, also among several changed
    marks of one passage with ``accept_many`` (for a test that pairs the right two only)."""
    norm = same or (lambda key: key)
    missing, extra = _deficits(
        [m for m in pair.source_page.marks if m.kind in kinds],
        [m for m in pair.page.marks if m.kind in kinds],
        norm,
    )
    if not missing and not extra:
        return
    on_page = Counter(norm(m.key) for m in pair.page.marks if m.kind in kinds)
    shared = setting(pair)
    placer, anchors, blocks, sections, key = (
        shared.placer,
        shared.anchors,
        shared.blocks,
        shared.sections,
        shared.key,
    )
    stale = shared.stale
    for whole in shared.compared:
        group = Group(
            tuple(m for m in whole.source if m.kind in kinds),
            tuple(m for m in whole.target if m.kind in kinds),
            whole.segment,
        )
        diff = compare(group.source, group.target, same)
        lost = [m for m in diff.lost if _take(missing, norm(m.key))]
        added = [m for m in diff.added if _take(extra, norm(m.key))]
        for kind in kinds:
            k_lost = [m for m in lost if m.kind == kind]
            k_added = [m for m in added if m.kind == kind]
            if accept_many and accept is not None and k_lost and k_added and len(k_lost) + len(k_added) > 2:
                _pair_accepted(k_lost, k_added, accept)  # several changed: the same, written otherwise?
            if len(k_lost) == 1 and len(k_added) == 1:
                if accept is not None and accept(k_lost[0], k_added[0]):
                    continue
                if blocks.corresponding(k_lost[0], k_added[0]) and not sections.misplaced(
                    k_lost[0].start, k_added[0].start
                ):
                    yield _changed(pair, k_lost[0], k_added[0], wording)
                    continue
                k_added = []  # text the source does not have: the lost one is lost, not changed
            for mark in k_lost:
                if on_page[norm(mark.key)]:
                    continue  # the page has it elsewhere (fewer times): not placed with certainty
                if group.segment is None:  # between passages: another mark standing in its place?
                    swap = next(
                        (
                            a
                            for a in k_added
                            if corresponds(anchors, mark, a) and not sections.misplaced(mark.start, a.start)
                        ),
                        None,
                    )
                    if swap is not None:
                        k_added.remove(swap)
                        if accept is None or not accept(mark, swap):
                            yield _changed(pair, mark, swap, wording)
                        continue
                if placer.translated(mark.start) if group.segment is not None else in_place(anchors, mark):
                    hit = _lost(pair, group, mark, wording, placer)
                    if sections.misplaced(mark.start, hit.span.start) or (
                        group.segment is None and section_lost(anchors, sections, mark)
                    ):
                        hit = relocated(hit, mark, wording.what(mark), sections)
                    elif other_markup(pair, placer, mark, hit.span, key):
                        hit = dataclasses.replace(
                            hit,
                            message=f"{hit.message} (the passage holds markup of another passage of the "
                            "source: it may translate other text, or the source was rewritten since)",
                            severity=Severity.INFO,
                        )
                    elif _section(pair, group) in stale:
                        hit = dataclasses.replace(
                            hit,
                            message=f"{hit.message} (this section of the translation has none of the "
                            "source's markup: it may be out of date)",
                            severity=Severity.INFO,
                        )
                    yield hit
            if wording.report_added:
                for mark in k_added:
                    yield Hit(Span(mark.start, mark.end), f"{wording.what(mark)} is not in the source")


@dataclass(frozen=True)
class Setting:
    """What every TC6xx check of a page pair compares its marks within, whatever their kinds:
    worked out once per pair (:func:`setting`) and shared by the checks of the page."""

    placer: Placer
    anchors: Anchors
    groups: tuple[Group, ...]  # the groups of every kind of mark but code blocks
    compared: tuple[Group, ...]  # those whose two sides say the same thing (not displaced or rewritten)
    blocks: BlockPairs
    sections: Sections
    stale: frozenset[int]
    key: Callable[[Mark], tuple[str, str]]  # a mark's kind and key, a link by the page it names
    source_keys: Counter[tuple[str, str]]
    target_keys: Counter[tuple[str, str]]


_SETTINGS: dict[tuple[int, int, int], tuple[PagePair, Setting]] = {}
_SETTINGS_KEPT = 4  # the checks of one page run one after another


def setting(pair: PagePair) -> Setting:
    """The :class:`Setting` of ``pair``, kept for the next check of the same page pair (the same
    document and the same two pages, as objects)."""
    ident = (id(pair.doc), id(pair.page), id(pair.source_page))
    hit = _SETTINGS.get(ident)
    if hit is not None:
        known, found = hit
        if known.doc is pair.doc and known.page is pair.page and known.source_page is pair.source_page:
            return found
    found = _setting(pair)
    if len(_SETTINGS) >= _SETTINGS_KEPT:
        _SETTINGS.clear()
    _SETTINGS[ident] = (pair, found)
    return found


def _setting(pair: PagePair) -> Setting:
    codes = language_codes(pair.doc.lang, pair.doc.source_lang or pair.source_doc.lang)

    def key(mark: Mark) -> tuple[str, str]:
        return (mark.kind, target(mark.key, codes).page if mark.kind in (LINK, IMAGE) else mark.key)

    every = tuple(k for k in ALL_KINDS if k != CODE_BLOCK)
    every_group = tuple(groups(pair, every))
    source_keys = Counter(key(m) for m in pair.source_page.marks)
    target_keys = Counter(key(m) for m in pair.page.marks)
    return Setting(
        placer=Placer(pair.doc),
        anchors=Anchors(pair.doc),
        groups=every_group,
        compared=tuple(
            group
            for group in every_group
            if group.segment is None
            or not (_displaced(group, key, source_keys, target_keys) or _rewritten(group, key))
        ),
        blocks=BlockPairs(pair),
        sections=Sections(pair.doc, pair.page, pair.source_doc, pair.source_page, unique_marks(pair, key)),
        stale=frozenset(_stale_sections(pair, every_group, key)),
        key=key,
        source_keys=source_keys,
        target_keys=target_keys,
    )


STALE_MARKS = 3  # a section with this many marks of the source and none of them: out of date


def _section(pair: PagePair, group: Group) -> int:
    """The section of the translation (counted by its headings) that holds the group, or -1."""
    if group.segment is None:
        return -1
    page = pair.page
    block = page.block_at(group.segment.file_span(0, 0).start)
    return bisect.bisect_right(page.headings, block) if block >= 0 else -1


def _stale_sections(
    pair: PagePair, found: Sequence[Group], key: Callable[[Mark], tuple[str, str]]
) -> set[int]:
    """Sections of the translation (from one heading to the next) whose aligned source holds
    :data:`STALE_MARKS` or more marks and the translation none of them: the section was
    rewritten in the source since it was translated (or its text was paired with the wrong
    source text), so a mark it lacks is reported as info, not as a break."""
    source: dict[int, Counter[tuple[str, str]]] = {}
    target: dict[int, Counter[tuple[str, str]]] = {}
    for group in found:
        section = _section(pair, group)
        if section < 0:
            continue
        source.setdefault(section, Counter()).update(key(m) for m in group.source)
        target.setdefault(section, Counter()).update(key(m) for m in group.target)
    return {
        section
        for section, marks in source.items()
        if marks.total() >= STALE_MARKS and not marks & target[section]
    }


def _displaced(
    group: Group,
    key: Callable[[Mark], tuple[str, str]],
    source_keys: Counter[tuple[str, str]],
    target_keys: Counter[tuple[str, str]],
) -> bool:
    """Whether the group pairs the wrong text: a mark of one side that the other side's page has,
    but not in this group (the aligner paired a paragraph with its neighbour)."""
    mine_s = Counter(key(m) for m in group.source)
    mine_t = Counter(key(m) for m in group.target)
    if any(count > mine_s[k] and source_keys[k] > mine_s[k] for k, count in mine_t.items()):
        return True
    return any(count > mine_t[k] and target_keys[k] > mine_t[k] for k, count in mine_s.items())


def _rewritten(group: Group, key: Callable[[Mark], tuple[str, str]]) -> bool:
    """Whether the two sides of a group say different things: no mark in common and three or
    more that differ (the source was rewritten since the translation, or the aligner paired the
    wrong paragraphs; a translator who drops every piece of markup of a passage is rarer)."""
    source = Counter(key(m) for m in group.source)
    target = Counter(key(m) for m in group.target)
    if not source or source & target:
        return False
    return sum(source.values()) + sum(target.values()) >= 3


def _pair_accepted(lost: list[Mark], added: list[Mark], accept: Callable[[Mark, Mark], bool]) -> None:
    """Drop from both lists each lost mark with an added one that ``accept`` finds the same
    (``/topics/provenance.md`` and ``./provenance.md``, two links of one passage written
    relative to the page), in order."""
    for mark in list(lost):
        match = next((other for other in added if accept(mark, other)), None)
        if match is not None:
            lost.remove(mark)
            added.remove(match)


def _take(counter: Counter[str], key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _changed(pair: PagePair, lost: Mark, added: Mark, wording: Wording) -> Hit:
    return Hit(
        Span(added.start, added.end),
        f"{wording.what(added)} stands where the source has {wording.what(lost)}",
        suggestion=wording.suggest(lost, added),
        related=(related(pair, lost),),
    )


def _lost(pair: PagePair, group: Group, lost: Mark, wording: Wording, placer: Placer) -> Hit:
    span = placer.place(lost.start)
    if group.segment is not None:
        where = "this passage of the translation"
    else:
        where = "the translation (it is missing after this passage)"
    return Hit(
        span,
        f"the source's {wording.what(lost)} is missing from {where}",
        suggestion=wording.restore(lost),
        related=(related(pair, lost),),
        data={"lost": True},
    )


def quoted(text: str) -> str:
    return f"'{shown(text)}'"
