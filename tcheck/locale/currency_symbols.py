"""Currency symbols and the currencies they can stand for, from CLDR.

A symbol's reading depends on who writes it: ``$`` is USD in an English text and may be CAD or
AUD elsewhere; ``kr`` is NOK, SEK or DKK. A document's own locale decides first
(:func:`local_symbols`); a symbol it does not know is read as the currencies' home locales write
it (:func:`world_symbols`, built once and kept in the cache folder).
"""

from __future__ import annotations

from functools import cache, lru_cache

from tcheck.locale import babel_locale


@lru_cache(maxsize=1)
def current_currencies() -> frozenset[str]:
    """ISO codes of currencies legal tender somewhere today (CLDR territory data; kept in the
    cache folder: Babel's global data costs a run 10 ms to load)."""
    from tcheck.services.tables import derived

    return derived("current-currencies", _current_currencies)


def _current_currencies() -> frozenset[str]:
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    return frozenset(
        code
        for territory in get_global("territory_currencies")
        for code in get_territory_currencies(territory, tender=True)
        if not code.startswith("X") or code in ("XAF", "XOF", "XPF", "XCD")
    )


@lru_cache(maxsize=1)
def sc_chars() -> str:
    """Every currency sign in Unicode (category Sc)."""
    return "".join(chr(c) for c in range(0x20A0, 0x20C1)) + "$£¤¥֏؋৲৳৻૱௹฿៛﷼﹩＄￠￡￥￦"


@cache
def local_symbols(lang: str) -> dict[str, frozenset[str]]:
    """Symbol → currencies, as the locale itself writes them (``$`` → USD in English)."""
    from tcheck.services.tables import derived

    return derived(f"currency-symbols-{lang}", lambda: _local_symbols(lang))


def _local_symbols(lang: str) -> dict[str, frozenset[str]]:
    locale = babel_locale(lang)
    found: dict[str, set[str]] = {}
    current = current_currencies()
    for code, symbol in locale.currency_symbols.items():
        if code in current and symbol and symbol != code:
            found.setdefault(str(symbol), set()).add(code)
    return {s: frozenset(c) for s, c in found.items()}


@lru_cache(maxsize=1)
def world_symbols() -> dict[str, frozenset[str]]:
    """Symbol → currencies, as each currency's home locales write it (``kr`` → NOK, SEK, DKK).

    Built from CLDR on first use, only when a symbol is not one of the document locale's own, and
    kept in the cache folder: building it reads a few hundred locales (about a second, and Babel
    keeps their data, about 100 MB, for the rest of the process).
    """
    from tcheck.services.tables import derived

    return derived("world-currency-symbols", _world_symbols)


def _world_symbols() -> dict[str, frozenset[str]]:
    from babel import Locale
    from babel.core import get_global
    from babel.localedata import locale_identifiers
    from babel.numbers import get_territory_currencies

    known = set(locale_identifiers())
    found: dict[str, set[str]] = {}
    for territory, languages in get_global("territory_languages").items():
        currencies = get_territory_currencies(territory, tender=True)
        for language, info in languages.items():
            ident = f"{language}_{territory}"
            if not currencies or ident not in known:
                continue
            if info.get("official_status") not in ("official", "de_facto_official"):
                continue
            symbols = Locale.parse(ident).currency_symbols
            for code in currencies:
                symbol = symbols.get(code)
                if symbol and symbol != code:
                    found.setdefault(str(symbol), set()).add(code)
    return {s: frozenset(c) for s, c in found.items()}


def symbol_currencies(symbol: str, lang: str) -> frozenset[str]:
    """The currencies a symbol can stand for in a ``lang`` text (its own reading first)."""
    own = local_symbols(lang).get(symbol)
    if own:
        return own
    if symbol.upper() in current_currencies():
        return frozenset({symbol.upper()})
    return world_symbols().get(symbol, frozenset())
