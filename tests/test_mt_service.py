"""The batched translation path against argostranslate's own one-text-at-a-time path."""

from __future__ import annotations

from pathlib import Path

import pytest

from roundtrip_model import installed_models
from tcheck.services import mt
from tcheck.services.cache import TranslationCache

TEXTS = [
    "The police said on Wednesday that 2,300 people had been detained.",
    "Two sentences here. And a second one with Almaty in it!",
    "An underscore_word, a stray Ω and  two  spaces.",
    "Is this a question?",
    "",
]


@pytest.mark.model
def test_batched_path_gives_what_argostranslate_gives_per_sentence(tmp_path: Path) -> None:
    with installed_models(["en>nb:Almaty=</s>", "nb>en:Wednesday=Thursday"]):
        import argostranslate.translate as argos

        translator = mt.Translator(TranslationCache(None))
        for src, tgt in (("en", "nb"), ("nb", "en")):
            ours = translator.translate(src, tgt, TEXTS)
            theirs = [argos.translate(mt.mt_input(t), src, tgt) if t else "" for t in TEXTS]
            assert ours == theirs
        # the quirks are argostranslate's, reproduced rather than repaired
        assert ours[1] == "Two sentences here. And a second one with Almaty in it!"
        assert translator.translate("en", "nb", [TEXTS[1]])[0] == "Two sentences here. And a second one with "
        assert ours[2] == "An underscore word, a stray Ω and two spaces."
        assert ours[0].startswith("The police said on Thursday")


@pytest.mark.model
def test_pivot_through_english_matches_argostranslate(tmp_path: Path) -> None:
    with installed_models(["de>en:Mittwoch=Wednesday", "en>fr:Wednesday=mercredi"]):
        import argostranslate.translate as argos

        translator = mt.Translator(TranslationCache(None))
        steps = translator.route("de", "fr")
        assert [(s.info.from_code, s.info.to_code) for s in steps] == [("de", "en"), ("en", "fr")]
        text = "Am Mittwoch streikten die Busfahrer."
        [ours] = translator.translate("de", "fr", [text])
        assert ours == argos.translate(text, "de", "fr") == "Am mercredi streikten die Busfahrer."
        assert translator.computed == 2  # one sentence, two models
        assert [m["name"] for m in translator.models] == ["translate-de_en", "translate-en_fr"]


@pytest.mark.model
def test_missing_model_and_each_model_loaded_once() -> None:
    with installed_models(["en>nb"]):
        translator = mt.Translator(TranslationCache(None))
        with pytest.raises(mt.ModelMissing, match="nb→en"):
            translator.route("nb", "en")
        first = translator.route("en", "nb")[0]
        translator.translate("en", "nb", ["One sentence."])
        translator.translate("en", "nb", ["Another sentence."])
        assert translator.route("en", "nb")[0] is first
        assert len(translator.models) == 1


@pytest.mark.model
def test_cache_is_used_per_step_and_counted() -> None:
    cache = TranslationCache(None)
    with installed_models(["en>nb", "nb>en"]):
        first = mt.Translator(cache)
        first.translate("en", "nb", ["A sentence.", "A sentence.", "Another one."])
        assert (first.computed, first.cached) == (2, 0)  # duplicates are translated once
        second = mt.Translator(cache)
        assert second.translate("en", "nb", ["Another one.", "A third."]) == ["Another one.", "A third."]
        assert (second.computed, second.cached) == (1, 1)


@pytest.mark.model
def test_model_identity_covers_version_and_files() -> None:
    with installed_models(["en>nb"]) as home:
        [info] = [mt.describe(p) for p in mt.installed_packages()]
        assert info.key.startswith("translate-en_nb@1.0#")
        assert info.signature()["from"] == "en" and info.path == str(home / "translate-en_nb")
        (home / "translate-en_nb" / "sentencepiece.model").write_bytes(b"changed")
        [changed] = [mt.describe(p) for p in mt.installed_packages()]
        assert changed.fingerprint != info.fingerprint


@pytest.mark.parametrize(
    ("cldr", "argos"), [("nb", "nb"), ("en_GB", "en"), ("zh_Hant", "zt"), ("pt_BR", "pb"), ("de-AT", "de")]
)
def test_argos_codes(cldr: str, argos: str) -> None:
    assert mt.argos_code(cldr) == argos


def test_route_prefers_a_direct_package() -> None:
    class Pkg:
        def __init__(self, a: str, b: str) -> None:
            self.from_code, self.to_code = a, b

    direct, to_en, from_en = Pkg("de", "fr"), Pkg("de", "en"), Pkg("en", "fr")
    assert mt.find_route([to_en, from_en, direct], "de", "fr") == [direct]
    assert mt.find_route([to_en, from_en], "de", "fr") == [to_en, from_en]
    assert mt.find_route([to_en], "de", "fr") is None


def _collect_garbage() -> None:
    import gc

    gc.collect()


@pytest.mark.model
def test_no_model_is_left_for_a_forked_process_to_free(tmp_path: Path) -> None:
    # A CTranslate2 model freed by garbage collection in a forked child hangs there (its thread
    # pool does not exist in the child): the run frees its models itself, and the test helpers free
    # argostranslate's (which sit in reference cycles) when they uninstall the models.
    import multiprocessing

    from helpers import run_text

    with installed_models(["en>nb", "nb>en"]):
        run_text(tmp_path, "The curfew was lifted on Monday.\n", source_lang="nb", target_lang="en",
                 round_trip="on", cache_dir=str(tmp_path / "cache"))  # fmt: skip
        import argostranslate.translate as argos

        argos.translate("The curfew was lifted on Monday.", "en", "nb")  # argostranslate's own objects
    child = multiprocessing.get_context("fork").Process(target=_collect_garbage)
    child.start()
    child.join(60)
    hung = child.is_alive()
    if hung:
        child.kill()
    assert not hung and child.exitcode == 0
