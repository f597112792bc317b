"""`articlegen list` and `articlegen schema`: finding slugs and the data format."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import click

from ..facts.load import Entry, load_catalog
from ..facts.occupation import Occupation
from ..resources import default_data_dir
from .common import data_option, friendly


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
    """List occupations and their slugs; WORDS narrow the list to titles containing all of them.

    Residual OEWS categories ("All Other") are listed, marked, but are never article subjects.
    """
    catalog = load_catalog(data_dir or default_data_dir())
    rows = [e for e in catalog.entries.values() if _matches(e, words, source, group)]
    rows.sort(key=lambda e: (e.source != "hand", e.soc or "", e.slug))
    if as_json:
        click.echo(json.dumps([asdict(e) for e in rows], indent=2))
        return
    if not rows:
        click.echo("no occupation matches", err=True)
        return
    width = max(len(e.slug) for e in rows)
    for entry in rows:
        soc = entry.soc or "-"
        note = "  (all other: not used in articles)" if entry.residual else ""
        also = _alternate_match(entry, words)
        if also:
            note += f"  (also called {also})"
        click.echo(f"{entry.slug:<{width}}  {soc:<7}  {entry.bls_title or entry.title}{note}")


def _matches(entry: Entry, words: tuple[str, ...], source: str, group: str | None) -> bool:
    if source != "all" and entry.source != source:
        return False
    if group is not None:
        wanted = group.rstrip("0").rstrip("-")
        if not (entry.group or entry.soc or "").startswith(wanted):
            return False
    # Words match the start of a title's words, so "actors" finds Actors but not Contractors.
    return _all_words_in(f"{entry.title} {entry.bls_title or ''}", words) or bool(
        _alternate_match(entry, words)
    )


def _all_words_in(title: str, words: tuple[str, ...]) -> bool:
    title_words = re.findall(r"[a-z0-9]+", title.casefold())
    return all(
        any(w.startswith(part) for w in title_words)
        for word in words
        for part in re.findall(r"[a-z0-9]+", word.casefold())
    )


def _alternate_match(entry: Entry, words: tuple[str, ...]) -> str | None:
    """The first of O*NET's other titles for the job that holds all the words, when its own does not."""
    if not words or _all_words_in(f"{entry.title} {entry.bls_title or ''}", words):
        return None
    return next((t for t in entry.alternate_titles if _all_words_in(t, words)), None)


@click.command()
def schema() -> None:
    """Print the JSON Schema of an occupation data file."""
    document = Occupation.model_json_schema()
    document["properties"].pop("slug", None)  # taken from the file name, never written
    document["required"] = [r for r in document.get("required", []) if r != "slug"]
    click.echo(json.dumps(document, indent=2))
