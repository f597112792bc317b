"""`articlegen info`: which content the commands use here, and which articlegen and Python run them.

An installed articlegen carries a copy of the content; an editor whose edits seem to have no effect
needs to see at once whether the commands read the clone or that copy.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import click

from .. import __version__
from ..resources import current_workspace, is_installed_copy
from .common import bank_option, data_option, friendly, source_text


@click.command()
@data_option
@bank_option
@friendly
def info(data_dir: Path | None, phrasebank_dir: Path | None) -> None:
    """Print the data and phrasebank folders the commands use here, where they come from, and the
    versions of articlegen and Python.

    \b
    The content comes from the project folder: the nearest folder, from the
    current one up, that holds an articlegen.toml (data = "...", phrasebanks =
    "...", relative to the file) or both phrasebanks/ and data/. Outside any, the
    copy bundled with articlegen is used. --data and --phrasebanks win over both.
    """
    workspace = current_workspace()
    data = data_dir.resolve() if data_dir is not None else workspace.data_dir
    bank = phrasebank_dir.resolve() if phrasebank_dir is not None else workspace.phrasebank_dir
    rows = [
        ("source", workspace.source),
        ("from", source_text(workspace)),
        ("data", f"{data}{' (--data)' if data_dir is not None else ''}"),
        ("phrasebanks", f"{bank}{' (--phrasebanks)' if phrasebank_dir is not None else ''}"),
        ("articlegen", f"{__version__} in {Path(__file__).resolve().parent.parent}"),
        ("python", f"{platform.python_version()} ({sys.executable})"),
    ]
    for name, value in rows:
        click.echo(f"{name + ':':<13}{value}")
    if workspace.source == "bundled" and is_installed_copy(workspace.data_dir) and data_dir is None:
        click.echo(
            "note: this is the installed copy; to use your clone's content, run articlegen inside it",
            err=True,
        )
