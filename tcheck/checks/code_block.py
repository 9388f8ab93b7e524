"""TC605 code-block."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from tcheck.context import Context
from tcheck.markup.anchoring import Anchors, corresponds, lost_in_place
from tcheck.markup.marks import CODE_BLOCK, shown
from tcheck.markup.outline import Sections
from tcheck.markup.placing import section_place
from tcheck.markup.report import page_counts, page_for, related
from tcheck.model import Document, Hit, Severity, Span
from tcheck.registry import register


@register("TC605", "code-block", Severity.WARNING, needs=("source",))
def code_block(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A code block of the source is changed or missing in the translation.

    What it does: compares the fenced and indented code blocks of a Markdown or MDX page with
    those of its source, in order, by their code: comments go (a translator may translate
    ``# install the chart``; the block's language in its info string says what a comment is),
    and so do plain words, hyphenated compounds, abbreviations and capitalised labels, and the
    description after a command-line flag, since generated help output and sample text are
    translated with the page. Flags, paths, keys (``replicaCount:``), values with digits or
    symbols stay and must match. Blocks in ``md``, ``text`` or ``txt`` hold text for the reader
    and are only counted, and so is a block without a language that holds a Markdown page (a
    heading and a link: a README for the reader to copy, translated like the page). A block whose code differs from the source's block in its place is
    reported with the source's block as related: a warning when the translation's code has a key,
    flag or identifier in letters beyond ASCII that the source's does not (``réplicas:``), info
    when such new words are only values (a translated description or sample text), and info
    when the code differs otherwise (the source's code may have changed since: an out-of-date
    translation). A source block with
    no counterpart between translated passages is info too; when those passages belong to
    another section (a heading of the source stands between them and the block, or the headings'
    ids show the text around it is paired with another section's), it is reported on the heading
    of its section, or on the page when the translation has no such section. A page whose text aligns poorly with
    the source gets one count (info).

    Why it matters: readers copy code blocks into a terminal or a file. A translated command,
    key or value (``replicas: drei``) or a dropped step fails on the reader's machine, and
    reviewers who compare prose rarely read the code.

    Example (source block ``replicaCount: 2`` / ``image: nginx:1.25``)::

        ```yaml
        réplicas: 2
        image: nginx:1.25
        ```
        ^^^ TC605: this code block has words the source's does not (réplicas:)
    """
    pair = page_for(doc, ctx, "TC605")
    if pair is None:
        yield from page_counts(doc, ctx, "TC605", (CODE_BLOCK,), "code blocks")
        return
    source = pair.source_page.of_kind(CODE_BLOCK)
    target = pair.page.of_kind(CODE_BLOCK)
    if not source:
        return
    anchors = Anchors(pair.doc)
    sections = Sections(pair.doc, pair.page, pair.source_doc, pair.source_page)
    matcher = SequenceMatcher(None, [m.key for m in source], [m.key for m in target], autojunk=False)
    for op, s1, s2, t1, t2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changed = min(s2 - s1, t2 - t1)
        for k in range(changed):
            lost, added = source[s1 + k], target[t1 + k]
            if (
                not corresponds(anchors, lost, added)
                or sections.misplaced(lost.start, added.start)
                or _similarity(lost.key, added.key) < 0.5
            ):
                continue
            words = _new_words(lost.key, added.key)
            if words:
                yield Hit(
                    Span(added.start, added.end),
                    f"this code block has words the source's does not ({', '.join(words[:3])}): "
                    f"'{shown(added.key, 50)}' against '{shown(lost.key, 50)}'",
                    related=(related(pair, lost, "the source's code block"),),
                    # a translated key, flag or name breaks the code; a translated value (a
                    # description, sample text) is the page's own localisation
                    severity=None if any(_names_something(w) for w in words) else Severity.INFO,
                )
            else:
                yield Hit(
                    Span(added.start, added.end),
                    f"this code block differs from the source's (not only in comments): "
                    f"'{shown(added.key, 50)}' against '{shown(lost.key, 50)}'; the source's code "
                    "may have changed since the translation",
                    related=(related(pair, lost, "the source's code block"),),
                    severity=Severity.INFO,
                )
        for lost in source[s1 + changed : s2]:
            if not lost_in_place(anchors, lost, target):
                continue
            before, _ = anchors.around_source(lost.start, lost.end)
            assert before is not None
            span, where = Span(before.target_start, before.target_end), "after this passage"
            # the text around it is paired with another section's, or its section is not translated
            if sections.misplaced(lost.start, span.start) or sections.heading_between(
                before.source_start, lost.start
            ):
                span, name, on_heading = section_place(sections, lost.start)
                if on_heading:
                    where = f"from the section '#{name}'"
                else:
                    where = "from the page" + (f" (its section '#{name}')" if name else "")
            yield Hit(
                span,
                f"the source's code block '{shown(lost.key, 50)}' is missing {where} "
                f"(the source has {len(source)} code blocks, the translation {len(target)}; the page "
                "may be out of date)",
                related=(related(pair, lost, "the source's code block"),),
                severity=Severity.INFO,
            )


def _new_words(source: str, target: str) -> list[str]:
    """Tokens of the translation's code, not in the source's, with letters beyond ASCII: text a
    translator wrote into the code (``descripción:``, ``"v1"이어야``)."""
    have = set(source.split())
    return [t for t in target.split() if t not in have and any(ch.isalpha() and not ch.isascii() for ch in t)]


def _names_something(token: str) -> bool:
    """Whether a token is a key, a flag or an identifier (``réplicas:``, ``--größe``,
    ``nom_du_chart``), not a value a reader may read in their language."""
    if "://" in token or "](" in token:
        return False  # a link or a URL in a sentence
    token = token.strip("\"',.;()（）")
    return token.endswith(":") or token.startswith("-") or "=" in token or "_" in token or "." in token


def _similarity(a: str, b: str) -> float:
    """How much of two blocks' code is the same (0..1, by tokens)."""
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
