"""The local engine: worker processes sharing the Generator the run has loaded.

Each worker has its own pipe and one batch of whole units at a time (jobs.plan_batches: a
folder's articles, up to 1,024; a message a batch, because every message costs the parent,
which shares the cores with the workers). The parent sends a worker its next batch as soon as
its results arrive, and records them after, so a worker waits only for the pipe; and it waits
on the pipes and the processes' sentinels together, so a worker that dies (the out-of-memory
killer's SIGKILL, a crash) is seen at once. multiprocessing.Pool, used before, replaced such a
worker but waited for its batch forever. A dead worker's batch goes to a new worker; a second
death ends the run with WorkerDied, and what is finished stays in the manifest for --resume.
Where processes fork, workers inherit the loaded Generator instead of loading their own.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from ..errors import ArticlegenError
from ..pipeline import Generator
from .charts import charts_folder
from .jobs import Unit, plan_batches
from .store import open_store
from .work import UnitResult, WorkSpec, adopt_generator, one_line, render_batch, render_unit, worker_state

DEATHS_SURVIVED = 1  # a run goes on after this many workers died; one more ends it
PARENT_CHECK_EVERY = 1.0  # seconds: how soon an idle worker whose run is gone exits
STOP_WAIT = 5.0  # seconds a worker has to exit when the run is done, before it is killed

_spec: WorkSpec | None = None
# The run's ends of the workers' pipes. A worker made by fork inherits them and closes them:
# while any copy is open, a worker whose run was killed would never see its pipe close.
_parent_ends: list[Connection] = []


class WorkerDied(ArticlegenError):
    """Worker processes died, more than the run survives; the message says which and how."""


def _init_worker(spec: WorkSpec) -> None:
    global _spec
    _spec = spec
    # Load now (unless inherited), so the first results are not late by the load time. An
    # error here is met again by the first batch, and the run ends with it.
    with contextlib.suppress(Exception):
        worker_state(spec)


def _render(units: list[Unit]) -> list[UnitResult]:
    assert _spec is not None
    return render_batch(_spec, units)


def _serve(conn: Connection, spec: WorkSpec) -> None:
    """A worker: a batch in, its results out, until the run sends None or is gone."""
    for end in _parent_ends:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's: it stops its workers
    _init_worker(spec)
    run = os.getppid()
    while True:
        while not conn.poll(PARENT_CHECK_EVERY):
            if os.getppid() != run:
                return
        try:
            units = conn.recv()
        except EOFError:
            return
        if units is None:
            return
        try:
            reply: tuple[str, Any] = ("done", _render(units))
        except Exception as err:  # not an article's failure (those are results): it ends the run
            reply = ("failed", err if _travels(err) else RuntimeError(one_line(err)))
        try:
            conn.send(reply)
        except OSError:
            return


def _travels(err: Exception) -> bool:
    """Whether the parent can unpickle `err` as it is."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return False
    return True


class _Worker:
    """A worker process, its pipe and the batch it has (None: idle)."""

    def __init__(self, spec: WorkSpec) -> None:
        self.conn, child = multiprocessing.Pipe()
        _parent_ends.append(self.conn)
        self.process: BaseProcess = multiprocessing.Process(target=_serve, args=(child, spec), daemon=True)
        self.process.start()
        child.close()
        self.batch: list[Unit] | None = None

    def give(self, batch: list[Unit] | None) -> None:
        self.batch = batch
        if batch is not None:
            with contextlib.suppress(OSError):  # it died: its sentinel says so, and the batch is retried
                self.conn.send(batch)

    def receive(self) -> tuple[str, Any] | None:
        """Its reply, or None when it died without one."""
        with contextlib.suppress(EOFError, OSError):
            if self.conn.poll():
                reply: tuple[str, Any] = self.conn.recv()
                return reply
        return None

    def end(self, gently: bool) -> None:
        if gently:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        else:
            self.process.terminate()
        self._reap()

    def bury(self) -> str:
        """What killed it, in words, once it is gone (its sentinel is ready, or its pipe closed)."""
        code = self._reap()
        if code is None:
            how = "closed its pipe"  # and lived on, of no use: it was killed
        elif code < 0:
            name = signal.Signals(-code).name
            how = f"killed by {name}" + (", as the out-of-memory killer does" if name == "SIGKILL" else "")
        else:
            how = f"exit status {code}"
        return f"worker process {self.process.pid} died ({how})"

    def _reap(self) -> int | None:
        """Wait for the process to end, killing it after STOP_WAIT; its exit code as it ended by itself."""
        self.process.join(STOP_WAIT)
        code = self.process.exitcode
        if code is None:
            self.process.kill()
            self.process.join()
        self.conn.close()
        _parent_ends.remove(self.conn)
        return code


