"""``tcheck glossary``: lint and convert glossary files (CSV/TSV, TOML, TBX). No logic here."""

from __future__ import annotations

import sys

import click

from tcheck.cli.guard import guarded


@click.group()
def glossary() -> None:
    """Work with glossary files: lint, convert, extract a draft from translations."""


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@guarded
def lint(files: tuple[str, ...]) -> None:
    """Report problems in glossary files as FILE:LINE: level: message.

    Exit status 0 when clean, 1 when only warnings (duplicates) were found, 2 when a file has
    errors (unknown columns, empty terms, contradictions) and cannot be used.
    """
    from tcheck.glossary import lint as lint_file

    worst = 0
    for path in files:
        problems = lint_file(path)
        for p in problems:
            where = f"{path}:{p.line}" if p.line else path
            click.echo(f"{where}: {p.level}: {p.message}")
            worst = max(worst, 2 if p.level == "error" else 1)
        if not problems:
            click.echo(f"{path}: ok")
    sys.exit(worst)


@glossary.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False))
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="3", help="TBX version to write.")
@click.option(
    "--in-place", is_flag=True, help="Allow TARGET to be SOURCE itself (its comments and layout are lost)."
)
@guarded
def convert(source: str, target: str, tbx_version: str, in_place: bool) -> None:
    """Convert a glossary between formats (by extension: .csv .tsv .toml .tbx)."""
    from tcheck.glossary import convert as convert_file

    result = convert_file(source, target, int(tbx_version), in_place)
    click.echo(f"{target}: {len(result.entries)} entries written")


@glossary.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--source-lang", help="Language of the source text (default: from the files).")
@click.option("--target-lang", help="Language of the translations (default: from the files).")
@click.option(
    "--source", type=click.Path(dir_okay=False), help="Source-language original of a single translation."
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="Glossary file to write."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "tsv", "toml", "tbx"]),
    help="Glossary format (default: by the extension of --output).",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Least occurrences of a term.",
)
@guarded
def extract(
    paths: tuple[str, ...],
    source_lang: str | None,
    target_lang: str | None,
    source: str | None,
    output: str,
    fmt: str | None,
    min_count: int,
) -> None:
    """Draft a bilingual glossary from existing translations, for a person to review.

    PATHS are bilingual files (XLIFF, PO, TMX, TSV), a translation with --source, or a
    repository whose translations pair with their originals. Each repeated source word gets its
    dominant rendering (preferred term) and, in the note, every rendering seen with its count and
    a confidence. The output is never one of the inputs.
    """
    from tcheck.glossary.extract import extract as run_extract

    result = run_extract(paths, output, source_lang, target_lang, fmt, source, min_count)
    for problem in result.unreadable:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"{output}: {result.entries} entries drafted from {result.pairs} segment pairs")
