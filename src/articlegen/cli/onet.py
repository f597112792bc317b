"""`articlegen import-onet`: turn the O*NET Excel database into per-occupation facts keyed to OEWS codes."""

from __future__ import annotations

from pathlib import Path

import click

from ..resources import default_data_dir
from ..sources.files import sha256_of
from ..sources.onet import import_onet, write_dataset
from .common import friendly


@click.command(name="import-onet")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--oews",
    "oews_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="OEWS dataset naming the target codes. Default: data/oews/oews-2025.json of the checkout.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for the dataset. Default: data/onet of the checkout.",
)
@friendly
def import_onet_command(directory: Path, oews_path: Path | None, out_dir: Path | None) -> None:
    """Import the O*NET database from DIRECTORY, the folder of its Excel files (O*NET 29.3)."""
    dataset = import_onet(directory, oews_path or default_data_dir() / "oews" / "oews-2025.json")
    path = write_dataset(dataset, out_dir or default_data_dir() / "onet")
    counts = dataset.provenance["counts"]
    click.echo(
        f"wrote {counts['occupations']} occupations to {path}: {counts['exact']} matched exactly, "
        f"{counts['aggregates']} aggregates; unmatched: {counts['without_facts']} OEWS codes, "
        f"{counts['onet_unmapped']} O*NET codes (sha256 {sha256_of(path)})"
    )
