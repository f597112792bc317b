"""`articlegen generate A B`: one article."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ArticlegenError
from ..pipeline import FORMATS, open_generator
from .common import bank_option, data_option, friendly


@click.command()
@click.argument("a")
@click.argument("b")
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
def generate(
    a: str,
    b: str,
    fmt: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
    explain: bool,
    output: Path | None,
) -> None:
    """Write the article comparing occupations A and B (slugs or titles)."""
    text = open_generator(data_dir, phrasebank_dir).generate(a, b, format=fmt, seed=seed, explain=explain)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise ArticlegenError(f"{output}: cannot write: {err.strerror}") from None
