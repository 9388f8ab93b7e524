"""The round trip from the command line: switches, notes, cache counts, models commands, progress."""

from __future__ import annotations

import contextlib
import io
import json
import threading
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from roundtrip_model import argos_home, installed_models, package_for
from tcheck.cli import main
from tcheck.errors import UsageError
from tcheck.services import mt, packages
from tcheck.services.progress import NoProgress

ARTICLE = """\
Wednesday, January 19

Kazakhstan's president said on Wednesday that order had been restored in Almaty.

In Almaty, the price of 5,000 kroner for a tank of fuel set off the protests.
"""


def invoke(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _round_trip_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TCHECK_ROUND_TRIP")  # the product default, "auto" (conftest turns it off)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    base = ["check", "article.txt", "--source-lang", "nb", "--target-lang", "en", "--no-default-glossaries"]
    return invoke(tmp_path, *base, "--cache-dir", str(tmp_path / "cache"), *args)


# --- without models or without argostranslate ---------------------------------------------------


def test_without_models_the_other_checks_run_and_one_note_says_how_to_enable(tmp_path, article) -> None:
    with argos_home():
        code, out, err = check(tmp_path)
    assert "TC303" in out  # 5,000 kroner in English text
    assert "TC5" not in out.replace("TC501–TC503", "")
    [note] = [line for line in out.splitlines() if "TC501–TC503" in line]
    assert note == (
        "TC501–TC503 skipped: no Argos Translate model is installed. To enable the round trip, install "
        "both directions, e.g. tcheck models install nb en && tcheck models install en nb"
    )
    assert code == 0 and "Traceback" not in out + err


def test_json_output_keeps_stdout_clean_and_counts_zero(tmp_path, article) -> None:
    with argos_home():
        _, out, err = check(tmp_path, "--format", "json")
    payload = json.loads(out)
    assert payload["summary"]["translations"] == {"computed": 0, "cached": 0}
    assert "tcheck models install" in err
    assert "models" not in payload["tool"]


def test_without_argostranslate_the_note_says_what_to_install(tmp_path, article, monkeypatch) -> None:
    monkeypatch.setattr(mt, "argostranslate_installed", lambda: False)
    _, out, _ = check(tmp_path)
    assert "TC303" in out
    assert "argostranslate, which is not installed" in out and "pip install 'tcheck[roundtrip]'" in out


def test_round_trip_required_without_models_is_a_usage_error(tmp_path, article) -> None:
    with argos_home():
        code, out, err = check(tmp_path, "--round-trip")
    assert code == 2 and out == ""
    assert err.startswith("tcheck: error: round trip cannot run: no Argos Translate model is installed")
    assert len(err.strip().splitlines()) == 1


def test_no_round_trip_and_deselected_checks_say_nothing(tmp_path, article) -> None:
    with argos_home():
        assert "models install" not in check(tmp_path, "--no-round-trip")[1]
        assert "models install" not in check(tmp_path, "--select", "TC3")[1]
        (tmp_path / "tcheck.toml").write_text('round-trip = "off"\n')
        assert "models install" not in check(tmp_path)[1]


def test_one_direction_missing_names_the_command_for_it(tmp_path, article) -> None:
    with installed_models(["en>nb"]):
        code, out, err = check(tmp_path)
        assert "no Argos Translate model for nb→en is installed" in out
        assert "tcheck models install nb en" in out and "install en nb" not in out
        code, out, err = check(tmp_path, "--round-trip")
        assert code == 2 and "round trip cannot run" in err and "tcheck models install nb en" in err


def test_english_text_without_source_language_is_skipped_with_a_note(tmp_path, article) -> None:
    with installed_models(["en>nb", "nb>en"]):
        _, out, _ = invoke(
            tmp_path, "check", "article.txt", "--target-lang", "en", "--cache-dir", str(tmp_path / "c")
        )
    assert "use --source-lang to choose the language to translate through" in out


# --- with models -------------------------------------------------------------------------------


@pytest.mark.model
def test_second_run_computes_nothing(tmp_path, article) -> None:
    with installed_models(["en>nb", "nb>en:Wednesday=Thursday"]):
        first = json.loads(check(tmp_path, "--format", "json")[1])
        second = json.loads(check(tmp_path, "--format", "json")[1])
        fresh = json.loads(check(tmp_path, "--format", "json", "--no-cache")[1])
    sentences = 3
    assert first["summary"]["translations"] == {"computed": 2 * sentences, "cached": 0}
    assert second["summary"]["translations"] == {"computed": 0, "cached": 2 * sentences}
    assert fresh["summary"]["translations"] == {"computed": 2 * sentences, "cached": 0}
    assert first["findings"] == second["findings"] == fresh["findings"]
    assert [f["code"] for f in first["findings"] if f["code"].startswith("TC5")] == ["TC502", "TC502"]
    assert [m["name"] for m in first["tool"]["models"]] == ["translate-en_nb", "translate-nb_en"]
    assert first["tool"]["models"][0]["version"] == "1.0"


@pytest.mark.model
def test_sarif_carries_the_model_signature(tmp_path, article) -> None:
    with installed_models(["en>nb", "nb>en"]):
        _, out, _ = check(tmp_path, "--format", "sarif")
    models = json.loads(out)["runs"][0]["properties"]["signature"]["models"]
    assert {m["from"] + ">" + m["to"] for m in models} == {"en>nb", "nb>en"}


@pytest.mark.model
def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path, article) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "translations.sqlite3").write_bytes(b"\x00garbage" * 64)
    with installed_models(["en>nb", "nb>en"]):
        code, out, err = check(tmp_path, "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["translations"]["computed"] == 6
    assert "was unusable" in err and "started a new one" in err


@pytest.mark.model
def test_several_files_and_jobs_keep_all_counts(tmp_path, article) -> None:
    (tmp_path / "other.txt").write_text("The curfew in Almaty was lifted on Monday.\n", encoding="utf-8")
    with installed_models(["en>nb", "nb>en"]):
        _, out, _ = invoke(
            tmp_path, "check", ".", "--source-lang", "nb", "--target-lang", "en", "--jobs", "2",
            "--format", "json", "--cache-dir", str(tmp_path / "cache"), "--no-default-glossaries",
        )  # fmt: skip
    assert json.loads(out)["summary"]["translations"] == {"computed": 8, "cached": 0}


def test_environment_applies_when_the_configuration_says_nothing(tmp_path, article, monkeypatch) -> None:
    monkeypatch.setenv("TCHECK_ROUND_TRIP", "off")
    with argos_home():
        assert "models install" not in check(tmp_path)[1]
        (tmp_path / "tcheck.toml").write_text('round-trip = "on"\n')
        assert check(tmp_path)[0] == 2
    (tmp_path / "tcheck.toml").unlink()
    monkeypatch.setenv("TCHECK_ROUND_TRIP", "sometimes")
    code, _, err = check(tmp_path)
    assert code == 2 and "TCHECK_ROUND_TRIP must be one of auto, on, off, not 'sometimes'" in err


# --- tcheck models -----------------------------------------------------------------------------


@pytest.mark.model
def test_models_install_from_file_list_and_remove(tmp_path) -> None:
    with argos_home() as home:
        code, out, _ = invoke(tmp_path, "models", "list")
        assert code == 0 and "no models installed" in out
        code, out, _ = invoke(tmp_path, "models", "install", "--file", str(package_for("nb>en")))
        assert code == 0 and out.strip() == "installed nb → en  translate-nb_en 1.0"
        code, out, _ = invoke(tmp_path, "models", "list")
        assert out.splitlines() == ["nb → en  translate-nb_en 1.0", f"    {home / 'translate-nb_en'}"]
        code, out, _ = invoke(tmp_path, "models", "remove", "nb", "en")
        assert code == 0 and out.strip() == "removed nb → en  translate-nb_en 1.0"
        code, _, err = invoke(tmp_path, "models", "remove", "nb", "en")
        assert code == 2 and "no Argos Translate model for nb→en is installed" in err


def test_models_install_offline_fails_with_a_clear_message(tmp_path) -> None:
    with argos_home():
        code, _, err = invoke(tmp_path, "models", "install", "nb", "en")
    assert code == 2
    assert "tcheck: error: cannot reach the Argos Translate package index" in err
    assert "tcheck models install --file PATH" in err


def test_a_hanging_index_is_given_up_at_the_deadline(monkeypatch) -> None:
    release = threading.Event()

    def hang(*args: object, **kwargs: object) -> None:
        release.wait(60)
        raise OSError("released")

    monkeypatch.setattr(urllib.request, "urlopen", hang)
    done: list[BaseException] = []
    worker = threading.Thread(target=lambda: _capture(done, lambda: packages.update_index(connect=0.2)))
    with argos_home():
        worker.start()
        worker.join(30)
    release.set()
    assert not worker.is_alive(), "update_index did not give up"
    assert isinstance(done[0], UsageError) and "no answer within 0.2 s" in str(done[0])


def _capture(out: list[BaseException], call) -> None:  # type: ignore[no-untyped-def]
    try:
        call()
    except BaseException as exc:
        out.append(exc)


def test_install_picks_the_package_from_the_index(tmp_path) -> None:
    archive = package_for("nb>en")
    index = [{"from_code": "nb", "to_code": "en", "package_version": "1.0", "links": ["https://x/nb_en"]}]

    def fake_fetch(url: str, sink: io.BufferedIOBase, connect: float) -> None:
        sink.write(json.dumps(index).encode() if url.endswith("index.json") else archive.read_bytes())

    with argos_home():
        [info] = packages.install("nb", "en", fetch=fake_fetch)
        assert (info.from_code, info.to_code) == ("nb", "en")
        with pytest.raises(UsageError, match="no package for en→de"):
            packages.install("en", "de", fetch=fake_fetch)
        assert packages.local_index() == index


@pytest.mark.model
def test_a_model_failure_is_a_note_not_a_traceback(tmp_path) -> None:
    long = "word " * 300  # longer than the tiny model's position table
    (tmp_path / "article.txt").write_text(f"{long}\n\nThe price of 5,000 kroner set off the protests.\n")
    with installed_models(["en>nb", "nb>en"]):
        code, out, err = check(tmp_path)
        assert code in (0, 1) and "TC303" in out  # the other checks ran (whatever they found)
        assert "round trip failed for article.txt: No position encodings" in out
        code, out, err = check(tmp_path, "--round-trip")
        assert code == 2 and err.startswith("tcheck: error: round trip failed for article.txt")


class Recorder(NoProgress):
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def start(self, label: str, total: int) -> None:
        self.events.append(("start", (label, total)))

    def advance(self, count: int) -> None:
        self.events.append(("advance", count))

    def finish(self) -> None:
        self.events.append(("finish", None))


@pytest.mark.model
def test_the_run_reports_progress_per_document(tmp_path, article) -> None:
    from tcheck import app
    from tcheck.config import resolve

    recorder = Recorder()
    cli = {"source-lang": "nb", "target-lang": "en", "round-trip": "on", "cache-dir": str(tmp_path / "c")}
    with installed_models(["en>nb", "nb>en"]):
        app.check([str(article)], resolve(cli, None, tmp_path), progress=recorder)
    assert recorder.events[0] == ("start", ("article.txt", 6))  # 3 sentences, there and back
    assert sum(n for kind, n in recorder.events if kind == "advance") == 6  # type: ignore[misc]
    assert recorder.events[-1] == ("finish", None)


def test_configuration_spellings(tmp_path, article) -> None:
    for line in ('round-trip = "off"', 'round_trip = "off"'):
        (tmp_path / "tcheck.toml").write_text(line + "\n")
        with argos_home():
            assert "models install" not in check(tmp_path)[1]
    (tmp_path / "tcheck.toml").write_text('round-trip = "maybe"\n')
    code, _, err = check(tmp_path)
    assert code == 2 and "round-trip must be one of auto, on, off" in err
