"""`articlegen list` and `articlegen schema`: finding slugs and the data format."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from ..facts.load import Entry, load_catalog
from ..facts.occupation import Occupation
from ..resources import default_data_dir
from .common import data_option, friendly

EXIT_NO_MATCH = 1  # as grep: nothing found is an answer, not bad input (which exits 2)


@click.command(name="list")
@click.argument("words", nargs=-1)
@data_option
@click.option(
    "--source",
    type=click.Choice(["all", "hand", "oews"]),
    default="all",
    show_default=True,
    help="hand: the hand-written records in occupations/; oews: the BLS OEWS records.",
)
@click.option("--group", "group", default=None, help="SOC group code, e.g. 43-3000 (or a prefix: 43).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@friendly
def list_occupations(
    words: tuple[str, ...], data_dir: Path | None, source: str, group: str | None, as_json: bool
) -> None:
    """List occupations and their slugs; WORDS narrow the list to names containing all of them.

    A word matches the start of a word of the title, of the name articles print or of an O*NET
    alternate title, or is its plural. Residual OEWS categories ("All Other") are listed, marked,
    but are never article subjects. Nothing matching is one line on stderr and exit status 1.
    """
    catalog = load_catalog(data_dir or default_data_dir())
    # The words go by find's own matching, so a hint's "run 'articlegen list ...'" lists its matches.
    found = catalog.matching(words) if words else dict.fromkeys(catalog.entries)
    rows = [catalog.entries[slug] for slug in found if _in(catalog.entries[slug], source, group)]
    rows.sort(key=lambda e: (e.source != "hand", e.soc or "", e.slug))
    if as_json:
        click.echo(json.dumps([asdict(e) for e in rows], indent=2))
    if not rows:
        asked = [repr(" ".join(words))] if words else []
        asked += [f"--source {source}"] if source != "all" else []
        asked += [f"--group {group}"] if group is not None else []
        click.echo(f"articlegen: no occupation matches {' '.join(asked) or 'at all'}", err=True)
        sys.exit(EXIT_NO_MATCH)
    if as_json:
        return
    width = max(len(e.slug) for e in rows)
    for entry in rows:
        soc = entry.soc or "-"
        note = "  (all other: not used in articles)" if entry.residual else ""
        also = found[entry.slug]
        if also:
            note += f"  (also called {also})"
        click.echo(f"{entry.slug:<{width}}  {soc:<7}  {entry.bls_title or entry.title}{note}")


def _in(entry: Entry, source: str, group: str | None) -> bool:
    if source != "all" and entry.source != source:
        return False
    if group is not None:
        wanted = group.rstrip("0").rstrip("-")
        if not (entry.group or entry.soc or "").startswith(wanted):
            return False
    return True


@click.command()
def schema() -> None:
    """Print the JSON Schema of an occupation data file."""
    document = Occupation.model_json_schema()
    document["properties"].pop("slug", None)  # taken from the file name, never written
    document["required"] = [r for r in document.get("required", []) if r != "slug"]
    click.echo(json.dumps(document, indent=2))
