"""What every command shares: one-line errors and the --data/--phrasebanks options."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ArticlegenError
from ..pipeline import FORMATS

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER_ERROR = 2


def friendly(command: F) -> F:
    """Turn input problems into one line on stderr and exit status 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ArticlegenError as err:
            click.echo(f"articlegen: {err}", err=True)
            sys.exit(EXIT_USER_ERROR)

    return wrapper  # type: ignore[return-value]


data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Data directory (holding occupations/*.yaml). Default: the bundled data.",
)
bank_option = click.option(
    "--phrasebanks",
    "phrasebank_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Phrasebank directory (*.yaml). Default: the bundled English phrasebanks.",
)


def article_options(command: F) -> F:
    """--format, --seed, --data, --phrasebanks, --explain and -o: what every one-article command takes."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True),
        click.option(
            "--seed", type=int, default=0, show_default=True, help="Changes every variant choice at once."
        ),
        data_option,
        bank_option,
        click.option(
            "--explain",
            is_flag=True,
            help="Annotate each sentence with its message, variant and file:line (md: a comment after "
            "it; html: a <span> around it). json names them already.",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write to this file instead of standard output.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def write_text(text: str, output: Path | None) -> None:
    """Standard output (also for `-o -`), or the file -o names; a write that fails is one line."""
    if output is None or str(output) == "-":
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except OSError as err:  # a full disk behind a redirect, a closed pipe
            raise ArticlegenError(f"cannot write to standard output: {err.strerror}") from None
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ArticlegenError(f"{output}: cannot write: {err.strerror}") from None