def run_local(
    spec: WorkSpec,
    units: Iterable[Unit],
    workers: int,
    on_result: Callable[[UnitResult], None],
    generator: Generator | None = None,
    total: int = 0,
    skipped: Callable[[], int] = lambda: 0,
    note: Callable[[str], None] = lambda _: None,
) -> None:
    """`generator`: the one the run has loaded from the spec's content, if any, for the workers to share.

    `total` (the articles of all units, if known) and `skipped` (those --resume has skipped so
    far) give smaller batches near the end (jobs.plan_batches). `note` gets a line when a worker
    dies and the run goes on.
    """
    if generator is not None:
        adopt_generator(spec, generator)
    if workers <= 1:  # no pool: the same code in this process
        for unit in units:
            on_result(render_unit(spec, unit))
        return
    crew: list[_Worker] = []
    stopped = False
    try:
        crew.extend(_Worker(spec) for _ in range(workers))
        _work(spec, crew, plan_batches(units, workers, total, skipped), on_result, note)
        stopped = True
    finally:
        _end(spec, crew, gently=stopped)


def _work(
    spec: WorkSpec,
    crew: list[_Worker],
    batches: Iterator[list[Unit]],
    on_result: Callable[[UnitResult], None],
    note: Callable[[str], None],
) -> None:
    lost: list[list[Unit]] = []  # batches of dead workers, to go again
    deaths: list[str] = []

    def following() -> list[Unit] | None:
        return lost.pop() if lost else next(batches, None)

    for worker in crew:
        worker.give(following())
    while any(worker.batch is not None for worker in crew):
        ready = set(wait([w.conn for w in crew] + [w.process.sentinel for w in crew]))
        for worker in [w for w in crew if w.conn in ready or w.process.sentinel in ready]:
            reply = worker.receive()
            if reply is None:
                crew.remove(worker)
                deaths.append(worker.bury())
                _discard_partial(spec, worker)
                if len(deaths) > DEATHS_SURVIVED:
                    raise WorkerDied(f"{deaths[-1]}, after {'; '.join(deaths[:-1])}")
                if worker.batch is not None:
                    lost.append(worker.batch)
                    note(f"{deaths[-1]}; a new worker takes over its {_articles(worker.batch):,} articles")
                else:
                    note(f"{deaths[-1]} while idle; a new worker takes its place")
                crew.append(_Worker(spec))
                crew[-1].give(following())
                continue
            status, payload = reply
            if status == "failed":
                raise payload
            worker.give(following())
            for result in payload:
                on_result(result)


def _articles(batch: list[Unit]) -> int:
    return sum(len(unit.pairs) for unit in batch)


def _end(spec: WorkSpec, crew: list[_Worker], gently: bool) -> None:
    """Done: each worker is told to exit. Stopped (an error, Ctrl-C): each is terminated, and the
    temporary file of the write it was in the middle of is removed."""
    for worker in crew:
        if not gently:
            worker.process.terminate()
    for worker in crew:
        worker.end(gently)
        if not gently:
            _discard_partial(spec, worker)


def _discard_partial(spec: WorkSpec, worker: _Worker) -> None:
    if worker.batch is not None and worker.process.pid is not None:
        store = open_store(spec.out)
        store.remove_partial((unit.path for unit in worker.batch), worker.process.pid)
        if spec.charts:
            store.remove_partial_in((charts_folder(unit.path) for unit in worker.batch), worker.process.pid)
