"""The tcheck language server (pygls): findings as diagnostics while one types.

- Diagnostics on open and save at once, and on change: a change after a pause at once, changes
  while one types once typing pauses for ``debounce`` (150 ms by default; the client may set
  ``initializationOptions.debounce`` in milliseconds).
  The buffer's text is checked, not the file on disk, under the file's path (format, language,
  pairing with an original and the configuration all come from it).
- Code actions: a certain fix (``tcheck check --fix`` would apply it; never in HTML, Word and
  escaped formats, as there) is a preferred quick fix,
  a suggestion another quick fix to review, and ``source.fixAll.tcheck`` applies every certain
  fix of the file.
- Hover over a finding: its message and the check's manual (``tcheck explain CODE``).
- Positions are LSP UTF-16 code units (:mod:`tcheck.lsp.convert`).
- ``initializationOptions.roundTrip = true`` runs the round-trip checks (TC5xx) too.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from tcheck import __version__
from tcheck.fix import fixable
from tcheck.lsp.checking import check_buffer
from tcheck.lsp.convert import Utf16Index
from tcheck.model import Finding, Severity, Span

FIX_ALL = "source.fixAll.tcheck"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Checked:
    """The findings of one version of a buffer, with the text they were found in."""

    version: int | None
    index: Utf16Index
    findings: tuple[Finding, ...]
    fixable: bool = True  # False for HTML, Word and escaped formats: fixes are only suggestions

    def range(self, span: Span) -> types.Range:
        start, end = self.index.position(span.start), self.index.position(span.end)
        return types.Range(
            start=types.Position(line=start[0], character=start[1]),
            end=types.Position(line=end[0], character=end[1]),
        )


class TcheckServer(LanguageServer):
    """Keeps the last findings of every open buffer and the pending (debounced) checks."""

    def __init__(self) -> None:
        super().__init__(
            "tcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.debounce = 0.15
        self.last_change: dict[str, float] = {}
        self.round_trip = False
        self.runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tcheck")  # one check at a time

    def path_of(self, uri: str) -> str:
        """The file a buffer stands for (an unsaved buffer is plain text in the current folder)."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return path or "untitled.txt"

    async def check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(
            self.runner, check_buffer, self.path_of(uri), text, self.round_trip
        )
        current = self.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            return  # typed on meanwhile: the newer check publishes
        path = self.path_of(uri)
        checked = Checked(version, Utf16Index(text), result.findings, fixable(path))
        self.checked[uri] = checked
        diagnostics = [diagnostic(uri, checked, f) for f in result.findings]
        if result.error:
            diagnostics.append(
                types.Diagnostic(
                    range=types.Range(
                        start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
                    ),
                    message=f"tcheck: {result.error}",
                    severity=types.DiagnosticSeverity.Error,
                    source="tcheck",
                )
            )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a check still waiting or running.

        The first change after a pause of ``delay`` is checked at once; changes that follow it
        closely (typing) wait until ``delay`` passes without another."""
        now = time.monotonic()
        quiet = now - self.last_change.get(uri, -delay) >= delay
        self.last_change[uri] = now
        waiting = self.pending.pop(uri, None)
        if waiting is not None and not waiting.done():
            waiting.cancel()
            quiet = False
        self.pending[uri] = asyncio.ensure_future(self.check(uri, 0.0 if quiet else delay))


def diagnostic(uri: str, checked: Checked, finding: Finding) -> types.Diagnostic:
    """The LSP diagnostic of a finding; related places in the same file come along."""
    message = finding.message
    if finding.suggestion:
        message += f" (suggestion: {finding.suggestion})"
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=checked.range(rel.span)), message=rel.note or "related"
        )
        for rel in finding.related
        if rel.path == finding.path
    ]
    return types.Diagnostic(
        range=checked.range(finding.span),
        message=message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        source="tcheck",
        related_information=related or None,
        data={"name": finding.name, "fix": finding.fix is not None},
    )


def findings_at(checked: Checked, wanted: types.Range) -> list[Finding]:
    """The findings whose span meets ``wanted`` (a cursor touching a finding's end counts)."""
    start = checked.index.offset(wanted.start.line, wanted.start.character)
    end = checked.index.offset(wanted.end.line, wanted.end.character)
    return [f for f in checked.findings if f.span.start <= end and start <= f.span.end]


def code_actions(uri: str, checked: Checked, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes for the findings in the range, and fix-all for the file's certain fixes."""
    only = params.context.only
    actions: list[types.CodeAction] = []
    wants_quick = not only or any(k.startswith(types.CodeActionKind.QuickFix) for k in only)
    for finding in findings_at(checked, params.range) if wants_quick else []:
        diag = [diagnostic(uri, checked, finding)]
        if finding.fix is not None and checked.fixable:
            edit = types.TextEdit(range=checked.range(finding.fix.span), new_text=finding.fix.text)
            title = f"{finding.code}: replace with '{finding.fix.text}'"
            preferred = True
        elif finding.suggestion:
            edit = types.TextEdit(range=checked.range(finding.span), new_text=finding.suggestion)
            title = f"{finding.code}: replace with '{finding.suggestion}' (a suggestion: check it)"
            preferred = False
        else:
            continue
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=diag,
                is_preferred=preferred,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )
        )
    certain = _non_overlapping([f for f in checked.findings if f.fix is not None]) if checked.fixable else []
    if certain and (not only or any(FIX_ALL.startswith(k) for k in only)):
        edits = [
            types.TextEdit(range=checked.range(f.fix.span), new_text=f.fix.text) for f in certain if f.fix
        ]
        actions.append(
            types.CodeAction(
                title=f"tcheck: apply {len(edits)} certain fix{'es' if len(edits) != 1 else ''}",
                kind=FIX_ALL,
                edit=types.WorkspaceEdit(changes={uri: edits}),
            )
        )
    return actions


def _non_overlapping(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    end = -1
    for finding in sorted(findings, key=lambda f: (f.fix.span.start, f.fix.span.end) if f.fix else (0, 0)):
        if finding.fix is not None and finding.fix.span.start >= end:
            out.append(finding)
            end = finding.fix.span.end
    return out


def hover(checked: Checked, position: types.Position) -> types.Hover | None:
    """The message and manual of the findings under the cursor."""
    from tcheck.registry import get_rule

    at = types.Range(start=position, end=position)
    found = findings_at(checked, at)
    if not found:
        return None
    parts = []
    for finding in found:
        rule = get_rule(finding.code)
        manual = rule.doc if rule else ""
        parts.append(
            f"**{finding.code} {finding.name}** [{finding.severity.label}]\n\n{finding.message}\n\n"
            f"```text\n{manual}\n```"
        )
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=checked.range(found[0].span),
    )


def build() -> TcheckServer:
    """The server with its features registered."""
    server = TcheckServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: TcheckServer, params: types.InitializeParams) -> None:
        options: Any = params.initialization_options
        if isinstance(options, dict):
            if isinstance(options.get("debounce"), (int, float)):
                ls.debounce = max(0.0, float(options["debounce"]) / 1000)
            ls.round_trip = bool(options.get("roundTrip", False))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)  # the original on disk may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: TcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = ls.checked.get(uri)
        if checked is None or ls.workspace.get_text_document(uri).source != checked.index.text:
            return []  # not checked yet, or edited since: the new diagnostics bring new actions
        return code_actions(uri, checked, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: TcheckServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked.get(params.text_document.uri)
        if (
            checked is None
            or ls.workspace.get_text_document(params.text_document.uri).source != checked.index.text
        ):
            return None
        return hover(checked, params.position)

    return server
