"""TC107 inconsistent-term: one source term rendered by different target words, learned from the run."""

from __future__ import annotations

import pickle
from collections import Counter
from pathlib import Path

import pytest

from helpers import CHECK_FIXTURES, findings, run_paths
from tcheck.bilingual.phraseterms import cover, runs, shown
from tcheck.bilingual.wordalign import Counts, link, same_term, tokens
from tcheck.bilingual.wordterms import digest_document
from tcheck.formats import read_document

TALK = CHECK_FIXTURES / "TC107" / "fail-de-talk.tsv"

NB_TWO_WAYS = (
    "en\tnb\n"
    "Open your account settings.\tÅpne innstillingene for kontoen din.\n"
    "Your account is locked after three failed attempts.\tKontoen din blir låst etter tre mislykkede forsøk.\n"
    "Delete the account permanently.\tSlett kontoen permanent.\n"
    "The account owner receives an email.\tEieren av kontoen får en e-post.\n"
    "Create a new account for your team.\tOpprett en ny profil for teamet ditt.\n"
    "Each account has its own password.\tHver profil har sitt eget passord.\n"
    "The password must be changed every year.\tPassordet må endres hvert år.\n"
)
NB_INFLECTED = (
    "en\tnb\n"
    "Open your account settings.\tÅpne innstillingene for kontoen din.\n"
    "Your account is locked after three failed attempts.\tKontoen din blir låst etter tre mislykkede forsøk.\n"
    "Delete the accounts permanently.\tSlett kontoene permanent.\n"
    "The account owner receives an email.\tEieren av kontoen får en e-post.\n"
    "Create a new account for your team.\tOpprett en ny konto for teamet ditt.\n"
    "Each profile has its own password.\tHver profil har sitt eget passord.\n"
)
FR_EN_TWO_WAYS = (
    "fr\ten\n"
    "Le disque est plein.\tThe disk is full.\n"
    "Formatez le disque avant la copie.\tFormat the disk before copying.\n"
    "Le disque externe est lent.\tThe external disk is slow.\n"
    "Branchez le disque au port USB.\tPlug the drive into the USB port.\n"
    "Le disque contient vos sauvegardes.\tThe drive holds your backups.\n"
    "Les sauvegardes sont chiffrées.\tThe backups are encrypted.\n"
)
FR_EN_TWO_TERMS = (
    "fr\ten\n"
    "Le disque est plein.\tThe disk is full.\n"
    "Formatez le disque avant la copie.\tFormat the disk before copying.\n"
    "Les disques externes sont lents.\tExternal disks are slow.\n"
    "Branchez le disque au port USB.\tPlug the disk into the USB port.\n"
    "Le lecteur contient vos sauvegardes.\tThe drive holds your backups.\n"
)
ZH_TWO_WAYS = (
    "en\tzh\n"
    "The file was deleted.\t文件已被删除。\n"
    "Open the file in the editor.\t在编辑器中打开文件。\n"
    "Save the file before closing.\t关闭前请保存文件。\n"
    "The file is too large to upload.\t档案太大，无法上传。\n"
    "Please rename the file.\t请重新命名档案。\n"
    "The editor saves drafts every minute.\t编辑器每分钟保存草稿。\n"
)
ZH_ONE_WAY = (
    "en\tzh\n"
    "The file was deleted.\t文件已被删除。\n"
    "Open the file in the editor.\t在编辑器中打开文件。\n"
    "Save the file before closing.\t关闭前请保存文件。\n"
    "The file is too large to upload.\t文件太大，无法上传。\n"
    "The editor saves drafts every minute.\t编辑器每分钟保存草稿。\n"
    "The archive holds old drafts.\t档案保存旧草稿。\n"
)


def _check(tmp_path: Path, text: str, name: str = "memory.tsv") -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return findings(run_paths([path], select=["TC107"]), "TC107")


