"""Currency names of a language from CLDR, and amounts written with them.

For each language, CLDR gives every currency's display name in singular and plural forms
(``Norwegian krone``, ``Norwegian kroner``; ``couronne norvégienne``). The *unit word* is the part
that several currencies share (``kroner``: NOK, DKK; ``dollars``: USD, CAD, AUD ...); it sits at the
end of the name in some languages and at the start in others, which is decided from the data.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from tcheck.locale import babel_locale
from tcheck.locale.currency_symbols import current_currencies, local_symbols, sc_chars, symbol_currencies
from tcheck.locale.memo import MENTION_BYTES, sized
from tcheck.locale.numbers import _TOKEN, multiplier_regex, multipliers
from tcheck.services import regexes
from tcheck.services.tables import data_file, derived, read_toml

if TYPE_CHECKING:
    from tcheck.recognise.quantities import Quantity

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class CurrencyLexicon:
    """Currency vocabulary of one language."""

    lang: str
    units: dict[str, frozenset[str]]  # lower-cased unit word -> currency codes
    full_names: dict[str, str]  # lower-cased full name -> currency code
    head_last: bool  # unit word ends the name (en, nb, de) or starts it (fr, es)


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


def _lexicon(lang: str) -> CurrencyLexicon:
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
    shared = {w: set(c) for w, c in heads.items() if len(c) > 1 and len(w) > 2}
    if not head_last:  # "nouveau shekel", "nouveau dollar": a modifier of another head word
        for forms in names.values():
            for form in forms:
                words = _WORD.findall(form)
                if len(words) >= 2 and words[1] in shared and words[0] in shared:
                    shared.pop(words[0], None)
    for code, forms in names.items():  # "долларов США", "британских фунтов стерлингов"
        for form in forms:
            words = _WORD.findall(form)
            for word in [*words, *(part for w in words for part in re.split(r"[-'’]", w))]:
                if word in shared:
                    shared[word].add(code)
    units = {w: frozenset(c) for w, c in shared.items()}
    full = {form: code for code, forms in names.items() for form in forms}
    return CurrencyLexicon(lang, units, full, head_last)


def lexicon(lang: str) -> CurrencyLexicon:
    """The currency names of ``lang`` (full names and the unit words several share)."""
    return _table(lang).lexicon


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


# --- amounts ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount of money: a number with a currency code, symbol or name before or after it.

    ``how`` is ``code`` (``NOK``), ``symbol`` (``$``, ``kr``), ``name`` (a full currency name,
    ``Norwegian kroner``, ``euro``) or ``unit`` (a unit word several currencies share,
    ``kroner``, ``dollars``).
    """

    start: int
    end: int
    text: str
    quantity: Quantity
    currencies: frozenset[str]
    currency_text: str
    currency_at: tuple[int, int]
    how: str


@dataclass(frozen=True)
class AmountLexicon:
    names: dict[str, frozenset[str]]  # lower-cased name or unit word -> currencies
    hows: dict[str, str]
    before: re.Pattern[str]
    after: re.Pattern[str]


def _bounded(word: str) -> str:
    if "\u2e80" <= word[-1] <= "\u9fff" or not word[-1].isalnum():
        return re.escape(word)
    return re.escape(word) + r"(?![^\W\d_])"


@dataclass(frozen=True)
class _Table:
    """What :func:`amount_lexicon` makes of CLDR and ``currency.toml`` for one language, the same
    whatever the other side's language (kept in the cache folder between runs)."""

    lexicon: CurrencyLexicon
    names: dict[str, frozenset[str]]  # lower-cased name or unit word -> currencies
    hows: dict[str, str]  # how each names them: "name" or "unit"
    word_alt: str  # the pattern of them all (a trie)
    connectors: tuple[str, ...]  # words between a number and its currency ("de")
    common_words: frozenset[str]  # currency words that are also common words


def _build(lang: str) -> _Table:
    lex = _lexicon(lang)
    extra: dict[str, Any] = read_toml("currency.toml").get(lang.split("_")[0], {})
    names: dict[str, frozenset[str]] = {}
    hows: dict[str, str] = {}
    for name, code in lex.full_names.items():
        names[name] = frozenset({code})
        hows[name] = "name"
    for unit, codes in lex.units.items():
        names[unit] = codes
        hows[unit] = "unit"
    for word, codes in extra.get("words", {}).items():
        names[word.lower()] = frozenset(codes)
        hows[word.lower()] = "name"
    # the names as a trie, each with its boundary: the alternation's matches, longest first
    word_alt = trie_pattern(sorted(names), lambda n: _bounded(n)[len(re.escape(n)) :]) if names else ""
    return _Table(
        lex,
        names,
        hows,
        word_alt,
        tuple(extra.get("connectors", [])),
        frozenset(extra.get("common-words", ())),
    )


