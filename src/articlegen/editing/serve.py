"""The live preview behind `articlegen serve`: a local page that re-reads content files when they change.

One `Preview` owns the loaded content. It fingerprints the phrasebank and data files (name, mtime,
size, inode) on every poll of the server loop and on every API request, and reloads the side that
changed: a data edit does not recompile the phrasebanks. A reload that fails keeps no Generator
at all, so the page shows the error instead of stale wording. Pages learn of a new version through
Server-Sent Events (/events).
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import socketserver
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import jinja2

from ..errors import ArticlegenError, DataError, PhrasebankError, RenderError, UnknownOccupationError
from ..facts.load import Catalog, load_catalog
from ..facts.yamlio import display_path
from ..pipeline import Generator
from ..render.annotated import render_annotated_html
from ..resources import Workspace, current_workspace
from ..wording.phrasebank import Phrasebank, read_phrasebank

ASSET_DIR = Path(__file__).resolve().parent / "serve_assets"
DATA_SUFFIXES = (".yaml", ".yml", ".json")  # occupation records and the OEWS dataset
ASSET_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 15.0
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

Fingerprint = tuple[tuple[str, int, int, int], ...]


@dataclass(frozen=True)
class Snapshot:
    """One load of the content: a Generator, or the problems that stopped it loading."""

    version: int
    generator: Generator | None
    errors: tuple[str, ...]  # each `file:line[:col]: message`, or a bare message
    occupations: tuple[tuple[str, str], ...] = ()  # (slug, title) of every possible subject, by title


Loaded = TypeVar("Loaded")
Problems = tuple[str, ...]


class _Unusable(Exception):
    def __init__(self, problems: Problems) -> None:
        super().__init__(problems)
        self.problems = problems


def read_bank(directory: Path, show: Callable[[str], str] | None = None) -> Phrasebank:
    """Load the phrasebanks, failing with every problem lint's load pass finds, not just the first.

    `show` renames the files that problems and sentences name (the CLI's: relative to the project
    folder); without it they are named as loaded, relative to the working directory.
    """
    bank, problems, _ = read_phrasebank(directory)
    if problems:
        shown = (
            problem if show is None else replace(problem, file=show(problem.file)) for problem in problems
        )
        raise _Unusable(tuple(str(problem) for problem in shown))  # `file:line:col: message`
    return bank if show is None else with_files_shown(bank, show)


def with_files_shown(bank: Phrasebank, show: Callable[[str], str]) -> Phrasebank:
    """The phrasebank with each message's and variant's file renamed, so that the page's sources
    and render errors name files as `show` does."""
    names: dict[str, str] = {}  # a few files, hundreds of variants

    def name(file: str) -> str:
        if file not in names:
            names[file] = show(file)
        return names[file]

    messages = {
        message_id: replace(
            message,
            file=name(message.file),
            variants=tuple(replace(variant, file=name(variant.file)) for variant in message.variants),
        )
        for message_id, message in bank.messages.items()
    }
    return replace(bank, messages=MappingProxyType(messages))


def attempt(load: Callable[[Path], Loaded], directory: Path) -> Loaded | Problems:
    """The loaded content, or the one-line reasons it cannot be used."""
    try:
        return load(directory)
    except _Unusable as err:
        return err.problems
    except ArticlegenError as err:
        return (str(err),)
    except Exception as err:  # a bug of ours, not the editor's: say so on the page, keep serving
        traceback.print_exc()
        return (f"internal error while loading {display_path(directory)} ({err!r}); please report it",)


def fingerprint(directory: Path, suffixes: tuple[str, ...], recursive: bool) -> Fingerprint:
    """What changes when an editor saves, adds, deletes or atomically replaces a content file."""
    seen = []
    pending = [directory]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # a missing directory is reported by the load itself
        for entry in entries:
            try:
                if recursive and entry.is_dir():
                    pending.append(Path(entry.path))
                elif entry.name.endswith(suffixes):
                    stat = entry.stat()
                    seen.append((entry.path, stat.st_mtime_ns, stat.st_size, stat.st_ino))
            except OSError:
                continue  # deleted while we looked: the next poll sees the new state
    return tuple(sorted(seen))


def list_subjects(catalog: Catalog) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((o.slug, o.title) for o in catalog), key=lambda row: (row[1].casefold(), row[0])))


class Preview:
    """The current content and its version; thread-safe."""

    def __init__(
        self,
        data_dir: Path,
        phrasebank_dir: Path,
        on_reload: Callable[[Snapshot], None] | None = None,
        show: Callable[[str], str] | None = None,
    ) -> None:
        self.data_dir, self.phrasebank_dir = data_dir, phrasebank_dir
        self._on_reload = on_reload
        self.show = show
        self._reload_lock = threading.Lock()
        self._render_lock = threading.Lock()  # the realizer's helpers (inflect) were not written for threads
        self._changed = threading.Condition()
        self._prints: tuple[Fingerprint | None, Fingerprint | None] = (None, None)
        self._phrasebank: Phrasebank | Problems = ("not loaded yet",)
        self._catalog: Catalog | Problems = ("not loaded yet",)
        self._snapshot = Snapshot(0, None, ("not loaded yet",))
        self._last_poll = 0.0
        self.closed = False
        self.refresh()

    def watched(self) -> list[Path]:
        return [self.phrasebank_dir, self.data_dir]

    def name(self, path: Path) -> str:
        """A watched folder as the page names it, as `show` names files."""
        return self.show(str(path)) if self.show is not None else display_path(path)

    def refresh(self) -> Snapshot:
        """The content as the files are now, reloading what changed since the last look."""
        with self._reload_lock:
            self._last_poll = time.monotonic()
            # Taken before loading, so a save during the load is seen on the next look.
            prints = (
                fingerprint(self.phrasebank_dir, (".yaml",), recursive=False),
                fingerprint(self.data_dir, DATA_SUFFIXES, recursive=True),
            )
            if prints == self._prints:
                return self._snapshot
            if prints[0] != self._prints[0]:
                self._phrasebank = attempt(partial(read_bank, show=self.show), self.phrasebank_dir)
            if prints[1] != self._prints[1]:
                self._catalog = attempt(load_catalog, self.data_dir)
            self._prints = prints
            self._publish()
            return self._snapshot

    def _publish(self) -> None:
        bank, catalog = self._phrasebank, self._catalog
        version = self._snapshot.version + 1
        if isinstance(bank, Phrasebank) and isinstance(catalog, Catalog):
            snapshot = Snapshot(version, Generator(catalog, bank), (), list_subjects(catalog))
        else:
            errors = tuple(line for part in (bank, catalog) if isinstance(part, tuple) for line in part)
            snapshot = Snapshot(version, None, errors)
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()
        if self._on_reload:
            self._on_reload(snapshot)

    def poll(self) -> None:
        if time.monotonic() - self._last_poll >= POLL_SECONDS:
            self.refresh()

    def wait_for_change(self, version: int | None, timeout: float) -> Snapshot:
        """The snapshot once its version differs from `version`, or after `timeout` seconds, or on close."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self._snapshot.version != version, timeout)
            return self._snapshot

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def article(self, a: str, b: str, seed: int) -> tuple[HTTPStatus, dict[str, Any]]:
        """The JSON answer for one pair: the annotated article, the content's errors, or a problem."""
        snapshot = self.refresh()
        answer: dict[str, Any] = {"version": snapshot.version}
        if snapshot.generator is None:
            return HTTPStatus.UNPROCESSABLE_ENTITY, {**answer, "errors": list(snapshot.errors)}
        try:
            with self._render_lock:
                document = snapshot.generator.document(a, b, seed)
        except UnknownOccupationError as err:
            return HTTPStatus.NOT_FOUND, {**answer, "problem": str(err)}
        except (PhrasebankError, RenderError, DataError) as err:  # the editor's content, not the request
            return HTTPStatus.UNPROCESSABLE_ENTITY, {**answer, "errors": [str(err)]}
        except ArticlegenError as err:
            return HTTPStatus.BAD_REQUEST, {**answer, "problem": str(err)}
        return HTTPStatus.OK, {
            **answer,
            "title": document.title.text,
            "subjects": list(document.subjects),
            "html": render_annotated_html(document, local_paths=True),  # the editor opens what it names
        }

    def state(self) -> dict[str, Any]:
        snapshot = self.refresh()
        return {
            "version": snapshot.version,
            "errors": list(snapshot.errors),
            "occupations": [{"slug": slug, "title": title} for slug, title in snapshot.occupations],
        }


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not keep the process alive after Ctrl-C

    def __init__(
        self, address: tuple[str, int], family: socket.AddressFamily, preview: Callable[[], Preview]
    ) -> None:
        self.address_family = family
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(ASSET_DIR)), autoescape=True, undefined=jinja2.StrictUndefined
        )
        super().__init__(address, PreviewHandler, bind_and_activate=False)
        try:  # bind before loading anything, so a busy port is reported at once
            self.server_bind()
            self.server_activate()
        except OSError:
            self.socket.close()
            raise
        self.preview = preview()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up a fully qualified name we never use; on some networks that stalls.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

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

    def serve_forever(self, poll_interval: float = POLL_SECONDS) -> None:
        super().serve_forever(poll_interval)

    def service_actions(self) -> None:
        super().service_actions()
        self.preview.poll()

    def shutdown(self) -> None:
        self.preview.close()
        super().shutdown()

    def server_close(self) -> None:
        self.preview.close()
        super().server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed the tab or reloaded: nothing to report
        super().handle_error(request, client_address)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "articlegen-serve"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: one line per request would bury the reload messages."""

    def do_GET(self) -> None:
        if not self._host_allowed():
            self._send_text(HTTPStatus.FORBIDDEN, "articlegen serve answers only to localhost names\n")
            return
        url = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        try:
            if url.path == "/":
                self._send_page()
            elif url.path.startswith("/assets/"):
                self._send_asset(url.path.removeprefix("/assets/"))
            elif url.path == "/api/state":
                self._send_json(HTTPStatus.OK, self.server.preview.state())
            elif url.path == "/api/article":
                self._send_article(query)
            elif url.path == "/events":
                self._send_events()
            else:
                self._send_text(HTTPStatus.NOT_FOUND, f"no page at {url.path}\n")
        except ConnectionError:
            pass
        except Exception as err:  # a bug of ours: one line for the page, the traceback for the console
            traceback.print_exc()
            self._send_json(HTTPStatus.INTERNAL_SERVER_ERROR, {"problem": f"internal error: {err!r}"})

    def _host_allowed(self) -> bool:
        """Refuse DNS-rebinding requests: a loopback server answers only to loopback names."""
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").strip()
        name = host[1:].partition("]")[0] if host.startswith("[") else host.rpartition(":")[0] or host
        return name.lower() in LOOPBACK_NAMES

    def _send_article(self, query: dict[str, str]) -> None:
        a, b = query.get("a", "").strip(), query.get("b", "").strip()
        preview = self.server.preview
        if not a or not b:
            problem = "choose two occupations"
            self._send_json(
                HTTPStatus.BAD_REQUEST, {"version": preview.refresh().version, "problem": problem}
            )
            return
        try:
            seed = int(query.get("seed") or 0)
        except ValueError:
            problem = f"seed must be a whole number, not {query['seed']!r}"
            self._send_json(
                HTTPStatus.BAD_REQUEST, {"version": preview.refresh().version, "problem": problem}
            )
            return
        status, answer = preview.article(a, b, seed)
        self._send_json(status, answer)

    def _send_page(self) -> None:
        preview = self.server.preview
        page = self.server.pages.get_template("index.html").render(
            watching=[preview.name(p) for p in preview.watched()]
        )
        self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8", csp=True)

    def _send_asset(self, name: str) -> None:
        path = ASSET_DIR / name
        kind = ASSET_TYPES.get(path.suffix)
        if "/" in name or kind is None or not path.is_file():
            self._send_text(HTTPStatus.NOT_FOUND, f"no asset {name}\n")
            return
        self._send(HTTPStatus.OK, path.read_bytes(), kind)

    def _send_events(self) -> None:
        """Server-Sent Events: the content's version now and after every reload, until the server stops."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.server.preview
        self.wfile.write(b"retry: 1000\n\n")  # reconnect quickly after a restart of the server
        sent: int | None = None
        while not preview.closed:
            snapshot = preview.wait_for_change(sent, HEARTBEAT_SECONDS)
            if preview.closed:
                break
            if snapshot.version == sent:
                self.wfile.write(b": still here\n\n")  # lets a dead connection fail and end this thread
                continue
            sent = snapshot.version
            event = json.dumps({"version": snapshot.version, "ok": not snapshot.errors})
            self.wfile.write(f"data: {event}\n\n".encode())

    def _send_json(self, status: HTTPStatus, body: dict[str, Any]) -> None:
        self._send(status, json.dumps(body, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _send_text(self, status: HTTPStatus, text: str) -> None:
        self._send(status, text.encode(), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str, csp: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if csp:
            self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.end_headers()
        self.wfile.write(body)


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
    workspace = workspace or current_workspace()
    data = Path(data_dir) if data_dir is not None else workspace.data_dir
    bank = Path(phrasebank_dir) if phrasebank_dir is not None else workspace.phrasebank_dir
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    except (socket.gaierror, UnicodeError) as err:
        raise ArticlegenError(f"cannot listen on {host}: {getattr(err, 'strerror', None) or err}") from None
    try:
        return PreviewServer((host, port), family, lambda: Preview(data, bank, on_reload, workspace.show))
    except OSError as err:
        raise ArticlegenError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
