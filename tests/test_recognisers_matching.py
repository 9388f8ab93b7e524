"""Matching the numbers of a sentence one by one (:func:`match_few`) chooses what the indexed
:class:`Matcher` chooses, so TC301's findings do not depend on how many numbers a sentence has."""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from functools import partial

from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck.recognise.compare import compare_numbers
from tcheck.recognise.matching import Matcher, match_few

# an item: (place, keys, kind)
Item = tuple[float, tuple[Decimal, ...], Hashable]

_KEYS = st.lists(
    st.sampled_from([Decimal(1), Decimal("1.0"), Decimal(2), Decimal(300), Decimal("2.3")]),
    min_size=1,
    max_size=2,
)
_KINDS = st.sampled_from([None, ("length", "metre"), ("length", "foot"), ("mass", "kilogram")])


def _agree(a: Hashable, b: Hashable) -> bool:
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return True
    return bool(a[0] != b[0] or a[1] == b[1])


def _by_matcher(sources: list[Item], targets: list[Item]) -> tuple[list[Item], list[Item]]:
    matcher = Matcher(targets, lambda t: t[1], lambda t: t[0], lambda t: t[2])
    left = [s for s in sources if matcher.take(s[1], s[0], partial(_agree, s[2])) is None]
    return left, matcher.remaining()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1), _KEYS, _KINDS), max_size=6),
    st.lists(st.tuples(_KEYS, _KINDS), max_size=6),
    st.data(),
)
def test_few_numbers_are_matched_as_the_index_matches_them(
    raw_sources: list[tuple[float, list[Decimal], Hashable]],
    raw_targets: list[tuple[list[Decimal], Hashable]],
    data: st.DataObject,
) -> None:
    places = sorted(data.draw(st.sets(st.floats(0, 1), min_size=len(raw_targets), max_size=len(raw_targets))))
    sources: list[Item] = [(p, tuple(k), kind) for p, k, kind in raw_sources]
    targets: list[Item] = [(p, tuple(k), kind) for p, (k, kind) in zip(places, raw_targets, strict=True)]
    few = match_few(sources, targets, places, lambda s: (s[1], s[0]), lambda t: t[1], lambda t: t[2], _agree)
    assert few == _by_matcher(sources, targets)


def test_the_nearest_equal_number_is_taken_and_the_changed_one_left() -> None:
    from tcheck.recognise import recognise

    translated = "Prisene steg 5 % i 2022 og 6 % i 2023, til 2 300 kroner."
    source = recognise("Prices rose 5 % in 2022 and 5 % in 2023, to 2,300 kroner.", "en", "nb")
    target = recognise(translated, "nb", "en")
    diff = compare_numbers(source, target)
    assert [q.text for q in diff.source] == ["5"]
    assert [(q.text, q.start) for q in diff.target] == [("6", translated.index("6"))]
