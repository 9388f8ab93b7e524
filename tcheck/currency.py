"""Currency names of a language from CLDR, and amounts written with them.

For each language, CLDR gives every currency's display name in singular and plural forms
(``Norwegian krone``, ``Norwegian kroner``; ``couronne norvégienne``). The *unit word* is the part
that several currencies share (``kroner``: NOK, DKK; ``dollars``: USD, CAD, AUD ...); it sits at the
end of the name in some languages and at the start in others, which is decided from the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tcheck.locale import babel_locale
from tcheck.numbers import NUMBER_PATTERN, multiplier_words

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class CurrencyLexicon:
    """Currency vocabulary of one language."""

    lang: str
    units: dict[str, frozenset[str]]  # lower-cased unit word -> currency codes
    full_names: dict[str, str]  # lower-cased full name -> currency code
    head_last: bool  # unit word ends the name (en, nb, de) or starts it (fr, es)
    amount_re: re.Pattern[str]


def _names(lang: str) -> dict[str, set[str]]:
    """Lower-cased names of each current currency in ``lang``."""
    from babel.numbers import get_currency_name

    locale = babel_locale(lang)
    plural = locale._data.get("currency_names_plural", {})
    names: dict[str, set[str]] = {}
    for code, display in locale.currencies.items():
        if code not in current_currencies():
            continue
        forms = {display, get_currency_name(code, locale=locale)}
        forms.update(plural.get(code, {}).values())
        names[code] = {f.lower() for f in forms if f and f.upper() != code}
    return names


@lru_cache(maxsize=1)
def current_currencies() -> frozenset[str]:
    """ISO codes of currencies legal tender somewhere today (CLDR territory data)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    return frozenset(
        code
        for territory in get_global("territory_currencies")
        for code in get_territory_currencies(territory, tender=True)
        if not code.startswith("X") or code in ("XAF", "XOF", "XPF", "XCD")
    )


@cache
def lexicon(lang: str) -> CurrencyLexicon:
    names = _names(lang)
    last: dict[str, set[str]] = {}
    first: dict[str, set[str]] = {}
    for code, forms in names.items():
        for form in forms:
            words = _WORD.findall(form)
            if len(words) >= 2:
                last.setdefault(words[-1], set()).add(code)
                first.setdefault(words[0], set()).add(code)
    shared_last = sum(len(codes) for codes in last.values() if len(codes) > 1)
    shared_first = sum(len(codes) for codes in first.values() if len(codes) > 1)
    head_last = shared_last >= shared_first
    heads = last if head_last else first
    units = {w: frozenset(c) for w, c in heads.items() if len(c) > 1 and len(w) > 2}
    full = {form: code for code, forms in names.items() for form in forms}
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    mult = "|".join(re.escape(m) for m in sorted(multiplier_words(lang), key=len, reverse=True))
    mult_part = rf"(?:\s+(?:{mult}))?" if mult else ""
    amount = re.compile(
        rf"(?<![\w.,])(?P<number>{NUMBER_PATTERN}){mult_part}\s+(?P<unit>{alternatives})(?!\w)",
        re.IGNORECASE,
    )
    return CurrencyLexicon(lang, units, full, head_last, amount)


def named_currency(lex: CurrencyLexicon, text: str, unit_start: int, unit_end: int) -> str | None:
    """The currency when the unit word is part of a full name (``Norwegian kroner``)."""
    if lex.head_last:
        window = text[max(0, unit_start - 40) : unit_end].lower()
        for name, code in lex.full_names.items():
            if window.endswith(name) and len(name) > unit_end - unit_start:
                return code
    else:
        window = text[unit_start : unit_end + 40].lower()
        for name, code in lex.full_names.items():
            if window.startswith(name) and len(name) > unit_end - unit_start:
                return code
    return None
