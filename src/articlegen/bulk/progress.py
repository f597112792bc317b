"""Progress of a bulk run: a rich bar on a terminal, plain log lines otherwise or with --quiet."""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, Protocol


class Progress(Protocol):
    def skip(self, articles: int) -> None: ...
    def advance(self, articles: int, failed: int) -> None: ...
    def note(self, text: str) -> None: ...
    def close(self) -> None: ...


def open_progress(total: int, quiet: bool, every: float) -> Progress:
    if not quiet and sys.stderr.isatty():
        try:
            return RichProgress(total)
        except ImportError:
            pass
    return LogProgress(total, every)


def _rate_eta(done: int, total: int, started: float) -> tuple[float, str]:
    seconds = max(time.monotonic() - started, 1e-9)
    rate = done / seconds
    eta = f"{(total - done) / rate:,.0f} s" if rate > 0 else "?"
    return rate, eta


class LogProgress:
    """One line on stderr every `every` seconds, and one at the end."""

    def __init__(self, total: int, every: float) -> None:
        self.total, self.done, self.failed, self.every = total, 0, 0, every
        self.started = self.last = time.monotonic()
        self.base = 0  # articles skipped as complete do not count toward the rate
        self.lock = threading.Lock()  # skip() runs in the pool's feeding thread

    def skip(self, articles: int) -> None:
        with self.lock:
            self.done += articles
            self.base += articles

    def advance(self, articles: int, failed: int) -> None:
        with self.lock:
            self.done += articles
            self.failed += failed
            now = time.monotonic()
            if now - self.last >= self.every:
                self.last = now
                self._status()

    def note(self, text: str) -> None:
        self._line(text)

    def close(self) -> None:
        self._status()

    def _status(self) -> None:
        rate, eta = _rate_eta(self.done - self.base, self.total - self.base, self.started)
        share = self.done / self.total * 100 if self.total else 100.0
        self._line(
            f"{self.done:,}/{self.total:,} articles ({share:.1f}%), {rate:,.0f}/s, ETA {eta}, "
            f"{self.failed:,} failed"
        )

    @staticmethod
    def _line(text: str) -> None:
        print(f"articlegen bulk: {text}", file=sys.stderr, flush=True)


class RichProgress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.failed = 0
        self.started = time.monotonic()
        self.base = 0
        self.bar: Any = Bar(
            TextColumn("[bold]bulk"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            console=Console(stderr=True),  # standard output is the summary's, maybe a file's
            transient=False,
        )
        self.task = self.bar.add_task("bulk", total=total, rate="0", failed=0)
        self.bar.start()

    def skip(self, articles: int) -> None:
        self.base += articles
        self.bar.update(self.task, advance=articles)

    def advance(self, articles: int, failed: int) -> None:
        self.failed += failed
        done = self.bar.tasks[0].completed + articles
        rate = (done - self.base) / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, advance=articles, rate=f"{rate:,.0f}", failed=self.failed)

    def note(self, text: str) -> None:
        self.bar.console.print(f"articlegen bulk: {text}", markup=False, highlight=False)

    def close(self) -> None:
        self.bar.stop()