def _words(path: Path, found: list[dict]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [text[f["offset"] : f["end_offset"]] for f in found]


def test_sound_rendered_klang_and_ton_in_one_talk() -> None:
    found = findings(run_paths([TALK], select=["TC107"]), "TC107")
    assert [f["line"] for f in found] == [6, 7]
    assert _words(TALK, found) == ["Ton", "Ton"]
    first = found[0]
    assert first["message"] == "'sound' is rendered 'Klang' 4 times, 'Ton' twice; here 'Ton'"
    assert first["suggestion"] == "Klang"
    assert first["severity"] == "warning"
    assert first["confidence"] == pytest.approx(0.67)
    text = TALK.read_text(encoding="utf-8")
    related = first["related"]
    assert len(related) == 4 and {r["line"] for r in related} == {2, 3, 4, 5}
    line = text.splitlines()[related[0]["line"] - 1]
    assert line[related[0]["column"] - 1 :].startswith("Klang")


def test_inflections_of_one_rendering_pass() -> None:
    path = CHECK_FIXTURES / "TC107" / "pass-de-inflections.tsv"
    assert findings(run_paths([path], select=["TC107"]), "TC107") == []


def test_norwegian_account_rendered_konto_and_profil(tmp_path: Path) -> None:
    found = _check(tmp_path, NB_TWO_WAYS)
    assert _words(tmp_path / "memory.tsv", found) == ["profil", "profil"]
    assert found[0]["message"].startswith("'account' is rendered 'kontoen' 4 times, 'profil' twice")


def test_norwegian_inflected_forms_and_another_term_pass(tmp_path: Path) -> None:
    assert _check(tmp_path, NB_INFLECTED) == []


def test_french_source_english_target(tmp_path: Path) -> None:
    found = _check(tmp_path, FR_EN_TWO_WAYS)
    assert _words(tmp_path / "memory.tsv", found) == ["drive", "drive"]
    assert found[0]["suggestion"] == "disk"


def test_french_two_source_terms_with_two_renderings_pass(tmp_path: Path) -> None:
    assert _check(tmp_path, FR_EN_TWO_TERMS) == []


def test_chinese_target_through_character_bigrams(tmp_path: Path) -> None:
    found = _check(tmp_path, ZH_TWO_WAYS)
    assert _words(tmp_path / "memory.tsv", found) == ["档案", "档案"]
    assert found[0]["suggestion"] == "文件"


def test_chinese_one_rendering_passes(tmp_path: Path) -> None:
    assert _check(tmp_path, ZH_ONE_WAY) == []


def test_scope_run_compares_documents(tmp_path: Path) -> None:
    first = "".join(NB_INFLECTED.splitlines(keepends=True)[:5])
    second = "en\tnb\n" + "".join(
        f"{en}\t{nb}\n"
        for en, nb in [
            ("Close your account.", "Lukk profilen din."),
            ("The account was closed yesterday.", "Profilen ble lukket i går."),
            ("Your account needs a password.", "Profilen din trenger et passord."),
        ]
    )
    (tmp_path / "a.tsv").write_text(first, encoding="utf-8")
    (tmp_path / "b.tsv").write_text(second, encoding="utf-8")
    paths = [tmp_path / "a.tsv", tmp_path / "b.tsv"]
    assert findings(run_paths(paths, select=["TC107"]), "TC107") == []
    (tmp_path / "tcheck.toml").write_text('[options.TC107]\nscope = "run"\n', encoding="utf-8")
    # four against three: the majority's share (0.57) is below the default confidence (0.6)
    assert findings(run_paths(paths, select=["TC107"]), "TC107") == []
    (tmp_path / "tcheck.toml").write_text(
        '[options.TC107]\nscope = "run"\nmin-confidence = 0.5\n', encoding="utf-8"
    )
    found = findings(run_paths(paths, select=["TC107"]), "TC107")
    assert {Path(f["path"]).name for f in found} == {"b.tsv"}
    assert "'kontoen' 4 times, 'Profilen' 3 times" in found[0]["message"]


def test_min_confidence_option_hides_weak_findings(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text("[options.TC107]\nmin-confidence = 0.9\n", encoding="utf-8")
    assert _check(tmp_path, NB_TWO_WAYS) == []


def test_translation_aligned_with_its_source(tmp_path: Path) -> None:
    source = tmp_path / "talk.en.txt"
    target = tmp_path / "talk.de.txt"
    lines = [line.split("\t") for line in TALK.read_text(encoding="utf-8").splitlines()[1:]]
    source.write_text("\n\n".join(en for en, _ in lines) + "\n", encoding="utf-8")
    target.write_text("\n\n".join(de for _, de in lines) + "\n", encoding="utf-8")
    result = run_paths([target], source=source, select=["TC107"], source_lang="en", target_lang="de")
    found = findings(result, "TC107")
    assert _words(target, found) == ["Ton", "Ton"]


def test_digest_is_picklable_for_worker_processes() -> None:
    (doc,) = [read_document(str(TALK))]
    digest = digest_document(doc, False)
    again = pickle.loads(pickle.dumps(digest))
    assert again.kept == digest.kept and again.counts.joint == digest.counts.joint


def test_tokens_lemmatise_and_drop_function_words() -> None:
    assert [t.key for t in tokens("Die Klänge des Klanges", "de")] == ["klang", "klang"]
    assert [t.surface for t in tokens("l’année d'inondation", "fr")] == ["année", "inondation"]
    assert [t.key for t in tokens("文件太大", "zh")] == ["文件", "件太", "太大"]


@pytest.mark.parametrize(
    ("a", "b", "lang", "same"),
    [
        ("klang", "klangfarbe", "de", True),  # a compound on the word
        ("angriff", "angegriffen", "de", True),  # a derivation
        ("bjørn", "bjorn", "nb", True),
        ("nord-coréen", "nord", "fr", True),
        ("klang", "ton", "de", False),
        ("überschwemmung", "überflutung", "de", False),
        ("disk", "drive", "en", False),
    ],
)
def test_same_term(a: str, b: str, lang: str, same: bool) -> None:
    assert same_term(a, b, lang) is same


def test_competitive_linking_takes_each_word_once() -> None:
    counts = Counts()
    for _ in range(3):
        counts.add_pair(["sound", "hole"], ["klang", "loch"])
    counts.add_pair(["hole"], ["loch"])
    assert link(["sound", "hole"], ["loch", "klang"], counts) == [1, 0]


def _repository_talk(tmp_path: Path) -> Path:
    lines = [line.split("\t") for line in TALK.read_text(encoding="utf-8").splitlines()[1:]]
    for lang, column in (("en", 0), ("de", 1)):
        page = tmp_path / "content" / lang / "talk.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("# Talk\n\n" + "\n\n".join(pair[column] for pair in lines) + "\n", encoding="utf-8")
    return tmp_path / "content" / "de" / "talk.md"


def test_repository_pages_are_left_out_by_default(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text('source-lang = "en"\n', encoding="utf-8")
    _repository_talk(tmp_path)
    assert findings(run_paths([tmp_path / "content"], select=["TC107"]), "TC107") == []


def test_repository_pages_when_asked(tmp_path: Path) -> None:
    (tmp_path / "tcheck.toml").write_text(
        'source-lang = "en"\n[options.TC107]\nrepository-pages = true\n', encoding="utf-8"
    )
    target = _repository_talk(tmp_path)
    found = findings(run_paths([tmp_path / "content"], select=["TC107"]), "TC107")
    assert _words(target, found) == ["Ton", "Ton"]


# Multi-word terms (issue 17: ``light black hole`` rendered ``leichtes`` and ``helles``).
LIGHT = CHECK_FIXTURES / "TC107" / "fail-de-light-black-hole.tsv"
LIGHT_PASS = CHECK_FIXTURES / "TC107" / "pass-de-light-black-hole.tsv"
NB_COMPOUND = (
    "en\tnb\n"
    "The immune system protects the body against infections.\tImmunsystemet beskytter kroppen mot infeksjoner.\n"
    "Stress weakens the immune system over time.\tStress svekker immunsystemet over tid.\n"
    "Sleep helps the immune system recover.\tSøvn hjelper immunsystemet å komme seg.\n"
    "Children have an immune system that is still learning.\tBarn har et immunforsvar som fortsatt lærer.\n"
    "Vaccines train the immune system safely.\tVaksiner trener immunforsvaret på en trygg måte.\n"
    "Infections spread quickly in winter.\tInfeksjoner sprer seg raskt om vinteren.\n"
)


def test_multi_word_term_rendered_two_ways() -> None:
    found = findings(run_paths([LIGHT], select=["TC107"]), "TC107")
    assert [f["line"] for f in found] == [9, 10]
    assert _words(LIGHT, found) == ["helle", "helle"]
    first = found[0]
    assert first["message"] == (
        "'light black hole' is rendered 'leichtes schwarzes Loch' 4 times, 'helle schwarze Loch' "
        "twice; here 'helle schwarze Loch' ('helle')"
    )
    assert first["suggestion"] == "leichtes"
    assert first["severity"] == "warning" and first["confidence"] == pytest.approx(0.67)
    related = first["related"]
    assert {r["line"] for r in related} == {2, 3, 6, 7}
    line = LIGHT.read_text(encoding="utf-8").splitlines()[related[-1]["line"] - 1]
    assert line[related[-1]["column"] - 1 :].startswith("leichten schwarzen Loch")


def test_multi_word_term_rendered_one_way_passes() -> None:
    # 'light' alone is 'Licht' twice there: a word inside a term is judged with the term
    assert findings(run_paths([LIGHT_PASS], select=["TC107"]), "TC107") == []


def test_two_word_term_rendered_by_one_compound(tmp_path: Path) -> None:
    found = _check(tmp_path, NB_COMPOUND)
    assert _words(tmp_path / "memory.tsv", found) == ["immunforsvar", "immunforsvaret"]
    assert found[0]["message"] == (
        "'immune system' is rendered 'immunsystemet' 3 times, 'immunforsvar' twice; here 'immunforsvar'"
    )
    consistent = NB_COMPOUND.replace("et immunforsvar som", "et immunsystem som").replace(
        "immunforsvaret på", "immunsystemet på"
    )
    assert _check(tmp_path, consistent) == []


def test_runs_cover_and_shown() -> None:
    keys = ("light", "black", "hole", "star")
    joined = (True, True, False)
    assert [key for _, _, key in runs(keys, joined)] == ["light black", "light black hole", "black hole"]
    terms = Counter({"black hole": 5, "light black hole": 3})
    assert cover(keys, joined, terms) == [(0, 3, "light black hole")]
    assert cover(("black", "hole", "light"), (True, False), terms) == [(0, 2, "black hole")]
    assert list(runs(("very", "very"), (True,))) == []
    assert list(runs(keys, ())) == []  # nothing known of the spaces: no runs
    # overlapping character bigrams merge; words apart keep a space
    assert shown([(10, 12, "文件"), (11, 13, "件夹")]) == "文件夹"
    assert shown([(20, 26, "Loch"), (3, 9, "helle")]) == "helle Loch"


def test_digest_counts_repeated_runs_as_terms() -> None:
    (doc,) = [read_document(str(LIGHT))]
    digest = digest_document(doc, False)
    assert digest.counts.source["light black hole"] == 6
    assert "companion star" in digest.counts.source  # twice: counted, but no term (three needed)
    assert "star wobble" not in digest.counts.source  # once
