"""`articlegen diff`: which sentences of which articles a content edit changes."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from ..corpus.pairs import select_pairs
from ..editing.diff import (
    Content,
    base_dir_content,
    compare_articles,
    export_revision,
    open_side,
    report_to_text,
)
from ..resources import current_workspace
from .common import bank_option, data_option, friendly
from .coverage import limit_option, pairs_option, seed_option

EXIT_DIFFERENT = 1


@click.command()
@click.option("--base", "revision", metavar="GITREV", help="Compare with the content at this git revision.")
@click.option(
    "--base-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Compare with the content in DIR, laid out like the checkout: DIR/phrasebanks/en/ and DIR/data/.",
)
@pairs_option
@limit_option
@click.option(
    "--context",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Unchanged sentences shown around each change.",
)
@click.option(
    "--exit-code", is_flag=True, help="Exit with status 1 when an article differs, as git diff does."
)
@seed_option
@data_option
@bank_option
@friendly
def diff(
    revision: str | None,
    base_dir: Path | None,
    pairs_source: str | None,
    limit: int,
    context: int,
    exit_code: bool,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """Show the sentences a content edit changes (default: --pairs golden).

    \b
    Renders each pair under the base content and the current content (--data and
    --phrasebanks, default the project folder's: see `articlegen info`) and prints
    a unified diff of each article that changed, one sentence a line (headings,
    list items and table rows count as sentences), then a summary such as "3 of 11
    articles changed, 5 sentences". Both sides run the current Python code, so the
    diff shows the effect of edits to phrasebanks and data only.

    \b
    --base GITREV takes the same data and phrasebank directories as they were at
    that revision of the git checkout that holds them, read from git at their
    paths in it, e.g. phrasebanks/en/ (uncommitted edits are on the current side).
    --base-dir DIR reads DIR/phrasebanks/en/ and DIR/data/.
    An article one side cannot render (e.g. the base lacks an occupation) gets a
    line saying so. Exit status: 0, or with --exit-code 1 when any article differs
    or could not be compared; 2 for bad input.
    """
    if (revision is None) == (base_dir is None):
        raise click.UsageError("give exactly one of --base GITREV and --base-dir DIR")
    workspace = current_workspace()
    data = data_dir or workspace.data_dir
    bank = phrasebank_dir or workspace.phrasebank_dir
    with tempfile.TemporaryDirectory(prefix="articlegen-base-") as scratch:
        base_content = (  # first, so that a bad revision fails before any loading
            export_revision(revision, data, bank, Path(scratch))
            if revision is not None
            else base_dir_content(Path(str(base_dir)))
        )
        new = open_side(Content(data, bank, "current content"))
        selection = select_pairs(pairs_source or "golden", new.generator.catalog, limit)
        report = compare_articles(open_side(base_content), new, selection.pairs, seed, context)
    click.echo(report_to_text(report), nl=False)
    if selection.sampled:
        click.echo(f"sampled: {selection.describe()}")
    if exit_code and report.differs():
        sys.exit(EXIT_DIFFERENT)
