"""`articlegen generate A B`: one article."""

from __future__ import annotations

from pathlib import Path

import click

from ..pipeline import open_generator
from .common import article_options, friendly, write_text


@click.command()
@click.argument("a")
@click.argument("b")
@article_options
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
    write_text(text, output)
