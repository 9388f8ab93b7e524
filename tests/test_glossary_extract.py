"""``tcheck glossary extract``: a draft glossary from existing translations."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import CHECK_FIXTURES
from tcheck.cli import main
from tcheck.formats import read_document
from tcheck.glossary import lint, load
from tcheck.glossary.extract import as_glossary, extract_from_documents

TALK = CHECK_FIXTURES / "TC107" / "fail-de-talk.tsv"

NB_MEMORY = (
    "en\tnb\n"
    "Open your account settings.\tÅpne innstillingene for kontoen din.\n"
    "Your account is locked after three failed attempts.\tKontoen din blir låst etter tre mislykkede forsøk.\n"
    "Delete the account permanently.\tSlett kontoen permanent.\n"
    "Change your password.\tEndre passordet ditt.\n"
    "The password is too short.\tPassordet er for kort.\n"
    "Choose a password with twelve characters.\tVelg et passord med tolv tegn.\n"
    "The account owner receives an email.\tEieren av kontoen får en e-post.\n"
    "Send the email again.\tSend e-posten på nytt.\n"
    "The email address is invalid.\tE-postadressen er ugyldig.\n"
)
FR_EN_MEMORY = (
    "fr\ten\n"
    "Le disque est plein.\tThe disk is full.\n"
    "Formatez le disque avant la copie.\tFormat the disk before copying.\n"
    "Les disques externes sont lents.\tExternal disks are slow.\n"
    "Ouvrez le dossier partagé.\tOpen the shared folder.\n"
    "Le dossier est vide.\tThe folder is empty.\n"
    "Supprimez le dossier temporaire.\tDelete the temporary folder.\n"
)
ZH_MEMORY = (
    "en\tzh\n"
    "The file was deleted.\t文件已被删除。\n"
    "Open the file in the editor.\t在编辑器中打开文件。\n"
    "Save the file before closing.\t关闭前请保存文件。\n"
    "The editor saves drafts every minute.\t编辑器每分钟保存草稿。\n"
    "The editor is closed.\t编辑器已关闭。\n"
)


def _entries(tmp_path: Path, text: str) -> dict[str, tuple[str, str]]:
    path = tmp_path / "memory.tsv"
    path.write_text(text, encoding="utf-8")
    doc = read_document(str(path))
    return {e.source: (e.target, f"{e.confidence:.2f}") for e in extract_from_documents([doc], None, None)}


def _extract(tmp_path: Path, text: str, *options: str, name: str = "memory.tsv") -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["glossary", "extract", str(path), *options])
    return result.exit_code, result.output


def test_english_norwegian_terms_and_their_dominant_rendering(tmp_path: Path) -> None:
    found = _entries(tmp_path, NB_MEMORY)
    assert found["account"][0] == "konto"
    assert found["password"][0] == "passord"
    assert found["email"][0] == "e-post"


def test_english_german_variants_are_kept_with_their_counts() -> None:
    doc = read_document(str(TALK))
    (sound,) = [e for e in extract_from_documents([doc], "en", "de") if e.source == "sound"]
    assert sound.target == "Klang"
    assert sound.variants == (("Klang", 4), ("Ton", 2))
    assert sound.confidence == pytest.approx(0.53, abs=0.01)
    glossary = as_glossary([sound], "en", "de", "draft.csv")
    assert "'Klang' 4, 'Ton' 2" in glossary.entries[0].note


def test_french_source_english_target(tmp_path: Path) -> None:
    found = _entries(tmp_path, FR_EN_MEMORY)
    assert found["disque"][0] == "disk"
    assert found["dossier"][0] == "folder"


def test_chinese_target(tmp_path: Path) -> None:
    found = _entries(tmp_path, ZH_MEMORY)
    assert found["file"][0] == "文件"
    assert found["editor"][0] in "编辑器"  # character bigrams: a part of the word


def test_words_seen_less_than_min_count_are_left_out(tmp_path: Path) -> None:
    found = _entries(tmp_path, NB_MEMORY)
    assert "owner" not in found and "twelve" not in found


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".toml", ".tbx"])
def test_output_passes_lint_and_loads(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"draft{suffix}"
    code, output = _extract(tmp_path, NB_MEMORY, "-o", str(out))
    assert code == 0, output
    assert f"{out}: 3 entries drafted from 9 segment pairs" in output
    assert [p for p in lint(str(out)) if p.level == "error"] == []
    glossary = load(str(out))
    assert (glossary.source_lang, glossary.target_lang) == ("en", "nb")
    assert {e.source_terms[0].text: e.preferred.text for e in glossary.entries if e.preferred} == {
        "account": "konto",
        "password": "passord",
        "email": "e-post",
    }
    lint_run = CliRunner().invoke(main, ["glossary", "lint", str(out)])
    assert lint_run.exit_code == 0, lint_run.output


def test_format_option_overrides_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "draft.xml"
    code, _ = _extract(tmp_path, NB_MEMORY, "-o", str(out), "--format", "tbx")
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    code, output = _extract(tmp_path, NB_MEMORY, "-o", str(tmp_path / "memory.tsv"))
    assert code == 2
    assert "refusing to overwrite" in output
    assert (tmp_path / "memory.tsv").read_text(encoding="utf-8") == NB_MEMORY


def test_unknown_format_and_monolingual_input_are_usage_errors(tmp_path: Path) -> None:
    code, output = _extract(tmp_path, NB_MEMORY, "-o", str(tmp_path / "draft.txt"))
    assert code == 2 and "unknown glossary format .txt" in output
    code, output = _extract(tmp_path, "Bare norsk tekst her.\n", "-o", str(tmp_path / "d.csv"), name="a.txt")
    assert code == 2 and "no paired segments" in output
    assert not (tmp_path / "d.csv").exists()


def test_translation_with_its_source(tmp_path: Path) -> None:
    lines = [line.split("\t") for line in NB_MEMORY.splitlines()[1:]]
    (tmp_path / "help.en.txt").write_text("\n\n".join(en for en, _ in lines) + "\n", encoding="utf-8")
    (tmp_path / "help.nb.txt").write_text("\n\n".join(nb for _, nb in lines) + "\n", encoding="utf-8")
    out = tmp_path / "draft.csv"
    result = CliRunner().invoke(
        main,
        [
            "glossary",
            "extract",
            str(tmp_path / "help.nb.txt"),
            "--source",
            str(tmp_path / "help.en.txt"),
            "--source-lang",
            "en",
            "--target-lang",
            "nb",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "account,konto" in out.read_text(encoding="utf-8")


LIGHT = CHECK_FIXTURES / "TC107" / "fail-de-light-black-hole.tsv"


def test_multi_word_term_is_an_entry_with_its_renderings() -> None:
    doc = read_document(str(LIGHT))
    entries = {e.source: e for e in extract_from_documents([doc], "en", "de")}
    term = entries["light black hole"]
    assert term.target == "leichtes schwarzes Loch"
    assert term.variants == (("leichtes schwarzes Loch", 4), ("helle schwarze Loch", 2))
    # 'light' inside the term is the term's; alone it is 'Licht'
    assert entries["light"].target == "Licht"


def test_multi_word_source_written_with_its_head_lemmatised(tmp_path: Path) -> None:
    text = "en\tde\n" + "".join(
        f"{en}\t{de}\n"
        for en, de in [
            ("Foreign buyers pay more.", "Ausländische Käufer zahlen mehr."),
            ("The tax hits foreign buyers.", "Die Steuer trifft ausländische Käufer."),
            ("Foreign buyers own many flats.", "Ausländische Käufer besitzen viele Wohnungen."),
            ("Many foreign buyers left London.", "Viele ausländische Käufer verließen London."),
        ]
    )
    found = _entries(tmp_path, text)
    assert found["foreign buyer"][0] == "ausländische Käufer"


def test_multi_word_term_rendered_by_one_compound_is_written_as_its_lemma(tmp_path: Path) -> None:
    text = "en\tnb\n" + "".join(
        f"{en}\t{nb}\n"
        for en, nb in [
            ("The trade war hurts farmers.", "Handelskrigen rammer bøndene."),
            ("Nobody wins a trade war.", "Ingen vinner en handelskrig."),
            ("The trade war began in March.", "Handelskrigen begynte i mars."),
            ("Markets fear the trade war.", "Markedene frykter handelskrigen."),
        ]
    )
    found = _entries(tmp_path, text)  # no --target-lang: the language of the file (nb) is used
    assert found["trade war"][0] == "handelskrig"
    assert "trade" not in found and "war" not in found  # its words are the term's
