"""``tcheck init``: start a project (thin click layer over :mod:`tcheck.project.survey`)."""

from __future__ import annotations

from pathlib import Path

import click

from tcheck.cli.guard import guarded


@click.command("init")
@click.option(
    "--source-lang",
    help="Language of the source text (default: what the site's layout and configuration say).",
)
@click.option(
    "--target-lang",
    "target_langs",
    multiple=True,
    help="A translation language to set up (repeatable; default: every one found). Needed, "
    "with --source-lang, in a folder without a language layout.",
)
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="The repository to look at and to write tcheck.toml and glossaries/ into.",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@guarded
def init(source_lang: str | None, target_langs: tuple[str, ...], directory: str, force: bool) -> None:
    """Look at a content repository and write a tcheck.toml a run uses as is.

    Finds the layout (Hugo content/{lang}/ or page.{lang}.md, Docusaurus i18n/{lang}/, {lang}/
    folders), the source language and the translation languages; prints the files per language,
    how many translations found their source and how many did not; writes tcheck.toml (per
    language [[overrides]] blocks, no single target language) and a starter glossary per language
    pair (country names from CLDR)."""
    from tcheck.project.survey import write_project

    found, written = write_project(Path(directory), source_lang, target_langs, force)
    for line in found.lines():
        click.echo(line)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: tcheck check {directory}")
