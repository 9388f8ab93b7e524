"""The use cases behind the CLI commands; the CLI only parses options and prints."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tcheck import glossary as glossaries
from tcheck.bilingual.pairing import summarise
from tcheck.config import Config
from tcheck.context import Context
from tcheck.engine import Input, RunResult, discover
from tcheck.errors import InputError, UsageError
from tcheck.glossary.model import Glossary
from tcheck.locale import normalize_lang
from tcheck.overwrite import refuse_overwrite
from tcheck.pipeline import run_inputs
from tcheck.registry import selected_rules
from tcheck.services.progress import Progress

if TYPE_CHECKING:  # baselines and changed lines are read only by the runs that use them
    from tcheck.ci.diff import ChangedLines


def load_glossaries(config: Config) -> list[Glossary]:
    """The shipped glossaries (unless turned off) and the configured ones; a bad one is fatal."""
    paths = [*glossaries.default_glossaries()] if config.default_glossaries else []
    paths += list(config.glossaries)
    loaded = []
    cache_dir = glossary_cache(config)
    for path in paths:
        try:
            loaded.append(glossaries.load(path, cache_dir))
        except InputError as exc:
            raise UsageError(f"glossary {exc}") from None
    return loaded


def glossary_cache(config: Config) -> Path | None:
    """Where parsed glossaries are kept between runs (None with ``--no-cache``)."""
    from tcheck.services.cache import cache_folder, results_cached

    return cache_folder(config.cache_dir) if results_cached(config.cache) else None


def override_glossaries(config: Config) -> dict[str, Glossary]:
    """The glossaries ``[[overrides]]`` blocks add for their documents, by path (each loaded once)."""
    wanted = dict.fromkeys(p for o in config.overrides for p in o.settings.get("glossaries", ()))
    return {
        p: g
        for p, g in zip(
            wanted,
            load_glossaries(
                Config(
                    glossaries=tuple(wanted),
                    default_glossaries=False,
                    cache=config.cache,
                    cache_dir=config.cache_dir,
                )
            ),
            strict=True,
        )
    }


def check(
    paths: Sequence[str],
    config: Config,
    source: str | None = None,
    *,
    diff: str | None = None,
    diff_input: str | None = None,
    write_baseline: str | None = None,
    progress: Progress | None = None,
    verbose: bool = False,
    output: str | None = None,
    reports: Sequence[tuple[str, str]] = (),
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
) -> RunResult:
    """Check files and directories; the result knows its exit status.

    ``diff`` narrows the report to changed lines (a git revision, or ``-`` with the unified diff in
    ``diff_input``); ``write_baseline`` records the findings, ``config.baseline`` hides recorded ones.
    ``output`` is where the caller will write the report: like ``write_baseline``, it may not be
    one of the files the run reads (a usage error before anything is checked); so may none of the
    ``reports`` (``--report FORMAT:PATH``: more reports of the same run, as (format, path)).
    A path ``-`` is the document in ``stdin`` (its bytes), read as ``stdin_filename`` would be:
    that name gives its format, language and pairing and is the path findings report.
    """
    for lang in (config.source_lang, config.target_lang):
        if lang:
            normalize_lang(lang)
    ctx = Context(
        config=config, glossaries=load_glossaries(config), extra_glossaries=override_glossaries(config)
    )
    inputs = _inputs(paths, config, stdin, stdin_filename)
    if not inputs:
        raise UsageError(
            "no files to check (directories are searched for .txt, .md, .mdx, .html, .docx, XLIFF, "
            "PO, TMX and translation resource files)"
        )
    _refuse_overwrites(inputs, config, ctx, source, output, write_baseline, [p for _, p in reports])
    # a bad revision (or an empty one: an unset $BASE in CI) fails before the run
    changed = None
    if diff is not None:
        from tcheck.ci.diff import changed_lines

        changed = changed_lines(diff, diff_input, paths=paths)
    html = config.format == "html" or any(fmt == "html" for fmt, _ in reports)
    keep_texts = html or bool(config.baseline or write_baseline)
    rules = list(selected_rules(config.select, config.ignore))
    # the round trip's module (and its MT adapter) is imported only by runs that select it
    trip = any("mt" in rule.needs for rule in rules)
    notes: list[str] = []
    if trip:
        from tcheck.services import roundtrip

        ctx.services, notes = roundtrip.start(config, rules, progress)
    try:
        result = run_inputs(inputs, config, source, ctx, keep_texts=keep_texts, progress=progress)
    finally:
        if trip:
            roundtrip.close(ctx.services)
    if trip:
        roundtrip.report(result, ctx.services, notes)
    result.pairing = {
        lang: {"paired": entry.paired, "unpaired": entry.unpaired}
        for lang, entry in summarise(inputs).items()
    }
    result.verbose = verbose
    chosen = set(config.glossaries)  # the shipped ones are not the user's concern
    unused = glossaries.usage_notes((g for g in ctx.glossaries if g.path in chosen), result.languages)
    result.notes.extend(unused)
    result.alerts.extend(unused)
    return _narrow(result, config, changed, write_baseline)


STDIN_NAME = "<stdin>"  # the path shown for standard input read without --stdin-filename


def _inputs(
    paths: Sequence[str], config: Config, stdin: bytes | None, stdin_filename: str | None
) -> list[Input]:
    """The files to check; ``-`` is standard input, read as the file ``stdin_filename`` names
    (plain text named ``<stdin>`` without one) and paired with its original on disk like it."""
    from tcheck.bilingual.pairing import pair_inputs

    dashes = sum(1 for p in paths if p == "-")
    if dashes > 1:
        raise UsageError("'-' (standard input) may be given only once")
    if stdin_filename is not None and not dashes:
        raise UsageError("--stdin-filename names the document read from standard input: give '-' as a path")
    if not dashes:
        return discover(paths, config.exclude, config)
    if stdin_filename is not None and not stdin_filename.strip():
        raise UsageError("--stdin-filename is empty")
    found = discover([p for p in paths if p != "-"], config.exclude)
    pairing = config.options.get("PAIRING", {})
    if stdin_filename is None:  # no name: plain text, checked alone
        return [Input("-", STDIN_NAME, data=stdin or b""), *pair_inputs(found, config.source_lang, pairing)]
    return pair_inputs(
        [Input(stdin_filename, stdin_filename, data=stdin or b""), *found], config.source_lang, pairing
    )


def _refuse_overwrites(
    inputs: Sequence[Input],
    config: Config,
    ctx: Context,
    source: str | None,
    output: str | None,
    write_baseline: str | None,
    reports: Sequence[str] = (),
) -> None:
    """Neither the report nor a new baseline may replace a file the run reads."""
    others: list[tuple[str, str]] = []
    if source:
        others.append((source, "the source file"))
    others += [(g.path, "a glossary") for g in (*ctx.glossaries, *ctx.extra_glossaries.values())]
    if config.config_path:
        others.append((config.config_path, "the configuration file"))

    def read() -> Iterator[tuple[str, str]]:
        """The files read, walked again for each destination (a large tree's would be a long
        list to hold)."""
        for item in inputs:
            yield item.path, "a checked file"
        for item in inputs:
            if item.source:
                yield item.source, "the source of a checked file"
        yield from others

    refuse_overwrite(write_baseline, "--write-baseline", read())  # the baseline is then not read
    if write_baseline:
        others.append((write_baseline, "the baseline being written"))
    elif config.baseline:
        others.append((config.baseline, "the baseline read"))
    refuse_overwrite(output, "--output", read())
    for path in reports:
        refuse_overwrite(path, "--report", read())


def _narrow(
    result: RunResult, config: Config, changed: ChangedLines | None, write_to: str | None
) -> RunResult:
    """Baseline first (stale entries are judged on the whole run), then changed lines."""
    if not (write_to or config.baseline or changed is not None):
        return result
    from tcheck.ci import baseline
    from tcheck.ci.diff import restrict

    if write_to:
        count = baseline.write(result, write_to)
        wrote = f"wrote {count} finding{'s' if count != 1 else ''} to baseline {write_to}"
        result.notes.append(wrote)
        result.alerts.append(wrote)
    if write_to or config.baseline:
        result = baseline.apply(result, write_to or str(config.baseline))
    return restrict(result, changed) if changed is not None else result
