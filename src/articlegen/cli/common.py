"""What every command shares: one-line errors, the --data/--phrasebanks options, and saying which
content a run uses."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ArticlegenError
from ..pipeline import FORMATS
from ..resources import (
    Workspace,
    WorkspaceError,
    current_workspace,
    is_installed_copy,
    phrasebank_language_dir,
)

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USER_ERROR = 2
_VERBOSE = "articlegen.verbose"  # set in click's context by --verbose


def friendly(command: F) -> F:
    """Turn input problems into one line on stderr and exit status 2, never a traceback.

    Every command that reads content passes through here, so this is also where a phrasebank
    folder given as phrasebanks/ becomes its language folder, and where --verbose says which
    content the run uses.
    """

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            if kwargs.get("phrasebank_dir") is not None:
                kwargs["phrasebank_dir"] = phrasebank_language_dir(kwargs["phrasebank_dir"])
            context = click.get_current_context(silent=True)
            if context is not None and context.meta.get(_VERBOSE):
                data, bank = kwargs.get("data_dir"), kwargs.get("phrasebank_dir")
                click.echo(f"articlegen: {content_line(current_workspace(), data, bank)}", err=True)
            return command(*args, **kwargs)
        except (ArticlegenError, WorkspaceError) as err:
            click.echo(f"articlegen: {err}", err=True)
            sys.exit(EXIT_USER_ERROR)

    return wrapper  # type: ignore[return-value]


def source_text(workspace: Workspace) -> str:
    """Why this content, e.g. 'the project folder /x (it holds phrasebanks/ and data/)'."""
    if workspace.source == "config":
        return f"the project folder {workspace.root} (named by its {workspace.config})"
    if workspace.source == "checkout":
        return f"the project folder {workspace.root} (it holds phrasebanks/ and data/)"
    if is_installed_copy(workspace.data_dir):
        return f"the copy installed with articlegen in {workspace.root} (no project folder here or above)"
    return f"the checkout articlegen runs from, {workspace.root} (no project folder here or above)"


def content_line(workspace: Workspace, data_dir: Path | None, phrasebank_dir: Path | None) -> str:
    """The --verbose line: the data and phrasebank folders used, and where each came from."""
    if data_dir is None and phrasebank_dir is None:
        data, bank = workspace.show(workspace.data_dir), workspace.show(workspace.phrasebank_dir)
        return f"content: {data}/ and {bank}/ of {source_text(workspace)}"
    shown = []
    for name, given, found in (
        ("data", data_dir, workspace.data_dir),
        ("phrasebanks", phrasebank_dir, workspace.phrasebank_dir),
    ):
        shown.append(
            f"{name} {given} (--{name})" if given is not None else f"{name} {found} ({workspace.source})"
        )
    return "content: " + ", ".join(shown)


def _remember_verbose(context: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        context.meta[_VERBOSE] = True


def _with_verbose(command: F) -> F:
    """--verbose, once, on each command that reads content; friendly prints the line."""
    if any("--verbose" in getattr(p, "opts", ()) for p in getattr(command, "__click_params__", [])):
        return command
    return click.option(
        "--verbose",
        is_flag=True,
        expose_value=False,  # the commands' signatures stay as they are
        callback=_remember_verbose,
        help="Say on stderr which data and phrasebanks are used, and why (see `articlegen info`).",
    )(command)


def data_option(command: F) -> F:
    """--data (and --verbose)."""
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Data directory (holding occupations/*.yaml). Default: the data/ of the project folder "
        "(the nearest folder, here or above, holding phrasebanks/ and data/ or an articlegen.toml), "
        "else the bundled data.",
    )(_with_verbose(command))


def bank_option(command: F) -> F:
    """--phrasebanks (and --verbose)."""
    return click.option(
        "--phrasebanks",
        "phrasebank_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Phrasebank directory (*.yaml), or the phrasebanks/ folder above it. Default: the "
        "project folder's phrasebanks/en/, else the bundled English phrasebanks.",
    )(_with_verbose(command))


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
