"""The preview's web side: a Starlette app on uvicorn, told of saves by watchfiles.

Starlette routes the page, its assets and the JSON API, and streams the Server-Sent Events
(/events) that tell the page a new version of the content is loaded; uvicorn serves it; watchfiles
waits on the operating system's file notifications (Rust's notify: inotify, FSEvents, ...) and asks
the Preview to refresh, so a save reaches the page without a polling interval to wait out.

Two small pieces stay ours. The listening socket is bound by `serve.make_server` and handed to
uvicorn, which on a busy port logs an error and calls `sys.exit(1)`; ours fails with one line. And
the Host check (`Guard`): Starlette's TrustedHostMiddleware refuses with 400 "Invalid host header",
while the preview refuses a DNS-rebinding request with 403 and says which names it answers to.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import socket
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import jinja2
import uvicorn
import watchfiles
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .preview import DATA_SUFFIXES, Preview

ASSET_DIR = Path(__file__).resolve().parent / "serve_assets"
ASSET_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
HEARTBEAT_SECONDS = 15.0
# How long a batch of saves must be quiet to be reported: watchfiles waits 50 ms; 10 brings a save to
# the reload in about 20 ms, for about 2 ms more CPU a second while idle.
WATCH_STEP_MS = 10
RECHECK_MS = 1100  # over a second, so the look after a batch is in a later second than its saves
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class Announcer:
    """Wakes the event streams after each batch of saves, and for good when the server stops."""

    def __init__(self) -> None:
        self.changed = asyncio.Event()  # replaced on each wake, so a stream waits for the next one
        self.closed = False

    def wake(self) -> None:
        changed, self.changed = self.changed, asyncio.Event()
        changed.set()

    def close(self) -> None:
        self.closed = True
        self.wake()


class Guard:
    """Refuse DNS-rebinding requests (a loopback server answers only to loopback names), and keep
    every answer out of caches and content sniffing."""

    def __init__(self, app: ASGIApp, loopback: bool) -> None:
        self.app, self.loopback = app, loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.loopback and not _is_loopback_name(Headers(scope=scope).get("host", "")):
            refusal = PlainTextResponse("articlegen serve answers only to localhost names\n", 403)
            await refusal(scope, receive, send)
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Cache-Control"] = "no-store"
                headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        await self.app(scope, receive, send_guarded)


def _is_loopback_name(host: str) -> bool:
    host = host.strip()
    name = host[1:].partition("]")[0] if host.startswith("[") else host.rpartition(":")[0] or host
    return name.lower() in LOOPBACK_NAMES


def is_content(change: watchfiles.Change, path: str) -> bool:
    """Phrasebank and data files; not editors' swap and backup files, nor a save's temporary file."""
    return path.endswith(DATA_SUFFIXES)


async def watch(preview: Preview, announcer: Announcer) -> None:
    """Refresh after each batch of saves the OS reports, then wake the streams: whichever look at the
    files reloaded them (this one, or a request's), the streams send the version that is new to them.

    Where watchfiles polls (on WSL, with WATCHFILES_FORCE_POLLING, or after the OS refused to
    watch), it compares whole seconds and misses a second save within the same second
    (samuelcolvin/watchfiles#319); one more look, once a batch has been quiet for RECHECK_MS, sees it.
    """
    folders = [folder for folder in preview.watched() if folder.is_dir()]  # a missing one is an error shown
    polling = None  # watchfiles' choice: notifications, except on WSL or with WATCHFILES_FORCE_POLLING
    while folders:
        try:
            batches = watchfiles.awatch(
                *folders,
                watch_filter=is_content,
                force_polling=polling,
                step=WATCH_STEP_MS,
                rust_timeout=RECHECK_MS,
                yield_on_timeout=True,  # an empty batch: nothing changed for RECHECK_MS
            )
            recheck = False
            async for changes in batches:
                if changes or recheck:
                    await run_in_threadpool(preview.refresh)
                    announcer.wake()
                recheck = bool(changes)
            return
        except OSError as err:  # e.g. out of inotify watches: stay live, if less promptly
            if polling:
                raise
            print(
                f"articlegen: cannot watch the content files ({err}); polling them instead", file=sys.stderr
            )
            polling = True


def make_app(preview: Preview, announcer: Announcer, loopback: bool) -> Starlette:
    """The preview's routes: the page, its two assets, the JSON API and the event stream."""
    pages = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ASSET_DIR)), autoescape=True, undefined=jinja2.StrictUndefined
    )

    def page(request: Request) -> Response:
        html = pages.get_template("index.html").render(watching=[preview.name(p) for p in preview.watched()])
        return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})

    def asset(request: Request) -> Response:
        name = request.path_params["name"]  # one path segment: the route matches no "/"
        path = ASSET_DIR / name
        kind = ASSET_TYPES.get(path.suffix)
        if kind is None or not path.is_file():
            return PlainTextResponse(f"no asset {name}\n", 404)
        return FileResponse(path, media_type=kind)

    def state(request: Request) -> Response:
        return JSONResponse(preview.state())

    def article(request: Request) -> Response:
        query = request.query_params
        a, b, seed = query.get("a", "").strip(), query.get("b", "").strip(), query.get("seed") or "0"
        if not a or not b:
            return refused("choose two occupations")
        try:
            number = int(seed)
        except ValueError:
            return refused(f"seed must be a whole number, not {seed!r}")
        status, answer = preview.article(a, b, number)
        return JSONResponse(answer, status)

    def refused(problem: str) -> Response:
        return JSONResponse({"version": preview.refresh().version, "problem": problem}, 400)

    async def events(request: Request) -> Response:
        return StreamingResponse(event_stream(preview, announcer), media_type="text/event-stream")

    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = asyncio.create_task(watch(preview, announcer))
        try:
            yield
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    routes = [
        Route("/", page),  # sync endpoints run in Starlette's thread pool: loading and rendering block
        Route("/assets/{name}", asset),
        Route("/api/state", state),
        Route("/api/article", article),
        Route("/events", events),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Guard, loopback=loopback)],
        exception_handlers={Exception: internal_error},
        lifespan=contextlib.asynccontextmanager(lifespan),
    )


