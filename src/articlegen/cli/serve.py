"""`articlegen serve`: a live preview page for editors, reloaded whenever a content file is saved."""

from __future__ import annotations

from pathlib import Path

import click

from ..editing.serve import Snapshot, make_server
from ..resources import current_workspace
from .common import bank_option, data_option, friendly


def _report(snapshot: Snapshot) -> None:
    if snapshot.errors:
        for error in snapshot.errors:
            click.echo(f"articlegen: {error}", err=True)
    elif snapshot.version > 1:
        click.echo(f"reloaded: content version {snapshot.version}", err=True)


@click.command()
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0 picks a free port."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but a loopback address lets other machines read the page.",
)
@data_option
@bank_option
@friendly
def serve(port: int, host: str, data_dir: Path | None, phrasebank_dir: Path | None) -> None:
    """Preview articles in the browser; the page updates when a phrasebank or data file is saved.

    Needs the `preview` extra: pip install 'articlegen[preview]'. The content is
    the project folder's (see `articlegen info`) unless --data and --phrasebanks
    say otherwise; the page names files relative to the project folder.
    """
    workspace = current_workspace()
    server = make_server(host, port, data_dir, phrasebank_dir, on_reload=_report, workspace=workspace)
    click.echo(f"Previewing articles at {server.url}  (Ctrl-C to stop)")
    if not server.loopback:
        click.echo(f"articlegen: listening on {host}: other machines can read the page", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("\nStopped.")
    finally:
        server.server_close()
