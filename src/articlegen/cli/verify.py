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
    """Check every number the articles print, and what their comparisons claim (default: --pairs all).

    \b
    A number passes when it is one of the facts the sentence records, or the
    difference, percent difference or ratio of two of them, at the precision it
    is printed with (docs/quality.md). Each one that is not is printed as
      PAIR: MESSAGE/VARIANT: number 'X' in "SENTENCE" is not among the facts {...}
    A sentence comparing the two jobs is read for what it claims (who is higher,
    a percent gap and its base, "N times", a dollar gap, "both" and "as do") and
    checked against the raw facts; each false claim is printed as
      false claim: PAIR: MESSAGE/VARIANT @ FILE:LINE: WHAT IS WRONG: "SENTENCE"
    then a summary line with the counts. Exit status: 0 all verified and true,
    1 some unverified or false, 2 bad input.
    """
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "all", generator.catalog, limit)
    report = verify_pairs(generator, selection.pairs, seed, kind)
    for problem in report.unverified:
        click.echo(str(problem))
    for claim in report.false_claims:
        click.echo(f"false claim: {claim}")
    for sentence in report.uninterpreted:
        click.echo(f"not interpreted: {sentence}")
    click.echo(f"{report.summary()} ({selection.describe()})", err=report.failed)
    if report.failed:
        sys.exit(EXIT_UNVERIFIED)
