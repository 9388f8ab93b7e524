"""Runs the selected checks over documents and decides the outcome.

The engine is the only place that knows about suppression, severity overrides, ordering and the
exit status; reporters only format what it returns.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcheck.config import Config
from tcheck.context import Context
from tcheck.errors import InputError, UsageError
from tcheck.formats import CHECKED_SUFFIXES, name_suffix
from tcheck.formats.resource_paths import is_resource_path
from tcheck.linetable import LineTable
from tcheck.locale.memo import document_done
from tcheck.model import Document, Finding, Hit, LineIndex, Severity, Span, Suppression, sorted_findings
from tcheck.registry import Rule, all_rules, is_selected, selected_rules

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


@dataclass(frozen=True, slots=True)
class Input:
    """One file to check: where to read it and how to show its path."""

    path: str
    shown: str
    source: str | None = None  # the source-language original, when the repository pairs them
    source_shown: str | None = None
    lang: str | None = None  # languages the repository layout gives the pair
    source_lang: str | None = None
    data: bytes | None = field(default=None, repr=False)  # the file's bytes (standard input)


@dataclass
class RunResult:
    """Everything a reporter needs: findings in report order and how to place them."""

    findings: list[Finding]
    lines: Mapping[str, LineIndex]  # the engine's LineTable (one array of every file's lines)
    files_checked: int
    fail_on: str
    signature: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    translations: dict[str, int] = field(default_factory=lambda: {"computed": 0, "cached": 0})
    texts: dict[str, str] = field(default_factory=dict)  # only when asked for (HTML, baseline)
    alerts: list[str] = field(default_factory=list)  # notes for stderr when the format has no room
    # translations per language: {"paired": n, "unpaired": [paths]} (see tcheck.bilingual.pairing)
    pairing: dict[str, dict[str, Any]] = field(default_factory=dict)
    verbose: bool = False  # text output lists the translations left without a source
    languages: set[tuple[str | None, str | None]] = field(default_factory=set)  # (source, target) seen
    doc_langs: dict[str, str | None] = field(default_factory=dict)  # each checked document's language
    # with the texts: a paired document's source path and its segment pairs
    # (target start, target end, source start, source end), for reports that show both sides
    pairs: dict[str, tuple[str, list[tuple[int, int, int, int]]]] = field(default_factory=dict)
    cached: tuple[int, int] = (0, 0)  # inputs taken from the result cache, of all inputs

    @property
    def exit_code(self) -> int:
        if self.fail_on == "never":
            return 0
        threshold = Severity.parse(self.fail_on)
        return 1 if any(f.severity >= threshold for f in self.findings) else 0

    def position(self, path: str, offset: int) -> tuple[int, int]:
        lines = self.lines
        if isinstance(lines, LineTable):
            return lines.position(path, offset) or (1, 1)
        index = lines.get(path)
        return index.position(offset) if index else (1, 1)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity.label] += 1
        return out


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(Path(rel).name, p) for p in patterns)


def discover(paths: Sequence[str], exclude: Sequence[str] = (), config: Config | None = None) -> list[Input]:
    """Files to check: given files as they are, directories searched for text, Markdown and MDX
    files, XLIFF, PO and TMX files, and translation resource files (JSON, YAML, TOML and ARB under
    ``i18n/``, ``locales/``...; see :func:`tcheck.formats.resource_paths.is_resource_path`). With ``config``, translations are paired with their source-language
    originals by the repository layout (:mod:`tcheck.bilingual.pairing`)."""
    found: list[Input] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise UsageError(f"{given}: no such file or directory")
        if root.is_file():
            found.append(Input(str(root), given))
            continue
        if not os.access(root, os.R_OK | os.X_OK):  # a folder that cannot be read: TC001 on it
            found.append(Input(str(root), given))
            continue
        base, shown_base = _prefix(str(root), os.sep), _prefix(root.as_posix(), "/")
        # a path shown as it is read is one string (a large tree holds one per file)
        same = base == shown_base and os.sep == "/" and given not in (".", "./")
        for rel, entry in _tree(str(root)):
            if (
                _is_dir(entry)
                and entry.name not in SKIPPED_DIRS
                and not os.access(entry.path, os.R_OK | os.X_OK)
            ):
                shown = shown_base + rel if given not in (".", "./") else rel
                found.append(Input(base + _native(rel), shown))  # not entered: TC001 on it
                continue
            wanted = name_suffix(entry.name).lower() in CHECKED_SUFFIXES or is_resource_path(shown_base + rel)
            if wanted and _is_file(entry) and not _excluded(rel, exclude):
                path = base + _native(rel)
                shown = path if same else shown_base + rel if given not in (".", "./") else rel
                found.append(Input(path, shown))
    if config is not None:
        from tcheck.bilingual.pairing import pair_inputs

        return pair_inputs(found, config.source_lang, config.options.get("PAIRING", {}))
    return found


def _prefix(folder: str, sep: str) -> str:
    """What goes before a path relative to ``folder`` (a normalised path, as :class:`Path` prints
    it) to join them as ``Path(folder) / rel`` would: nothing for ``.``, else ``folder`` and one
    ``sep`` (none after a root, which ends in one)."""
    if folder == ".":
        return ""
    return folder if folder.endswith(sep) else folder + sep


def _native(rel: str) -> str:
    """A relative path with ``/`` written with the platform's separator."""
    return rel if os.sep == "/" else rel.replace("/", os.sep)


