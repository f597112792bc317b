"""The local engine: a pool of worker processes sharing the Generator the run has loaded.

Units stream in and results stream out, in batches: every message between the
processes wakes the pool's threads in the parent, which shares the two cores with
the workers, so a message carries a batch of whole units (jobs.plan_batches: a
folder's articles, up to 1,024). A semaphore bounds the batches in flight, because
Pool would otherwise read the whole input at once and memory would grow with the
run. Where processes fork, workers inherit the loaded Generator instead of loading
their own.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator

from ..pipeline import Generator
from .jobs import Unit, plan_batches
from .work import UnitResult, WorkSpec, adopt_generator, render_batch, render_unit, worker_state

IN_FLIGHT_PER_WORKER = 4  # batches

_spec: WorkSpec | None = None


def _init_worker(spec: WorkSpec) -> None:
    global _spec
    _spec = spec
    # Load now (unless inherited), so the first results are not late by the load time. An error
    # raised here would make Pool start new workers forever; the first unit meets it again, and
    # the run ends with it.
    with contextlib.suppress(Exception):
        worker_state(spec)


def _render(units: list[Unit]) -> list[UnitResult]:
    assert _spec is not None
    return render_batch(_spec, units)


def run_local(
    spec: WorkSpec,
    units: Iterable[Unit],
    workers: int,
    on_result: Callable[[UnitResult], None],
    generator: Generator | None = None,
    total: int = 0,
    skipped: Callable[[], int] = lambda: 0,
) -> None:
    """`generator`: the one the run has loaded from the spec's content, if any, for the workers to share.

    `total` (the articles of all units, if known) and `skipped` (those --resume has skipped so
    far) give smaller batches near the end (jobs.plan_batches).
    """
    if generator is not None:
        adopt_generator(spec, generator)
    if workers <= 1:  # no pool: the same code in this process
        for unit in units:
            on_result(render_unit(spec, unit))
        return
    in_flight = workers * IN_FLIGHT_PER_WORKER
    slots, stop = threading.Semaphore(in_flight), threading.Event()

    def admit() -> bool:
        slots.acquire()
        return not stop.is_set()

    def bounded() -> Iterator[list[Unit]]:  # runs in the pool's task thread
        for batch in plan_batches(units, workers, total, skipped):
            if not admit():
                return
            yield batch

    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(spec,)) as pool:
        try:
            for results in pool.imap_unordered(_render, bounded()):
                slots.release()
                for result in results:
                    on_result(result)
        finally:
            # On an error or Ctrl-C, the task thread may wait for a slot: free it, or closing
            # the pool waits for that thread forever.
            stop.set()
            slots.release(in_flight)
