"""TC402 copied-source: a target that is its source, unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHECK_FIXTURES, findings, run_paths


def test_copied_po_entry() -> None:
    po = CHECK_FIXTURES / "TC402" / "fail-de-copy.po"
    result = run_paths([po])
    found = findings(result, "TC402")
    assert [f["line"] for f in found] == [10]
    text = po.read_text(encoding="utf-8")
    assert text[found[0]["offset"] : found[0]["end_offset"]] == "The file is too large to upload."
    assert found[0]["related"][0]["line"] == 9
    assert not findings(result, "TC401")  # the copy is TC402's, not reported twice


def test_names_codes_and_short_labels_are_fine() -> None:
    result = run_paths([CHECK_FIXTURES / "TC402" / "pass-fr-names.xliff"])
    assert not findings(result, "TC402")


def test_same_language_pair_is_not_a_copy(tmp_path: Path) -> None:
    tsv = tmp_path / "gb-us.tsv"
    tsv.write_text(
        "en\ten\nThe colour of the sky is grey today.\tThe colour of the sky is grey today.\n",
        encoding="utf-8",
    )
    assert not findings(run_paths([tsv]), "TC402")


def test_copy_in_aligned_text_files(tmp_path: Path) -> None:
    source = tmp_path / "src.txt"
    target = tmp_path / "nb.txt"
    source.write_text(
        "The meeting starts at nine.\n\nPlease bring your own laptop to the workshop.\n", encoding="utf-8"
    )
    target.write_text(
        "Møtet begynner klokken ni.\n\nPlease bring your own laptop to the workshop.\n", encoding="utf-8"
    )
    result = run_paths([target], source=source, target_lang="nb", source_lang="en")
    assert [f["line"] for f in findings(result, "TC402")] == [3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Run the command again after you have updated the repository index.", True),
        ("Problem it addresses", True),
        ("Update sign tests to use testify", True),
        ("Shift Left", False),  # a term name
        ("Feedback Appreciated", False),
        ("Mutual Transport Layer Security", False),  # a title-cased name
        ("kubectl apply -f deployment.yaml", False),  # a command
        ("helm install --set image.tag=v1.2.3 mynginx ./charts/nginx", False),
        ("TestDedupeRepos, slices.Contains and repoFailList", False),  # identifiers
        ("{count} of %s in {{namespace}}", False),  # placeholders
        ("#30576 2025-02-23 felipecrs Fix flaky TestDedupeRepos", False),  # a changelog row
        ("chore: fix pkg/registry warnings to reduce noise", False),  # a commit subject
        ("{{% sign-language-section Fq-kda8kIHg %}}", False),  # markup
    ],
)
def test_what_needs_translating(text: str, expected: bool) -> None:
    from tcheck.checks.copied_source import translatable

    assert translatable(text, 3) is expected


def test_changelog_table_rows_are_copied_by_design() -> None:
    fail = CHECK_FIXTURES / "TC402" / "fail-ko-changelog.md"
    source = CHECK_FIXTURES / "TC402" / "changelog" / "changelog.en.md"
    result = run_paths([fail], source=source, target_lang="ko", source_lang="en")
    found = findings(result, "TC402")
    text = fail.read_text(encoding="utf-8")
    assert [text[f["offset"] : f["end_offset"]] for f in found] == [
        "Read the upgrade guide before you move your charts to the new version."
    ]


def test_command_titles_are_copied_by_design_paragraphs_are_not(tmp_path: Path) -> None:
    """A command reference page keeps its title (``helm repo remove``); its prose must be translated."""
    (tmp_path / ".git").mkdir()
    en = "---\ntitle: helm repo remove\n---\n\n## helm repo remove\n\nRemove one or more chart repositories from the list.\n"
    de_copy = "---\ntitle: helm repo remove\n---\n\n## helm repo remove\n\nRemove one or more chart repositories from the list.\n"
    for lang, text in (("en", en), ("de", de_copy)):
        page = tmp_path / "content" / lang / "helm_repo_remove.md"
        page.parent.mkdir(parents=True)
        page.write_text(text, encoding="utf-8")
    found = findings(run_paths([tmp_path / "content" / "de"], select=["TC402"]), "TC402")
    assert [f["line"] for f in found] == [7]


@pytest.mark.parametrize(
    "copied",
    [
        "@user2 @user3",
        "<div id=sec1></div>",
        '<span class="note">@user2</span> $tslq $tsla',
        "$tslq #stocks https://example.com/a?b=c",
        "info@example.no {{ .Values.name }} %(count)s",
        "@user2 @user3 $tslq ok",
    ],
)
def test_tokens_a_translator_must_copy_are_not_a_copied_source(tmp_path: Path, copied: str) -> None:
    tsv = tmp_path / "en-nb.tsv"
    tsv.write_text(f"en\tnb\nGood morning.\tGod morgen.\n{copied}\t{copied}\n", encoding="utf-8")
    result = run_paths([tsv], select=["TC4"])
    assert not findings(result)


def test_a_copied_sentence_is_reported_whatever_tokens_it_holds(tmp_path: Path) -> None:
    row = "Thanks @user2, the shares of $tslq rose again today."
    tsv = tmp_path / "en-nb.tsv"
    tsv.write_text(f"en\tnb\n{row}\t{row}\n", encoding="utf-8")
    assert [f["line"] for f in findings(run_paths([tsv]), "TC402")] == [2]


def test_a_quote_in_a_third_language_is_kept_by_design(tmp_path: Path) -> None:
    source = tmp_path / "src.txt"
    source.write_text(
        "The coach said it plainly.\n\nIl faut bien le faire, et le faire ensemble.\n\n"
        "Please bring your own laptop to the workshop.\n",
        encoding="utf-8",
    )
    target = tmp_path / "de.txt"
    target.write_text(
        "Der Trainer sagte es deutlich.\n\nIl faut bien le faire, et le faire ensemble.\n\n"
        "Please bring your own laptop to the workshop.\n",
        encoding="utf-8",
    )
    result = run_paths([target], source=source, target_lang="de", source_lang="en")
    assert [f["line"] for f in findings(result, "TC402")] == [5]  # the English one only
