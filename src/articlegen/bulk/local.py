"""The local engine: a pool of worker processes, each loading the Generator once.

Units stream in and results stream out (imap_unordered with chunks); a semaphore
bounds the units in flight, because Pool would otherwise read the whole input at
once and memory would grow with the run.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator

from .jobs import Unit
from .work import UnitResult, WorkSpec, render_unit, worker_state

CHUNK = 16  # units a task: enough to hide the pool's per-task cost, small enough to share out evenly
IN_FLIGHT_PER_WORKER = 8 * CHUNK

_spec: WorkSpec | None = None


def _init_worker(spec: WorkSpec) -> None:
    global _spec
    _spec = spec
    worker_state(spec)  # load now, so the first results are not late by the load time


def _render(unit: Unit) -> UnitResult:
    assert _spec is not None
    return render_unit(_spec, unit)


def run_local(
    spec: WorkSpec, units: Iterable[Unit], workers: int, on_result: Callable[[UnitResult], None]
) -> None:
    if workers <= 1:  # no pool: the same code in this process
        for unit in units:
            on_result(render_unit(spec, unit))
        return
    slots = threading.Semaphore(workers * IN_FLIGHT_PER_WORKER)

    def bounded() -> Iterator[Unit]:
        for unit in units:
            slots.acquire()
            yield unit

    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(spec,)) as pool:
        for result in pool.imap_unordered(_render, bounded(), chunksize=CHUNK):
            slots.release()
            on_result(result)
