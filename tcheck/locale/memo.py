"""Caches of the recognisers' results bounded by their size, not by their number of entries.

The recognisers keep what they found in a text so that several checks can ask for the same
segment without reading it again. An ``lru_cache`` bounded by a count of entries lets that grow
with the text: 65,536 paragraphs of a large site, or one paragraph of 8 MB with 300,000 numbers,
are one entry each. :func:`sized` weighs each entry instead (the characters of its text and an
estimate per mention kept) and forgets the least recently used ones beyond a budget; the newest
entry always stays, so the checks of one huge segment, which run one after the other, still
share one reading of it. The budget is large while a document is checked (its checks walk its
segments one after the other: a smaller one would make each check read every segment again);
once it is checked, :func:`document_done` forgets the heavy entries (over :data:`HEAVY`),
which only that document could use, and keeps the most recent light ones up to
:data:`BETWEEN_DOCUMENTS` (a footer or a heading repeated on every page).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sized
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

MENTION_BYTES = 200  # about what one kept mention costs (an object with slots and its integers)
BUDGET = 256_000_000  # per cache, in the same units: characters of keys and mention estimates
BETWEEN_DOCUMENTS = 2_000_000  # what each cache keeps once a document is checked
HEAVY = 200_000  # an entry over this (1,000 mentions, 200 kB of text) is forgotten then

_CACHES: list[SizedCache[..., Any]] = []


class SizedCache(Generic[P, R]):
    """A least-recently-used cache of ``func`` whose entries weigh ``weigh(key_text, result)``.

    Called like ``func``; positional arguments only (the first one is the text whose length
    counts). ``cache_clear`` forgets everything, ``weight`` is the current total.
    """

    def __init__(self, func: Callable[P, R], weigh: Callable[[Any], int], budget: int = BUDGET) -> None:
        self.__wrapped__ = func
        self.__doc__ = func.__doc__
        self.__name__ = getattr(func, "__name__", "cached")
        self._weigh = weigh
        self._budget = budget
        self._entries: OrderedDict[Hashable, tuple[R, int]] = OrderedDict()
        self.weight = 0
        self._heavy: set[Hashable] = set()  # keys of the entries over HEAVY (see forget_heavy)
        _CACHES.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            return entry[0]
        result = self.__wrapped__(*args, **kwargs)
        first = args[0] if args else ""
        weight = (len(first) if isinstance(first, str) else 0) + self._weigh(result)
        self._entries[key] = (result, weight)
        self.weight += weight
        if weight > HEAVY:
            self._heavy.add(key)
        if self.weight > self._budget:
            self.trim(self._budget)
        return result

    def trim(self, budget: int) -> None:
        """Forget the least recently used entries until the rest weigh ``budget`` or less (the
        newest entry stays)."""
        while self.weight > budget and len(self._entries) > 1:
            old, (_, dropped) = self._entries.popitem(last=False)
            self.weight -= dropped
            self._heavy.discard(old)

    def cache_clear(self) -> None:
        self._entries.clear()
        self._heavy.clear()
        self.weight = 0

    def forget_heavy(self) -> None:
        """Forget the entries that weigh more than :data:`HEAVY` (in time with their number, not
        with the number of entries)."""
        for key in self._heavy:
            entry = self._entries.pop(key, None)
            if entry is not None:
                self.weight -= entry[1]
        self._heavy.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, args: object) -> bool:
        """Whether the result for these positional arguments (a tuple) is kept."""
        return args in self._entries


def sized(weigh: Callable[[Any], int], budget: int = BUDGET) -> Callable[[Callable[P, R]], SizedCache[P, R]]:
    """Decorator: cache ``func`` in a :class:`SizedCache` weighing results with ``weigh``."""

    def wrap(func: Callable[P, R]) -> SizedCache[P, R]:
        return SizedCache(func, weigh, budget)

    return wrap


def per_mention(result: Sized) -> int:
    """The weight of a sequence of mentions: :data:`MENTION_BYTES` each."""
    return MENTION_BYTES * len(result)


def forget_heavy() -> None:
    """Forget what every cache holds of heavy texts now: the last check of a document that
    reads dates, times and numbers calls this, so that the checks after it (which read none)
    do not run beside a large segment's mentions."""
    for cache in _CACHES:
        cache.forget_heavy()


def document_done() -> None:
    """Forget what every cache holds of heavy texts (a document's own large segments) and all
    but :data:`BETWEEN_DOCUMENTS` of the rest: the engine calls this once a document's checks
    are done, so that a large document's mentions are not kept while the next stages (the run
    checks' digests) or the next documents need the memory."""
    for cache in _CACHES:
        cache.forget_heavy()
        cache.trim(BETWEEN_DOCUMENTS)
    for forget in _FORGETTERS:
        forget()


_FORGETTERS: list[Callable[[], object]] = []


def forget_with_document(forget: Callable[[], object]) -> None:
    """Have :func:`document_done` call ``forget``: a cache of one document's results (which keeps
    the document) must not keep it through the run checks' finish or into the next document."""
    _FORGETTERS.append(forget)


_TEXTS: dict[str, str] = {}
_TEXTS_LIMIT = 8192
_TEXT_LONGEST = 64


def shared(text: str) -> str:
    """One string for every mention written alike (``Wednesday, January 19, 2022`` found
    10,000 times is kept once): the last :data:`_TEXTS_LIMIT` short texts are remembered."""
    if len(text) > _TEXT_LONGEST:
        return text
    found = _TEXTS.get(text)
    if found is None:
        if len(_TEXTS) >= _TEXTS_LIMIT:
            del _TEXTS[next(iter(_TEXTS))]  # the oldest
        found = _TEXTS[text] = text
    return found
