"""`articlegen import-cps`: cross BLS's CPS occupation tables to the OEWS codes, into data/cps/cps.json."""

from __future__ import annotations

from pathlib import Path

import click

from ..resources import default_data_dir
from ..sources.cps import import_cps, write_dataset
from ..sources.files import sha256_of
from .common import friendly


@click.command(name="import-cps")
@click.argument("source_dir", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--oews",
    "oews_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The OEWS dataset whose codes to match. Default: data/oews/oews-2025.json.",
)
@click.option(
    "--overrides",
    "overrides_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The reviewed crosswalk overrides. Default: data/cps/crosswalk-overrides.yaml.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for cps.json. Default: data/cps of the checkout.",
)
@friendly
def import_cps_command(
    source_dir: Path, oews_path: Path | None, overrides_path: Path | None, out_dir: Path | None
) -> None:
    """Import CPS tables 11b (cpsaat11b-2025.xlsx) and 11 (cpsaat11-2022.xlsx) from DIR."""
    data = default_data_dir()
    dataset = import_cps(
        source_dir,
        oews_path or data / "oews" / "oews-2025.json",
        overrides_path or data / "cps" / "crosswalk-overrides.yaml",
    )
    path = write_dataset(dataset, out_dir or data / "cps")
    counts, unmatched = dataset.counts, dataset.document["unmatched"]
    matched = counts["subjects"] - counts["subjects_without_any_row"]
    click.echo(
        f"wrote {len(dataset.occupations)} occupations to {path} (sha256 {sha256_of(path)}): "
        f"{matched} of {counts['subjects']} subjects matched; unmatched: "
        f"{len(unmatched['age']['rows'])} rows of table 11b, {len(unmatched['people']['rows'])} rows of "
        f"table 11, {len(unmatched['soc_without_any_row'])} OEWS codes"
    )
