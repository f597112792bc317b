"""`articlegen variety`: how much articles read like copies of each other."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..corpus.pairs import select_pairs
from ..gates.variety import measure_variety
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly
from .coverage import kind_option, limit_option, pairs_option, seed_option


@click.command()
@pairs_option
@limit_option
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Also list this many sentence skeletons found in the most articles.",
)
@click.option(
    "--targets",
    is_flag=True,
    help="Also check the kind's targets (comparisons: mean ≤ 0.20, worst ≤ 0.40; overview pages: "
    "mean ≤ 0.30); exit 1 when one is missed.",
)
@kind_option
@seed_option
@data_option
@bank_option
@friendly
def variety(
    pairs_source: str | None,
    limit: int,
    top: int,
    targets: bool,
    kind: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """How alike the articles of many pairs read (default: --pairs all).

    \b
    Each article's prose sentences (not data text, title, headings, table labels
    or list items) are reduced to skeletons, with names, numbers and data values
    masked. Two articles score the share of the shorter one's skeletons that the
    other has too (docs/quality.md). Prints the mean over every pair of articles,
    the worst pair, then the skeletons found in the most articles, each with the
    message/variant that wrote it and the share of articles that have it.
    --kind overview scores overview pages among themselves, apart from the
    comparisons. With --targets a last line says each target of the kind, met
    or MISSED, and the exit status is 1 when one is missed (without it, 0:
    the report is a measure, and the targets are being worked towards).
    """
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "all", generator.catalog, limit)
    report = measure_variety(generator, selection.pairs, seed, top, kind)
    click.echo(f"{report.summary()} ({selection.describe()})")
    for text, source, count in report.common:
        click.echo(f"{count / max(report.articles, 1):6.1%}  {source}: {text}")
    if targets:
        checked = report.check_targets(kind)
        shown = ", ".join(f"{text} {'met' if met else 'MISSED'}" for text, met in checked)
        click.echo(f"targets ({kind}): {shown}")
        if not all(met for _, met in checked):
            sys.exit(1)