def internal_error(request: Request, err: Exception) -> Response:
    """A bug of ours: one line for the page; uvicorn prints the traceback on the console."""
    return JSONResponse({"problem": f"internal error: {err!r}"}, 500)


async def event_stream(preview: Preview, announcer: Announcer) -> AsyncIterator[str]:
    """The content's version now and after every reload, until the server stops."""
    yield "retry: 1000\n\n"  # reconnect quickly after a restart of the server
    sent: int | None = None
    while not announcer.closed:
        changed = announcer.changed  # taken before the version is read, so no wake is missed
        snapshot = preview.snapshot
        if snapshot.version != sent:
            sent = snapshot.version
            yield f"data: {json.dumps({'version': sent, 'ok': not snapshot.errors})}\n\n"
            continue
        try:
            await asyncio.wait_for(changed.wait(), HEARTBEAT_SECONDS)
        except asyncio.TimeoutError:
            yield ": still here\n\n"  # lets a dead connection fail and end this stream


class _Server(uvicorn.Server):
    """uvicorn's server, ending the event streams first: its graceful shutdown waits for open responses."""

    def __init__(self, config: uvicorn.Config, announcer: Announcer) -> None:
        super().__init__(config)
        self.announcer = announcer

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.announcer.close()
        await super().shutdown(sockets)


class PreviewServer:
    """The preview app on a bound socket, run by uvicorn; `serve_forever` blocks, as socketserver's does."""

    def __init__(self, listening: socket.socket, preview: Preview) -> None:
        self.socket, self.preview = listening, preview
        self.server_address: tuple[str, int] = listening.getsockname()[:2]
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])
        announcer = Announcer()
        app = make_app(preview, announcer, self.loopback)
        # No logging set up and warnings only: the terminal shows our reload lines, not one per request.
        config = uvicorn.Config(
            app, log_config=None, log_level="warning", access_log=False, lifespan="on", server_header=False
        )
        self._server = _Server(config, announcer)
        self._running = threading.Event()
        self._stopped = threading.Event()

    @property
    def url(self) -> str:
        host = self.server_name
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.server_port}/"

    @property
    def loopback(self) -> bool:
        try:
            return ipaddress.ip_address(self.server_name).is_loopback
        except ValueError:
            return False

    def serve_forever(self) -> None:
        """Serve until `shutdown()` or, in the main thread, Ctrl-C (re-raised as KeyboardInterrupt)."""
        self._running.set()
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop `serve_forever` (running in another thread) and wait until it has returned."""
        self._server.should_exit = True
        if self._running.is_set():
            self._stopped.wait()

    def server_close(self) -> None:
        self.socket.close()
