"""TC107 inconsistent-term: one source term rendered by different target words, without a glossary."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.bilingual.termgroups import Group, Occurrence, Rendering
from tcheck.bilingual.wordalign import Counts
from tcheck.bilingual.wordterms import MIN_OCCURRENCES, Digest, Kept, digest_document, renderings_of
from tcheck.context import Context
from tcheck.model import Document, Hit, Related, Severity, Span
from tcheck.registry import register

MAX_RELATED = 8
MIN_MAJORITY = 3  # the majority rendering must be seen this often before others are doubted
MIN_MAIN = 0.3  # the majority rendering's association with the term (Dice over the run)
WARNING_AT = 0.6
MIN_CONFIDENCE = 0.6  # least confidence reported (option min-confidence); NTREX fr 1.20 -> 0.95 per 100 segments, same recall


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


@register("TC107", "inconsistent-term", Severity.WARNING, needs=("source",))
class InconsistentTerm:
    """A source term is rendered by different target words in one document (or across the run).

    What it does: learns a word alignment from the run's own segment pairs (XLIFF, PO, TMX and
    TSV units, a page aligned with its original, paired repository files): the words of both
    sides are lemmatised (simplemma), counted together, and linked one to one in each pair, most
    strongly associated first. For every source word that occurs at least three times in a
    document, its aligned target words are compared; when they are different words, and not
    inflections of one (one lemma or stem), derivations, hyphen or space variants, or a word and
    a compound built on it (``Klang``/``Klangfarbe``), every occurrence of a minority rendering
    is reported, with the evidence, related places of the other renderings and the majority as
    suggestion. An occurrence whose target sentence holds the majority rendering anyway is not
    reported. The confidence (the majority's share times how firmly the minority word is tied to
    the term) sets the severity: warning from 0.6, info below. Chinese and Japanese are compared
    through character bigrams.

    Multi-word terms (``light black hole``, ``immune system``): a run of two to four words written
    next to each other in the source and repeated at least three times in a document is one
    term. Its rendering is the set of target words found where most of its occurrences are
    (contiguous or not; a compound such as ``immunsystemet`` may render the whole term); a place
    where one of them is replaced by another word is reported with the whole renderings as
    evidence (``'light black hole' is rendered 'leichtes schwarzes Loch' 4 times, 'helle
    schwarze Loch' twice; here 'helle schwarze Loch' ('helle')``) and the main word as
    suggestion. A word inside such a term is judged with the term, not alone: ``light`` may be
    ``Licht`` in one sentence and ``leicht`` in ``light black hole``.

    Option ``scope`` (``"document"``, default, or ``"run"``): compare renderings within each
    document or across the whole run. Option ``min-confidence`` (default 0.6): weaker findings
    are not reported. Pages of a content repository paired with their original by the layout
    (``content/de/x.md`` beside ``content/en/x.md``) are left out unless option
    ``repository-pages`` is true: their sentences are paired by tcheck across pages a translator
    rewrote freely, and on real sites most findings there were misaligned words, not terms.
    Pages paired with ``--source`` are compared.

    Why it matters: reviewers count "inconsistent terminology" as an error: a reader who meets
    ``Klang`` and then ``Geräusch`` for one ``sound`` wonders whether two things are meant. Most
    content has no glossary that would catch it (TC102, TC104 need one).

    Example (``talk.de.xlf``, source English)::

        The sound of a black hole ...        Der Klang eines schwarzen Lochs ...
        We recorded that sound twice ...     Wir haben diesen Klang zweimal aufgenommen ...
        The sound gets louder ...            Der Klang wird lauter ...
        This sound is new ...                Dieses Geräusch ist neu ...
                                                    ^^^^^^^^ TC107: 'sound' is rendered 'Klang'
                                                    3 times, 'Geräusch' once (suggestion: Klang)
    """

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counts] = {}
        self.kept: dict[tuple[str, str], list[list[Kept]]] = {}
        # language pairs whose counts are still a document's own (taken without a copy: a single
        # large file's counts are not held twice); copied before another document's are added
        self.borrowed: set[tuple[str, str]] = set()

    @staticmethod
    def digest(doc: Document, ctx: Context) -> Digest:
        """What the run needs of one document (computed where the document was read)."""
        if doc.metadata.get("paired-by") == "repository" and not ctx.option(
            "TC107", "repository-pages", False, bool
        ):
            return Digest(doc.path, (doc.source_lang or "", doc.lang or ""))  # nothing learned, nothing kept
        return digest_document(doc, ctx.option("TC107", "scope", "document", str) == "run")

    def absorb(self, found: Digest, ctx: Context) -> None:
        """Add one document's counts and kept segment pairs to the run."""
        mine = self.counts.get(found.pair)
        if mine is None:
            self.counts[found.pair] = found.counts
            self.borrowed.add(found.pair)
        else:
            if found.pair in self.borrowed:  # the digest stays as it was (it may still be stored)
                self.borrowed.discard(found.pair)
                copy = Counts()
                copy.merge(mine)
                mine = self.counts[found.pair] = copy
            mine.merge(found.counts)
        if found.kept:
            self.kept.setdefault(found.pair, []).append(found.kept)

    def finish(self, ctx: Context) -> Iterator[Hit]:
        run_wide = ctx.option("TC107", "scope", "document", str) == "run"
        minimum = ctx.option("TC107", "min-confidence", MIN_CONFIDENCE, float)
        for pair in sorted(self.kept):
            counts = self.counts[pair]
            hits: dict[tuple[str, int, int], Hit] = {}
            found = renderings_of(
                self.kept[pair], counts, pair[1], run_wide, MIN_OCCURRENCES, min_main=MIN_MAIN
            )
            for rendering in found:
                for hit in _report(rendering, minimum):
                    # one word reported once: as a word and as part of a term, the surer one
                    where = (hit.path or "", hit.span.start, hit.span.end)
                    if where not in hits or (hit.confidence or 0) > (hits[where].confidence or 0):
                        hits[where] = hit
            yield from hits.values()


def _word_class_differs(a: Group, b: Group) -> bool:
    """A capitalised word against a lower-case one: a name against an adjective (``Kina``/
    ``kinesiske``, ``Turquie``/``turc``) or, in a language that capitalises its nouns, a noun
    against a verb (``Angriff``/``angegriffen``): the translator built the sentence another way,
    and grammar then chose the word."""
    capitals = a.capitalised, b.capitalised
    return None not in capitals and capitals[0] != capitals[1]


def _report(found: Rendering, minimum: float) -> Iterator[Hit]:
    main = found.groups[0]
    if len(found.groups) < 2 or main.count < MIN_MAJORITY or main.association < MIN_MAIN:
        return
    shown: list[tuple[Group, float]] = []
    for group in found.groups[1:]:
        if found.words == 1 and _word_class_differs(main, group):  # terms: see phraseterms
            continue
        confidence = round(main.count / (main.count + group.count) * group.strength, 2)
        if confidence >= minimum:
            shown.append((group, confidence))
    if not shown:
        return
    # the evidence names the renderings reported, not the alignment's noise
    evidence = ", ".join(f"'{g.shown}' {_times(g.count)}" for g in [main, *(g for g, _ in shown)])
    kept = Rendering(found.key, found.surface, found.scope, [main, *(g for g, _ in shown)], found.occurrences)
    for group, confidence in shown:
        severity = Severity.WARNING if confidence >= WARNING_AT else Severity.INFO
        for place in group.places:
            whole = place.label and place.label != place.surface  # a term: the word in its rendering
            here = (
                f"'{place.label}' ('{place.surface}')"
                if whole
                else f"'{place.surface if place.label else group.surface}'"
            )
            message = f"'{found.surface}' is rendered {evidence}; here {here}"
            yield Hit(
                span=Span(place.start, place.end),
                path=place.path,
                message=message,
                suggestion=group.replaces or main.surface,
                related=_related(place, kept, group),
                confidence=confidence,
                severity=severity,
            )


def _related(place: Occurrence, found: Rendering, own: object) -> tuple[Related, ...]:
    out: list[Related] = []
    for group in found.groups:
        if group is own:
            continue
        near = sorted(group.places, key=lambda p: (p.path != place.path, abs(p.start - place.start)))
        out += [Related(p.path, Span(p.start, p.end), f"'{group.surface}'") for p in near[:MAX_RELATED]]
    return tuple(out[:MAX_RELATED])
