"""``tcheck models``: the Argos Translate models the round-trip checks use (thin click layer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tcheck.cli.guard import guarded
from tcheck.errors import UsageError

if TYPE_CHECKING:
    from tcheck.services.mt import ModelInfo


def _show(prefix: str, info: ModelInfo) -> None:
    click.echo(f"{prefix}{info.from_code} → {info.to_code}  {info.name} {info.version}".rstrip())


@click.group()
def models() -> None:
    """Install, list and remove the translation models of the round-trip checks (TC5xx)."""


@models.command("list")
@click.option("--available", is_flag=True, help="List the packages of the last downloaded index instead.")
@guarded
def list_models(available: bool) -> None:
    """List the installed models (no network)."""
    from tcheck.services import packages

    if available:
        entries = packages.local_index()
        if entries is None:
            raise UsageError("no package index downloaded yet; 'tcheck models install' fetches it")
        for entry in sorted(entries, key=lambda e: (str(e.get("from_code")), str(e.get("to_code")))):
            click.echo(
                f"{entry.get('from_code')} → {entry.get('to_code')}  {entry.get('package_version', '')}"
            )
        return
    found = packages.installed()
    for info in found:
        _show("", info)
        click.echo(f"    {info.path}")
    if not found:
        click.echo("no models installed; e.g. tcheck models install nb en && tcheck models install en nb")


@models.command()
@click.argument("source", required=False)
@click.argument("target", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False),
    help="Install this downloaded .argosmodel file instead (no network).",
)
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to wait for the index.")
@guarded
def install(source: str | None, target: str | None, file: str | None, timeout: float) -> None:
    """Install the model for SOURCE → TARGET (e.g. nb en) from the Argos Translate index."""
    from tcheck.services import packages

    if file:
        added = packages.install_file(file)
    elif source and target:
        click.echo(
            f"updating the Argos Translate package index and installing {source} → {target} ...", err=True
        )
        added = packages.install(source, target, connect=timeout)
    else:
        raise UsageError("give SOURCE and TARGET languages (e.g. tcheck models install nb en), or --file")
    for info in added:
        _show("installed ", info)


@models.command()
@click.argument("source")
@click.argument("target")
@guarded
def remove(source: str, target: str) -> None:
    """Remove the installed model(s) for SOURCE → TARGET."""
    from tcheck.services import packages

    for info in packages.remove(source, target):
        _show("removed ", info)
