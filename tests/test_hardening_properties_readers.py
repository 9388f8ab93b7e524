"""Property-based hardening of the readers: any mutation of a realistic text, Markdown, XLIFF, PO,
TMX or TSV file is read with every position inside the file, or refused as TC001; a whole run on
it raises nothing (a usage error at most) and places every finding inside its file."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hardening_strategies import HARDENING, MARKDOWN, PO, XML, XML_CONTENT, as_bytes, fixture_text, mutated
from hypothesis import given, settings
from hypothesis import strategies as st

from tcheck import app
from tcheck.config import Config, resolve
from tcheck.errors import InputError, UsageError
from tcheck.formats import read_documents
from tcheck.model import Document, Segment

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest.en.txt").read_text("utf-8")
TEXT = [
    SEED[:1500],
    "Regjeringen la fram statsbudsjettet onsdag 19. januar 2022.\n\nUtgiftene øker med 2 300 millioner kroner.\n",
    "会議は2022年1月19日（水曜日）に開かれた。\n\n参加者は約1,000人だった。\n",
]
MD = [
    "---\ntitle: Statsbudsjettet\ndate: 2022-01-19\n---\n\n# Budsjett\n\nRegjeringen la fram budsjettet "
    "**onsdag**. Se [rapporten](https://example.org/r) og `kode`.\n\n- Utgifter: 2 300 mill.\n- Inntekter\n\n"
    "```python\nprint('ikke prosa')\n```\n\n| Post | Beløp |\n| --- | --- |\n| Skole | 1,5 mrd. |\n",
    "# Release notes\n\nVersion 2.1 was released on Wednesday, January 19.\n\n> Quote with <b>html</b>.\n",
]
XLIFF = [fixture_text("bilingual", "webshop.en-de.xlf"), fixture_text("bilingual", "guide.en-fr.xliff")]
TMX = [fixture_text("bilingual", "phrases.tmx")]
POS = [fixture_text("bilingual", "app.nb.po")]
TSV = [fixture_text("bilingual", "release-notes.en-nb.tsv")]

FORMATS = {
    ".txt": mutated(TEXT, MARKDOWN),
    ".md": mutated(MD, MARKDOWN),
    ".xlf": mutated(XLIFF, XML, XML_CONTENT),
    ".tmx": mutated(TMX, XML, XML_CONTENT),
    ".po": mutated(POS, PO),
    ".tsv": mutated(TSV, ["\t", "\n", "# ", "en\tnb\n", "source\ttarget\n"]),
}
FILES = st.sampled_from(sorted(FORMATS)).flatmap(
    lambda suffix: st.tuples(st.just(suffix), as_bytes(FORMATS[suffix]))
)


def _inside(segment: Segment, length: int) -> None:
    assert 0 <= segment.span.start <= segment.span.end <= length
    spans = [segment.file_span(0, len(segment.text))]
    spans += [segment.file_span(start, end) for start, end in segment.sentences]
    for span in spans:
        assert 0 <= span.start <= span.end <= length, (segment.id, span, length)
    if segment.offsets is not None:
        assert len(segment.offsets) == len(segment.text) + 1


def _check_document(doc: Document, length: int) -> None:
    assert len(doc.text) == length
    for segment in doc.segments:
        _inside(segment, length)
        if segment.counterpart is not None:
            _inside(segment.counterpart, length)


def _decoded_length(data: bytes) -> int | None:
    try:
        return len(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None


@settings(HARDENING, max_examples=250)
@given(FILES)
def test_readers_keep_positions_inside_the_file_or_refuse(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            docs = read_documents(str(path))
        except InputError as exc:
            assert exc.reason and "\n" not in str(exc)
            return
    length = _decoded_length(data)
    assert length is not None, "text that is not UTF-8 was read"
    for doc in docs:
        _check_document(doc, length)


_CONFIG: Config | None = None


def _config(folder: Path) -> Config:
    global _CONFIG
    if _CONFIG is None:
        _CONFIG = replace(
            resolve({"round-trip": "off", "cache": False, "jobs": 1}, None, folder), default_glossaries=False
        )
    return _CONFIG


@settings(HARDENING, max_examples=80)
@given(st.lists(FILES, min_size=1, max_size=3))
def test_a_run_raises_nothing_and_places_findings_inside_their_files(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lengths: dict[str, int | None] = {}
        paths = []
        for n, (suffix, data) in enumerate(files):
            path = folder / f"doc{n}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
            lengths[str(path)] = _decoded_length(data)
        try:
            result = app.check(paths, _config(folder))
        except UsageError as exc:
            assert "\n" not in str(exc)
            return
    for finding in result.findings:
        assert finding.path in lengths, finding.path
        length = lengths[finding.path]
        if finding.code == "TC001":
            continue
        assert length is not None, f"{finding.code} on a file that is not UTF-8"
        assert 0 <= finding.span.start <= finding.span.end <= length, (finding.code, finding.span, length)
        for related in finding.related:
            other = lengths.get(related.path)
            assert other is not None and related.span.end <= other, (finding.code, related)
    reported = {f.path for f in result.findings}
    for path in lengths:  # every file was checked, or a finding says why not (TC001, TC404)
        assert path in result.lines or path in reported, path