def _tree(folder: str, rel: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry under ``folder`` with its path relative to it, in the order of
    ``sorted(Path(folder).rglob("*"))`` (names sorted, a folder just before what it holds): a
    symbolic link to a folder is listed but not entered, nor is a folder that cannot be read or
    one of ``SKIPPED_DIRS`` (nothing in them is checked)."""
    try:
        with os.scandir(os.path.join(folder, rel) if rel else folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = f"{rel}/{entry.name}" if rel else entry.name
        yield path, entry
        if entry.name not in SKIPPED_DIRS:
            try:
                inside = entry.is_dir(follow_symlinks=False)
            except OSError:
                inside = False
            if inside:
                yield from _tree(folder, path)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


class Engine:
    """Checks documents one at a time (memory stays flat), then runs cross-document checks."""

    def __init__(self, ctx: Context, keep_texts: bool = False) -> None:
        self.ctx = ctx
        self.keep_texts = keep_texts
        self.texts: dict[str, str] = {}
        config = ctx.config
        rules = list(selected_rules(config.select, config.ignore))
        # An [[overrides]] block may select more or less: then the rules are chosen per document.
        self.per_doc_selection = any(
            "select" in o.settings or "ignore" in o.settings for o in config.overrides
        )
        if self.per_doc_selection:
            rules = all_rules()
        self.doc_langs: dict[str, str | None] = {}  # each checked document's language
        self.pairs: dict[str, tuple[str, list[tuple[int, int, int, int]]]] = {}
        self.doc_rules = [r for r in rules if r.func is not None]
        self.run_rules = [(r, r.run_factory()) for r in rules if r.run_factory is not None]
        self.findings: list[Finding] = []
        # The run checks' findings: those of this run (set by finish), or, when set before the
        # first document, those of an earlier run over the same documents and settings (the
        # result cache's whole-run entry): then the run checks are neither fed nor finished.
        self.run_findings: list[Finding] | None = None
        # Run checks fed and finished elsewhere (tcheck.pipeline.runparts: a rerun finishes the
        # parts of the run that changed and takes the others' hits from the result cache): their
        # hits by code, set before ``finish``; ``apart`` are the codes not to feed here.
        self.finished: dict[str, list[Hit]] = {}
        self.apart: frozenset[str] = frozenset()
        self.lines = LineTable()  # every checked file's line starts (and its source's)
        self.suppressions: dict[str, tuple[Suppression, ...]] = {}
        self.files = 0
        self.languages: set[tuple[str | None, str | None]] = set()
        # One copy of each message and suggestion: a check that finds the same thing in every unit
        # of a large file writes the same words each time (~100 bytes a finding otherwise).
        self._words: dict[str, str] = {}

    def doc_ctx(self, path: str) -> Context:
        """The context of the document at ``path`` (its ``[[overrides]]``, see Context.for_document)."""
        return self.ctx.for_document(path, self.doc_langs.get(path))

    def _can_run(self, rule: Rule, doc: Document) -> bool:
        ctx = self.ctx.for_document(doc.path, doc.lang)
        if self.per_doc_selection and not is_selected(rule.code, ctx.config.select, ctx.config.ignore):
            return False
        if "source" in rule.needs and not doc.bilingual and doc.source is None:
            return False
        if "glossary" in rule.needs and not ctx.glossaries_for(doc):
            return False
        if "mt" in rule.needs and self.ctx.services is None:
            return False
        return True

    def _shared(self, text: str) -> str:
        """``text``, or an equal string already used by a finding (at most 4,096 are remembered)."""
        known = self._words.get(text)
        if known is not None:
            return known
        if len(self._words) < 4_096:
            self._words[text] = text
        return text

    def _finding(self, rule: Rule, path: str, hit: Hit) -> Finding | None:
        where = hit.path or path
        suppressions = self.suppressions.get(where)
        if suppressions and (place := self.lines.position(where, hit.span.start)) is not None:
            if any(s.covers(rule.code, place[0]) for s in suppressions):
                return None
        config = self.doc_ctx(where).config
        if self.per_doc_selection and not is_selected(rule.code, config.select, config.ignore):
            return None
        severity = config.severity_for(rule.code, hit.severity or rule.severity)
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=severity,
            message=self._shared(hit.message),
            path=where,
            span=hit.span,
            suggestion=None if hit.suggestion is None else self._shared(hit.suggestion),
            related=hit.related,
            side=hit.side,
            confidence=hit.confidence,
            data=hit.data,
            fix=hit.fix,
        )

    def _add(self, rule: Rule, path: str, hits: Iterable[Hit]) -> None:
        for hit in hits:
            finding = self._finding(rule, path, hit)
            if finding is not None:
                self.findings.append(finding)

    def input_error(self, error: InputError) -> None:
        """Report an unreadable file as TC001 (unless deselected) and go on."""
        rule = next((r for r in self.doc_rules if r.code == "TC001"), None)
        if rule is not None:
            self._add(rule, error.path, [Hit(Span(0, 0), str(error.reason))])

    def check(self, doc: Document) -> None:
        """Run every document check on ``doc`` and feed it to the run checks."""
        self.files += 1
        self.languages.add((doc.source_lang, doc.lang))
        self.doc_langs[doc.path] = doc.lang
        ctx = self.ctx.for_document(doc.path, doc.lang)
        self.lines.put(doc.path, LineIndex(doc.text))
        if doc.source is not None and doc.source.path not in self.lines:
            self.lines.put(doc.source.path, LineIndex(doc.source.text))  # related spans in the source
        if doc.suppressions:
            self.suppressions[doc.path] = doc.suppressions
        if self.keep_texts:
            self.texts[doc.path] = doc.text
            if doc.source is not None:
                self.texts.setdefault(doc.source.path, doc.source.text)
                self.pairs[doc.path] = (doc.source.path, segment_pairs(doc))
        prepare = getattr(self.ctx.services, "prepare", None)
        if prepare is not None:  # e.g. the round-trip pre-pass translates the document's sentences
            prepare(doc)
        for rule in self.doc_rules:
            if rule.code != "TC001" and self._can_run(rule, doc):
                assert rule.func is not None
                self._add(rule, doc.path, rule.func(doc, ctx))
        document_done()  # the recognisers forget this document's large segments
        self.collect(doc)

    def collect(self, doc: Document | None, digests: Mapping[str, Any] | None = None) -> None:
        """Feed ``doc`` to the run checks (the parallel runner calls this in the parent).

        A run check may split ``collect`` in two: ``digest(doc, ctx)``, pure and picklable, which a
        parallel run computes in the worker that read the document, and ``absorb(digest, ctx)``.
        ``digests`` holds those computed elsewhere, by code; ``doc`` is None when they are all there.
        """
        if self.run_findings is not None:
            return  # the run checks' findings are known already
        for rule, state in self.run_rules:
            if rule.code in self.apart:
                continue
            if digests is not None and rule.code in digests:
                state.absorb(digests[rule.code], self.ctx)  # type: ignore[attr-defined]
            elif doc is not None and self._can_run(rule, doc):
                digest = getattr(state, "digest", None)
                if digest is not None:
                    state.absorb(digest(doc, self.ctx), self.ctx)  # type: ignore[attr-defined]
                else:
                    state.collect(doc, self.ctx)

    def finish(self) -> RunResult:
        if self.run_findings is None:
            before = len(self.findings)
            for rule, state in self.run_rules:
                known = self.finished.get(rule.code)
                self._add(rule, "", state.finish(self.ctx) if known is None else known)
            self.run_findings = self.findings[before:]
        else:
            self.findings.extend(self.run_findings)
        return RunResult(
            findings=sorted_findings(self.findings),
            lines=self.lines,
            files_checked=self.files,
            fail_on=self.ctx.config.fail_on,
            signature=self.ctx.signature,
            texts=self.texts,
            languages=self.languages,
            doc_langs=self.doc_langs,
            pairs=self.pairs,
        )


def segment_pairs(doc: Document) -> list[tuple[int, int, int, int]]:
    """The file spans of each segment of ``doc`` and of its counterpart in ``doc.source``."""
    out = []
    source = doc.source.path if doc.source is not None else None
    for seg in doc.segments:
        other = seg.counterpart
        if other is None or (other.path not in (None, source)) or not seg.text or not other.text:
            continue
        t = seg.file_span(0, len(seg.text))
        s = other.file_span(0, len(other.text))
        out.append((t.start, t.end, s.start, s.end))
    return out


def run(documents: Iterator[Document | InputError], ctx: Context, keep_texts: bool = False) -> RunResult:
    """Check a stream of documents (or read errors) and return the sorted result."""
    engine = Engine(ctx, keep_texts)
    for item in documents:
        if isinstance(item, InputError):
            engine.input_error(item)
        else:
            engine.check(item)
    return engine.finish()
