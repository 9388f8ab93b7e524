"""``tcheck glossary``: lint and convert glossary files (CSV/TSV, TOML, TBX). No logic here."""

from __future__ import annotations

import sys

import click

from tcheck.cli import guarded


@click.group()
def glossary() -> None:
    """Work with glossary files: lint, convert."""


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
