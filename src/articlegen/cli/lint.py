"""`articlegen lint [DIR]`: every phrasebank problem as `file:line:col: message`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..editing.lint import lint_phrasebanks
from ..resources import default_data_dir, default_phrasebank_dir
from .common import data_option, friendly

EXIT_PROBLEMS = 1


@click.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@data_option
@friendly
def lint(directory: Path | None, data_dir: Path | None) -> None:
    """Check a phrasebank directory (default: the bundled one) and render every variant against the data.

    Exit status: 0 clean, 1 problems found, 2 input that cannot be read at all.
    """
    report = lint_phrasebanks(directory or default_phrasebank_dir(), data_dir or default_data_dir())
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(report.summary(), err=bool(report.problems))
    if report.problems:
        sys.exit(EXIT_PROBLEMS)
