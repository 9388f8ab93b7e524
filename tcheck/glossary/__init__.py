"""Glossaries: loading (by file extension), validation, writing and the shipped defaults.

Formats: CSV/TSV (:mod:`tcheck.glossary.csvfmt`), TOML (:mod:`tcheck.glossary.tomlfmt`) and TBX
v2/v3 (:mod:`tcheck.glossary.tbx`); all load into one model (:mod:`tcheck.glossary.model`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from tcheck import gcutil
from tcheck.errors import InputError, UsageError
from tcheck.glossary.model import Entry, Glossary, Parsed, Problem, Term, primary
from tcheck.overwrite import refuse_overwrite

__all__ = [
    "FORMATS",
    "Entry",
    "Glossary",
    "Problem",
    "Term",
    "convert",
    "default_glossaries",
    "lint",
    "load",
    "parse_file",
    "usage_notes",
    "write",
]

FORMATS = (".csv", ".tsv", ".toml", ".tbx")
_PACKAGE = Path(__file__).resolve().parent.parent
# Installed wheels carry the glossaries inside the package; a source checkout has them at the top.
SHIPPED = _PACKAGE / "_glossaries" if (_PACKAGE / "_glossaries").is_dir() else _PACKAGE.parent / "glossaries"


def _suffix(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return ".tbx" if suffix in (".xml", ".tbxm") else suffix


def parse_text(path: str, text: str) -> Parsed:
    """Parse glossary text by the file's extension (every problem is collected, none raised)."""
    suffix = _suffix(path)
    if suffix in (".csv", ".tsv"):
        from tcheck.glossary import csvfmt

        return csvfmt.parse(path, text)
    if suffix == ".toml":
        from tcheck.glossary import tomlfmt

        return tomlfmt.parse(path, text)
    if suffix == ".tbx":
        from tcheck.glossary import tbx

        return tbx.parse(path, text)
    problem = Problem(None, f"unknown glossary format {suffix or '(none)'} (use {', '.join(FORMATS)})")
    return Parsed(None, None, (), (problem,))


def parse_file(path: str) -> tuple[Parsed, str]:
    """The parsed file and its text (read errors are :class:`InputError`)."""
    from tcheck.formats import read_file

    text = read_file(path)
    return parse_text(path, text), text


def lint(path: str) -> list[Problem]:
    """Every problem of a glossary file, in line order (errors and warnings)."""
    from tcheck.glossary.consistency import cross_problems, entry_problems

    try:
        parsed, _ = parse_file(path)
    except InputError as exc:
        return [Problem(exc.line, exc.reason)]
    problems = [*parsed.problems, *entry_problems(parsed.entries), *cross_problems(parsed.entries)]
    return sorted(problems, key=lambda p: (p.line or 0, p.level != "error"))


def validate(path: str, entries: tuple[Entry, ...]) -> None:
    """Reject entries that contradict themselves or each other (first error, with its line)."""
    from tcheck.glossary.consistency import cross_problems, entry_problems

    for problem in (*entry_problems(entries, warnings=False), *cross_problems(entries, warnings=False)):
        if problem.level == "error":
            raise InputError(path, problem.message, problem.line)


def _glossary(path: str, parsed: Parsed, text: str) -> Glossary:
    src, tgt = parsed.source_lang, parsed.target_lang
    entries = parsed.entries
    if tgt is None and not parsed.languages:
        langs = {t.lang for e in entries for t in e.target_terms}
        tgt = langs.pop() if len(langs) == 1 else None
    if src is None:
        langs = {t.lang for e in entries for t in e.source_terms if t.lang}
        src = langs.pop() if len(langs) == 1 else None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    languages = parsed.languages or tuple(sorted({primary(x) for x in (src, tgt) if x}))
    return Glossary(
        path, src and primary(src), tgt and primary(tgt), entries, digest, languages, parsed.any_pair
    )


def load(path: str, cache_dir: Path | None = None) -> Glossary:
    """Load a glossary file; errors are :class:`InputError` with the offending line.

    With ``cache_dir``, a glossary parsed before (same text, same tcheck) is taken from there and
    a newly parsed one is kept there (:mod:`tcheck.glossary.stored`)."""
    from tcheck.formats import read_file
    from tcheck.glossary import stored
    from tcheck.services.cache import file_digest

    with gcutil.paused():  # a termbase is many small objects that live as long as the run
        digest = None
        if cache_dir is not None:
            # the key: the digest of the file's bytes, remembered while the file is unchanged
            digest = file_digest(path, cache_dir)
            found = stored.fetch(cache_dir, path, digest) if digest is not None else None
            if found is not None:
                return found
            with contextlib.suppress(OSError):  # read_file below says what is wrong
                digest = hashlib.blake2b(Path(path).read_bytes()).digest()  # what is parsed now
        text = read_file(path)
        parsed = parse_text(path, text)
        for problem in parsed.problems:
            if problem.level == "error":
                raise InputError(path, problem.message, problem.line)
        validate(path, parsed.entries)
        glossary = _glossary(path, parsed, text)
        if cache_dir is not None and digest is not None:
            stored.keep(cache_dir, digest, glossary)
        return glossary


