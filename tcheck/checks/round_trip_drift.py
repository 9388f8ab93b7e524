"""TC501 round-trip-drift."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from tcheck.context import Context
from tcheck.model import Document, Hit, Severity, frozen_map
from tcheck.registry import register
from tcheck.services.roundtrip import translations_of
from tcheck.services.scoring import chrf, normalise

MAD_SCALE = 1.4826  # makes the median absolute deviation comparable with a standard deviation


def shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register("TC501", "round-trip-drift", Severity.WARNING, needs=("mt",))
def round_trip_drift(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence that does not come back from a round-trip translation.

    What it does: every sentence of the target text is machine-translated into the source language
    and back (``target → source → target``, with the installed Argos Translate models; through
    English when no source language is known) and scored against itself with sacrebleu's sentence
    chrF (0–100). A sentence is reported when its score is below ``min-chrf`` (default 35), or,
    in a document of at least ``min-sentences`` (5) scored sentences, when it falls more than
    ``relative-mads`` (3) robust deviations below the document's median score (the deviation
    counts as at least ``min-spread``, 10 points, so a document of near-perfect round trips does
    not flag small changes). Sentences shorter than ``min-length`` (20) characters are not scored.
    The finding shows the round-trip text. Options go in ``[tool.tcheck.options.TC501]``.

    Why it matters: a sentence that a translation model cannot carry there and back is often
    garbled, truncated, ambiguous or left half in another language — worth a human look before
    publishing. The document's own distribution matters because round-trip scores depend on the
    language pair and the text type: a sentence far below its neighbours stands out.

    Example::

        Protesters in Almaty set fire to the mayor's office on Wednesday.
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TC501: the round
        trip through nb scores chrF 24 (limit 35): "Protesters in"
    """
    data = translations_of(doc, ctx.services)
    if data is None:
        return
    min_length = ctx.option("TC501", "min-length", 20, int)
    absolute = ctx.option("TC501", "min-chrf", 35.0, float)
    mads = ctx.option("TC501", "relative-mads", 3.0, float)
    spread = ctx.option("TC501", "min-spread", 10.0, float)
    min_sentences = ctx.option("TC501", "min-sentences", 5, int)
    scored = [
        (trip, chrf(trip.round, trip.text)) for trip in data.trips if len(normalise(trip.text)) >= min_length
    ]
    if not scored:
        return
    scores = [score for _, score in scored]
    median = statistics.median(scores)
    limit = absolute
    if len(scores) >= min_sentences:
        deviation = statistics.median(abs(s - median) for s in scores) * MAD_SCALE
        limit = max(absolute, median - mads * max(deviation, spread))
    for trip, score in scored:
        if score >= limit:
            continue
        seg = doc.segments[trip.segment]
        sentence = seg.text[trip.start : trip.end]
        lead = len(sentence) - len(sentence.lstrip())
        end = trip.start + len(sentence.rstrip())
        why = f"limit {limit:.0f}" + (f", document median {median:.0f}" if limit > absolute else "")
        yield Hit(
            span=seg.file_span(trip.start + lead, end),
            message=(
                f"the round trip through {data.via} scores chrF {score:.0f} ({why}): "
                f'"{shorten(normalise(trip.round))}"'
            ),
            confidence=round(min(1.0, (limit - score) / max(limit, 1.0)), 2),
            data=frozen_map(
                {
                    "round_trip": trip.round,
                    "back_translation": trip.back,
                    "via": data.via,
                    "chrf": round(score, 2),
                    "limit": round(limit, 2),
                }
            ),
        )
