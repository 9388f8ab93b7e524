"""Latency of the language server: from a ``didChange`` to the ``publishDiagnostics`` of that
version, on an article of about 5,000 words built from the seed (its paragraphs repeated).

Starts ``tcheck lsp`` over stdio with pygls' client, opens the article, then makes ``--edits``
edits (a sentence added to a paragraph, the whole text sent each time, as most clients do) and
prints the median and slowest wall time per edit and the server's CPU time (user+sys, from
/proc) per check. Three runs: edits after a pause (the server checks at once), edits in quick
succession as while typing (each waits for the debounce, 150 ms by default), and no debounce.
CPU time excludes the sleeps; on a busy machine, compare it rather than wall time.

    python bench/lsp_latency.py [--words 5000] [--edits 10] [--debounce 150]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-unrest.en.txt"


def article(words: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    body = seed.split("\n\n")[1:]
    text = seed
    while len(text.split()) < words:
        text += "\n\n" + "\n\n".join(body)
    return text


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(
    text: str, edits: int, debounce: int, folder: Path, pause: float
) -> tuple[list[float], float, int]:
    client = LanguageClient("bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "tcheck", "lsp", cwd=str(folder))
    pid = client._server.pid  # type: ignore[attr-defined]  # pygls keeps the process there
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(str(folder)),
            initialization_options={"debounce": debounce},
        )
    )
    client.initialized(types.InitializedParams())
    uri = str(from_fs_path(str(folder / "article.en.txt")))
    item = types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    first = await asyncio.wait_for(published.get(), 120)
    findings = len(first.diagnostics)
    times: list[float] = []
    cpu_before = cpu_seconds(pid)
    for n in range(edits):
        await asyncio.sleep(pause)
        version = n + 2
        at = text.index("\n\n", len(text) * n // (edits + 1))
        text = text[:at] + f" Edit number {n} was made on Wednesday." + text[at:]
        started = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        while True:
            params = await asyncio.wait_for(published.get(), 120)
            if params.version == version:
                break
        times.append(time.perf_counter() - started)
    cpu = (cpu_seconds(pid) - cpu_before) / edits
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, cpu, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--debounce", type=int, default=150, help="the editor's debounce in ms")
    args = parser.parse_args()
    text = article(args.words)
    print(f"article: {len(text.split())} words, {len(text)} characters")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("an edit after a pause", args.debounce, args.debounce / 1000 + 0.1)]
        runs += [("an edit while typing", args.debounce, 0.0), ("no debounce", 0, 0.0)]
        for what, debounce, pause in runs:
            times, cpu, findings = asyncio.run(measure(text, args.edits, debounce, Path(tmp), pause))
            print(
                f"{what:<22} (debounce {debounce:>3} ms): didChange -> publishDiagnostics median "
                f"{statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms; "
                f"server CPU {cpu * 1000:.0f} ms per check; {findings} diagnostics"
            )


if __name__ == "__main__":
    main()
