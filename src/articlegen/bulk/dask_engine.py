"""The Dask engine: the same units on a Dask distributed cluster.

Units go out in batches (jobs.plan_batches), and only a bounded number
of tasks is in flight, so the client's memory stays flat however long the run.
Workers write through fsspec to --out themselves; only small results come back.
Each worker checks that its data and phrasebanks hash to the client's versions
before it writes anything.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from ..errors import ArticlegenError
from .jobs import Unit, plan_batches
from .work import UnitResult, WorkSpec, render_batch

TASKS_PER_WORKER = 4


def _connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ArticlegenError("--engine dask needs dask[distributed]; install articlegen[dask]") from None
    if scheduler in (None, "", "local"):
        cluster = LocalCluster(n_workers=workers or None, threads_per_worker=1, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError) as err:
        raise ArticlegenError(f"--scheduler {scheduler}: cannot connect: {err}") from None


def run_dask(
    spec: WorkSpec,
    units: Iterable[Unit],
    workers: int,
    scheduler: str | None,
    on_result: Callable[[UnitResult], None],
    total: int = 0,
    skipped: Callable[[], int] = lambda: 0,
) -> None:
    from distributed import as_completed

    client, cluster = _connect(scheduler, workers)
    try:
        cores = max(sum(client.nthreads().values()), 1)
        batches = plan_batches(units, cores, total, skipped)
        pending = as_completed()
        for batch in itertools.islice(batches, cores * TASKS_PER_WORKER):
            pending.add(client.submit(render_batch, spec, batch, pure=False))
        for future in pending:
            try:
                results = future.result()
            except ArticlegenError:
                raise
            except Exception as err:  # a worker lost, a write refused: the run cannot vouch for the rest
                raise ArticlegenError(f"a Dask task failed: {type(err).__name__}: {err}") from None
            for result in results:
                on_result(result)
            following = next(batches, None)
            if following:
                pending.add(client.submit(render_batch, spec, following, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
