"""``tcheck init``: start a project (thin click layer over :mod:`tcheck.init`)."""

from __future__ import annotations

from pathlib import Path

import click

from tcheck.cli import guarded


@click.command("init")
@click.option("--source-lang", required=True, help="Language of the source text (e.g. nb).")
@click.option("--target-lang", required=True, help="Language of the translations (e.g. en).")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to write tcheck.toml and glossaries/ into.",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@guarded
def init(source_lang: str, target_lang: str, directory: str, force: bool) -> None:
    """Write a commented tcheck.toml and a starter glossary for a language pair."""
    from tcheck.init import write_project

    for path in write_project(Path(directory), source_lang, target_lang, force):
        click.echo(f"wrote {path}")
