"""Originals read once for all their translations, kept within a budget of characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from tcheck import loader
from tcheck.config import Config
from tcheck.engine import discover
from tcheck.formats import read_document
from tcheck.model import Document

ORIGINAL = (
    "# Unrest in Kazakhstan\n\n"
    "The Russian-led alliance CSTO sent 2,300 troops to Almaty on Wednesday, January 19.\n\n"
    "President Kassym-Jomart Tokayev said the situation was under control.\n"
)
TRANSLATIONS = {
    "nb": (
        "# Uro i Kasakhstan\n\n"
        "Den russisk-ledede alliansen CSTO sendte 2300 soldater til Almaty onsdag 19. januar.\n\n"
        "President Kassym-Jomart Tokajev sa at situasjonen var under kontroll.\n"
    ),
    "de": (
        "# Unruhen in Kasachstan\n\n"
        "Das von Russland geführte Bündnis OVKS schickte am Mittwoch, 19. Januar, 2300 Soldaten nach Almaty.\n\n"
        "Präsident Kassym-Schomart Tokajew sagte, die Lage sei unter Kontrolle.\n"
    ),
    "ru": (
        "# Беспорядки в Казахстане\n\n"
        "Возглавляемый Россией альянс ОДКБ в среду, 19 января, направил в Алматы 2300 военнослужащих.\n\n"
        "Президент Касым-Жомарт Токаев заявил, что ситуация под контролем.\n"
    ),
}


def _doc(text: str) -> Document:
    return Document("page.md", text, "en", ())


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the loader reads as originals (a fresh cache for each test)."""
    done: list[str] = []

    def reading(path: str, *args: object, **kwargs: object) -> Document:
        done.append(Path(path).name)
        return read_document(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_document", reading)
    monkeypatch.setattr(loader, "_SOURCES", loader._Sources(loader.SOURCE_BUDGET))
    return done


def _site(root: Path, pages: int) -> None:
    for n in range(pages):
        (root / "content" / "en").mkdir(parents=True, exist_ok=True)
        (root / "content" / "en" / f"page{n}.md").write_text(ORIGINAL, encoding="utf-8")
        for lang, text in TRANSLATIONS.items():
            (root / "content" / lang).mkdir(parents=True, exist_ok=True)
            (root / "content" / lang / f"page{n}.md").write_text(text, encoding="utf-8")


def test_each_original_is_read_once_for_every_language(tmp_path: Path, reads: list[str]) -> None:
    """More originals than the old cache's 128 entries, each with three translations read one
    language after another: every original is read once."""
    _site(tmp_path, 150)
    config = Config(select=("TC301",), target_lang=None)
    inputs = discover([str(tmp_path / "content")], (), config)
    docs = list(loader.load_documents(inputs, config))
    translated = [d for d in docs if isinstance(d, Document) and d.source is not None]
    assert len(translated) == 450 and all(d.source_lang == "en" for d in translated)
    assert len(reads) == 150 and len(set(reads)) == 150


def test_an_edited_original_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    _site(tmp_path, 1)
    config = Config(select=("TC301",))
    inputs = discover([str(tmp_path / "content" / "nb")], (), config)
    first = next(iter(loader.load_documents(inputs, config)))
    assert isinstance(first, Document) and first.source is not None and "2,300" in first.source.text
    (tmp_path / "content" / "en" / "page0.md").write_text(
        ORIGINAL.replace("2,300", "2,400"), encoding="utf-8"
    )
    again = next(iter(loader.load_documents(inputs, config)))
    assert isinstance(again, Document) and again.source is not None and "2,400" in again.source.text
    assert reads == ["page0.md", "page0.md"]


def test_the_budget_counts_characters_not_files() -> None:
    kept = loader._Sources(100)
    small = [_doc("Onsdag 19. januar.") for _ in range(5)]  # 18 characters each
    for n, doc in enumerate(small):
        kept.put(n, doc)
    assert len(kept) == 5 and all(kept.get(n) is small[n] for n in range(5))
    kept.put("large", _doc("Токаев заявил, что ситуация под контролем."))
    # 42 characters: the two least recently used small ones leave to make room (54 + 42)
    assert kept.get(0) is None and kept.get(1) is None and kept.get(2) is small[2]
    assert kept.get("large") is not None and len(kept) == 4
    kept.put("huge", _doc("x" * 101))  # larger than the whole budget: not kept, nothing dropped
    assert kept.get("huge") is None and len(kept) == 4


def test_a_document_stored_again_replaces_its_size() -> None:
    kept = loader._Sources(40)
    kept.put("a", _doc("Die Lage sei unter Kontrolle."))  # 29
    kept.put("a", _doc("Die Lage."))  # 9: the old size is given back
    kept.put("b", _doc("Am Mittwoch, 19. Januar."))  # 24: 33 in all, both fit
    assert kept.get("a") is not None and kept.get("b") is not None
