"""The `articlegen` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import ArticlegenError
from .load import load_catalog
from .occupation import Occupation
from .pipeline import FORMATS, open_generator
from .resources import default_data_dir

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER_ERROR = 2


def _friendly(command: F) -> F:
    """Turn input problems into one line on stderr and exit status 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ArticlegenError as err:
            click.echo(f"articlegen: {err}", err=True)
            sys.exit(EXIT_USER_ERROR)

    return wrapper  # type: ignore[return-value]


_data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Data directory (holding occupations/*.yaml). Default: the bundled data.",
)
_bank_option = click.option(
    "--phrasebanks",
    "phrasebank_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Phrasebank directory (*.yaml). Default: the bundled English phrasebanks.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="articlegen")
def main() -> None:
    """Write "X vs Y" career comparison articles from occupation facts."""


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Changes every variant choice at once.")
@_data_option
@_bank_option
@click.option(
    "--explain", is_flag=True, help="Annotate each sentence with its message, variant and file:line."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@_friendly
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
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise ArticlegenError(f"{output}: cannot write: {err.strerror}") from None


@main.command(name="list")
@_data_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_friendly
def list_occupations(data_dir: Path | None, as_json: bool) -> None:
    """List the occupations in the data, with their slugs."""
    catalog = load_catalog(data_dir or default_data_dir())
    rows = sorted(catalog, key=lambda o: o.slug)
    if as_json:
        click.echo(json.dumps([{"slug": o.slug, "title": o.title} for o in rows], indent=2))
        return
    width = max(len(o.slug) for o in rows)
    for occupation in rows:
        click.echo(f"{occupation.slug:<{width}}  {occupation.title}")


@main.command()
def schema() -> None:
    """Print the JSON Schema of an occupation data file."""
    document = Occupation.model_json_schema()
    document["properties"].pop("slug", None)  # taken from the file name, never written
    document["required"] = [r for r in document.get("required", []) if r != "slug"]
    click.echo(json.dumps(document, indent=2))
