"""`articlegen list` and `articlegen schema`: finding slugs and the data format."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..load import load_catalog
from ..occupation import Occupation
from ..resources import default_data_dir
from .common import data_option, friendly


@click.command(name="list")
@data_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@friendly
def list_occupations(data_dir: Path | None, as_json: bool) -> None:
    """List the occupations in the data, with their slugs."""
    catalog = load_catalog(data_dir or default_data_dir())
    rows = sorted(catalog, key=lambda o: o.slug)
    if as_json:
        click.echo(json.dumps([{"slug": o.slug, "title": o.title} for o in rows], indent=2))
        return
    width = max(len(o.slug) for o in rows)
    for occupation in rows:
        click.echo(f"{occupation.slug:<{width}}  {occupation.title}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of an occupation data file."""
    document = Occupation.model_json_schema()
    document["properties"].pop("slug", None)  # taken from the file name, never written
    document["required"] = [r for r in document.get("required", []) if r != "slug"]
    click.echo(json.dumps(document, indent=2))
