"""``tcheck`` and its commands check, fix, rules, explain and lsp (click): options in, :mod:`tcheck.app` called,
results printed; no logic. The glossary, models and init commands live beside it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from tcheck import __version__
from tcheck.cli.guard import fail as _fail
from tcheck.cli.guard import guarded
from tcheck.cli.program import ProgramGroup


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    parts = tuple(p.strip().upper() for v in values for p in v.split(",") if p.strip())
    return parts or None


@click.group(cls=ProgramGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tcheck")
def main() -> None:
    """tcheck: find inconsistencies in translated text (terms, dates, numbers, language)."""
    from tcheck import gcutil

    gcutil.for_command_line()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--source-lang", help="Language of the source text (e.g. nb).")
@click.option("--target-lang", help="Language of the checked text (default: detected).")
@click.option(
    "--source",
    "source",
    type=click.Path(dir_okay=False),
    help="Source-language counterpart of a single target file.",
)
@click.option("--glossary", "glossaries", multiple=True, help="Glossary file (repeatable).")
@click.option(
    "--no-default-glossaries",
    is_flag=True,
    default=None,
    help="Do not use the glossaries shipped with tcheck.",
)
@click.option("--select", multiple=True, help="Only these code prefixes (e.g. TC1,TC202).")
@click.option("--ignore", multiple=True, help="Skip these code prefixes.")
@click.option("--exclude", multiple=True, help="Glob of files to skip inside directories (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "html"]),
    help="Output format (default: text); html is a self-contained page, use with --output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that fails the run (default: error).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Configuration file (default: tcheck.toml or pyproject.toml, searched upward).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT:PATH",
    help="Also write the same run's report in FORMAT to PATH (repeatable; e.g. sarif:tcheck.sarif). "
    "In GitHub Actions, --format github also writes a job summary to $GITHUB_STEP_SUMMARY.",
)
@click.option(
    "--diff",
    metavar="REV|-",
    help="Only report findings on lines changed since a git revision, or in a unified diff on stdin (-).",
)
@click.option(
    "--baseline", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline file."
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file.",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=0), help="Processes to check files with (default: one per core)."
)
@click.option(
    "--executor",
    type=click.Choice(["serial", "processes", "dask"]),
    help="Where files are checked: here, in --jobs processes, or on a Dask cluster "
    "(default: processes; dask when a scheduler is given).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler to run on (e.g. tcp://10.0.0.5:8786; default: $TCHECK_DASK_SCHEDULER, "
    "else a local cluster of --jobs workers).",
)
@click.option(
    "--round-trip/--no-round-trip",
    "round_trip",
    default=None,
    help="Require the round-trip checks (TC5xx; an error without models), or turn them off "
    "(default: run them when the Argos Translate models are installed).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    default=None,
    help=(
        "Neither read nor write the caches of results (unchanged files, parsed glossaries) and "
        "translations. The tables tcheck derives from its libraries and its compiled patterns are "
        "still kept: they depend only on the installed code (TCHECK_REGEX_STORE=off for patterns)."
    ),
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Folder of the caches (default: ~/.cache/tcheck).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With the path '-': the name of the document read from standard input (its format, "
    "language and original come from it; findings report it).",
)
@click.option(
    "--fix",
    "apply_fixes",
    is_flag=True,
    help="Apply the fixes checks are certain of (README: Safe fixes), then report what is left; "
    "with '-' print the fixed document instead.",
)
@click.option("--show-fixes", is_flag=True, help="Print the certain fixes as a unified diff; write nothing.")
@click.option("--quiet", "-q", is_flag=True, help="Show no progress on stderr.")
@click.option("--verbose", "-v", is_flag=True, help="List the translations left without a source.")
@guarded
def check(
    paths: tuple[str, ...],
    source: str | None,
    config_file: str | None,
    output: str | None,
    fmt: str | None,
    no_default_glossaries: bool | None,
    **options: Any,
) -> None:
    """Check files and directories.

    Directories are searched for text (.txt), Markdown and MDX (.md, .mdx), HTML (.html, .htm),
    Word (.docx), XLIFF, PO and TMX files, and translation resource files (JSON, YAML, TOML, ARB
    under i18n/, locales/ ...). Translations are paired with their originals by the repository's
    layout. The path '-' reads a document from standard input (see --stdin-filename)."""
    from tcheck import app, config
    from tcheck.errors import UsageError

    cli_values = {
        "source-lang": options["source_lang"],
        "target-lang": options["target_lang"],
        "glossary": options["glossaries"] or None,
        "default-glossaries": False if no_default_glossaries else None,
        "select": _codes(options["select"]),
        "ignore": _codes(options["ignore"]),
        "exclude": options["exclude"] or None,
        "format": fmt,
        "fail-on": options["fail_on"],
        "jobs": options["jobs"],
        "executor": options["executor"],
        "scheduler": options["scheduler"],
        "baseline": options["baseline"],
        "round-trip": None if options["round_trip"] is None else ("on" if options["round_trip"] else "off"),
        "cache": False if options["no_cache"] else None,
        "cache-dir": options["cache_dir"],
    }
    settings = config.resolve(cli_values, config_file, Path.cwd())
    diff, write_baseline = options["diff"], options["write_baseline"]
    from tcheck.reporters import outputs

    reports = [outputs.parse_report(spec) for spec in options["reports"]]
    outputs.check_destinations(reports, output)
    if diff == "-" and "-" in paths:
        raise UsageError("standard input cannot hold both a document ('-') and a diff (--diff -)")
    diff_input = sys.stdin.read() if diff == "-" else None
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    from tcheck.services.progress import for_stream

    if options["apply_fixes"] or options["show_fixes"]:
        status = _fixes(paths, settings, source, stdin, options, diff=diff, diff_input=diff_input)
        if status is not None:
            sys.exit(status)

    result = app.check(
        paths,
        settings,
        source,
        diff=diff,
        diff_input=diff_input,
        write_baseline=write_baseline,
        progress=for_stream(sys.stderr, options["quiet"]),
        verbose=options["verbose"],
        output=output,
        reports=reports,
        stdin=stdin,
        stdin_filename=options["stdin_filename"],
    )
    stream_is_tty = output is None and sys.stdout.isatty()
    colour = stream_is_tty and "NO_COLOR" not in os.environ
    summary = (
        outputs.step_summary_path(os.environ)
        if "github" in (settings.format, *(f for f, _ in reports))
        else None
    )
    elsewhere = outputs.where_else(reports, summary is not None)
    outputs.write_reports(result, reports, elsewhere)
    if summary:
        outputs.append_step_summary(result, summary, os.environ)
    # written as it is made: a report can be many times the size of the checked files
    outputs.emit(settings.format, result, colour, elsewhere, output or None, sys.stdout)
    if result.alerts and (output or settings.format != "text"):
        click.echo("\n".join(result.alerts), err=True)  # the text report prints them itself
    sys.exit(result.exit_code)


def _fixes(
    paths: tuple[str, ...],
    settings: Any,
    source: str | None,
    stdin: bytes | None,
    options: dict[str, Any],
    **run: Any,
) -> int | None:
    """``--fix`` / ``--show-fixes`` (tcheck.fix): an exit status, or None to report the fixed files."""
    from tcheck import app, fix
    from tcheck.services.progress import for_stream

    name = options["stdin_filename"] or app.STDIN_NAME
    _, plan, files = fix.check_and_plan(
        paths,
        settings,
        source,
        stdin=stdin,
        stdin_filename=options["stdin_filename"],
        progress=for_stream(sys.stderr, options["quiet"]),
        **run,
    )
    if options["show_fixes"]:
        click.echo(fix.unified_diff(plan), nl=False)
        click.echo(
            "\n".join([*plan.notes, f"{plan.count} certain fix{'es' if plan.count != 1 else ''}"]), err=True
        )
        return 1 if plan.count else 0
    piped = next((f for f in plan.files if stdin is not None and f.path == name), None)
    on_disk = fix.FixPlan([f for f in plan.files if f is not piped], plan.notes)
    written, refused = fix.write(on_disk, files)
    notes = [*plan.notes, *refused]
    if stdin is not None:
        sys.stdout.buffer.write(piped.fixed if piped else stdin)
    fixed = sum(len(f.applied) for f in written) + (len(piped.applied) if piped else 0)
    notes.append(f"fixed {fixed} finding{'s' if fixed != 1 else ''}")
    click.echo("\n".join(notes), err=True)
    return 0 if stdin is not None else None


@main.command()
@guarded
def rules() -> None:
    """List every check: code, name, default severity, summary."""
    from tcheck.registry import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<26} {rule.severity.label:<8} {rule.summary}")


@main.command()
@click.argument("code")
@guarded
def explain(code: str) -> None:
    """Show the documentation of one check (by code or name)."""
    from tcheck.registry import all_rules

    wanted = code.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            needs = f" (needs: {', '.join(sorted(rule.needs))})" if rule.needs else ""
            click.echo(f"{rule.code} {rule.name} [{rule.severity.label}]{needs}\n")
            click.echo(rule.doc)
            return
    _fail(f"unknown check {code!r}; 'tcheck rules' lists them")


@main.command(
    "fix",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []},
    add_help_option=False,
)
@click.pass_context
def fix_command(ctx: click.Context) -> None:
    """Apply the certain fixes: 'tcheck check --fix' with the same paths and options."""
    check.main(args=["--fix", *ctx.args], prog_name="tcheck fix")


@main.command()
@guarded
def lsp() -> None:
    """Run the language server over standard input and output (needs: pip install 'tcheck[lsp]').

    Editors show findings while one types; README: Language server."""
    from tcheck.lsp import serve

    serve()


assert isinstance(main, ProgramGroup)
main.lazy = {
    "glossary": "tcheck.cli.glossary:glossary",
    "init": "tcheck.cli.init:init",
    "models": "tcheck.cli.models:models",
}