@cache
def _table(lang: str) -> _Table:
    """:func:`_build`, kept in the cache folder (CLDR's currency names of a language and the
    trie over them cost 20-30 ms to derive)."""
    from tcheck.locale import currency_symbols
    from tcheck.recognise import wordtrie

    sources = (data_file("currency.toml"), wordtrie.__file__, currency_symbols.__file__)
    return derived(f"currency-names-{lang}", lambda: _build(lang), files=sources)


@cache
def amount_lexicon(lang: str, also: str | None = None) -> AmountLexicon:
    """Currency words and patterns of ``lang``; symbols written with letters of the locale
    ``also`` (the source language, ``kr``) are recognised too."""
    table = _table(lang)
    names, word_alt = table.names, table.word_alt
    hows = dict(table.hows)
    alpha_symbols = [s for s in local_symbols(lang) if s[0].isalpha()]
    if also:
        alpha_symbols += [s for s in local_symbols(also) if s[0].isalpha() and s not in alpha_symbols]
    for symbol in alpha_symbols:
        hows.setdefault(symbol.lower(), "symbol")
    sc = re.escape(sc_chars())
    symbol = rf"(?:[A-Z]{{1,3}})?[{sc}](?:[A-Z]{{1,3}}(?![^\W\d_]))?|[A-Z]{{3}}(?![^\W\d_])"
    if alpha_symbols:
        symbol += "|" + "|".join(_bounded(s) for s in sorted(alpha_symbols, key=lambda w: (-len(w), w)))
    conn = "|".join(re.escape(c) for c in table.connectors)
    conn_part = rf"(?:(?:{conn})[\s\u00a0]*)?" if conn else ""
    before = re.compile(rf"(?<![^\W\d_])(?P<cur>{symbol})[\s\u00a0\u202f]?$")
    after = regexes.compile(  # a large pattern: compiled once per machine
        rf"[\s\u00a0\u202f]?{conn_part}(?P<cur>{symbol}|{word_alt})"
        if word_alt
        else rf"[\s\u00a0]?(?P<cur>{symbol})",
        re.IGNORECASE,
    )
    return AmountLexicon(names, hows, before, after)


def _resolve(text: str, lang: str, alex: AmountLexicon) -> tuple[frozenset[str], str] | None:
    low = text.lower()
    if low in alex.names:
        return alex.names[low], alex.hows[low]
    if re.fullmatch(r"[A-Z]{3}", text):
        return (frozenset({text}), "code") if text in current_currencies() else None
    codes = symbol_currencies(text, lang)
    if not codes and text.rstrip(".") != text:
        codes = symbol_currencies(text.rstrip("."), lang)
    return (codes, "symbol") if codes else None


def find_amounts(text: str, lang: str, also: str | None = None) -> Sequence[Amount]:
    """Every amount of money in ``text``: ``NOK 5 000``, ``5 000 kroner``, ``$3.2bn``, ``1100 万英镑``.

    ``also`` is a second locale whose letter symbols count (``kr`` in an English text from
    Norwegian).
    """
    if _DIGIT.search(text) is None:  # not kept in the cache: most texts
        return ()
    return _amounts(text, lang, also)


def _split(a: Amount) -> tuple[int, Any]:
    s = a.start
    q_start, q_shape = QUANTITY_SHAPE.split(a.quantity)
    at = (a.currency_at[0] - s, a.currency_at[1] - s)
    return s, (a.end - s, a.text, q_start - s, q_shape, a.currencies, a.currency_text, at, a.how)


def _join(start: int, s: tuple[Any, ...]) -> Amount:
    quantity = QUANTITY_SHAPE.join(start + s[2], s[3])
    at = (start + s[6][0], start + s[6][1])
    return Amount(start, start + s[0], s[1], quantity, s[4], s[5], at, s[7])


class _AmountShape:
    """:class:`tcheck.recognise.packed.Shape` of an amount (made on first use: the recognisers
    import this module)."""

    def split(self, amount: Amount, /) -> tuple[int, Any]:
        return _split(amount)

    def join(self, start: int, shape: Any, /) -> Amount:
        return _join(start, shape)


AMOUNT_SHAPE = _AmountShape()


def _weight(found: Sequence[Amount]) -> int:
    return weight(found, MENTION_BYTES)


