"""TC401 on bilingual units: cheap evidence (script, naive-Bayes likelihoods, function words)
names the language of a unit left untranslated; langdetect is asked only when that evidence is
close or contradicts itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import findings, run_text

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: de\\n"\n"X-Source-Language: en\\n"\n\n'
)


def _po(units: list[tuple[str, str]]) -> str:
    body = "".join(f'msgid "{src}"\nmsgstr "{tgt}"\n\n' for src, tgt in units)
    return HEADER + body


UNITS = [
    (
        "The council approved the budget on Thursday after a long debate.",
        "Der Rat hat den Haushalt am Donnerstag nach einer langen Debatte gebilligt.",
    ),
    (
        "LeBron will make his debut with the Lakers on Saturday in San Diego.",
        "LeBron fera ses débuts avec les Lakers samedi à San Diego.",
    ),
    (
        "The police officer suffered minor injuries and was treated at the scene.",
        "警察人员受了轻伤并在现场接受了治疗。",
    ),
    (
        "The opposition says the plan relies on far too optimistic forecasts.",
        "Opposisjonen mener at planen bygger på altfor optimistiske prognoser for neste år.",
    ),
    (
        "Police closed the road over the mountain on Monday because of snow.",
        "Die Polizei sperrte am Montag die Straße über den Berg wegen Schnee.",
    ),
]


@pytest.fixture
def langdetect_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text langdetect is asked about during the test."""
    import tcheck.checks._evidence as evidence
    import tcheck.checks._language as language

    calls: list[str] = []
    original = evidence.probabilities.__wrapped__

    def spy(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
        calls.append(text)
        return original(text, langs)

    monkeypatch.setattr(evidence, "probabilities", spy)
    monkeypatch.setattr(language, "probabilities", spy)
    return calls


def _languages(result: Any) -> dict[str, str]:
    return {f["message"]: f["data"]["language"] for f in findings(result, "TC401")}


def test_units_left_in_other_languages_are_named_without_langdetect(
    tmp_path: Path, langdetect_calls: list[str]
) -> None:
    text = _po(UNITS)
    result = run_text(tmp_path, text, name="news.po", select=["TC401"])
    found = findings(result, "TC401")
    spans = [text[f["offset"] : f["end_offset"]] for f in found]
    assert spans == [UNITS[1][1], UNITS[2][1], UNITS[3][1]]  # the German units are not reported
    assert [f["data"]["language"] for f in found] == ["fr", "zh", "nb"]
    assert langdetect_calls == []  # the likelihoods were clear, the function words agreed


def test_han_text_is_named_chinese_not_korean(tmp_path: Path) -> None:
    # Han characters alone, no kana, no Hangul: Chinese (langdetect, asked among every language
    # written in CJK characters, sometimes named Korean)
    units = [(UNITS[0][0], "他曾表示酒吧的消失情有可原。")]
    result = run_text(tmp_path, _po(units), name="news.po", select=["TC401"])
    assert list(_languages(result).values()) == ["zh"]


def test_japanese_is_told_by_its_kana(tmp_path: Path) -> None:
    units = [(UNITS[2][0], "警官は顔に軽い怪我をし現場で手当を受けた。")]
    result = run_text(tmp_path, _po(units), name="news.po", select=["TC401"])
    assert list(_languages(result).values()) == ["ja"]


def test_close_evidence_still_asks_langdetect(tmp_path: Path, langdetect_calls: list[str]) -> None:
    # A short Cyrillic sentence: Russian, Bulgarian, Macedonian and Ukrainian within a few nats
    units = [("The format of the meeting has changed.", "Мартина до сих пор не нашли ему замену.")]
    run_text(tmp_path, _po(units), name="news.po", select=["TC401"])
    assert langdetect_calls


def test_clear_choice_beats_every_rival_by_the_gap() -> None:
    from tcheck.checks._evidence import CLEAR_GAP, clear_choice

    langs = ("de", "fr", "en")
    chosen = clear_choice([-300.0, -250.0, -250.0 - CLEAR_GAP], langs, ["les", "avec"])
    assert chosen is not None and chosen[0] == "fr" and chosen[1] > 0.9999
    # two unrelated languages closer than the gap: langdetect decides
    assert clear_choice([-300.0, -250.0, -255.0], langs, ["les"]) is None
    # no evidence at all
    assert clear_choice([0.0, 0.0, 0.0], langs, []) is None


def test_close_relatives_are_named_by_their_likelihood() -> None:
    from tcheck.checks._evidence import clear_choice

    # Norwegian and Danish a nat apart, both far above German and English: untranslated either
    # way, named by the likelier of the two
    langs = ("de", "en", "nb", "da")
    chosen = clear_choice([-400.0, -380.0, -300.0, -301.0], langs, ["og", "ikke"])
    assert chosen is not None and chosen[0] == "nb"
    # the target itself is never a relative that may come close
    langs = ("nb", "en", "da")
    assert clear_choice([-301.0, -380.0, -300.0], langs, ["og"]) is None


def test_function_words_that_point_elsewhere_defer_to_langdetect() -> None:
    from tcheck.checks._evidence import clear_choice

    langs = ("de", "en", "nb")
    # the likelihoods favour English (a long English quotation), the words outside the
    # quotation are Norwegian function words: not clear
    tokens = ["en", "anerkjent", "og", "forfatter", "av", "har", "en", "annen", "teori"]
    assert clear_choice([-2470.0, -2377.0, -2388.0 - 10.0], langs, tokens) is None
    assert clear_choice([-2470.0, -2377.0, -2388.0 - 10.0], langs, ["the", "of"]) is not None


def test_norwegian_sentence_quoting_english_is_norwegian() -> None:
    from tcheck.checks._evidence import Settings
    from tcheck.checks._language import judge, words

    langs = ("de", "en", "fr", "es", "it", "nl", "pt", "nb", "da", "sv", "fi", "pl")
    text = (
        "Nell Scovell, en anerkjent komedieskaper og forfatter av «Just the Funny Parts: And a Few "
        "Hard Truths About Sneaking Into the Hollywood Boys Club», har en annen teori."
    )
    verdict = judge(text, words(text, langs), langs, Settings())
    assert verdict is not None and verdict.lang == "nb"


def _long_line() -> tuple[str, str]:
    """An English line of some 13,000 characters with no full stop, a Norwegian stretch inside."""
    english = "the committee met again on Wednesday and the members discussed the budget for the year "
    norwegian = "saken er fortsatt under etterforskning og politiet vil ikke si noe mer om hva som skjedde "
    text = english * 70 + norwegian * 50 + english * 70
    return text.rstrip() + "\n", norwegian.strip()


def test_sentence_windows_are_bounded_and_cover_the_sentence() -> None:
    from tcheck.checks._language import _WINDOW, sentence_windows
    from tcheck.model import Segment, Span

    text, _ = _long_line()
    seg = Segment(id="s1", text=text, span=Span(0, len(text)))
    pieces = list(sentence_windows(seg))
    assert len(pieces) > 3
    assert all(end - start <= _WINDOW and text[start:end] == piece for start, end, piece in pieces)
    assert "".join(piece for _, _, piece in pieces) == text  # contiguous: no character lost
    assert all(text[end] == " " for _, end, _ in pieces[:-1])  # cut at white space
    short = Segment(id="s2", text="Ein kurzer Satz.", span=Span(0, 16))
    assert list(sentence_windows(short)) == [(0, 16, "Ein kurzer Satz.")]


def test_foreign_stretch_of_an_endless_sentence_is_found(tmp_path: Path) -> None:
    text, norwegian = _long_line()
    result = run_text(tmp_path, text, target_lang="en", source_lang="nb", select=["TC401"])
    found = findings(result, "TC401")
    assert found and all(f["data"]["language"] == "nb" for f in found)
    first, last = found[0]["offset"], found[-1]["end_offset"]
    # the reported stretch lies within the Norwegian words (windows cut at white space) and
    # holds most of them
    start = text.index(norwegian)
    end = text.rindex(norwegian) + len(norwegian)
    assert start - 4096 < first and last < end + 4096
    assert sum(f["end_offset"] - f["offset"] for f in found) > 0.5 * (end - start)
    assert "committee" not in text[first:last] or last - first < end - start + 8192


def test_an_endless_sentence_is_judged_in_bounded_memory() -> None:
    import tracemalloc

    from tcheck.checks._language import analyse
    from tcheck.config import Config
    from tcheck.context import Context
    from tcheck.model import Document, Segment, Span

    text = "Wednesday, January 19, 2022, " * 36_000  # 1 MB, one sentence
    seg = Segment(id="s1", text=text, span=Span(0, len(text)))
    doc = Document(path="dates.txt", text=text, segments=(seg,), lang="en", source_lang="nb")
    ctx = Context(config=Config(select=("TC401", "TC403")))
    analyse(doc, ctx)  # warm: tables and caches
    tracemalloc.start()
    try:
        analyse(Document(path="d2.txt", text=text, segments=(seg,), lang="en", source_lang="nb"), ctx)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # judged whole, the sentence's 72,000 words cost some 20 MB (their tuples and lists)
    assert peak < 6 * 2**20


def test_simplified_and_traditional_chinese_are_relatives_among_candidates() -> None:
    from tcheck.checks._evidence import clear_choice

    # a text in another script than the target's: its candidates hold no target
    chosen = clear_choice(
        [-80.0, -83.0], ("zh", "zh_Hant"), ["他曾表示酒吧的消失情有可原"], target_first=False
    )
    assert chosen is not None and chosen[0] == "zh"
    # the same numbers with Chinese as the target: too close to tell
    assert clear_choice([-80.0, -83.0], ("zh", "zh_Hant"), []) is None


def test_chinese_clauses_between_commas_are_a_sentence_not_a_list() -> None:
    from tcheck.checks._evidence import Settings
    from tcheck.checks._language import judge, words

    langs = ("de", "en", "fr", "es", "it", "nl", "pt", "nb", "da", "sv", "fi", "pl")
    sentence = "他表示，法拉奇本应被视为同僚，并被赋予与布鲁塞尔政府谈判的责任。"
    verdict = judge(sentence, words(sentence, langs), langs, Settings())
    assert verdict is not None and verdict.lang == "zh"
    # the names of five cities: a list, whatever its script
    cities = "北京、上海、广州、深圳、天津、重庆"
    assert judge(cities, words(cities, langs), langs, Settings()) is None


def test_japanese_unit_with_commas_is_reported(tmp_path: Path) -> None:
    units = [
        (
            "Until now, most sponsors were migrants themselves who feared for their own stay.",
            "今までは、保証人のほとんどは密入国した移民自身であり、自分自身の滞在を危険にさらすことを恐れてきた。",
        )
    ]
    result = run_text(tmp_path, _po(units), name="news.po", select=["TC401"])
    assert list(_languages(result).values()) == ["ja"]
