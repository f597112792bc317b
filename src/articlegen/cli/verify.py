"""`articlegen verify`: every number of many articles is a fact of its sentence, or computed from them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..corpus.pairs import select_pairs
from ..gates.verify import verify_pairs
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly
from .coverage import kind_option, limit_option, pairs_option, seed_option

EXIT_UNVERIFIED = 1


@click.command()
@pairs_option
@limit_option
@kind_option
@seed_option
@data_option
@bank_option
@friendly
def verify(
    pairs_source: str | None,
    limit: int,
    kind: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """Check that every number the articles print is a fact of its sentence (default: --pairs all).

    \b
    A number passes when it is one of the facts the sentence records, or the
    difference, percent difference or ratio of two of them, at the precision it
    is printed with (docs/quality.md). Each one that is not is printed as
      PAIR: MESSAGE/VARIANT: number 'X' in "SENTENCE" is not among the facts {...}
    then a summary line. Exit status: 0 all verified, 1 some unverified, 2 bad input.
    """
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "all", generator.catalog, limit)
    report = verify_pairs(generator, selection.pairs, seed, kind)
    for problem in report.unverified:
        click.echo(str(problem))
    click.echo(f"{report.summary()} ({selection.describe()})", err=bool(report.unverified))
    if report.unverified:
        sys.exit(EXIT_UNVERIFIED)
