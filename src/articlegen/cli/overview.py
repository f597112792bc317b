"""`articlegen overview A`: the overview page of one occupation, with short comparisons."""

from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import open_generator
from ..plan.overview import DEFAULT_COMPARE
from .common import article_options, friendly, write_text


@click.command()
@click.argument("occupation")
@click.option(
    "--compare",
    type=click.IntRange(min=0),
    default=DEFAULT_COMPARE,
    show_default=True,
    help="How many related occupations to compare it with (see related.py for the rule).",
)
@article_options
@friendly
def overview(
    occupation: str,
    compare: int,
    fmt: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
    explain: bool,
    output: Path | None,
) -> None:
    """Write the overview page of OCCUPATION (a slug or title): what it does, its skills and pay,
    and how it compares with related occupations."""
    generator = open_generator(data_dir, phrasebank_dir)
    text = generator.overview(occupation, format=fmt, seed=seed, explain=explain, compare=compare)
    write_text(text, output)
