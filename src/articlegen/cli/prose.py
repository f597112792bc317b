"""`articlegen prose`: what makes each article read badly on its own, measured against targets."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..corpus.pairs import select_pairs
from ..gates.prose import measure_prose, report_to_json, report_to_text
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly
from .coverage import kind_option, limit_option, pairs_option, seed_option

EXIT_MISSED = 1


@click.command()
@pairs_option
@limit_option
@kind_option
@seed_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--worst",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="List this many of the worst articles for each measure.",
)
@click.option("--each", is_flag=True, help="Text format: first a tab-separated line of values per article.")
@data_option
@bank_option
@friendly
def prose(
    pairs_source: str | None,
    limit: int,
    kind: str,
    seed: int,
    fmt: str,
    worst: int,
    each: bool,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """Six measures of how each article reads on its own, against targets (default: --pairs all).

    \b
    A command beside `variety`, not part of it: variety compares articles with
    each other, over pairs of articles; these read one article at a time and
    report per article. Over its prose (paragraphs, list leads and items):
      full-title repeats       a title of 5+ words printed in full, per title   ≤ 3
      sentences with no fact   framing that states nothing                       ≤ 1
      figures stated twice     "$2,360" in two sentences (not years)            0
      repeated openings        consecutive sentences or items, same two words   0
      prose figures in tables  share of prose figures a table cell prints too   ≤ 50%
      duplicate table rows     a row two tables print with the same cells       0
    (docs/quality.md). Prints each measure's target, mean, worst and the articles
    over target, then the worst articles with what to look at. --format json
    prints {pairs, kind, failed, measures: [{id, name, target, mean, worst,
    over_target, met, worst_articles}], articles: [{article, subjects, values,
    details}]}. Exit status: 0 every target met by every article, 1 some missed,
    2 bad input.
    """
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "all", generator.catalog, limit)
    report = measure_prose(generator, selection.pairs, seed, kind, worst)
    if fmt == "json":
        pairs = {
            "source": selection.source,
            "used": len(selection.pairs),
            "available": selection.available,
            "sampled": selection.sampled,
        }
        click.echo(json.dumps(report_to_json(report, pairs), indent=2, ensure_ascii=False))
    else:
        click.echo(report_to_text(report, selection.describe(), each), nl=False)
    if report.failed:
        sys.exit(EXIT_MISSED)
