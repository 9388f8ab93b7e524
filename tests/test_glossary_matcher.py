"""The term matcher behind TC101-TC105: notable-only searches, the ASCII fast path, late additions."""

from __future__ import annotations

import pytest

from tcheck.glossary.matcher import TermMatcher
from tcheck.glossary.patterns import Match

# (pattern, payload, language); payloads starting with "!" are notable (as forbidden terms are)
PATTERNS = [
    ("president", "president", "en"),
    ("vice president", "vice president", "en"),
    ("chairman", "!chairman", "en"),
    ("CTSO", "!CTSO", "en"),
    ("security alliance", "security alliance", "en"),
    ("alliance", "!alliance", "en"),
    ("regjering", "regjering", "nb"),
    ("statsminister", "!statsminister", "nb"),
    ("Europäische Kommission", "!Kommission", "de"),
    ("Kommission", "Kommission", "de"),
    ("联合国", "!联合国", "zh"),
    ("安理会", "安理会", "zh"),
]

TEXTS = [
    "The vice president and the chairman met the president of the security alliance CTSO.",
    "Vice-presidents, chairmen and CTSOs: the alliance's presidents spoke, then the alliances.",
    "The president spoke; nobody else did.",
    "Regjeringen og statsministeren møttes; regjeringens statsministre var enige.",
    "Die Europäische Kommission und die Kommissionen der Europäischen Kommission tagten.",
    "联合国安理会今天开会，联合国秘书长发言。",
    "安理会今天开会。",
    "",
]


def _matcher() -> TermMatcher[str]:
    matcher: TermMatcher[str] = TermMatcher(notable=lambda payload: payload.startswith("!"))
    for pattern, payload, lang in PATTERNS:
        matcher.add(pattern, payload, lang=lang)
    return matcher


def _notable_spans(found: list[Match[str]]) -> list[Match[str]]:
    spans = {(m.start, m.end) for m in found if m.payload.startswith("!")}
    return [m for m in found if (m.start, m.end) in spans]


@pytest.mark.parametrize("text", TEXTS)
def test_notable_only_keeps_exactly_the_notable_spans(text: str) -> None:
    full = list(_matcher().find(text))
    assert list(_matcher().find(text, notable_only=True)) == _notable_spans(full)


def test_a_longer_plain_term_still_wins_over_a_notable_one() -> None:
    # 'alliance' is notable, but 'security alliance' (not notable) is longer and takes the span
    found = list(_matcher().find("The security alliance met.", notable_only=True))
    assert found == []
    found = list(_matcher().find("The alliance met.", notable_only=True))
    assert [m.text for m in found] == ["alliance"]


def test_no_notable_term_means_nothing() -> None:
    matcher = _matcher()
    assert list(matcher.find("The president met the vice president.", notable_only=True)) == []
    assert [m.text for m in matcher.find("The president met the vice president.")] == [
        "president",
        "vice president",
    ]


def test_ascii_fast_path_agrees_with_the_general_path() -> None:
    # The same sentence once in pure ASCII and once with a non-ASCII word at its end: every
    # match before that word must be the same.
    for text in TEXTS[:3]:
        plain = list(_matcher().find(text))
        mixed = [m for m in _matcher().find(text + " Überall.") if m.end <= len(text)]
        assert plain == mixed, text


def test_patterns_added_after_a_search_are_found() -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add("CSTO", "a")
    text = "CSTO and NATO"
    assert [m.text for m in matcher.find(text)] == ["CSTO"]
    matcher.add("NATO", "b")
    assert [m.text for m in matcher.find(text)] == ["CSTO", "NATO"]
    assert len(matcher) == 2


def test_blank_patterns_are_ignored() -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add("  ", "blank")
    matcher.add("", "empty")
    assert len(matcher) == 0
    assert list(matcher.find("anything")) == []


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        (
            "de",
            "Europäische Kommission",
            "Ein Sprecher der Europäischen Kommission sagte",
            "Europäischen Kommission",
        ),
        ("de", "Vereinte Nationen", "Die Truppen der Vereinten Nationen zogen ab.", "Vereinten Nationen"),
        ("nb", "europeisk union", "Han er medlem av den europeiske union.", "europeiske union"),
        ("nb", "de forente nasjoner", "Talsmannen for De forentes nasjoner sa", "De forentes nasjoner"),
        (
            "ru",
            "Организация Объединённых Наций",
            "Генсек Организации Объединённых Наций заявил",
            "Организации Объединённых Наций",
        ),
        ("fr", "Nations unies", "Le siège des Nation unie à New York", "Nation unie"),
        ("de", "Europäische-Kommission", "der Europäischen-Kommission", "Europäischen-Kommission"),
    ],
)
def test_every_word_of_a_term_may_inflect(lang: str, term: str, text: str, found: str) -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add(term, "x", lang=lang)
    assert [(m.text, m.exact) for m in matcher.find(text)] == [(found, False)]


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("de", "Europäische Kommission", "Das Europäische Parlament und die Kommission tagten."),
        ("de", "Europäische Kommission", "Die europäischen Kommissare kamen."),  # another word
        ("de", "Europäische Kommission", "Die Europäische-Kommission-Sitzung"),  # separator differs
        ("nb", "europeisk union", "En europeiskorientert union."),  # too long an ending
        ("en", "United Nations", "The united nationalists met."),
        ("de", "Europäische Kommission", "Die EUROPÄISCHEN KOMMISSARE"),
    ],
)
def test_phrases_need_every_word(lang: str, term: str, text: str) -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add(term, "x", lang=lang)
    assert [m.text for m in matcher.find(text)] == []


