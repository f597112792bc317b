"""`articlegen coverage`: how often each variant is eligible and chosen over many articles."""

from __future__ import annotations

from pathlib import Path

import click

from ..corpus.documents import KINDS, render_documents
from ..corpus.pairs import DEFAULT_LIMIT, select_pairs
from ..editing.coverage import count_coverage, report_to_json, report_to_table
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly

pairs_option = click.option(
    "--pairs",
    "pairs_source",
    metavar="all|golden|FILE",
    help=(
        "Which articles: 'all' ordered pairs of occupations in the data; 'golden', the pairs of the "
        "snapshot tests (data/golden-pairs.csv of the bundled data); or a CSV FILE with the header "
        "'a,b' and one pair of slugs a row (write ./all for a file named 'all')."
    ),
)
limit_option = click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMIT,
    show_default=True,
    help=(
        "At most this many pairs; a larger source is sampled by a hash of each pair's slugs, the "
        "same sample every run (a smaller limit keeps a subset of a larger one). 0: no limit."
    ),
)
kind_option = click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="comparison",
    show_default=True,
    help="comparison: the 'A vs B' articles of the pairs; overview: the page of each first occupation.",
)
seed_option = click.option(
    "--seed", type=int, default=0, show_default=True, help="The seed of variant choice, as for generate."
)


@click.command()
@pairs_option
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (keys described above).")
@kind_option
@seed_option
@data_option
@bank_option
@friendly
def coverage(
    pairs_source: str | None,
    limit: int,
    as_json: bool,
    kind: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """How often each variant is eligible and chosen, over many articles (default: --pairs all).

    \b
    The table lists every message that appeared, with how many sentences said it,
    and each of its variants: how often its `when` condition held (eligible), how
    often it was chosen, and its share of the message's sentences. Then three lists:
    variants whose condition never held, variants that were eligible but never
    chosen, and messages of the phrasebank that no article said. The first line
    says how many pairs were used, and whether they were a sample.

    \b
    --json prints one object:
      pairs: {source: "all" or the file, used, available, sampled}
      seed, articles: the seed and the number of articles counted
      messages: [{id, file, line, appearances,
                  variants: [{id, file, line, when, eligible, chosen, share}]}]
        every message of the phrasebank, sorted by id; variants in file order;
        when is the condition or null; share is chosen / appearances (4 decimals)
        or null when the message never appeared
      never_eligible, never_chosen: [{message, variant}]
      never_appearing: [message id]
    """
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "all", generator.catalog, limit)
    documents = render_documents(generator, selection.pairs, seed, kind)
    report = count_coverage(generator.phrasebank, documents, selection, seed, kind)
    click.echo(report_to_json(report) + "\n" if as_json else report_to_table(report), nl=False)
