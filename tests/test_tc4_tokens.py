"""Technical strings, scripts and function words: the raw evidence of the TC4xx language checks."""

from __future__ import annotations

import pytest

from tcheck.checks._tokens import plain, scan
from tcheck.checks._words import words
from tcheck.language.function_words import distinctive, function_words
from tcheck.language.scripts import CJK, LATIN, char_script, lang_script


def _words(text: str) -> list[str]:
    found = scan(text)
    for start, end, word in found.words:
        assert text[start:end] == word  # offsets are exact
    return [w for _, _, w in found.words]


@pytest.mark.parametrize(
    "chunk",
    [
        "helmChart",
        "DaemonSet",
        "TestDedupeRepos",
        "snake_case_name",
        "post-renderers-as-plugins",
        "values.yaml",
        ".Values.image.tag",
        "get.helm.sh",
        "/usr/local/bin",
        "./helm_plugin.md",
        "a/b/c",
        "https://example.com/charts",
        "--set",
        "-n",
        "v1.2.3",
        "adler32sum",
        "k8s",
        "@helm-maintainers",
        "#helm-users",
        "#30576",
        "$HOME",
        "$VAR_NAME",
        "{count}",
        "{{name}}",
        "%s",
        "<release-name>",
        "helm-security@example.org",
        "API",
        "URLs",
        "НАТО",
    ],
)
def test_technical_strings_give_no_word(chunk: str) -> None:
    found = scan(f"ordinary {chunk} words")
    assert [w for _, _, w in found.words] == ["ordinary", "words"]
    assert found.breaks == [False, True]  # a foreign run never crosses a technical string
    assert found.technical == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and/or", ["and", "or"]),
        ("e.g. the chart", ["e", "g", "the", "chart"]),
        ("f.eks. i dag", ["f", "eks", "i", "dag"]),
        ("well-known Opt-In", ["well", "known", "Opt", "In"]),
        ("don't l'homme", ["don", "t", "l", "homme"]),
        ("Über Häuser", ["Über", "Häuser"]),
        ("issueを作成する", ["issue", "を作成する"]),
        ("회복력(resiliency) 및", ["회복력", "resiliency", "및"]),
        ("将 chart 安装到 Kubernetes 中，并提供", ["将", "chart", "安装到", "Kubernetes", "中", "并提供"]),
        ("🚀 Done → next", ["Done", "next"]),
    ],
)
def test_words_of_ordinary_text(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_numbers_and_symbols_break_runs_but_punctuation_does_not() -> None:
    found = scan("men 1990-tallet, og ✅ det er - slik")
    assert [w for _, _, w in found.words] == ["men", "tallet", "og", "det", "er", "slik"]
    assert found.breaks == [False, True, False, True, False, False]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("chart", True), ("Chart", True), ("I", True), ("中文", True), ("camelCase", False), ("JSON", False)],
)
def test_plain_words(word: str, expected: bool) -> None:
    assert plain(word) is expected


def test_scripts_of_characters_and_languages() -> None:
    assert [char_script(c) for c in "aДΩع中あ가न"] == [
        LATIN,
        "CYRILLIC",
        "GREEK",
        "ARABIC",
        CJK,
        CJK,
        CJK,
        "DEVANAGARI",
    ]
    assert [lang_script(lang) for lang in ("ja", "zh_Hant", "ko", "uk", "el", "ar", "nb", "sr_Latn")] == [
        CJK,
        CJK,
        CJK,
        "CYRILLIC",
        "GREEK",
        "ARABIC",
        LATIN,
        LATIN,
    ]


def test_words_carry_their_script_and_letters_per_script() -> None:
    items = words("Helm chart 를 kubectl apply 로 배포합니다", ("ko", "en"))
    assert items.tokens == ["Helm", "chart", "를", "kubectl", "apply", "로", "배포합니다"]
    assert items.scripts == [LATIN, LATIN, CJK, LATIN, LATIN, CJK, CJK]
    assert items.own == 3 * (1 + 1 + 5) and items.foreign == 4 + 5 + 7 + 5


def test_quoted_and_bracketed_words_count_less() -> None:
    items = words("'클라우드의 약속(promise of the cloud)'을 지키고 서비스를 만든다", ("ko", "en"))
    weights = dict(zip(items.tokens, items.weights, strict=True))
    assert weights["promise"] < 1 and weights["cloud"] < 1
    assert items.quotes  # kept for TC403 even when a quotation is most of the sentence


def test_function_words_are_data_and_shared_ones_do_not_count() -> None:
    english = function_words("en")
    assert english is not None and {"the", "of", "is"} <= english
    assert function_words("no") == function_words("nb")
    assert function_words("xx") is None
    dutch = distinctive("nl", "en")
    assert dutch is not None and "in" not in dutch and "het" in dutch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tags with quoted attributes: the attribute values are not words, the element text is
        ('<span class="note warning">Achtung</span> bitte', ["Achtung", "bitte"]),
        ('<a href="https://example.org" title="Hallo Welt">Link</a>', ["Link"]),
        ("<div id=sec1></div> hei", ["hei"]),
        ("x <!-- kommentar --> y", ["x", "y"]),
        # template tags and named placeholders that hold spaces or brackets
        ('{{ include "chart.fullname" . }} und', ["und"]),
        ("{% if user %}Hallo{% endif %}", ["Hallo"]),
        ("%(name)s wurde gelöscht", ["wurde", "gelöscht"]),
        ("${name} hier", ["hier"]),
        # ICU messages: the keywords go, the branch text stays
        ("{count, plural, one {# Datei} other {# Dateien}}", ["Datei", "Dateien"]),
        # comparison signs are not tags
        ("a < b and c > d", ["a", "b", "and", "c", "d"]),
        # combining vowel signs stay in their word
        ("नई दिल्ली में सरकार ने कहा", ["नई", "दिल्ली", "में", "सरकार", "ने", "कहा"]),
    ],
)
def test_markup_and_placeholders_are_set_apart_whole(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


def test_masked_markup_breaks_runs_and_counts_as_technical() -> None:
    found = scan('ordinary <span class="x y">words</span> here')
    assert [w for _, _, w in found.words] == ["ordinary", "words", "here"]
    assert found.breaks == [False, True, True] and found.technical == 2


def test_upper_case_words_outside_ascii_are_kept_apart_as_acronyms() -> None:
    found = scan("Officials from НАТО and the ВИЧ programme, NATO and API")
    assert [w for _, _, w in found.acronyms] == ["НАТО", "ВИЧ"]
    assert "НАТО" not in [w for _, _, w in found.words]
