"""The use cases behind the CLI commands; the CLI only parses options and prints."""

from __future__ import annotations

from collections.abc import Sequence

from tcheck import glossary as glossaries
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import RunResult, discover, run
from tcheck.errors import InputError, UsageError
from tcheck.glossary.model import Glossary
from tcheck.loader import load_documents
from tcheck.locale import normalize_lang


def load_glossaries(config: Config) -> list[Glossary]:
    """The shipped glossaries (unless turned off) and the configured ones; a bad one is fatal."""
    paths = [*glossaries.default_glossaries()] if config.default_glossaries else []
    paths += list(config.glossaries)
    loaded = []
    for path in paths:
        try:
            loaded.append(glossaries.load(path))
        except InputError as exc:
            raise UsageError(f"glossary {exc}") from None
    return loaded


def check(paths: Sequence[str], config: Config, source: str | None = None) -> RunResult:
    """Check files and directories; the result knows its exit status."""
    for lang in (config.source_lang, config.target_lang):
        if lang:
            normalize_lang(lang)
    ctx = Context(config=config, glossaries=load_glossaries(config))
    inputs = discover(paths, config.exclude)
    if not inputs:
        raise UsageError("no files to check (directories are searched for .txt and .md files)")
    return run(load_documents(inputs, config, source), ctx)
