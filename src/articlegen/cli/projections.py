"""`articlegen import-projections`: turn BLS's Employment Projections workbook into bundled data."""

from __future__ import annotations

from pathlib import Path

import click

from ..resources import default_data_dir
from ..sources.files import sha256_of
from ..sources.projections import import_projections, write_dataset
from .common import friendly


@click.command(name="import-projections")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--oews",
    "oews_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The OEWS dataset whose codes the projections attach to. Default: data/oews/oews-2025.json.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for the dataset. Default: data/projections of the checkout.",
)
@friendly
def import_projections_command(source: Path, oews_path: Path | None, out_dir: Path | None) -> None:
    """Import BLS's Employment Projections 2024–34 from SOURCE, its occupation.xlsx."""
    dataset = import_projections(source, oews_path or default_data_dir() / "oews" / "oews-2025.json")
    path = write_dataset(dataset, out_dir or default_data_dir() / "projections")
    counts = dataset.counts
    click.echo(
        f"wrote {len(dataset.matching.projections)} occupations to {path} "
        f"({counts['matched_direct']} matched directly, {counts['matched_combined']} combined; "
        f"unmatched: {counts['unmatched_ep_codes']} EP codes, {counts['unmatched_oews_codes']} OEWS codes; "
        f"{counts['subjects_with_projection']}/{counts['subjects']} subjects covered; "
        f"sha256 {sha256_of(path)})"
    )
