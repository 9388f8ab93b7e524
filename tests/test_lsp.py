"""The language server, driven by pygls' LSP client over stdio pipes (``tcheck lsp``)."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tcheck.cli import main
from tcheck.lsp.convert import Utf16Index, utf16_length

pytest.importorskip("pygls")
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-unrest.en.txt"
TIMEOUT = 60.0


def seed_with_wide_characters() -> str:
    """The seed with an emoji and a supplementary CJK ideograph before a TC101 finding's word."""
    text = SEED.read_text(encoding="utf-8")
    at = text.index("Kasym-Jomart Tokayev’s repeated calls")
    return text[:at] + "🇰🇿 𠀀 " + text[at:]


def expected(tmp_path: Path, text: str) -> list[tuple[str, int, int, int, int]]:
    """``tcheck check`` on the same text saved as a file: codes and LSP (UTF-16) ranges."""
    folder = tmp_path / "cli"
    folder.mkdir(exist_ok=True)
    (folder / "article.en.txt").write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        out = CliRunner().invoke(main, ["check", "article.en.txt", "--format", "json", "-q", "--no-cache"])
    lines = text.split("\n")
    found = []
    for f in json.loads(out.stdout)["findings"]:
        start = utf16_length(lines[f["line"] - 1][: f["column"] - 1])
        end = utf16_length(lines[f["end_line"] - 1][: f["end_column"] - 1])
        found.append((f["code"], f["line"] - 1, start, f["end_line"] - 1, end))
    return sorted(found)


def as_tuples(params: types.PublishDiagnosticsParams) -> list[tuple[str, int, int, int, int]]:
    return sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in params.diagnostics
    )


class Session:
    """A client with the diagnostics the server published, in order."""

    def __init__(self) -> None:
        self.client = LanguageClient("tcheck-test", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def start(self, cwd: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "tcheck", "lsp", cwd=str(cwd))
        await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=from_fs_path(str(cwd)),
                    initialization_options={"debounce": 1000},  # changes within a second wait
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())

    async def next_diagnostics(self) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.published.get(), TIMEOUT)

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()


def test_utf16_positions_round_trip() -> None:
    text = "Først 🇰🇿 og 𠀀 så CTSO.\r\n第二行 CTSO"
    index = Utf16Index(text)
    first = text.index("CTSO")
    assert index.position(first) == (0, first + 3)  # two flag letters and one ideograph: +1 each
    assert index.offset(0, first + 3) == first
    second = text.rindex("CTSO")
    assert index.position(second) == (1, 4)
    assert index.offset(1, 4) == second
    assert index.offset(1, 99) == len(text) and index.offset(7, 0) == len(text)


def test_missing_pygls_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    assert "pip install 'tcheck[lsp]'" in result.stderr and "Traceback" not in result.stderr


def test_language_server_session(tmp_path: Path) -> None:
    text = seed_with_wide_characters()
    path = tmp_path / "article.en.txt"
    path.write_text("Not what the editor holds.\n", encoding="utf-8")  # the buffer is checked, not this
    uri = str(from_fs_path(str(path)))
    want = expected(tmp_path, text)
    assert sum(1 for w in want if w[0] == "TC101") == 3
    fixed = text.replace("CTSO", "CSTO")
    want_fixed = expected(tmp_path, fixed)
    results: dict[str, Any] = {}

    async def scenario() -> None:
        session = Session()
        await session.start(tmp_path)
        client = session.client
        try:
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(
                        uri=uri, language_id="plaintext", version=1, text=text
                    )
                )
            )
            results["opened"] = await session.next_diagnostics()
            tc101 = next(d for d in results["opened"].diagnostics if d.code == "TC101")
            results["tc101"] = tc101
            results["actions"] = await asyncio.wait_for(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=tc101.range,
                        context=types.CodeActionContext(diagnostics=[tc101]),
                    )
                ),
                TIMEOUT,
            )
            results["hover"] = await asyncio.wait_for(
                client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri), position=tc101.range.start
                    )
                ),
                TIMEOUT,
            )
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
                )
            )
            results["changed"] = await session.next_diagnostics()
            for version, body in ((3, text), (4, fixed)):  # typed in quick succession: one check
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                        content_changes=[types.TextDocumentContentChangeWholeDocument(text=body)],
                    )
                )
            typed = await session.next_diagnostics()
            while typed.version != 4:
                # a loaded machine may pause between the two changes: version 3 is then checked
                # at once, as a first change after a pause is; what counts is that 4 comes last
                assert typed.version == 3
                typed = await session.next_diagnostics()
            results["typed"] = typed
        finally:
            await session.stop()

    asyncio.run(scenario())
    opened = results["opened"]
    assert opened.uri == uri and opened.version == 1
    assert as_tuples(opened) == want
    tc101 = results["tc101"]
    line = text.split("\n")[tc101.range.start.line]
    assert line.startswith("🇰🇿 𠀀 ")  # the first TC101 sits after characters of two UTF-16 units
    assert tc101.range.start.character == utf16_length(line[: line.index("CTSO")])
    quick = [a for a in results["actions"] if a.kind == types.CodeActionKind.QuickFix]
    assert quick[0].is_preferred and list(quick[0].edit.changes[uri]) == [
        types.TextEdit(range=tc101.range, new_text="CSTO")
    ]
    fix_all = [a for a in results["actions"] if a.kind == "source.fixAll.tcheck"]
    assert len(fix_all[0].edit.changes[uri]) == 6  # three TC101 and three TC302 certain fixes
    hover = results["hover"].contents.value
    assert "TC101 forbidden-term" in hover and "What it does" in hover
    changed = results["changed"]
    assert changed.version == 2 and as_tuples(changed) == want_fixed
    assert not any(d.code == "TC101" for d in changed.diagnostics)
    typed = results["typed"]
    assert typed.version == 4 and as_tuples(typed) == want_fixed


def test_fixes_in_html_are_only_suggestions() -> None:
    from tcheck.lsp.server import Checked, code_actions
    from tcheck.model import Finding, Fix, Severity, Span

    text = "<p>The alliance CTSO sent troops.</p>\n"
    span = Span(text.index("CTSO"), text.index("CTSO") + 4)
    finding = Finding(
        "TC101", "forbidden-term", Severity.ERROR, "m", "a.html", span, "CSTO", fix=Fix(span, "CSTO")
    )
    where = types.Range(start=types.Position(line=0, character=17), end=types.Position(line=0, character=17))
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri="file:///a.html"),
        range=where,
        context=types.CodeActionContext(diagnostics=[]),
    )
    for fixable, preferred, fix_all in ((True, True, 1), (False, False, 0)):
        actions = code_actions("file:///a.html", Checked(1, Utf16Index(text), (finding,), fixable), params)
        assert actions[0].is_preferred is preferred
        assert sum(1 for a in actions if a.kind == "source.fixAll.tcheck") == fix_all


def test_buffer_configuration_from_the_workspace(tmp_path: Path) -> None:
    from tcheck.lsp.checking import check_buffer

    text = SEED.read_text(encoding="utf-8")
    folder = tmp_path / "content" / "en"
    folder.mkdir(parents=True)
    path = str(folder / "article.en.txt")
    assert any(f.code == "TC302" for f in check_buffer(path, text).findings)
    (tmp_path / "tcheck.toml").write_text('ignore = ["TC302"]\n', encoding="utf-8")
    found = check_buffer(path, text).findings
    assert found and not any(f.code == "TC302" for f in found)
    (tmp_path / "tcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    broken = check_buffer(path, text)
    assert not broken.findings and broken.error and "fail-on" in broken.error
