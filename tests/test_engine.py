"""Engine and loader: severity overrides, source pairing, languages from the layout, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import findings, run_paths
from tcheck.errors import UsageError
from tcheck.loader import language_from_path

DATED = "Wednesday, January 19\n\nThe agency said earlier on Thursday that 5,000 kroner was paid.\n"


def test_severity_override_from_config(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(DATED, encoding="utf-8")
    (tmp_path / "tcheck.toml").write_text('[severity]\nTC2 = "info"\nTC303 = "error"\n', encoding="utf-8")
    result = run_paths([doc], target_lang="en", source_lang="nb")
    severities = {f["code"]: f["severity"] for f in findings(result)}
    assert severities == {"TC202": "info", "TC303": "error"}
    assert result.exit_code == 1


def test_findings_are_sorted_and_deterministic(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(DATED, encoding="utf-8")
    first = findings(run_paths([tmp_path], target_lang="en", source_lang="nb"))
    second = findings(run_paths([tmp_path], target_lang="en", source_lang="nb"))
    assert first == second
    keys = [(f["path"], f["line"], f["column"]) for f in first]
    assert keys == sorted(keys)


def test_source_paired_by_paragraphs(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    source = tmp_path / "s.txt"
    target.write_text("First paragraph.\n\nSecond one.\n", encoding="utf-8")
    source.write_text("Første avsnitt.\n\nAndre avsnitt.\n", encoding="utf-8")
    from tcheck.config import Config
    from tcheck.engine import Input
    from tcheck.loader import load_documents

    docs = list(
        load_documents([Input(str(target), "t.txt")], Config(target_lang="en", source_lang="nb"), str(source))
    )
    doc = docs[0]
    assert [s.counterpart.text for s in doc.segments] == ["Første avsnitt.", "Andre avsnitt."]
    assert doc.source is not None and doc.source.lang == "nb"


def test_source_paired_by_lines_when_paragraphs_differ(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    source = tmp_path / "s.txt"
    target.write_text("Line one.\nLine two.\n", encoding="utf-8")
    source.write_text("Linje en.\n\nLinje to.\n", encoding="utf-8")
    from tcheck.config import Config
    from tcheck.engine import Input
    from tcheck.loader import load_documents

    doc = next(iter(load_documents([Input(str(target), "t.txt")], Config(target_lang="en"), str(source))))
    assert [(s.text, s.counterpart.text) for s in doc.segments] == [
        ("Line one.", "Linje en."),
        ("Line two.", "Linje to."),
    ]


def test_source_that_cannot_be_paired_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    source = tmp_path / "s.txt"
    target.write_text("One.\n\nTwo.\n\nThree.\n", encoding="utf-8")
    source.write_text("En.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot align"):
        run_paths([target], source=source, target_lang="en")


def test_language_from_layout(tmp_path: Path) -> None:
    for lang in ("en", "nb"):
        (tmp_path / "content" / lang).mkdir(parents=True)
    post = tmp_path / "content" / "nb" / "post.md"
    post.write_text("# Tittel\n", encoding="utf-8")
    assert language_from_path(str(post)) == "nb"
    assert language_from_path(str(tmp_path / "blog" / "post.de.md")) == "de"
    lonely = tmp_path / "it" / "notes.md"
    assert language_from_path(str(lonely)) is None
    assert language_from_path(str(tmp_path / "notes.final.md")) is None


def test_language_detected_when_not_given(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text(
        "Onsdag 19. januar\n\nPolitiet meldte tidligere torsdag at flere personer var pågrepet "
        "etter uroen i byen.\n",
        encoding="utf-8",
    )
    result = run_paths([doc])
    assert [f["line"] for f in findings(result, "TC202")] == [3]


def test_hits_and_findings_without_extras_share_one_empty_mapping() -> None:
    from types import MappingProxyType

    from tcheck.model import Finding, Hit, Severity, Span

    first, second = Hit(Span(0, 6), "onsdag"), Hit(Span(7, 14), "torsdag")
    assert first.data is second.data and dict(first.data) == {}
    finding = Finding("TC201", "weekday-date", Severity.ERROR, "m", "a.txt", Span(0, 6))
    assert finding.data is first.data
    with pytest.raises(TypeError):
        first.data["note"] = "x"  # type: ignore[index]
    extra = Hit(Span(0, 6), "onsdag", data=MappingProxyType({"round_trip": "onsdag"}))
    assert extra.data is not first.data and extra.data["round_trip"] == "onsdag"


def test_language_detection_samples_the_first_segments_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from tcheck.formats import text as plain
    from tcheck.loader import detect_language
    from tcheck.services import langid

    body = "".join(f"Avsnitt {n}: regjeringen satte et tak på drivstoffprisene.\n\n" for n in range(2000))
    doc = plain.read("nyheter.txt", body)
    seen: list[str] = []
    monkeypatch.setattr(langid, "detect", lambda sample: seen.append(sample) or "nb")
    assert detect_language(doc) == "nb"
    assert seen == [" ".join(s.text for s in doc.segments)[:1500]]
    assert detect_language(doc, sample_size=40) == "nb" and seen[-1] == doc.segments[0].text[:40]


def _rglob_reference(given: str, exclude: tuple[str, ...]) -> list[tuple[str, str]]:
    """What discovery found when it walked ``sorted(Path(given).rglob("*"))`` (before it walked
    the folders itself and stopped entering those it skips)."""
    import os

    from tcheck.engine import SKIPPED_DIRS, _excluded
    from tcheck.formats import CHECKED_SUFFIXES
    from tcheck.formats.resources import is_resource_path

    root, out = Path(given), []
    for file in sorted(root.rglob("*")):
        rel = file.relative_to(root).as_posix()
        if any(part in SKIPPED_DIRS for part in file.relative_to(root).parts[:-1]):
            continue
        shown = (root / rel).as_posix() if given not in (".", "./") else rel
        if file.is_dir() and file.name not in SKIPPED_DIRS and not os.access(file, os.R_OK | os.X_OK):
            out.append((str(file), shown))
            continue
        wanted = file.suffix.lower() in CHECKED_SUFFIXES or is_resource_path((root / rel).as_posix())
        if wanted and file.is_file() and not _excluded(rel, exclude):
            out.append((str(file), shown))
    return out


def test_discovery_order_and_skipped_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders are walked in the order of sorted paths (``a/`` before ``a-b/``, a folder just
    before what it holds); ``node_modules``, ``.git`` and the like are not entered; a link to a
    folder is listed but not followed; excluded globs and non-text files are left out."""
    from tcheck.engine import discover

    files = {
        "a/artikkel.nb.md": "Oslo, onsdag 19. januar 2022.",
        "a-b/notes.txt": "Kassym-Jomart Tokajev.",
        "a.b/Bericht.MD": "Am Mittwoch, 19. Januar.",
        "a/z/dypt.txt": "Almaty.",
        "locales/fr.json": '{"title": "Troubles au Kazakhstan"}',
        "node_modules/pkg/README.md": "not ours",
        ".git/info/x.md": "not ours",
        "drafts/utkast.md": "Utkast.",
        "bilde.png": "not text",
        ".skjult/side.md": "Skjult side.",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "lenke").symlink_to(tmp_path / "a", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for given in (str(tmp_path), "."):
        found = [(i.path, i.shown) for i in discover([given], ("drafts/*",))]
        assert found == _rglob_reference(given, ("drafts/*",))
    shown = [i.shown for i in discover(["."], ("drafts/*",))]
    assert shown == [
        ".skjult/side.md",
        "a/artikkel.nb.md",
        "a/z/dypt.txt",
        "a-b/notes.txt",
        "a.b/Bericht.MD",
        "locales/fr.json",
    ]