def test_case_sensitive_terms_inflect_only_their_last_word() -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add("Europäische Kommission", "x", case_sensitive=True, lang="de")
    assert [m.text for m in matcher.find("der Europäischen Kommission")] == []
    assert [m.text for m in matcher.find("der Europäische Kommissionen")] == ["Europäische Kommissionen"]


@pytest.mark.parametrize(
    ("lang", "term", "text", "found"),
    [
        ("ru", "категория", "Все категории товаров", "категории"),
        ("ru", "категория", "Выбор категорий", "категорий"),
        ("ru", "Организация Объединённых Наций", "в Организации Объединённых Наций", None),
        ("ru", "страна", "Жители страны голосуют", "страны"),
        ("es", "restablecer", "Restablece la contraseña", "Restablece"),
        ("es", "restablecer", "Se restableció el servicio", "restableció"),
        ("sv", "flicka", "Flickorna spelar", "Flickorna"),
        ("nb", "arrestere", "Han ble arrestert", "arrestert"),
        ("de", "Beschränkung", "Die Beschränkungen gelten", "Beschränkungen"),  # an extension, as before
    ],
)
def test_a_changed_ending_is_an_inflection_outside_english(
    lang: str, term: str, text: str, found: str | None
) -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add(term, "x", lang=lang)
    hits = [(m.text, m.exact) for m in matcher.find(text)]
    if found is None:  # a phrase: found by its walk, once
        assert len(hits) == 1 and not hits[0][1]
    else:
        assert hits == [(found, False)]


@pytest.mark.parametrize(
    ("lang", "term", "text"),
    [
        ("en", "policy", "The police arrived."),  # English endings are not cut
        ("ru", "страна", "Странный случай"),  # another stem
        ("es", "restablecer", "Restaurante abierto"),
        ("ru", "вода", "Водитель уехал"),  # too short to cut
    ],
)
def test_a_changed_ending_needs_the_same_stem(lang: str, term: str, text: str) -> None:
    matcher: TermMatcher[str] = TermMatcher()
    matcher.add(term, "x", lang=lang)
    assert list(matcher.find(text)) == []


def _selective_matcher() -> TermMatcher[str]:
    """Notable: "!" payloads; selective among them: the acronyms and 联合国 (as forbidden terms
    are among the terms TC101 and TC104 report on)."""
    matcher: TermMatcher[str] = TermMatcher(
        notable=lambda payload: payload.startswith("!"),
        selective=lambda payload: payload in ("!CTSO", "!联合国"),
    )
    for pattern, payload, lang in PATTERNS:
        matcher.add(pattern, payload, lang=lang)
    return matcher


@pytest.mark.parametrize("text", TEXTS)
def test_a_selective_search_is_the_notable_one_where_a_selective_term_occurs(text: str) -> None:
    matcher = _selective_matcher()
    selective = list(matcher.find(text, selective=True))
    notable = list(_selective_matcher().find(text, notable_only=True))
    occurs = any(m.payload in ("!CTSO", "!联合国") for m in notable)
    assert selective == (notable if occurs else [])
    assert list(matcher.find(text, notable_only=True)) == notable  # the hits kept do not leak


def test_a_selective_search_skips_segments_with_only_other_notable_terms() -> None:
    matcher = _selective_matcher()
    text = "Regjeringen og statsministeren møttes, og the chairman of the alliance spoke."
    assert [m.text for m in matcher.find(text, notable_only=True)] == [
        "statsministeren",
        "chairman",
        "alliance",
    ]
    assert list(matcher.find(text, selective=True)) == []
    assert [m.text for m in matcher.find("CTSOs and the chairman.", selective=True)] == ["CTSOs", "chairman"]
