"""The `articlegen` command line: one module per command, registered on one group."""

from __future__ import annotations

import click

from .bulk import bulk
from .catalog import list_occupations, schema
from .check import check
from .coverage import coverage
from .diff import diff
from .generate import generate
from .lint import lint
from .oews import import_oews_command
from .overview import overview
from .serve import serve
from .variants import variants
from .variety import variety
from .verify import verify


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="articlegen")
def main() -> None:
    """Write "X vs Y" career comparison articles from occupation facts."""


for _command in (
    bulk,
    check,
    coverage,
    diff,
    generate,
    import_oews_command,
    lint,
    list_occupations,
    overview,
    schema,
    serve,
    variants,
    variety,
    verify,
):
    main.add_command(_command)
