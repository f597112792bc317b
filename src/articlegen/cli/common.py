"""What every command shares: one-line errors and the --data/--phrasebanks options."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ArticlegenError

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
