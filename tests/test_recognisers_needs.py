"""The recognisers' shared prefilter (:mod:`tcheck.recognise.prefilter`): a text is read only by
the recognisers that can find something in it, and what is found is what every recogniser
would have found."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tcheck.recognise as recognisers
from tcheck.recognise import Mentions, clear_caches, recognise
from tcheck.recognise.prefilter import Needs, needs
from tcheck.recognise.timefind import has_zone

SENTENCES = [
    ("en", "The committee met behind closed doors and said nothing to the press."),
    ("en", "Earlier on Thursday, two men were arrested in Oslo."),
    ("en", "The bill, worth 5,000 kroner, was paid at 14:30 Norwegian time."),
    ("en", "World War II ended in the summer, said Pope Benedict XVI."),
    ("en", "Forty-two people and a seven-year-old boy were rescued."),
    ("en", "It happened at noon (GMT), not in May."),
    ("nb", "Regjeringen vil ikke kommentere saken før etter valget."),
    ("nb", "Hun har sju barn, og en trettenåring kom i fjor."),
    ("nb", "Onsdag 19. januar betalte han 2 300 kroner klokka 14."),
    ("nn", "Det kom fire hundre menneske til møtet."),
    ("da", "Statsministeren sagde, at regeringen ville vente."),
    ("sv", "Tjugoett barn kom till mötet på måndag."),
    ("de", "Die Regierung wollte sich dazu nicht äußern."),
    ("de", "Er zahlte am Mittwoch, dem 19. Januar, 1.500 Euro."),
    ("fr", "Elle a vingt et un ans et vit à Paris depuis le XVe siècle."),
    ("ru", "Погибли трое из двадцати пяти пассажиров."),
    ("ru", "ΣΟΦΙΑ и İstanbul: правительство молчит."),
    ("zh", "他说，政府将在三月讨论这个问题。"),
    ("ja", "九人が東京で会った。"),
    ("ko", "정부는 아무 말도 하지 않았다."),
    ("ar", "قال الوزير إن الحكومة لن تعلق."),
]


def _all(text: str, lang: str) -> Needs:
    """Every recogniser needed; whether a zone is named as the time recogniser answers it."""
    return Needs(True, True, True, has_zone(text, lang))


def _as_tuples(found: Mentions) -> tuple[object, ...]:
    return tuple(tuple(getattr(found, f.name)) if f.name != "zoned" else found.zoned for f in fields(found))


def _unfiltered(text: str, lang: str, also: str | None, monkeypatch: pytest.MonkeyPatch) -> Mentions:
    """What every recogniser finds in ``text`` (the prefilter answering "all" every time)."""
    with monkeypatch.context() as patch:
        patch.setattr(recognisers, "needs", _all)
        clear_caches()
        found = recognise(text, lang, also)
    clear_caches()
    return found


@pytest.mark.parametrize(("lang", "text"), SENTENCES)
def test_the_prefilter_changes_nothing_that_is_found(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_caches()
    fast = recognise(text, lang, "en")
    assert _as_tuples(fast) == _as_tuples(_unfiltered(text, lang, "en", monkeypatch))


def test_plain_prose_needs_no_recogniser() -> None:
    assert needs("The committee met behind closed doors and said nothing to the press.", "en").nothing
    assert needs("Er wollte sich dazu nicht äußern.", "de").nothing
    assert needs("Die Regierung schwieg.", "de").names  # "die" begins "Dienstag"
    found = recognise("Statsministeren sagde, at regeringen ville vente.", "da", "en")
    assert not (found.dates or found.times or found.numbers or found.amounts or found.words)


def test_each_kind_of_mention_is_announced() -> None:
    assert needs("It costs 5 kroner.", "en") == Needs(True, False, True, False)  # numbers read anyway
    assert needs("It happened on Thursday.", "en") == Needs(False, True, False, False)
    assert needs("Forty people came.", "en") == Needs(False, True, False, False)
    assert needs("Pope Benedict XVI spoke.", "en").roman
    assert needs("It was late (GMT).", "en").zone
    assert needs("下午三点", "zh").digits  # a CJK numeral can start an hour


def test_a_lower_casing_that_changes_length_reads_every_word() -> None:
    # "İ" lower-cases to two characters: offsets in the lower-cased text would be off
    assert needs("İstanbul", "ru").names


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Thursday",
                "January",
                "19",
                "2022",
                "1,000",
                "two",
                "hundred",
                "XIV",
                "GMT",
                "kroner",
                "$",
                "at",
                "on",
                "the",
                "May",
                "one",
                "14:30",
                "million",
                "first",
                "Louis",
                "1.5",
                "—",
                ",",
                ".",
                " ",
                "\n",
                "İ",
                "onsdag",
                "tjueen",
                "sju",
                "mars",
                "kl.",
                "kr",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from(["en", "nb", "de"]),
)
def test_shuffled_pieces_are_found_alike(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    clear_caches()
    fast = _as_tuples(recognise(text, lang, "en"))
    with pytest.MonkeyPatch.context() as patch:
        assert fast == _as_tuples(_unfiltered(text, lang, "en", patch))