def write(glossary: Glossary, path: str, tbx_version: int = 3) -> str:
    """The text of ``glossary`` in the format named by ``path``'s extension."""
    suffix = _suffix(path)
    src, tgt = glossary.source_lang, glossary.target_lang
    if suffix in (".csv", ".tsv", ".toml") and glossary.multilingual:
        raise UsageError(
            f"{glossary.path} has {len(glossary.languages)} languages ({', '.join(glossary.languages)}); "
            f"{suffix} holds one pair: convert to .tbx"
        )
    if suffix in (".csv", ".tsv"):
        from tcheck.glossary import csvfmt

        return csvfmt.write(glossary.entries, src, tgt, tsv=suffix == ".tsv")
    if suffix == ".toml":
        from tcheck.glossary import tomlfmt

        return tomlfmt.write(glossary.entries, src, tgt)
    if suffix == ".tbx":
        from tcheck.glossary import tbx

        return tbx.write(glossary.entries, src, tgt, tbx_version)
    raise UsageError(f"{path}: unknown glossary format {suffix or '(none)'} (use {', '.join(FORMATS)})")


def convert(source: str, target: str, tbx_version: int = 3, in_place: bool = False) -> Glossary:
    """Read ``source`` and write it to ``target`` (formats from the extensions).

    ``target`` may be ``source`` itself only with ``in_place`` (comments and layout are lost).
    """
    if not in_place:
        refuse_overwrite(target, "glossary convert: the output", [(source, "the glossary converted")])
    try:
        glossary = load(source)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    text = write(glossary, target, tbx_version)
    Path(target).write_text(text, encoding="utf-8")
    return glossary


def usage_notes(loaded: Iterable[Glossary], languages: Iterable[tuple[str | None, str | None]]) -> list[str]:
    """Notes on glossaries that cannot apply to a run: no entries at all; none of the checked
    documents' ``(source, target)`` language pairs is one they serve; or, for a pair they serve,
    no terms on the target side (they check nothing there) or on the source side (the checks
    that compare with the source, TC102 and TC105, cannot use them)."""
    pairs = sorted(set(languages), key=lambda pair: (pair[0] or "", pair[1] or ""))
    notes = []
    for glossary in loaded:
        if not glossary.facts()[0]:
            notes.append(
                f"glossary {glossary.path}: no entries (only a header or comments); it checks nothing"
            )
            continue
        own = "/".join(glossary.languages) or f"{glossary.source_lang or '?'}->{glossary.target_lang or '?'}"
        views = [(src, tgt, glossary.for_pair(src, tgt)) for src, tgt in pairs]
        if pairs and all(view is None for _, _, view in views):
            seen = ", ".join(f"{src or '?'}->{tgt or '?'}" for src, tgt in pairs[:5])
            notes.append(
                f"glossary {glossary.path} ({own}) fits no checked document (documents: {seen}); it checked nothing"
            )
            continue
        for src, tgt, view in views:
            if view is not None:
                notes.extend(_side_notes(glossary.path, own, view, src, tgt))
    return notes


def _side_notes(path: str, own: str, view: Glossary, src: str | None, tgt: str | None) -> list[str]:
    """What a glossary that fits a pair still cannot do for it: no terms on one side."""
    pair = f"{src or '?'}->{tgt or '?'}"
    _, targets, pairs = view.facts()
    if not targets:
        side = tgt or view.target_lang or "target-language"
        return [f"glossary {path} ({own}) has no {side} terms; it checked nothing in {pair} documents"]
    if src is not None and not pairs:
        return [
            f"glossary {path} ({own}): no entry has both {src} and {tgt or '?'} terms; TC102 and "
            f"TC105 cannot compare {pair} documents with their source"
        ]
    return []


def default_glossaries() -> list[str]:
    """Paths of the glossaries shipped with tcheck (``glossaries/`` of the project)."""
    if not SHIPPED.is_dir():
        return []
    return sorted(str(p) for p in SHIPPED.iterdir() if _suffix(str(p)) in FORMATS)
