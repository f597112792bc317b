"""`articlegen serve`: the HTTP API on a copy of the bundled content, then the page in a real browser."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from articlegen import ArticlegenError
from articlegen.editing.serve import make_server

from .conftest import ROOT, require, require_that, write_occupation

if TYPE_CHECKING:
    from articlegen.editing.app import PreviewServer

PAIR = ("recovery-agent", "collections-associate")
HEADING = "heading.salary"  # a message whose wording is one line, easy to edit in place
UNCLOSED = "{{ a | title "


def copy_content(directory: Path) -> tuple[Path, Path]:
    data, bank = directory / "data", directory / "phrasebanks" / "en"
    shutil.copytree(ROOT / "data" / "occupations", data / "occupations")
    shutil.copytree(ROOT / "phrasebanks" / "en", bank)
    return data, bank


def preview_app() -> ModuleType:
    """The server's module; without the preview extra, these tests skip (and fail in CI)."""
    return require("articlegen.editing.app", "no preview server: the preview extra is not installed")


def run_server(content: tuple[Path, Path]) -> Iterator[PreviewServer]:
    preview_app()
    running = make_server("127.0.0.1", 0, *content)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()
    thread.join(timeout=5)


@pytest.fixture
def content(tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the bundled data and phrasebanks, free to edit."""
    return copy_content(tmp_path)


@pytest.fixture
def server(content: tuple[Path, Path]) -> Iterator[PreviewServer]:
    yield from run_server(content)


@pytest.fixture(scope="module")
def shared_content(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy for the tests that only read; loading content is what makes a server slow to start."""
    return copy_content(tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="module")
def reader(shared_content: tuple[Path, Path]) -> Iterator[PreviewServer]:
    yield from run_server(shared_content)


def get(server: PreviewServer, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def get_json(server: PreviewServer, path: str) -> tuple[int, dict[str, Any]]:
    status, body = get(server, path)
    return status, json.loads(body)


def article(server: PreviewServer, a: str = PAIR[0], b: str = PAIR[1]) -> tuple[int, dict[str, Any]]:
    return get_json(server, "/api/article?" + urllib.parse.urlencode({"a": a, "b": b}))


def wording(server: PreviewServer, message: str = HEADING) -> tuple[Path, int, str]:
    """Where the served article says a message's wording is: file, line, and the text it printed."""
    status, body = article(server)
    assert status == 200, body
    span = next(s for s in spans_of(body["html"]).spans if s.get("data-message") == message)
    file, line = span["data-source"].rsplit(":", 1)
    return Path(file), int(line), span["text"]


def reword(path: Path, line: int, text: str) -> str:
    """Save the file with the variant text on `line` replaced, as an editor would; returns the original."""
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    quoted = json.dumps(text)  # a JSON string is a YAML double-quoted scalar
    lines[line - 1], found = re.subn(
        r'text:\s*("[^"]*"|[^,}\n]*)', lambda _: f"text: {quoted}", lines[line - 1], count=1
    )
    assert found == 1, f"no variant text on line {line} of {path}"
    path.write_text("".join(lines), encoding="utf-8")
    return original


class SpanCollector(HTMLParser):
    """Every annotated span of an article, with its text, and any element that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[dict[str, str]] = []
        self.scripts: list[str] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "script" or any(key.startswith("on") for key in found):
            self.scripts.append(tag)
        if tag == "span" and "s" in found.get("class", "").split():
            self._open = {**found, "text": ""}

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open is not None:
            self.spans.append(self._open)
            self._open = None


def spans_of(html: str) -> SpanCollector:
    collector = SpanCollector()
    collector.feed(html)
    collector.close()
    return collector


def test_article_carries_message_variant_and_the_line_of_the_variant(reader, shared_content):
    status, body = article(reader)
    assert status == 200
    assert body["subjects"] == list(PAIR)
    spans = spans_of(body["html"]).spans
    worded = [s for s in spans if s["data-source"] != "data"]
    assert len(worded) > 20
    data = [s for s in spans if s["data-source"] == "data"]
    assert "collections-associate.description" in {s["data-facts"] for s in data}
    for span in worded:
        file, line = re.fullmatch(r"(.+\.yaml):(\d+)", span["data-source"]).groups()
        assert Path(file).parent == shared_content[1]
        # The line is the variant's text; the nearest `id:` at or above it names the variant.
        lines = Path(file).read_text(encoding="utf-8").splitlines()[: int(line)]
        declared = next(m for text in reversed(lines) if (m := re.search(r"\bid:\s*([\w.-]+)", text)))
        assert declared.group(1) == span["data-variant"], span


def test_saving_a_phrasebank_file_changes_the_served_article(server, content):
    before = article(server)[1]
    path, line, _ = wording(server)
    reword(path, line, "Pay & perks")
    status, after = article(server)
    assert status == 200
    assert after["version"] > before["version"]
    heading = next(s for s in spans_of(after["html"]).spans if s.get("data-message") == HEADING)
    assert heading["text"] == "Pay & perks"
    assert "Pay &amp; perks" in after["html"]


def test_each_phrasebank_problem_is_reported_with_its_place_and_fixing_them_recovers(server):
    heading, title = wording(server), wording(server, "title")
    originals = {path: path.read_text(encoding="utf-8") for path in (heading[0], title[0])}
    reword(heading[0], heading[1], UNCLOSED)
    reword(title[0], title[1], "{{ a | titel }}")
    status, body = article(server)
    assert status == 422
    assert "html" not in body  # no stale wording
    places = {re.match(r"(.+\.yaml):(\d+):\d+: \S", error).groups() for error in body["errors"]}
    assert places == {(str(heading[0]), str(heading[1])), (str(title[0]), str(title[1]))}
    assert not any("Traceback" in error for error in body["errors"])
    state = get_json(server, "/api/state")[1]
    assert state["errors"] == body["errors"]
    assert state["occupations"] == []

    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")
    assert (wording(server), wording(server, "title")) == (heading, title)


def test_a_broken_data_file_is_reported_with_its_field(server, content):
    write_occupation(content[0], "broken", "title: Broken\nsalary:\n  yearly: lots\n")
    status, body = article(server)
    assert status == 422
    [error] = body["errors"]
    assert re.search(r"broken\.yaml: salary\.yearly: .*\(line 3\)", error), error


def test_an_unknown_occupation_is_named_with_the_closest_matches(reader):
    status, body = article(reader, "recovery-agnet", "collections-associate")
    assert status == 404
    assert body["problem"].startswith("unknown occupation 'recovery-agnet'; did you mean recovery-agent")
    status, body = article(reader, "recovery-agent", "Recovery Agent")
    assert status == 400
    assert "two different" in body["problem"]
    status, body = get_json(reader, "/api/article?a=recovery-agent")
    assert (status, body["problem"]) == (400, "choose two occupations")


def test_a_hostile_title_is_escaped_everywhere(server, content):
    hostile = "<script>alert(1)</script>"
    write_occupation(content[0], "hostile", f'title: "{hostile}"\n')
    status, body = article(server, "hostile", PAIR[1])
    assert status == 200, body
    parsed = spans_of(body["html"])
    assert parsed.scripts == []
    assert any(hostile in span["text"] for span in parsed.spans)
    assert hostile.lower() in body["title"].lower()
    state = get_json(server, "/api/state")[1]
    assert {"slug": "hostile", "title": hostile} in state["occupations"]
    status, page = get(server, "/")
    assert status == 200
    assert "<script>alert" not in page


def test_events_announce_each_reload(server, content):
    with urllib.request.urlopen(server.url + "events", timeout=10) as stream:

        def next_event() -> dict[str, Any]:
            while not (line := stream.readline().decode()).startswith("data:"):
                pass
            return json.loads(line.removeprefix("data:"))

        first = next_event()
        path, line, _ = wording(server)
        reword(path, line, "Earnings")
        second = next_event()  # no request is made: the file watcher noticed the save
    assert second["version"] == first["version"] + 1
    assert second["ok"] is True


def next_event(stream: Any) -> dict[str, Any]:
    while not (line := stream.readline().decode()).startswith("data:"):
        pass
    return json.loads(line.removeprefix("data:"))


def test_a_save_reaches_the_page_through_the_file_watcher(server):
    """Nothing looks at the files while none changes; the OS's notice of a save starts the reload."""
    path, line, _ = wording(server)
    looks: list[float] = []
    refresh = server.preview.refresh

    def counted() -> Any:
        looks.append(time.monotonic())
        return refresh()

    server.preview.refresh = counted  # the watcher's calls; no request is made until the event
    with urllib.request.urlopen(server.url + "events", timeout=10) as stream:
        first = next_event(stream)
        time.sleep(1.0)  # four intervals of the polling this replaced
        assert looks == []
        # Saved as many editors save: a new file, which the watcher ignores, renamed over the old one.
        draft = shutil.copy(path, path.with_suffix(".yaml.tmp"))
        reword(draft, line, "Take-home pay")
        saved = time.monotonic()
        os.replace(draft, path)
        second = next_event(stream)
    assert looks and looks[0] >= saved
    assert second["version"] == first["version"] + 1
    assert wording(server)[2] == "Take-home pay"


def test_a_second_save_within_the_second_is_seen_where_the_watcher_polls(content, monkeypatch):
    """watchfiles' polling compares whole seconds (samuelcolvin/watchfiles#319), as on WSL; the
    preview's second look after a batch, with its nanosecond fingerprint, sees the save it misses."""
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    for server in run_server(content):
        path, line, _ = wording(server)
        with urllib.request.urlopen(server.url + "events", timeout=10) as stream:
            first = next_event(stream)
            reword(path, line, "Pay, first")
            assert next_event(stream)["version"] == first["version"] + 1
            second, part = divmod(path.stat().st_mtime_ns, 10**9)
            reword(path, line, "Pay, again")  # as long as the first: only the time tells them apart
            same_second = second * 10**9 + (part + 1) % 10**9
            os.utime(path, ns=(same_second, same_second))
            assert next_event(stream)["version"] == first["version"] + 2
        assert wording(server)[2] == "Pay, again"


def test_the_preview_polls_where_the_os_cannot_watch(monkeypatch, capsys):
    """Out of inotify watches, the preview says so in one line and goes on, with watchfiles polling."""
    calls: list[bool | None] = []

    async def awatch(*folders: Path, force_polling: bool | None = None, **options: Any) -> Any:
        calls.append(force_polling)
        if not force_polling:
            raise OSError("OS file watch limit reached")
        yield {("modified", str(folders[0] / "salary.yaml"))}

    class Content:
        refreshed = 0

        def watched(self) -> list[Path]:
            return [ROOT / "phrasebanks" / "en"]

        def refresh(self) -> None:
            self.refreshed += 1

    app = preview_app()
    monkeypatch.setattr(app.watchfiles, "awatch", awatch)
    content, announcer = Content(), app.Announcer()
    waiting = announcer.changed
    asyncio.run(app.watch(content, announcer))
    assert (calls, content.refreshed, waiting.is_set()) == ([None, True], 1, True)
    assert capsys.readouterr().err == (
        "articlegen: cannot watch the content files (OS file watch limit reached); polling them instead\n"
    )


def test_without_the_preview_extra_the_command_fails_in_one_line(tmp_path):
    code = (
        "import sys; sys.modules['watchfiles'] = None; "  # as if not installed
        "from articlegen.cli import main; main(['serve', '--port', '0'], prog_name='articlegen')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (result.returncode, result.stdout) == (2, "")
    needs = "the preview needs watchfiles, which is not installed: pip install 'articlegen[preview]'"
    assert result.stderr == f"articlegen: {needs}\n"


def test_requests_for_other_names_and_files_are_refused(reader):
    request = urllib.request.Request(reader.url, headers={"Host": "attacker.example:80"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert get(reader, "/assets/..%2Fserve.py")[0] == 404
    assert get(reader, "/assets/index.html")[0] == 404
    assert get(reader, "/assets/app.js")[0] == 200


def test_a_busy_port_is_reported_in_one_line(reader):
    with pytest.raises(ArticlegenError, match=rf"^cannot listen on 127\.0\.0\.1:{reader.server_port}: \w"):
        make_server("127.0.0.1", reader.server_port, None, None)


def _outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_command_binds_to_loopback_by_default_and_stops_cleanly_on_ctrl_c(content, tmp_path):
    preview_app()
    data, bank = content
    # As from a terminal: Ctrl-C raises KeyboardInterrupt even if this test runs with SIGINT ignored.
    code = (
        "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from articlegen.cli.serve import serve; serve(prog_name='articlegen serve')"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--data", str(data), "--phrasebanks", str(bank)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + process.stderr.read()
        port = int(match.group(1))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/state", timeout=10) as response:
            assert json.loads(response.read())["errors"] == []
        outward = _outward_address()
        if outward:
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((outward, port), timeout=5).close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
        assert out.strip() == "Stopped."
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0
    assert "Traceback" not in err
    assert err == ""


# End to end, in Debian's chromium driven by Playwright (which must not download its own browser).


def _chromium() -> str | None:
    candidates = [os.environ.get("ARTICLEGEN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]
    return next((found for name in candidates if name and (found := shutil.which(name))), None)


@pytest.fixture
def browser_page(server):
    sync_api = require("playwright.sync_api", "no browser: the Python package playwright is not installed")
    executable = _chromium()
    require_that(executable, "no browser: no chromium binary on PATH (Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(5000)
        yield page, sync_api.expect
        browser.close()


def test_the_page_previews_a_pair_and_follows_edits_in_a_browser(browser_page, server, content):
    page, expect = browser_page
    page.goto(server.url)
    expect(page.locator("#article h1 .s")).to_be_visible()

    page.fill("#a", "Recovery Agent")
    page.fill("#b", "collections-associate")
    expect(page.locator("#article h1")).to_contain_text("Recovery agent")
    expect(page.locator("#article h1")).to_contain_text("collections associate")
    assert page.locator("#occupations option").count() == len(list(content[0].glob("occupations/*.yaml")))
    page.evaluate("window.sameDocument = true")

    path, line, text = wording(server)
    heading = page.locator(f'#article .s[data-message="{HEADING}"]')
    expect(page.locator("#info-fields")).to_be_hidden()
    heading.hover()
    expect(page.locator("#info-message")).to_have_text(HEADING)
    expect(page.locator("#info-variant")).to_have_text(heading.get_attribute("data-variant"))
    expect(page.locator("#info-source")).to_have_text(f"{path}:{line}")
    heading.click()
    page.locator("#article .s.data").first.hover()
    expect(page.locator("#info-source")).to_have_text("data file")
    page.mouse.move(1, 1)  # leaving the article shows the clicked sentence again
    expect(page.locator("#info-message")).to_have_text(HEADING)

    original = reword(path, line, "Earnings <b>now</b>")
    expect(heading).to_have_text("Earnings <b>now</b>")
    expect(heading).to_have_class(re.compile(r"\bpinned\b"))

    reword(path, line, UNCLOSED)
    expect(page.locator("#errors")).to_be_visible()
    where = re.compile(rf"^{re.escape(str(path))}:{line}:\d+$")
    expect(page.locator("#error-list .where")).to_have_text(where)
    expect(page.locator("#article .s")).to_have_count(0)

    path.write_text(original, encoding="utf-8")
    expect(heading).to_have_text(text)
    expect(page.locator("#errors")).to_be_hidden()
    assert page.evaluate("window.sameDocument") is True  # updated in place, never reloaded
