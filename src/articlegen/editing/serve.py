"""The live preview behind `articlegen serve`: a local page that follows the content files as they change.

`preview.py` loads the content, `app.py` serves it (Starlette on uvicorn, watchfiles for saves).
Those libraries are the `preview` extra, so the base install stays small: this module imports
`app.py` only when a server is made, and without the extra fails with one line naming it.

The listening socket is bound here, by hand, before any content loads: a busy port is then
reported at once and in one line, where uvicorn, left to bind it, logs the error and exits.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ArticlegenError
from ..resources import Workspace, current_workspace
from .preview import Preview, Snapshot

if TYPE_CHECKING:
    from .app import PreviewServer

__all__ = ["Preview", "Snapshot", "make_server"]

PREVIEW_PACKAGES = {"starlette", "uvicorn", "watchfiles", "anyio", "h11"}  # the extra and what it brings


def make_server(
    host: str,
    port: int,
    data_dir: Path | str | None,
    phrasebank_dir: Path | str | None,
    *,
    on_reload: Callable[[Snapshot], None] | None = None,
    workspace: Workspace | None = None,
) -> PreviewServer:
    """A bound, not yet serving, preview server; run `serve_forever()`. Port 0 picks a free port.

    The content defaults to `workspace`'s (else the project folder of the working directory, or the
    bundled copy), and the page names files relative to its folder.
    """
    try:
        from .app import PreviewServer
    except ModuleNotFoundError as err:
        if (err.name or "").partition(".")[0] not in PREVIEW_PACKAGES:
            raise
        raise ArticlegenError(
            f"the preview needs {err.name}, which is not installed: pip install 'articlegen[preview]'"
        ) from None
    workspace = workspace or current_workspace()
    data = Path(data_dir) if data_dir is not None else workspace.data_dir
    bank = Path(phrasebank_dir) if phrasebank_dir is not None else workspace.phrasebank_dir
    listening = listen(host, port)
    try:
        return PreviewServer(listening, Preview(data, bank, on_reload, workspace.show))
    except BaseException:
        listening.close()
        raise


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port, or an ArticlegenError saying in one line why there is none."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    except (socket.gaierror, UnicodeError) as err:
        raise ArticlegenError(f"cannot listen on {host}: {getattr(err, 'strerror', None) or err}") from None
    listening = socket.socket(family, socket.SOCK_STREAM)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart may take the port back
        listening.bind((host, port))
        listening.listen(64)
    except OSError as err:
        listening.close()
        raise ArticlegenError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    return listening
