"""TC304 amount-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from tcheck.checks._bilingual import Pair, pairs
from tcheck.checks._flood import capped
from tcheck.context import Context
from tcheck.locale.memo import forget_heavy
from tcheck.model import Document, Hit, Severity
from tcheck.recognise import Amount
from tcheck.recognise.compare import compare_amounts
from tcheck.registry import register


def currencies(amount: Amount) -> str:
    codes = sorted(amount.currencies)
    return "/".join(codes[:4]) + ("/…" if len(codes) > 4 else "")


@register("TC304", "amount-mismatch", Severity.ERROR, needs=("source",))
def amount_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An amount of money in the translation has another currency or value than the source's.

    What it does: finds amounts on both sides (``$3.2bn``, ``£11million``, ``NOK 5 000``,
    ``5 000 kroner``, ``2,8 milliarder britiske pund``, ``1100 万英镑``,
    ``125 млн фунтов стерлингов``) with each language's CLDR currency codes, symbols and names,
    reads each amount's value with its multiplier, and reports an amount of the translation that
    matches none of the source: a different currency (``$`` for ``£``) or, in the same currency,
    a different value (``2,8 millioner`` for ``£2.8bn``). A currency word that several
    currencies share (``pund``, ``dollars``) matches any of them. An amount in another currency
    *and* with another value is the source's amount converted for the readers (``$100`` →
    ``700 kroner``): localisation, reported as info so that the rate can be checked.

    Why it matters: a currency swapped or a million read as a billion misstates a story's
    central fact, and readers cannot see it.

    Example (source ``... the UK's £2.8bn beauty market ...``)::

        ... Storbritannias skjønnhetsmarked på 2,8 millioner pund ...
                                               ^^^^^^^^^^^^^^^^^^^^ TC304: the source has £2.8bn
    """
    for pair in pairs(doc):
        yield from capped(_pair_hits(pair), "amounts that differ from the source's", doc.path, Severity.ERROR)
    forget_heavy()  # the last check of a bilingual document that reads the recognisers


def _pair_hits(pair: Pair) -> Iterator[Hit]:
    for target, source, what in compare_amounts(pair.source_mentions.amounts, pair.mentions.amounts):
        if what == "converted":
            yield Hit(
                span=pair.target.file_span(target.start, target.end),
                message=(
                    f"'{target.text}' ({currencies(target)}) stands for the source's "
                    f"'{source.text}' ({currencies(source)}), converted: check the rate"
                ),
                related=(pair.related(source.start, source.end, "the source's amount"),),
                severity=Severity.INFO,
            )
            continue
        if what == "currency":
            message = (
                f"'{target.text}' is in {currencies(target)}, but the source's amount "
                f"'{source.text}' is in {currencies(source)}"
            )
        else:
            message = f"'{target.text}' is not the amount in the source: '{source.text}'"
        yield Hit(
            span=pair.target.file_span(target.start, target.end),
            message=message,
            related=(pair.related(source.start, source.end, "the source's amount"),),
        )
