"""`articlegen overview A`: the overview page of one occupation, with short comparisons."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ArticlegenError
from ..pipeline import FORMATS, open_generator
from ..plan_overview import DEFAULT_COMPARE
from .common import bank_option, data_option, friendly


@click.command()
@click.argument("occupation")
@click.option(
    "--compare",
    type=click.IntRange(min=0),
    default=DEFAULT_COMPARE,
    show_default=True,
    help="How many related occupations to compare it with (see related.py for the rule).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Changes every variant choice at once.")
@data_option
@bank_option
@click.option(
    "--explain", is_flag=True, help="Annotate each sentence with its message, variant and file:line."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
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
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise ArticlegenError(f"{output}: cannot write: {err.strerror}") from None
