"""TC501 round-trip-drift: scores of real (tiny) Argos models, absolute and relative limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_text
from roundtrip_model import installed_models

pytestmark = pytest.mark.model

GARBLE_EN = ["en>nb:Almaty=</s>", "nb>en"]

ARTICLE = """\
Protests spread across Kazakhstan

Thousands of people took to the streets on Wednesday to protest against rising fuel prices.

In Almaty the protesters stormed the mayor's office and set parts of the building on fire.

The government resigned later in the day, and a state of emergency was declared.
"""


def run(tmp_path: Path, text: str, models: list[str], **settings: object):
    settings.setdefault("source_lang", "nb")
    settings.setdefault("target_lang", "en")
    with installed_models(models):
        return run_text(tmp_path, text, round_trip="on", cache_dir=str(tmp_path / "cache"), **settings)


def test_garbled_sentence_is_reported_with_its_round_trip(tmp_path: Path) -> None:
    result = run(tmp_path, ARTICLE, GARBLE_EN)
    found = findings(result, "TC501")
    assert len(found) == 1
    hit = found[0]
    sentence = "In Almaty the protesters stormed the mayor's office and set parts of the building on fire."
    start = ARTICLE.index(sentence)
    assert (hit["offset"], hit["end_offset"]) == (start, start + len(sentence))
    assert (hit["line"], hit["column"]) == (5, 1)
    assert hit["severity"] == "warning"
    assert "through nb scores chrF" in hit["message"]
    assert hit["message"].endswith('"In"')
    assert hit["data"]["round_trip"].strip() == "In"
    assert hit["data"]["via"] == "nb"
    assert hit["data"]["chrf"] < 35


def test_copied_sentences_are_not_reported(tmp_path: Path) -> None:
    text = ARTICLE.replace("In Almaty the", "In the capital the")
    assert not findings(run(tmp_path, text, GARBLE_EN), "TC501")


def test_short_sentences_are_not_scored(tmp_path: Path) -> None:
    text = "Almaty is calm.\n\nThe curfew stays in force until the end of the month, officials said.\n"
    assert not findings(run(tmp_path, text, GARBLE_EN), "TC501")


def test_absolute_limit_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text("[options.TC501]\nmin-chrf = 0\nmin-sentences = 99\n")
    assert not findings(run(tmp_path, ARTICLE, GARBLE_EN), "TC501")


REPORT = """\
Strømprisene stiger igjen

Prisen på strøm i Sør-Norge var den høyeste som er målt denne vinteren, melder Nord Pool.

Forbrukere må betale over fem kroner per kilowattime i morgentimene på hverdager.

Regjeringen vurderer nye tiltak for husholdninger med lav inntekt og høyt forbruk.

Opposisjonen krever at strømstøtten økes allerede fra neste måned i hele landet.

Nettselskapene venter at prisene holder seg høye resten av vinteren, i hvert fall i sør.
"""


def test_relative_limit_flags_the_outlier_of_a_good_document(tmp_path: Path) -> None:
    # "kilowattime" and "morgentimene" come back as "liter" and "kvelden": chrF 65, far above the
    # absolute limit of 35, but every other sentence scores 100 (limit: 100 - 3 x 10 points).
    models = ["nb>en:kilowattime=liter,morgentimene=kvelden", "en>nb"]
    result = run(tmp_path, REPORT, models, source_lang="en", target_lang="nb")
    found = findings(result, "TC501")
    assert [f["line"] for f in found] == [5]
    assert "document median 100" in found[0]["message"]
    assert 35 < found[0]["data"]["chrf"] < 70 == found[0]["data"]["limit"]
    # ... and it is not an outlier when the document is too short to have a distribution
    (tmp_path / "tcheck.toml").write_text("[options.TC501]\nmin-sentences = 10\n")
    assert not findings(run(tmp_path, REPORT, models, source_lang="en", target_lang="nb"), "TC501")


def test_without_source_language_the_round_trip_goes_through_english(tmp_path: Path) -> None:
    models = ["nb>en:Oslo=</s>", "en>nb"]
    text = "Forbrukere i Oslo må betale over fem kroner per kilowattime i morgentimene.\n"
    result = run(tmp_path, text, models, source_lang=None, target_lang="nb")
    found = findings(result, "TC501")
    assert len(found) == 1
    assert found[0]["data"]["via"] == "en"
