"""`articlegen lint [DIR]`: every phrasebank problem as `file:line:col: message`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..editing.lint import lint_phrasebanks
from ..resources import current_workspace
from .common import data_option, friendly

EXIT_PROBLEMS = 1


@click.command()
@click.argument("phrasebank_dir", metavar="[DIR]", required=False, type=click.Path(path_type=Path))
@data_option
@friendly
def lint(phrasebank_dir: Path | None, data_dir: Path | None) -> None:
    """Check a phrasebank directory and render every variant against the data.

    DIR is a language folder of *.yaml files (phrasebanks/en) or the phrasebanks/
    folder above it; the default is the project folder's (see `articlegen info`).
    Files are named relative to the project folder. Exit status: 0 clean,
    1 problems found, 2 input that cannot be read at all.
    """
    workspace = current_workspace()
    report = lint_phrasebanks(
        phrasebank_dir or workspace.phrasebank_dir, data_dir or workspace.data_dir, show=workspace.show
    )
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(report.summary(), err=bool(report.problems))
    if report.problems:
        sys.exit(EXIT_PROBLEMS)