@sized(_weight)
def _amounts(text: str, lang: str, also: str | None) -> Sequence[Amount]:
    """The amounts of ``text`` (kept for the recognisers and TC303, which ask for the same
    text; the numbers read on the way are not kept; many amounts are packed:
    :mod:`tcheck.recognise.packed`)."""
    if _DIGIT.search(text) is None:
        return ()
    alex = amount_lexicon(lang, also)
    found: Packer[Amount] = Packer(AMOUNT_SHAPE)
    for quantity in _money(text, lang):
        head = alex.before.search(text, max(0, quantity.start - 8), quantity.start)
        if head is not None:
            resolved = _resolve(head.group("cur"), lang, alex)
            if resolved:
                found.append(
                    _amount(text, quantity, head.start("cur"), quantity.end, head.span("cur"), resolved)
                )
                continue
        tail = alex.after.match(text, quantity.end)
        if tail is not None and _word_ok(text, tail, lang):
            resolved = _resolve(tail.group("cur"), lang, alex)
            if resolved:
                end = tail.end("cur")
                if quantity.multiplier is None:  # "120 £ millioner"
                    quantity, end = _late_multiplier(text, quantity, end, lang)
                found.append(_amount(text, quantity, quantity.start, end, tail.span("cur"), resolved))
    return found.done()


_NOT_BESIDE = ",;"


def _may_be_money(text: str, start: int, end: int) -> bool:
    """Whether a currency can touch the number token ``text[start:end]``: something other than
    a digit, a space, a comma or a semicolon right before it (after at most two spaces: ``NOK
    5``, ``kr\n5``) or right after it (after one space: ``5 kroner``, ``5 millioner``,
    ``3.2bn``). A cheap test that only lets the recognisers skip numbers among numbers
    (``1,000 1,000``, ``2022, 2023``)."""
    at = start - 1
    for _ in range(2):
        if at >= 0 and text[at].isspace():
            at -= 1
    if at >= 0 and not (text[at].isdigit() or text[at].isspace() or text[at] in _NOT_BESIDE):
        return True
    at = end + 1 if end < len(text) and text[end].isspace() else end
    return at < len(text) and not (text[at].isdigit() or text[at].isspace() or text[at] in _NOT_BESIDE)


@sized(_weight)
def _money(text: str, lang: str) -> Sequence[Quantity]:
    """:func:`_money_quantities` of ``text``, kept: a text is asked for its amounts once for
    each language of the other side (a source page's sentence once for each translation)."""
    return pack(_money_quantities(text, lang), QUANTITY_SHAPE)


def _money_quantities(text: str, lang: str) -> Iterator[Quantity]:
    """The numbers of ``text`` that may be amounts (read with money multipliers), not codes,
    one at a time."""
    for match in _TOKEN.finditer(text):
        if not _may_be_money(text, match.start(), match.end()):
            continue
        quantity = quantity_at(text, match, lang, money=True)
        if quantity is not None and not quantity.code:
            yield quantity


def _word_ok(text: str, tail: re.Match[str], lang: str) -> bool:
    """A currency word of three letters or less (``som``, ``won``, ``lei``) is also a common word
    in many languages, and so are some longer ones (Ukrainian ``вона``, the won, is "she"; listed
    as ``common-words`` in ``tcheck/data/currency.toml``): they count only at the end of a clause
    (``5,000 won.``)."""
    word = tail.group("cur")
    common = word.lower() in _table(lang).common_words
    if not common and (len(word) > 3 or not word.isalpha() or word.isupper()):
        return True
    rest = text[tail.end() : tail.end() + 2].lstrip()
    return not rest or not rest[0].isalnum()


def _late_multiplier(text: str, quantity: Quantity, end: int, lang: str) -> tuple[Quantity, int]:
    """A multiplier written after the currency (``120 £ millioner``) applies to the number."""
    pattern = multiplier_regex(lang)
    match = pattern.match(text, end) if pattern is not None else None
    if match is None:
        return quantity, end
    word = match.group("mult").lower()
    value = multipliers(lang).get(word) or multipliers(lang).get(word.rstrip("."))
    if value is None:
        return quantity, end
    alt = quantity.alt * value if quantity.alt is not None else None
    return dataclasses.replace(quantity, value=quantity.value * value, alt=alt, multiplier=value), match.end()


def _amount(
    text: str,
    quantity: Quantity,
    start: int,
    end: int,
    at: tuple[int, int],
    resolved: tuple[frozenset[str], str],
) -> Amount:
    codes, how = resolved
    return Amount(start, end, text[start:end], quantity, codes, text[at[0] : at[1]], at, how)


# The recognisers' package imports this module: what this module takes from it is imported
# last, when every name the package asks for here is defined (not in each call: an import
# statement in a function costs microseconds at each of the thousands of texts).
from tcheck.recognise.packed import Packer, pack, weight  # noqa: E402
from tcheck.recognise.quantities import QUANTITY_SHAPE, quantity_at  # noqa: E402
from tcheck.recognise.wordtrie import trie_pattern  # noqa: E402
